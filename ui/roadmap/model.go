// Package roadmap is the Roadmap screen: the remediation plan of the
// assessment (model.BuildPlan), one initiative per unmet requirement across
// its zones and conduits, grouped by phase in priority order with the closed
// ones last. It filters the list by zone or conduit, FR, status and owner,
// shows why each initiative comes where it does, edits its tracking (owner,
// due date, status, effort/outage/vendor and phase overrides), manages the
// maintenance windows that outage work is placed in, and draws the plan as
// a timeline.
//
// The screen does no I/O: changes go through ctx.Ops and show once the root
// has applied the committed result, which bumps ctx.Data.Version; the plan
// is rebuilt only when that version changes.
package roadmap

import (
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Title is the screen's name on the tab bar.
const Title = "Roadmap"

// mode is what fills the body.
type mode int

const (
	modeList     mode = iota // the initiatives with a detail pane
	modeDetail               // everything about one initiative, scrolling
	modeTimeline             // the phases with windows and initiatives
	modeWindows              // the maintenance windows
)

// dialog is what has the keyboard on top of the mode.
type dialog int

const (
	noDialog dialog = iota
	trackingForm
	estimatesForm
	windowForm
	windowDelete
)

// Model is the Roadmap screen.
type Model struct {
	ctx  *common.Context
	keys keys

	width, height int
	mode          mode
	back          mode // where esc leaves the windows list for

	// The plan, rebuilt when ctx.Data.Version changes.
	planned bool
	version uint64
	plan    model.Plan
	opts    filterOptions

	filter filters
	list   list // the filtered initiatives and the lines showing them

	// The cursor: an index into list.items, and the requirement id under
	// it so that it stays on the same initiative when the plan changes.
	cursor int
	selID  string
	offset int // first visible list line

	detailOffset   int // first line of the full detail
	timelineOffset int // first line of the timeline

	// The windows list.
	winCursor int
	winID     int64
	winOffset int

	dlg     dialog
	form    *common.Form
	confirm *common.Confirm
	editReq string       // requirement whose tracking the form edits
	editWin model.Window // window edited or deleted (ID 0 = new)
	// wait is the ticket of the store operation the open dialog waits for
	// (0: none); its result closes the dialog or shows the error in it.
	wait common.Ticket

	cache cache
}

var _ common.Screen = (*Model)(nil)

// New builds the screen over the shared context.
func New(ctx *common.Context) *Model {
	// The plan is made when the screen is first shown, not at start-up.
	return &Model{ctx: ctx, keys: newKeys(), width: 80, height: 21}
}

// ID implements common.Screen.
func (m *Model) ID() common.ScreenID { return common.ScreenRoadmap }

// Title implements common.Screen.
func (m *Model) Title() string { return Title }

// SetSize implements common.Screen.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(1, width), max(1, height)
	m.scroll() // with the list as last planned; a newer plan scrolls again
	m.scrollWindows()
}

// Capturing implements common.Screen: a form or a confirmation is open.
func (m *Model) Capturing() bool { return m.dlg != noDialog }

// Plan returns the plan the screen shows (for tests).
func (m *Model) Plan() model.Plan {
	m.sync()
	return m.plan
}

// Selected returns the initiative under the cursor, or nil.
func (m *Model) Selected() *model.Initiative {
	m.sync()
	return m.selected()
}

func (m *Model) selected() *model.Initiative {
	if m.cursor < 0 || m.cursor >= len(m.list.items) {
		return nil
	}
	return m.plan.Initiatives[m.list.items[m.cursor]]
}

// sync rebuilds the plan when the data changed. It runs at the start of
// Update and View; when nothing changed it costs a comparison.
func (m *Model) sync() {
	d := m.ctx.Data
	if m.planned && m.version == d.Version {
		return
	}
	m.plan = model.BuildPlan(d.Cat, d.A, d.A.Tracking, d.A.Windows, m.ctx.Today())
	m.planned, m.version = true, d.Version
	m.cache = cache{}
	m.refilter()
	m.syncWindows()
}

// refilter applies the filters to the plan and puts the cursor back on
// its initiative (or the nearest one when it left the list).
func (m *Model) refilter() {
	m.list.build(&m.plan, m.filter)
	m.cache.filterLine = ""
	m.cache.headings = [numGroups]string{}
	if i, ok := m.list.index[m.selID]; ok {
		m.cursor = i
	}
	m.selectItem(m.cursor)
}

// selectItem moves the cursor to item i (clamped) and scrolls to it.
func (m *Model) selectItem(i int) {
	n := len(m.list.items)
	m.cursor = max(0, min(i, n-1))
	if n == 0 {
		m.cursor = 0
	} else {
		m.selID = m.plan.Initiatives[m.list.items[m.cursor]].Requirement.ID
	}
	m.scroll()
}

// selectID moves the cursor to an initiative by requirement id.
func (m *Model) selectID(id string) bool {
	if i, ok := m.list.index[id]; ok {
		m.selectItem(i)
		return true
	}
	return false
}

// issue keeps the ticket of a store operation whose result the open dialog
// waits for (a result with another ticket is stale), and returns the
// operation's command.
func (m *Model) issue(t common.Ticket, cmd tea.Cmd) tea.Cmd {
	m.wait = t
	return cmd
}

func (m *Model) closeDialog() {
	m.dlg, m.form, m.confirm = noDialog, nil, nil
	m.editReq, m.editWin = "", model.Window{}
	m.wait = 0
}

// formWidth is the text width of forms and dialogs.
func (m *Model) formWidth() int { return min(72, max(24, m.width-6)) }

// Shown returns the initiatives the list shows (after the filters), in
// order.
func (m *Model) Shown() []*model.Initiative {
	m.sync()
	out := make([]*model.Initiative, len(m.list.items))
	for i, pi := range m.list.items {
		out[i] = m.plan.Initiatives[pi]
	}
	return out
}
