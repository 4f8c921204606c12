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

// pctText is a target's completeness right-aligned in 4 cells.
func pctText(answered, applicable int) string {
	return padLeft(model.Percent(answered, applicable), 4)
}

func frac(answered, applicable int) float64 {
	if applicable == 0 {
		return 0
	}
	return float64(answered) / float64(applicable)
}

// cellText is a cell of the gap matrix, the model's text padded to the
// widest one and coloured by its state.
func cellText(st *common.Styles, s model.FRScore) string {
	return st.CellStyle(s).Render(padRight(s.Text(), model.MaxCellWidth))
}

// targetText is a target's state over its FRs ("-2", "?", "ok", "-"), in
// summaryW cells, coloured like a cell.
func targetText(st *common.Styles, r *model.MatrixRow) string {
	s := r.Summary()
	style := st.GapNone
	switch s.State() {
	case model.StateNoTarget:
		style = st.Muted
	case model.StateNotAssessed:
		style = st.NotAssessed
	case model.StateGap:
		style = st.GapStyle(int(s.MaxGap))
	}
	return style.Render(padRight(s.Text(), summaryW))
}

// summaryW is the width of the per-target state column.
const summaryW = 2

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
