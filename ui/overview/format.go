package overview

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// shortFR names the foundational requirements in at most 22 cells.
var shortFR = [model.NumFR]string{
	"Identification & auth.",
	"Use control",
	"System integrity",
	"Data confidentiality",
	"Restricted data flow",
	"Timely response",
	"Resource availability",
}

const shortFRWidth = 22

func itoa(n int) string { return strconv.Itoa(n) }

// countText is "answered/applicable".
func countText(answered, applicable int) string {
	return itoa(answered) + "/" + itoa(applicable)
}

// pctText is a right-aligned percentage in 4 cells ("n/a" when nothing applies).
func pctText(answered, applicable int) string {
	if applicable == 0 {
		return " n/a"
	}
	p := answered * 100 / applicable
	return padLeft(itoa(p)+"%", 4)
}

func frac(answered, applicable int) float64 {
	if applicable == 0 {
		return 0
	}
	return float64(answered) / float64(applicable)
}

// levelPair is "SL-A/SL-T" with a * on a provisional SL-A: "1*/2".
func levelPair(s model.FRScore) string {
	a := itoa(int(s.SLA))
	if s.Provisional {
		a += "*"
	}
	return a + "/" + itoa(int(s.SLT))
}

// gapText says the gap in words so it reads without colour; w is 5 cells.
func gapText(st *common.Styles, s model.FRScore) string {
	switch {
	case s.SLT == 0:
		return st.Muted.Render(padRight("-", 5))
	case s.Gap == 0:
		return st.GapStyle(0, true).Render(padRight("ok", 5))
	}
	return st.GapStyle(int(s.Gap), true).Render("gap " + itoa(int(s.Gap)))
}

// maxGapText is a target's largest gap over its FRs, in 5 cells.
func maxGapText(st *common.Styles, r *model.MatrixRow) string {
	if r.Target.SLT.Max() == 0 {
		return st.Muted.Render(padRight("-", 5))
	}
	g := int(r.Score.MaxGap())
	if g == 0 {
		return st.GapStyle(0, true).Render(padRight("ok", 5))
	}
	return st.GapStyle(g, true).Render("gap " + itoa(g))
}

func padLeft(s string, w int) string {
	if pad := w - ansi.StringWidth(s); pad > 0 {
		return strings.Repeat(" ", pad) + s
	}
	return s
}

func padRight(s string, w int) string {
	if pad := w - ansi.StringWidth(s); pad > 0 {
		return s + strings.Repeat(" ", pad)
	}
	return s
}

// spread puts left and right on one line of w cells, cutting right first
// and then left when they do not both fit. Both may be styled.
func spread(left, right string, w int) string {
	lw, rw := lipgloss.Width(left), lipgloss.Width(right)
	if lw+1+rw > w {
		right, rw = "", 0
	}
	if lw > w {
		left = ansi.Truncate(left, w, "…")
		lw = lipgloss.Width(left)
	}
	if rw == 0 {
		return left
	}
	return left + strings.Repeat(" ", w-lw-rw) + right
}

// beside lays two blocks of lines side by side: left padded to lw cells,
// then sep, then right.
func beside(left []string, lw int, sep string, right []string) []string {
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
		if lipgloss.Width(l) > lw {
			l = ansi.Truncate(l, lw, "")
		}
		out[i] = common.PadStyled(l, lw) + sep + r
	}
	return out
}
