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
		Rationale:  b("r", "SL-T rationale: threat, consequences, proposal", "r"),
		Assets:     b("a", "assets of the zone or conduit", "a"),
		Delete:     b("x/del", "delete (asks first)", "x", "delete"),
		MoveUp:     b("K/shift+↑", "move up", "K", "shift+up"),
		MoveDown:   b("J/shift+↓", "move down", "J", "shift+down"),
		Template:   b("T", "add the typical five zones", "T"),
		Import:     b("I", "import assets from an inventory CSV", "I"),

		Diagram:  b("v", "view: list / zone and conduit diagram", "v"),
		Left:     b("←/h", "diagram: scroll left", "left", "h"),
		Right:    b("→/l", "diagram: scroll right", "right", "l"),
		Findings: b("f", "findings of slate check (enter goes to one)", "f"),

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
// leave room for the root's "? help" and "q quit" at 80 columns.
func (km keyMap) ShortHelp() []key.Binding {
	k, m := km.k, km.m
	d := common.Describe
	if help, ok := common.DialogHelp(m.form, m.confirm); ok {
		return help
	}
	switch {
	case m.dlg == findingsList:
		return k.List.ShortHelp()
	case m.dlg == importPreview:
		return m.preview.shortHelp(k)
	case m.inAssets:
		return []key.Binding{k.NewAsset, d("e", "edit", k.EditAsset), d("m", "move", k.MoveAsset), d("x", "delete", k.DeleteAsset), k.Back}
	case m.count() == 0:
		return []key.Binding{d("T", "typical five zones", k.Template), k.NewZone}
	case m.diagram:
		return []key.Binding{d("↑↓←→", "scroll", k.Up, k.Down, k.Left, k.Right), d("v", "list", k.Diagram), d("f", "checks", k.Findings)}
	}
	return []key.Binding{d("n/c", "new", k.NewZone, k.NewConduit), d("e", "edit", k.Edit),
		d("t/r", "SL-T", k.SLT, k.Rationale), d("a", "assets", k.Assets), d("v", "diagram", k.Diagram), d("f", "checks", k.Findings)}
}

// FullHelp lists every key of the screen; the forms' and confirmations'
// keys are the common ones, shown in each dialog and in docs/keys.md.
func (km keyMap) FullHelp() []common.KeyGroup {
	k := km.k
	return []common.KeyGroup{
		k.Nav.Group("Move"),
		{Title: "Zones and conduits", Keys: []key.Binding{k.NewZone, k.NewConduit, k.Edit, k.SLT, k.Rationale, k.Assets, k.Delete,
			k.MoveUp, k.MoveDown, k.Template, k.Import}},
		{Title: "Views", Keys: []key.Binding{k.Diagram, k.Left, k.Right, k.Findings}},
		{Title: "Assets of a zone or conduit", Keys: []key.Binding{k.NewAsset, k.EditAsset, k.MoveAsset, k.DeleteAsset, k.Back}},
		k.List.Group(),
		{Title: "Import preview", Keys: []key.Binding{common.Describe("y", "import the assets", k.Preview.Yes),
			common.Describe("n/esc", "import nothing", k.Preview.No)}},
	}
}
