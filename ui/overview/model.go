// Package overview is the Overview screen: the assessment's details, how far
// the interview has come per zone and conduit, the worst gaps, and a picture
// of SL-A against SL-T per FR for the target under the cursor.
package overview

import (
	"slate/ui/common"
)

// Model is the Overview screen.
type Model struct {
	ctx  *common.Context
	keys KeyMap

	width, height int

	// cursor is the index of the selected target in ctx.Data.M.Rows; selKey
	// keeps the selection on the same target when targets are added, moved
	// or deleted elsewhere.
	cursor int
	selKey string
	offset int // first visible entry of the scrolling target list

	// form is the metadata editor while it is open; saving is the ticket of
	// its save between ctrl+s and the store's answer (0 when not saving).
	form   *common.Form
	saving common.Ticket

	// findings shows the seven common findings in the bottom section
	// instead of the largest gaps (c toggles).
	findings bool

	// checks is the list of the model checks' findings while it is open
	// (f), with jump-to.
	checks *common.FindingsList

	cache cache
}

// New builds the screen over the shared context.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeyMap(), width: 80, height: 21}
	m.sync()
	return m
}

// ID names the screen in messages.
func (m *Model) ID() common.ScreenID { return common.ScreenOverview }

// Title is the name on the tab bar.
func (m *Model) Title() string { return "Overview" }

// SetSize gives the body area the screen may draw in.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(0, width), max(0, height)
	m.sync()
}

// Capturing reports whether the metadata form or the findings list has
// the keyboard.
func (m *Model) Capturing() bool { return m.form != nil || m.checks != nil }

// Keys lists the screen's bindings; while the form is open only its keys.
func (m *Model) Keys() common.KeyMap {
	k := m.keys
	k.form, k.checks = m.form, m.checks != nil
	k.targets, k.site = len(m.ctx.Data.M.Rows), len(m.ctx.Data.Cat.SiteQuestions) > 0
	k.Edit.SetEnabled(!m.ctx.Data.ReadOnly) // refused at once (openForm): not offered
	return k
}

// Selected returns the key of the target under the cursor ("" when there
// are no targets).
func (m *Model) Selected() string {
	m.sync()
	return m.selKey
}

// sync re-finds the selected target after the data changed and keeps the
// cursor inside the scrolling list.
func (m *Model) sync() {
	m.resolve()
	m.scroll(m.layout())
}

// resolve puts the cursor back on the selected target (which may have moved
// or gone since the data changed).
func (m *Model) resolve() {
	rows := m.ctx.Data.M.Rows
	if len(rows) == 0 {
		m.cursor, m.selKey, m.offset = 0, "", 0
		return
	}
	if m.selKey != "" {
		if i, ok := m.cache.indexOf(m.ctx.Data, m.selKey); ok {
			m.cursor = i
		}
	}
	m.cursor = max(0, min(m.cursor, len(rows)-1))
	m.selKey = rows[m.cursor].Target.Key
}

// scroll moves the list so the cursor is visible, scrolling as little as
// possible.
func (m *Model) scroll(lay layout) {
	m.offset = m.scrollFor(lay, m.offset)
}

// scrollFor returns the list offset that keeps the cursor visible at the
// given layout, starting from off.
func (m *Model) scrollFor(lay layout, off int) int {
	n := m.cache.entries(m.ctx.Data)
	vis := lay.listRows
	if vis <= 0 || len(n) == 0 {
		return 0
	}
	ci := m.cache.entryOf(m.ctx.Data, m.cursor)
	// Show a section's heading together with its first target.
	top := ci
	if ci > 0 && n[ci-1].heading {
		top = ci - 1
	}
	if top < off {
		off = top
	}
	if ci >= off+vis {
		off = ci - vis + 1
	}
	return max(0, min(off, len(n)-vis))
}

// move shifts the cursor by delta targets.
func (m *Model) move(delta int) {
	rows := m.ctx.Data.M.Rows
	if len(rows) == 0 {
		return
	}
	m.cursor = max(0, min(m.cursor+delta, len(rows)-1))
	m.selKey = rows[m.cursor].Target.Key
	m.scroll(m.layout())
}

// selectKey puts the cursor on a target by key.
func (m *Model) selectKey(key string) {
	if i, ok := m.cache.indexOf(m.ctx.Data, key); ok {
		m.cursor, m.selKey = i, key
		m.scroll(m.layout())
	}
}
