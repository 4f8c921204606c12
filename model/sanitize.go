package model

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sink is where a text is written. Every text that reaches a terminal, a
// CSV, Markdown or HTML file or a JSON document passes Sanitize for its
// sink at the writer, whatever its source (a user, an imported document, a
// catalog, a crafted file), so the rules live here and nowhere else.
type Sink int

const (
	// SinkText: text shown on a terminal or kept in a text file (plain
	// text, Markdown). Escape sequences, C0 and C1 control characters other
	// than line break and tab, bidirectional overrides and invalid UTF-8
	// are removed (CleanText).
	SinkText Sink = iota
	// SinkCSV: a spreadsheet cell. As SinkText, and a cell that a
	// spreadsheet would run as a formula (=, +, -, @, or their full-width
	// forms, after any leading spaces, tabs or line breaks) is prefixed
	// with an apostrophe.
	SinkCSV
	// SinkMarkdown: inline Markdown on one line. As SinkText with line
	// breaks and tabs folded into spaces, and every character Markdown or a
	// renderer's HTML would act on escaped, so the text reads literally.
	SinkMarkdown
	// SinkHTML: text content for html/template, which escapes the markup;
	// as SinkText (a browser shows a control character as a box, and a
	// bidirectional override reorders what the reader sees).
	SinkHTML
	// SinkJSON: an encoded JSON text. Nothing is removed (a JSON document
	// round-trips): DEL, C1 controls, bidirectional overrides and the line
	// and paragraph separators, which encoding/json writes raw, are escaped
	// as \uXXXX, so a document shown on a terminal carries none of them.
	SinkJSON
)

// Sanitize makes s safe for sink.
func Sanitize(sink Sink, s string) string {
	switch sink {
	case SinkText, SinkHTML:
		return CleanText(s)
	case SinkCSV:
		return neutraliseFormula(CleanText(s))
	case SinkMarkdown:
		return mdEscaper.Replace(CleanLine(s))
	case SinkJSON:
		return escapeJSON(s)
	}
	panic(fmt.Sprintf("model.Sanitize: unknown sink %d", sink))
}

// formulaStarts are the characters a spreadsheet reads as the start of a
// formula (LibreOffice also takes the full-width forms).
const formulaStarts = "=+-@＝＋－＠"

// IsFormula reports whether a spreadsheet would run cell as a formula:
// after leading whitespace (a tab or line break before "=" does not stop
// Excel) it starts with a formula character, and it is not a plain number.
func IsFormula(cell string) bool {
	t := strings.TrimLeftFunc(cell, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(t)
	if t == "" || !strings.ContainsRune(formulaStarts, r) {
		return false
	}
	_, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	return err != nil
}

func neutraliseFormula(s string) string {
	if IsFormula(s) {
		return "'" + s
	}
	return s
}

// SanitizingWriter returns a writer that passes every chunk written to w
// through Sanitize(sink): the boundary for outputs that are text as a whole
// (a terminal, an HTML page, a JSON document). Chunks must hold whole
// characters, as fmt, text/template and encoding/json write them.
func SanitizingWriter(sink Sink, w io.Writer) io.Writer { return &sanitizingWriter{sink, w} }

type sanitizingWriter struct {
	sink Sink
	w    io.Writer
}

func (s *sanitizingWriter) Write(p []byte) (int, error) {
	// A chunk Sanitize would return unchanged is written as it is: most of
	// a report, which would otherwise be copied once more on its way out.
	switch {
	case (s.sink == SinkText || s.sink == SinkHTML) && isCleanBytes(p), s.sink == SinkJSON && isPlain(p):
		if _, err := s.w.Write(p); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	if _, err := io.WriteString(s.w, Sanitize(s.sink, string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// mdEscaper escapes text so that it reads literally in Markdown: no HTML
// reaches a renderer, and emphasis, links and code spans are not triggered.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "#", `\#`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "~", `\~`,
)

// escapeJSON escapes, as \uXXXX, what encoding/json leaves raw and a
// terminal would act on. These characters can only occur inside strings of
// a valid JSON text, where the escape means the same character.
func escapeJSON(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == 0x7f || r >= 0x80 && r < 0xa0 || isBidiControl(r) || r == 0x2028 || r == 0x2029 {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
