package overview

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// barWidth is the width of a level bar: four levels of cell cells and five
// places for the SL-T marker between and around them.
func barWidth(cell int) int { return 4*cell + 5 }

// levelBar draws SL-A against SL-T on a 4-step scale so it reads without
// colour: "#" for each level reached, "." for each level not reached, and
// "|" at the SL-T. SL-A 1 against SL-T 2 with one cell per level:
//
//	" # .|. . "
func levelBar(st *common.Styles, s model.FRScore, cell int) string {
	var b strings.Builder
	for l := range model.MaxLevel + 1 {
		if l == s.SLT {
			b.WriteString(st.BarGoal.Render("|"))
		} else {
			b.WriteString(" ")
		}
		if l == model.MaxLevel {
			break
		}
		lv := l + 1
		switch {
		case lv <= s.SLA:
			b.WriteString(st.BarFull.Render(strings.Repeat("#", cell)))
		case lv <= s.SLT:
			b.WriteString(st.CellStyle(s).Render(strings.Repeat(".", cell)))
		default:
			b.WriteString(st.BarEmpty.Render(strings.Repeat(".", cell)))
		}
	}
	return b.String()
}

// levelScale is the "1 2 3 4" heading over levelBar.
func levelScale(cell int) string {
	var b strings.Builder
	for l := 1; l <= int(model.MaxLevel); l++ {
		b.WriteString(" ")
		b.WriteString(common.PadStyled(strconv.Itoa(l), cell))
	}
	b.WriteString(" ")
	return b.String()
}

// frLines renders the FR picture of the selected target: its name, the
// scale and one row per FR, then a legend when rows are left; at most rows
// lines of width w.
func (m *Model) frLines(o frOpts, w, rows int) []string {
	st := m.ctx.Styles
	r, ok := m.selectedRow()
	if !ok || rows <= 0 {
		return nil
	}
	kind := st.Muted.Render(" · " + r.Target.Kind.String())
	title := st.Header.Render(common.Line(r.Target.Name, max(1, w-lipgloss.Width(kind))))
	lines := []string{title + kind}

	name := func(s string) string {
		if !o.names {
			return ""
		}
		return common.Fit(s, shortFRWidth) + " "
	}
	head := "FR  " + name("") + levelScale(o.cell) + "  " + common.PadStyled("A/T", model.MaxCellWidth)
	if o.counts {
		head += "  " + common.PadLeft("answered", countCol)
	}
	lines = append(lines, st.Muted.Render(common.Line(head, w)))

	for _, fr := range model.FRs {
		s := r.Score.At(fr)
		row := fr.String() + " " + st.Muted.Render(name(shortFR[fr-1])) + levelBar(st, s, o.cell) +
			"  " + cellText(st, s)
		if o.counts {
			row += "  " + st.Muted.Render(common.PadLeft(countText(s.Answered, s.Applicable), countCol))
		}
		lines = append(lines, row)
	}
	if leg := legendLines(w); rows >= len(lines)+1+len(leg) {
		lines = append(lines, "")
		for _, l := range leg {
			lines = append(lines, st.Muted.Render(common.Line(l, w)))
		}
	}
	if rows >= len(lines)+1 {
		lines = append(lines, st.Muted.Render(common.Line("enter: interview "+common.Line(r.Target.Name, w), w)))
	}
	if len(lines) > rows {
		lines = lines[:rows]
	}
	return lines
}

// countCol is the width of the per-FR "answered" column.
const countCol = 8

// legend explains the bars and the cell markers, in one line or two.
const (
	legend     = legendBars + "  " + legendStar
	legendBars = "# SL-A reached  | SL-T  -N gap"
	legendStar = "* provisional  c compensating  ? not assessed"
)

// legendLines is the legend in one line when it fits in w cells, else two.
func legendLines(w int) []string {
	if lipgloss.Width(legend) <= w {
		return []string{legend}
	}
	return []string{legendBars, legendStar}
}

// frLegend reports whether the FR picture beside the list has room for
// its legend (then the worst gaps need not repeat it).
func (lay layout) frLegend() bool {
	return lay.side && lay.middle >= frPanelRows+1+len(legendLines(lay.frW))
}

// selectedRow returns the matrix row under the cursor.
func (m *Model) selectedRow() (*model.MatrixRow, bool) {
	rows := m.ctx.Data.M.Rows
	if m.cursor < 0 || m.cursor >= len(rows) {
		return nil, false
	}
	return &rows[m.cursor], true
}
