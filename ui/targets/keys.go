package targets

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// keys holds every binding of the screen, grouped by mode. The help bar's
// terse entries are built from these (common.Describe), so each key is
// defined here once.
type keys struct {
	// Moving in the zone list and in the asset list.
	common.Nav

	// The zone and conduit list.
	NewZone, NewConduit, Edit, SLT, Rationale, Assets, Delete, MoveUp, MoveDown, Template, Import key.Binding

	// Views: the diagram instead of the list, scrolled sideways with
	// Left/Right (up and down with Nav); the findings of slate check.
	Diagram, Left, Right, Findings key.Binding

	// The asset list of a zone or conduit.
	NewAsset, EditAsset, MoveAsset, DeleteAsset, Back key.Binding

	// The forms, confirmations, the findings list and the import preview.
	Form    common.FormKeys
	Confirm common.ConfirmKeys
	List    common.FindingsKeys
	Preview common.ConfirmKeys
}

func newKeys() keys {
	b := common.Bind
	return keys{
		Nav: common.NewNav(""),

		NewZone:    b("n", "new zone", "n"),
		NewConduit: b("c", "new conduit", "c"),
		Edit:       b("e/enter", "edit zone or conduit", "e", "enter"),
		SLT:        b("t", "set SL-T", "t"),
		Rationale:  b("r", "work out the SL-T rationale", "r"),
		Assets:     b("a", "assets of the zone/conduit", "a"),
		Delete:     b("x/del", "delete (asks first)", "x", "delete"),
		MoveUp:     b("K/shift+↑", "move up", "K", "shift+up"),
		MoveDown:   b("J/shift+↓", "move down", "J", "shift+down"),
		Template:   b("T", "add the typical five zones", "T"),
		Import:     b("I", "import assets from a CSV", "I"),

		Diagram:  b("v", "view: list / diagram", "v"),
		Left:     b("←/h", "diagram: scroll left", "left", "h"),
		Right:    b("→/l", "diagram: scroll right", "right", "l"),
		Findings: b("f", "findings of slate check", "f"),

		NewAsset:    b("n", "new asset", "n"),
		EditAsset:   b("e/enter", "edit asset", "e", "enter"),
		MoveAsset:   b("m", "move asset to another zone or conduit", "m"),
		DeleteAsset: b("x/del", "delete asset (asks first)", "x", "delete"),
		Back:        b("esc", "back to zones", "esc", "backspace"),

		Form:    common.NewFormKeys(),
		Confirm: common.NewConfirmKeys(),
		List:    common.NewFindingsKeys(),
		Preview: common.NewConfirmKeys(),
	}
}

// keyMap is what the help bar shows: it adapts to what is open.
type keyMap struct {
	k *keys
	m *Model
}

// Keys implements common.Screen.
func (m *Model) Keys() common.KeyMap { return keyMap{k: &m.keys, m: m} }

// ShortHelp lists the keys of the current mode, tersely: the bar must
// leave room for the root's "? help" and "q quit" at 80 columns. Only
// keys that do something now are listed (none that a read-only session
// refuses).
func (km keyMap) ShortHelp() []key.Binding {
	k, m := km.k, km.m
	d := common.Describe
	if help, ok := common.DialogHelp(m.form, m.confirm); ok {
		return help
	}
	var out []key.Binding
	switch {
	case m.dlg == findingsList:
		return k.List.ShortHelp()
	case m.dlg == importPreview:
		return m.preview.shortHelp(k)
	case m.inAssets:
		out = []key.Binding{k.NewAsset}
		if len(m.assets()) > 0 {
			out = append(out, d("e", "edit", k.EditAsset), d("m", "move", k.MoveAsset), d("x", "delete", k.DeleteAsset))
		}
		out = append(out, k.Back)
	case m.count() == 0:
		out = []key.Binding{d("T", "typical five zones", k.Template), k.NewZone, d("f", "checks", k.Findings)}
	case m.diagram:
		out = []key.Binding{d("↑↓←→", "scroll", m.diagramScrollKeys()...), d("v", "list", k.Diagram), d("f", "checks", k.Findings)}
	default:
		nw := d("n/c", "new", k.NewZone, k.NewConduit)
		if len(m.zones()) < 2 {
			nw = k.NewZone // a conduit needs two zones
		}
		out = []key.Binding{nw, d("e", "edit", k.Edit), d("t/r", "SL-T", k.SLT, k.Rationale), d("a", "assets", k.Assets),
			d("v", "diagram", k.Diagram), d("f", "checks", k.Findings)}
	}
	return common.ForHelp(m.ctx.Data, out, m.editKeys()...)
}

