package overview

import (
	"strings"

	"slate/ui/common"
)

// View renders exactly the body area: height lines of width cells.
func (m *Model) View() string {
	w, h := m.width, m.height
	if m.checks != nil {
		return common.Block(m.checks.View(m.ctx.Styles, w, h), w, h)
	}
	m.resolve()
	lay := m.layout()
	m.scroll(lay)
	lines := m.headerLines(lay)
	if m.form != nil {
		// The form goes under the details it edits, which stay in sight.
		body := m.bodyView(lay, lines)
		return common.OverlayKeeping(body, m.form.View(m.ctx.Styles), w, h, len(lines)-1)
	}
	return m.bodyView(lay, lines)
}

// bodyView renders the screen below the header lines already made.
func (m *Model) bodyView(lay layout, lines []string) string {
	w, h := m.width, m.height
	if lay.blankTop {
		lines = append(lines, "")
	}
	if lay.middle > 0 {
		lines = append(lines, common.Block(m.middleLines(lay), w, lay.middle))
	}
	if lay.blankGap {
		lines = append(lines, "")
	}
	lines = append(lines, m.gapLines(lay)...)
	return common.Block(splitLines(lines), w, h)
}

// middleLines renders the target list with the FR picture beside or below it.
func (m *Model) middleLines(lay layout) []string {
	st := m.ctx.Styles
	if len(m.ctx.Data.M.Rows) == 0 {
		return []string{
			st.Header.Render(common.Line("No zones yet: press 2 to add zones", lay.w)),
			st.Muted.Render(common.Line("then interview each zone and conduit; e edits the details above.", lay.w)),
		}
	}
	list := m.listLines(lay)
	switch {
	case lay.side:
		for len(list) < lay.middle {
			list = append(list, "")
		}
		return common.Beside(list, lay.listW, st.Muted.Render(sideSep), m.frLines(lay.fr, lay.frW, lay.middle))
	case lay.frBelow:
		for len(list) < 2+lay.listRows {
			list = append(list, "")
		}
		return append(append(list, ""), m.frLines(lay.fr, lay.w, frPanelRows)...)
	}
	return list
}

// splitLines flattens lines that hold several lines (blocks) into one each.
func splitLines(in []string) []string {
	out := make([]string, 0, len(in))
	for _, l := range in {
		out = append(out, strings.Split(l, "\n")...)
	}
	return out
}
