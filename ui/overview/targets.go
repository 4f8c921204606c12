package overview

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"slate/ui/common"
)

// listCols is the column layout of the target list at one width.
type listCols struct {
	name, bar int
	gap       bool // the largest-gap column
}

func (m *Model) listCols(lw int) listCols {
	c := &m.cache
	fixed := 2 + 1 + 1 + c.countW + 1 + 4 // marker, spaces, counts, percentage
	cols := listCols{gap: lw >= 60}
	if cols.gap {
		fixed += 2 + summaryW
	}
	rest := max(0, lw-fixed)
	const minBar, maxBar = 8, 30
	cols.name = max(min(c.nameW, rest-minBar), min(rest, 6))
	cols.name = max(cols.name, min(rest-minBar, lipgloss.Width(allTargets)))
	cols.bar = min(maxBar, max(0, rest-cols.name))
	return cols
}

// listLines renders the list heading, the overall total and the visible
// part of the target list: exactly 2+lay.listRows lines of lay.listW cells.
func (m *Model) listLines(lay layout) []string {
	st := m.ctx.Styles
	d := m.ctx.Data
	lw := lay.listW
	cols := m.listCols(lw)
	c := &m.cache

	list := c.list
	end := min(len(list), m.offset+lay.listRows)
	// Arrows say the list goes on above or below: it scrolls with the
	// cursor (j/k, end), so nothing is out of reach at 80x24.
	more := ""
	if m.offset > 0 {
		more += " ↑"
	}
	if end < len(list) {
		more += " ↓"
	}
	pos := st.Muted.Render("target " + strconv.Itoa(m.cursor+1) + " of " + strconv.Itoa(len(d.M.Rows)) + more)
	lines := []string{common.Spread(st.Header.Render("Completeness")+st.Muted.Render(" · "+d.Scope.Label()), pos, lw)}

	total := "  " + st.Header.Render(common.Fit(allTargets, cols.name)) + " " +
		m.countCells(st, cols, c.answered, c.applic)
	lines = append(lines, total)

	for i := m.offset; i < end; i++ {
		e := list[i]
		switch {
		case e.heading && i == end-1 && end < len(list):
			// A section cut off under its heading says how to reach it.
			lines = append(lines, st.Muted.Render(common.Line(e.label+" · ↓ to see them", lw)))
		case e.heading:
			lines = append(lines, st.Muted.Render(common.Line(e.label, lw)))
		case e.row == m.cursor:
			lines = append(lines, st.Selected.Render(m.targetRow(e.row, cols, lw, true)))
		default:
			lines = append(lines, c.row(d, e.row, lw, func(r int) string {
				return m.targetRow(r, cols, lw, false)
			}))
		}
	}
	return lines
}

// countCells renders "bar answered/applicable pct" for a list row.
func (m *Model) countCells(st *common.Styles, cols listCols, answered, applicable int) string {
	bar := ""
	if cols.bar > 0 {
		bar = st.Bar(frac(answered, applicable), cols.bar) + " "
	}
	return bar + common.PadLeft(countText(answered, applicable), m.cache.countW) + " " + pctText(answered, applicable)
}

// targetRow renders one target of the list. The selected row is built with
// plain styles so the selection style covers it evenly; its ">" marker
// shows the selection without colour.
func (m *Model) targetRow(i int, cols listCols, lw int, selected bool) string {
	st := m.ctx.Styles
	marker := "  "
	if selected {
		st = plainStyles(st)
		marker = "> "
	}
	r := &m.ctx.Data.M.Rows[i]
	sum := r.Summary()
	a, p := sum.Answered, sum.Applicable
	var b strings.Builder
	b.WriteString(marker)
	b.WriteString(common.Fit(r.Target.Name, cols.name))
	b.WriteString(" ")
	b.WriteString(m.countCells(st, cols, a, p))
	if cols.gap {
		b.WriteString("  ")
		b.WriteString(targetText(st, r))
	}
	return common.PadStyled(b.String(), lw)
}

// plainStyles is a copy of the theme whose bar and gap styles add nothing,
// for text that is styled as a whole (the selected row).
func plainStyles(st *common.Styles) *common.Styles {
	p := *st
	none := lipgloss.NewStyle()
	p.BarFull, p.BarEmpty, p.BarGoal = none, none, none
	p.GapNone, p.Gap1, p.Gap2, p.NotAssessed, p.Muted = none, none, none, none, none
	return &p
}

const allTargets = "All targets"
