// Package matrix is the Gap matrix screen: every zone and conduit across
// FR1..FR7 with SL-A/SL-T, the gap (by colour and by a marker that reads
// without colour) and completeness, and a drill-down from any cell to the
// unmet requirements behind it, each a keypress away from the interview.
//
// The screen only reads ctx.Data; the root keeps ctx.Data.M current and
// bumps ctx.Data.Version on every change, which is what the caches key on.
package matrix

import (
	"slate/model"
	"slate/ui/common"
)

// Title is the screen's name on the tab bar.
const Title = "Gap matrix"

// Model is the gap-matrix screen.
type Model struct {
	ctx  *common.Context
	keys keyMap

	width, height int

	// Cursor: a row of ctx.Data.M.Rows and an FR column (0..6). key is the
	// target under the cursor, so the cursor stays on it when the rows are
	// rebuilt (a target added, deleted or moved elsewhere).
	row, col int
	key      string
	offset   int // first visible line of the scrolling list

	drill *drill // the drill-down, nil while the matrix is shown

	cache cache
}

// New builds the screen over the shared context.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, width: 80, height: 21}
	m.keys = newKeyMap(func() bool { return m.drill != nil }, func() model.Scope { return m.ctx.Data.Scope })
	m.sync()
	return m
}

// ID names the screen in messages.
func (m *Model) ID() common.ScreenID { return common.ScreenMatrix }

// Title is the name on the tab bar.
func (m *Model) Title() string { return Title }

// SetSize gives the body area.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(1, width), max(1, height)
	m.sync()
	m.scrollToCursor()
	if m.drill != nil {
		m.drill.scroll(m.drillListHeight())
	}
}

// Keys lists the bindings of the mode shown.
func (m *Model) Keys() common.KeyMap { return m.keys }

// Capturing is always false: the screen has no text fields.
func (m *Model) Capturing() bool { return false }

// InDrill reports whether the drill-down is open (for tests and the root).
func (m *Model) InDrill() bool { return m.drill != nil }

// Cursor returns the target key and FR under the matrix cursor.
func (m *Model) Cursor() (key string, fr model.FR) { return m.key, model.FR(m.col + 1) }

// rows is the live matrix.
func (m *Model) rows() []model.MatrixRow { return m.ctx.Data.M.Rows }

// sync brings the layout and caches up to date with the data version and
// size. It runs at the start of Update and View; when nothing changed it
// costs two comparisons.
func (m *Model) sync() {
	d := m.ctx.Data
	if m.cache.version == d.Version && m.cache.valid && m.cache.width == m.width && m.cache.height == m.height {
		return
	}
	if !m.cache.valid || m.cache.version != d.Version {
		m.cache.reset(d)
		m.relocate()
		if m.drill != nil && !m.drill.refresh(d) {
			m.drill = nil // its target was deleted
		}
		if m.drill != nil {
			defer m.drill.scroll(m.drillListHeight())
		}
	}
	if m.cache.width != m.width || m.cache.height != m.height {
		m.cache.resize(m.width, m.height)
	}
	m.scrollToCursor()
}

// relocate puts the cursor back on its target after the rows changed.
func (m *Model) relocate() {
	rows := m.rows()
	if len(rows) == 0 {
		m.row, m.key, m.offset = 0, "", 0
		return
	}
	if m.row < len(rows) && rows[m.row].Target.Key == m.key {
		return
	}
	if m.key != "" {
		for i := range rows {
			if rows[i].Target.Key == m.key {
				m.row = i
				return
			}
		}
	}
	m.row = min(max(m.row, 0), len(rows)-1)
	m.key = rows[m.row].Target.Key
}
