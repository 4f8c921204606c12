package overview

import (
	"strconv"

	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/report"
	"slate/ui/common"
)

// gapLines renders the worst-gaps section: a heading and lay.gapRows lines.
func (m *Model) gapLines(lay layout) []string {
	if lay.gapRows < 0 {
		return nil
	}
	if m.findings {
		return m.findingLines(lay)
	}
	st := m.ctx.Styles
	c := &m.cache
	w := lay.w

	title := st.Header.Render("Largest gaps")
	if p := c.plant; p.GapCells > 0 {
		title += st.Muted.Render(" · " + common.Plural(p.GapCells, "gap cell", "gap cells") + " in " + strconv.Itoa(p.GapTargets) +
			" of " + strconv.Itoa(p.Targets) + " targets")
	}
	// The cells' notation is explained where they are shown: beside the
	// FR picture when it has room, else on the heading's line, else on a
	// line of its own under the gaps.
	right, legendRow := "", false
	if !lay.frLegend() {
		if common.Width(title)+2+common.Width(legend) <= w {
			right = st.Muted.Render(legend)
		} else {
			legendRow = lay.gapRows >= 2 && len(c.gaps) > 0
		}
	}
	lines := []string{common.Spread(title, right, w)}
	if len(c.gaps) == 0 {
		msg := "No gaps: every assessed target meets its SL-T in every FR."
		if c.plant.NotAssessed > 0 {
			msg = "No gaps found so far; " + common.Plural(c.plant.NotAssessed, "cell is", "cells are") + " not assessed yet."
		}
		return append(lines, "  "+st.OK.Render(common.Line(msg, w-2)))
	}

	rows := lay.gapRows
	if legendRow {
		rows--
	}
	shown := c.gaps[:min(rows, len(c.gaps))]
	// The name column as wide as the widest shown name, leaving room for
	// the FR, the cell and the FR's name.
	nw := 0
	for _, g := range shown {
		nw = max(nw, lipgloss.Width(common.Line(g.Target.Name, maxNameWidth)))
	}
	rest := 2 + 2 + 3 + 2 + model.MaxCellWidth
	nw = max(0, min(nw, w-rest))
	for _, g := range shown {
		row := "  " + common.Fit(g.Target.Name, nw) + "  " + g.FR.String() + "  " + cellText(st, g.Score)
		if room := w - lipgloss.Width(row) - 2; room >= 12 {
			row += "  " + st.Muted.Render(common.Line(shortFR[g.FR-1], room))
		}
		lines = append(lines, row)
	}
	if legendRow {
		lines = append(lines, st.Muted.Render(common.Line(legend, w)))
	}
	return lines
}

// findingLines renders the seven common findings in the bottom section:
// found, not found or not assessed, where, and the work that removes it.
func (m *Model) findingLines(lay layout) []string {
	st := m.ctx.Styles
	w := lay.w
	lines := []string{common.Spread(st.Header.Render("Common findings"), st.Muted.Render("c: largest gaps"), w)}
	for i, f := range m.cache.commonFindings(m.ctx) {
		if i >= lay.gapRows {
			break
		}
		state := st.OK
		switch f.State {
		case model.FindingFound:
			state = st.Gap2
		case model.FindingNotAssessed:
			state = st.NotAssessed
		}
		where := report.FindingWhere(f)
		if work := report.FindingWork(f); work != "-" {
			where += " · " + work
		}
		row := "  " + state.Render(common.Fit(f.State.Describe(), 12)) + " " + common.Fit(f.Title, 30) + " "
		lines = append(lines, row+st.Muted.Render(common.Line(where, max(0, w-lipgloss.Width(row)))))
	}
	return lines
}
