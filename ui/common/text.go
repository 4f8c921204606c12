package common

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
)

// Line makes user text safe for one terminal line: control characters and
// escape sequences are stripped, breaks become spaces, and the result is
// cut to w cells (by display width, with an ellipsis).
func Line(s string, w int) string {
	s = model.CleanLine(s)
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// Fit is Line padded with spaces to exactly w cells.
func Fit(s string, w int) string {
	s = Line(s, w)
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// PadStyled pads an already styled string to w cells.
func PadStyled(s string, w int) string {
	if pad := w - lipgloss.Width(s); pad > 0 {
		return s + strings.Repeat(" ", pad)
	}
	return s
}

// Plural is "1 thing" or "N things".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// PadLeft right-aligns an already styled string in w cells.
func PadLeft(s string, w int) string {
	if pad := w - lipgloss.Width(s); pad > 0 {
		return strings.Repeat(" ", pad) + s
	}
	return s
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

// Block joins lines and pads or cuts the block to exactly h lines of w cells,
// so screens can be laid side by side without drifting.
func Block(lines []string, w, h int) string {
	out := make([]string, h)
	for i := range h {
		if i < len(lines) {
			l := lines[i]
			if lipgloss.Width(l) > w {
				l = ansi.Truncate(l, w, "")
			}
			out[i] = PadStyled(l, w)
		} else {
			out[i] = strings.Repeat(" ", w)
		}
	}
	return strings.Join(out, "\n")
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
