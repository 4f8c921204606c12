package report

import (
	"html/template"
	"strings"
)

// htmlAnswerRows writes the rows of the answer tables (unmet requirements,
// compensating controls, the appendix). It is the one piece of markup built
// outside the template, for speed: a large plant has tens of thousands of
// answers, and html/template spends about a microsecond on every value it
// escapes. The markup here is constant; every value, including the class
// names, goes through template.HTMLEscapeString before it is written, and
// the rows are placed in the text context of a <tbody>, where that escaping
// is the right one. TestHTMLHostile parses the output back to check it.
func htmlAnswerRows(rows []htmlAnswer) template.HTML {
	var b strings.Builder
	b.Grow(htmlRowsSize(rows))
	for i := range rows {
		htmlWriteAnswerRow(&b, &rows[i])
	}
	return template.HTML(b.String())
}

// htmlRowsSize estimates the bytes htmlAnswerRows writes.
func htmlRowsSize(rows []htmlAnswer) int {
	n := 0
	for i := range rows {
		a := &rows[i]
		n += 200 + len(a.ID) + len(a.Title) + len(a.Note) + len(a.Just) + len(a.AnsweredBy) + len(a.Assessor) + len(a.Files)
	}
	return n
}

func htmlWriteAnswerRow(b *strings.Builder, a *htmlAnswer) {
	w := b.WriteString
	esc := func(s string) { b.WriteString(template.HTMLEscapeString(s)) }
	w("<tr><td><b>")
	esc(a.ID)
	w("</b> ")
	esc(a.Title)
	w("</td><td>")
	esc(a.SL)
	w(`</td><td><span class="badge `)
	esc(a.StClass)
	w(`">`)
	esc(a.Status)
	w("</span>")
	if a.Method != "" {
		w(` <span class="how">`)
		esc(a.Method)
		w("</span>")
	}
	if a.Flagged {
		w(` <span class="flag">⚑&nbsp;flagged</span>`)
	}
	w("</td><td>")
	if a.Just != "" {
		w(`<span class="lbl">`)
		esc(a.JustLabel)
		w("</span><div>")
		esc(a.Just)
		w("</div>")
		if a.Note != "" {
			w(`<span class="lbl">Note</span>`)
		}
	}
	w("<div>")
	esc(a.Note)
	w("</div>")
	if a.Files != "" {
		w(`<div class="files"><span class="lbl">Evidence</span> `)
		esc(a.Files)
		w("</div>")
	}
	w("</td><td>")
	esc(a.AnsweredBy)
	w("<div>")
	esc(a.Assessor)
	w("</div></td><td>")
	esc(a.At)
	w("</td></tr>\n")
}