// FullHelp lists the keys of the mode shown now, in titled groups; in a
// read-only session without the keys it refuses. The forms' and
// confirmations' keys are the common ones, shown in each dialog.
func (km keyMap) FullHelp() []common.KeyGroup {
	k, m := km.k, km.m
	var gs []common.KeyGroup
	switch {
	case m.inAssets:
		gs = []common.KeyGroup{m.assetGroup()}
		if len(m.assets()) > 1 {
			gs = append([]common.KeyGroup{k.Nav.Group("Move")}, gs...)
		}
	case m.count() == 0:
		gs = []common.KeyGroup{{Title: "No zones yet", Keys: []key.Binding{k.Template, k.NewZone}},
			{Title: "Views", Keys: []key.Binding{k.Findings}}}
	case m.diagram:
		gs = []common.KeyGroup{{Title: "Diagram", Keys: append(m.diagramScrollKeys(), k.Diagram, k.Findings)}}
	default:
		edit := []key.Binding{k.NewZone}
		if len(m.zones()) >= 2 { // a conduit needs two zones
			edit = append(edit, k.NewConduit)
		}
		edit = append(edit, k.Edit, k.SLT, k.Rationale, k.Assets, k.Delete, k.MoveUp, k.MoveDown, k.Template, k.Import)
		gs = []common.KeyGroup{k.Nav.Group("Move"), {Title: "Zones and conduits", Keys: edit},
			{Title: "Views", Keys: []key.Binding{k.Diagram, k.Findings}}}
	}
	return common.GroupsForHelp(m.ctx.Data, gs, m.editKeys()...)
}

// DocHelp lists every key of every mode, for docs/keys.md.
func (km keyMap) DocHelp() []common.KeyGroup {
	k := km.k
	return []common.KeyGroup{
		k.Nav.Group("Move"),
		{Title: "Zones and conduits", Keys: []key.Binding{k.NewZone, k.NewConduit, k.Edit, k.SLT, k.Rationale, k.Assets, k.Delete,
			k.MoveUp, k.MoveDown, k.Template, k.Import}},
		{Title: "Views", Keys: []key.Binding{k.Diagram, k.Findings}},
		{Title: "Diagram (v)", Keys: []key.Binding{common.Describe("↑↓ pgup pgdn", "scroll up and down", k.Up, k.Down, k.PageUp, k.PageDown),
			k.Left, k.Right, common.Describe("v", "back to the list", k.Diagram)}},
		km.m.assetGroup(),
		k.List.Group(),
		{Title: "Import preview", Keys: []key.Binding{common.Describe("y", "import the assets", k.Preview.Yes),
			common.Describe("n/esc", "import nothing", k.Preview.No)}},
	}
}

// assetGroup is the keys of a zone's or conduit's asset list; those that
// act on the selected asset only when there is one.
func (m *Model) assetGroup() common.KeyGroup {
	k := &m.keys
	keys := []key.Binding{k.NewAsset}
	if !m.inAssets || len(m.assets()) > 0 {
		keys = append(keys, k.EditAsset, k.MoveAsset, k.DeleteAsset)
	}
	return common.KeyGroup{Title: "Assets of a zone or conduit", Keys: append(keys, k.Back)}
}

// diagramScrollKeys are the keys that scroll the diagram as drawn now:
// up and down when it is taller than the screen, sideways when wider.
func (m *Model) diagramScrollKeys() []key.Binding {
	k := &m.keys
	lines := m.diagramLines()
	var out []key.Binding
	if len(lines) > max(1, m.height-1) {
		out = append(out, k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End)
	}
	if m.diagCache.wide > m.width {
		out = append(out, k.Left, k.Right)
	}
	return out
}

// editKeys are the keys of the mode shown now that change the assessment:
// a read-only session refuses them at once and leaves them out of the help.
func (m *Model) editKeys() []key.Binding {
	k := &m.keys
	switch {
	case m.dlg != noDialog || m.diagram && !m.inAssets && m.count() > 0:
		return nil
	case m.inAssets:
		return []key.Binding{k.NewAsset, k.EditAsset, k.MoveAsset, k.DeleteAsset}
	}
	return []key.Binding{k.NewZone, k.NewConduit, k.Edit, k.SLT, k.Rationale, k.Delete, k.MoveUp, k.MoveDown, k.Template, k.Import}
}
