package matrix

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Update handles keys (the screen is active) and GoTo messages. The screen
// asks for no store operations; changes made on other screens reach it
// through ctx.Data.Version, which sync compares here and in View.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	m.sync()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.drill != nil {
			return m.drillKey(msg)
		}
		return m.matrixKey(msg)
	case common.GoTo:
		if msg.Screen == m.ID() {
			m.goTo(msg)
		}
	}
	return nil
}

func (m *Model) matrixKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(m.rows())
	if n == 0 {
		return nil
	}
	if to, ok := m.keys.Target(k, m.row, m.listHeight()-1, n); ok {
		m.moveTo(to, m.col)
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Left):
		m.moveTo(m.row, m.col-1)
	case key.Matches(k, m.keys.Right):
		m.moveTo(m.row, m.col+1)
	case key.Matches(k, m.keys.Enter):
		m.openDrill(m.key, model.FR(m.col+1))
	case key.Matches(k, m.keys.Scope):
		m.ctx.Data.SetScope(m.ctx.Data.Scope.Toggle())
		m.sync()
	}
	return nil
}

// moveTo puts the cursor on a cell (clamped) and scrolls to it.
func (m *Model) moveTo(row, col int) {
	rows := m.rows()
	if len(rows) == 0 {
		return
	}
	m.row = min(max(row, 0), len(rows)-1)
	m.col = min(max(col, 0), model.NumFR-1)
	m.key = rows[m.row].Target.Key
	m.scrollToCursor()
}

// scrollToCursor keeps the cursor's line in the list area. Moving up onto
// the first target of a section also shows the section's label, and the
// list never scrolls past its end.
func (m *Model) scrollToCursor() {
	c := &m.cache
	listH := m.listHeight()
	if len(c.rowLine) == 0 || m.row >= len(c.rowLine) {
		m.offset = 0
		return
	}
	line := c.rowLine[m.row]
	top := line
	if line > 0 && c.lines[line-1] < 0 {
		top = line - 1 // the section label above it
	}
	if top < m.offset {
		m.offset = top
	}
	if line >= m.offset+listH {
		m.offset = line - listH + 1
	}
	m.offset = max(0, min(m.offset, len(c.lines)-listH))
}

// goTo shows a cell asked for by another screen (GoTo{Screen:
// ScreenMatrix, Target, FR}); with a requirement it opens the drill-down
// there.
func (m *Model) goTo(g common.GoTo) {
	if g.Target == "" {
		return
	}
	for i, r := range m.rows() {
		if r.Target.Key != g.Target {
			continue
		}
		col := m.col
		if g.FR.Valid() {
			col = int(g.FR) - 1
		}
		m.drill = nil
		m.moveTo(i, col)
		if g.Requirement != "" {
			m.openDrill(g.Target, model.FR(col+1))
			m.drill.selectID(g.Requirement)
		}
		return
	}
}
