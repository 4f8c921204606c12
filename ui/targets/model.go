// Package targets is the "Zones & conduits" screen: the list of zones and
// conduits of the assessment with their kind and SL-T, a detail area for
// the selected one, forms to add and edit them, the guided SL-T rationale,
// reordering, deletion with a confirmation that names what goes with it,
// the "typical five zones" template, each zone's and conduit's asset list
// (with an inventory import), the zone and conduit diagram, and the
// findings of the model checks with jump-to. Every change is a store
// operation run as a command; the screen shows it only after the root has
// applied the committed result.
package targets

import (
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Title is the screen's name on the tab bar.
const Title = "Zones & conduits"

// dialog is what has the keyboard on top of the list.
type dialog int

const (
	noDialog dialog = iota
	zoneForm
	conduitForm
	sltForm
	assetForm
	rationaleThreat // the SL-T rationale, step 1: threat, consequences, adjustments
	rationaleFinal  // step 2: the proposal, the final vector and the reason
	assetMoveForm
	importPathForm
	deleteConfirm
	templateConfirm
	assetDeleteConfirm
	findingsList
	importPreview
)

func (d dialog) isForm() bool { return d >= zoneForm && d <= importPathForm }

// Model is the Zones & conduits screen.
type Model struct {
	ctx  *common.Context
	keys keys

	width, height int

	// The list: zones then conduits; cursor indexes that joint list and
	// selKey keeps the selection on the same item when the data changes.
	cursor int
	selKey string
	offset int // first visible line of the list

	// The asset sub-view of one zone or conduit.
	inAssets    bool
	assetZone   string // the zone or conduit key
	assetCursor int
	assetID     int64
	assetOffset int

	// The diagram view (v) instead of the list, scrolled by diagX, diagY.
	diagram      bool
	diagX, diagY int
	diagCache    diagramCache

	dlg      dialog
	form     *common.Form
	confirm  *common.Confirm
	findings *common.FindingsList
	// rationale keeps the first step of the SL-T rationale while the second
	// is open (esc there goes back to it).
	rationale *common.Form
	preview   *importView
	editKey   string      // zone or conduit being edited or deleted ("" = new)
	asset     model.Asset // asset being edited or deleted (ID 0 = new)

	// The tickets of the store operations the screen waits for (0: none):
	// the open dialog's, whose result closes it or shows the error in it,
	// and the template's when it was added without a dialog. A result with
	// another ticket is stale (the dialog was closed meanwhile).
	wait          common.Ticket
	tmpl          common.Ticket
	templateFirst int // index of the first zone the template adds

	// seen is the Data.Version the list last followed.
	seen  uint64
	cache rowCache
}

var _ common.Screen = (*Model)(nil)

// New builds the screen over the shared context.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeys(), width: 80, height: 21}
	m.follow()
	return m
}

// ID implements common.Screen.
func (m *Model) ID() common.ScreenID { return common.ScreenTargets }

// Title implements common.Screen.
func (m *Model) Title() string { return Title }

// SetSize implements common.Screen.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(0, width), max(0, height)
	m.scroll()
}

// Capturing implements common.Screen: a form or a confirmation has the keyboard.
func (m *Model) Capturing() bool { return m.dlg != noDialog }

func (m *Model) zones() []model.Zone       { return m.ctx.Data.A.Zones }
func (m *Model) conduits() []model.Conduit { return m.ctx.Data.A.Conduits }

// count is the number of items in the list.
func (m *Model) count() int { return len(m.zones()) + len(m.conduits()) }

// keyAt returns the key of the i-th item ("" when out of range).
func (m *Model) keyAt(i int) string {
	zs, cs := m.zones(), m.conduits()
	switch {
	case i < 0:
		return ""
	case i < len(zs):
		return zs[i].Key
	case i-len(zs) < len(cs):
		return cs[i-len(zs)].Key
	}
	return ""
}

// indexOf returns the list index of a zone or conduit key, or -1.
func (m *Model) indexOf(key string) int {
	if key == "" {
		return -1
	}
	for i, z := range m.zones() {
		if z.Key == key {
			return i
		}
	}
	for i, c := range m.conduits() {
		if c.Key == key {
			return len(m.zones()) + i
		}
	}
	return -1
}

// selected returns the zone or the conduit under the cursor (one of them,
// or neither when the list is empty).
func (m *Model) selected() (*model.Zone, *model.Conduit) {
	zs, cs := m.zones(), m.conduits()
	switch {
	case m.cursor >= 0 && m.cursor < len(zs):
		return &zs[m.cursor], nil
	case m.cursor >= len(zs) && m.cursor-len(zs) < len(cs):
		return nil, &cs[m.cursor-len(zs)]
	}
	return nil, nil
}

// selectIndex moves the cursor to item i (clamped).
func (m *Model) selectIndex(i int) {
	m.cursor = max(0, min(i, m.count()-1))
	m.selKey = m.keyAt(m.cursor)
	m.scroll()
}

// selectKey moves the cursor to a zone or conduit.
func (m *Model) selectKey(key string) {
	if i := m.indexOf(key); i >= 0 {
		m.selectIndex(i)
	}
}

// follow syncs the list when the data changed since it last looked,
// whichever screen changed it.
func (m *Model) follow() {
	if v := m.ctx.Data.Version; v != m.seen {
		m.seen = v
		m.sync()
	}
}

// sync follows the data after a change: the selection stays on the same
// item, or on its neighbour when it was deleted.
func (m *Model) sync() {
	if i := m.indexOf(m.selKey); i >= 0 {
		m.cursor = i
	}
	m.selectIndex(m.cursor)
	if m.inAssets {
		if _, ok := m.ctx.Data.A.Target(m.assetZone); !ok {
			m.inAssets = false
		} else {
			m.syncAssets()
		}
	}
}

// zoneName returns the display name of a zone or conduit key (the key if
// unknown).
func (m *Model) zoneName(key string) string { return m.ctx.Data.A.TargetName(key) }

// findingsNow are the model checks' findings as of the screen's today.
func (m *Model) findingsNow() []model.Finding { return m.ctx.Data.Findings(m.ctx.Today()) }

// issue keeps the ticket of a store operation whose result the open dialog
// waits for, and returns the operation's command.
func (m *Model) issue(t common.Ticket, cmd tea.Cmd) tea.Cmd {
	m.wait = t
	return cmd
}

func (m *Model) closeDialog() {
	m.dlg, m.form, m.confirm, m.findings, m.rationale, m.preview = noDialog, nil, nil, nil, nil, nil
	m.editKey, m.asset = "", model.Asset{}
	m.wait = 0
}

// formWidth is the text width of forms and dialogs.
func (m *Model) formWidth() int { return min(72, max(24, m.width-6)) }
