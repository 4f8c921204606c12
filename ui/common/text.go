package common

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
)

// The text helpers every screen lays its lines out with. User text goes
// through Line, Fit, Right or Wrap, which make it safe for the terminal;
// the others work on lines the screens have already made and styled.

// Line makes user text safe for one terminal line: control characters and
// escape sequences are stripped, breaks become spaces, and the result is
// cut to w cells (by display width, with an ellipsis). Printable ASCII, the
// bulk of an assessment's text, takes a fast path with the same result.
func Line(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if printable(s) {
		if len(s) > w {
			return s[:w-1] + "…"
		}
		return s
	}
	s = model.CleanLine(s)
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// Fit is Line padded with spaces to exactly w cells.
func Fit(s string, w int) string {
	if w > 0 && printable(s) && len(s) < w {
		return s + spaces(w-len(s))
	}
	return PadStyled(Line(s, w), w)
}

// Right is Fit aligned to the right (numbers).
func Right(s string, w int) string { return PadLeft(Line(s, w), w) }

// TextWidth is the display width of user text once made safe (uncut).
func TextWidth(s string) int {
	if printable(s) {
		return len(s)
	}
	return ansi.StringWidth(model.CleanLine(s))
}

// printable reports whether s is printable ASCII: text that Line returns
// unchanged when it fits, one cell per byte.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// Width is the display width of a rendered line (styles ignored). Lines of
// ASCII, SGR sequences and the narrow symbols the screens draw (rules,
// arrows, ellipsis, Latin letters) are measured in one pass over the
// bytes; any other text goes to lipgloss.Width, which walks grapheme
// clusters and is about ten times slower.
func Width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '[' { // CSI: parameters, then a final byte
				j := i + 2
				for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
					j++
				}
				i = j + 1
				continue
			}
			return lipgloss.Width(s)
		case c >= 0x20 && c < 0x7f:
			n++
			i++
			continue
		case c < 0x80:
			return lipgloss.Width(s)
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !narrow(r) {
			return lipgloss.Width(s)
		}
		n++
		i += size
	}
	return n
}

// narrow reports whether r is one cell wide and never combines: Latin-1
// and Latin Extended-A letters, general punctuation, arrows, box drawing
// and geometric shapes.
func narrow(r rune) bool {
	switch {
	case r >= 0xa1 && r <= 0x17f && r != 0xad:
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2190 && r <= 0x21ff, r >= 0x2500 && r <= 0x25ff:
		return true
	}
	return false
}

// PadStyled pads an already styled string with spaces to w cells.
func PadStyled(s string, w int) string {
	if pad := w - Width(s); pad > 0 {
		return s + spaces(pad)
	}
	return s
}

// PadLeft pads an already styled string on the left to w cells.
func PadLeft(s string, w int) string {
	if pad := w - Width(s); pad > 0 {
		return spaces(pad) + s
	}
	return s
}

// Exact pads or cuts an already styled line to exactly w cells (a wide
// character that would straddle the edge is replaced by padding).
func Exact(s string, w int) string {
	sw := Width(s)
	if sw > w {
		s = ansi.Truncate(s, max(0, w), "")
		sw = Width(s)
	}
	if sw < w {
		return s + spaces(w-sw)
	}
	return s
}

// blanks serves the padding of a line without allocating it.
var blanks = strings.Repeat(" ", 512)

// spaces returns n spaces.
func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// Spread puts left and right on one line of w cells, dropping right and
// then cutting left when they do not both fit. Both may be styled.
func Spread(left, right string, w int) string {
	lw, rw := Width(left), Width(right)
	if lw+1+rw > w {
		right, rw = "", 0
	}
	if lw > w {
		left = ansi.Truncate(left, w, "…")
		lw = Width(left)
	}
	if rw == 0 {
		return left
	}
	return left + spaces(w-lw-rw) + right
}

// Beside lays two blocks of lines side by side: each left line cut or
// padded to lw cells, then sep, then the right line.
func Beside(left []string, lw int, sep string, right []string) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = Exact(l, lw) + sep + r
	}
	return out
}

// Plural counts a thing in words: "1 answer", "12 answers", "0 answers"
// (model.Plural, the one helper for counts, under the name screens use).
func Plural(n int, one, many string) string { return model.Plural(n, one, many) }

// KeepText returns original when edited differs from it only by the line
// breaks and runs of spaces a one-line field cannot show, so that opening
// a form and saving it does not flatten a multi-line text.
func KeepText(edited, original string) string {
	if strings.Join(strings.Fields(edited), " ") == strings.Join(strings.Fields(model.CleanText(original)), " ") {
		return original
	}
	return edited
}

// Wrap makes user text safe and wraps it to w cells, keeping its own line
// breaks; at most maxLines lines are returned (0 = all), the last one ending
// in an ellipsis when text was cut.
func Wrap(s string, w, maxLines int) []string {
	if w <= 0 {
		return nil
	}
	s = strings.ReplaceAll(model.CleanText(s), "\t", "    ")
	var out []string
	for _, para := range strings.Split(s, "\n") {
		wrapped := ansi.Wrap(para, w, " -")
		out = append(out, strings.Split(wrapped, "\n")...)
	}
	if maxLines > 0 && len(out) > maxLines {
		out = out[:maxLines]
		last := out[maxLines-1]
		if ansi.StringWidth(last) >= w {
			last = ansi.Truncate(last, w-1, "")
		}
		out[maxLines-1] = last + "…"
	}
	return out
}

// FitLines pads or cuts lines to exactly h lines of exactly w cells, so
// blocks can be laid side by side without drifting.
func FitLines(lines []string, w, h int) []string {
	out := make([]string, h)
	blank := spaces(max(0, w))
	for i := range h {
		if i < len(lines) {
			out[i] = Exact(lines[i], w)
		} else {
			out[i] = blank
		}
	}
	return out
}

// Block is FitLines joined into one string.
func Block(lines []string, w, h int) string {
	return strings.Join(FitLines(lines, w, h), "\n")
}

// Bar draws a horizontal bar of w cells filled to frac, in characters that
// read without colour ("#" filled, "." empty).
func (s *Styles) Bar(frac float64, w int) string {
	if w <= 0 {
		return ""
	}
	frac = max(0, min(1, frac))
	n := int(frac*float64(w) + 0.5)
	return s.BarFull.Render(strings.Repeat("#", n)) + s.BarEmpty.Render(strings.Repeat(".", w-n))
}

// Center places a dialog in the middle of a w x h area and cuts it to fit,
// so a large dialog on a small terminal never spills over the screen.
func Center(w, h int, content string) string {
	placed := lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, content)
	return Block(strings.Split(placed, "\n"), w, h)
}
