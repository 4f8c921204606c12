package overview

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// gapLines renders the worst-gaps section: a heading and lay.gapRows lines.
func (m *Model) gapLines(lay layout) []string {
	if lay.gapRows < 0 {
		return nil
	}
	st := m.ctx.Styles
	d := m.ctx.Data
	c := &m.cache
	w := lay.w

	title := st.Header.Render("Worst gaps")
	if len(c.gaps) > 0 {
		title += st.Muted.Render(" · " + strconv.Itoa(c.gapFRs) + " FR gaps in " + strconv.Itoa(c.gapTgts) +
			" of " + strconv.Itoa(len(d.M.Rows)) + " targets")
	}
	right := ""
	if !lay.frLegend() {
		right = st.Muted.Render(legend)
	}
	lines := []string{common.Spread(title, right, w)}
	if len(c.gaps) == 0 {
		return append(lines, "  "+st.OK.Render(common.Line("No gaps: every target meets its SL-T in every FR.", w-2)))
	}

	shown := c.gaps[:min(lay.gapRows, len(c.gaps))]
	// Columns as wide as the widest shown name and FR list, leaving room
	// for the levels; the FR's name follows when a line is about one FR.
	nw, fw := 0, 0
	for _, g := range shown {
		nw = max(nw, lipgloss.Width(common.Line(d.M.Rows[g.row].Target.Name, maxNameWidth)))
		fw = max(fw, lipgloss.Width(frList(g.frs)))
	}
	rest := 2 + 2 + fw + 2 + 4 + 2 + 5
	nw = max(0, min(nw, w-rest))
	for _, g := range shown {
		row := "  " + common.Fit(d.M.Rows[g.row].Target.Name, nw) + "  " + common.PadStyled(frList(g.frs), fw) +
			"  " + common.PadStyled(levelPair(g.score), 4) + "  " + gapText(st, g.score)
		if len(g.frs) == 1 {
			if room := w - lipgloss.Width(row) - 2; room >= 12 {
				row += "  " + st.Muted.Render(common.Line(shortFR[g.frs[0]-1], room))
			}
		}
		lines = append(lines, row)
	}
	return lines
}

// frList names FRs compactly: "FR1", "FR1,3", "FR1-4,6".
func frList(frs []model.FR) string {
	var b strings.Builder
	b.WriteString("FR")
	for i := 0; i < len(frs); {
		j := i
		for j+1 < len(frs) && frs[j+1] == frs[j]+1 {
			j++
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(strconv.Itoa(int(frs[i])))
		switch {
		case j >= i+2:
			b.WriteString("-" + strconv.Itoa(int(frs[j])))
		case j == i+1:
			b.WriteString("," + strconv.Itoa(int(frs[j])))
		}
		i = j + 1
	}
	return b.String()
}
