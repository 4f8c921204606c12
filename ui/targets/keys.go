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
	NewZone, NewConduit, Edit, SLT, Assets, Delete, MoveUp, MoveDown, Template key.Binding

	// The asset list of a zone.
	NewAsset, EditAsset, DeleteAsset, Back key.Binding

	// The forms and confirmations.
	Form    common.FormKeys
	Confirm common.ConfirmKeys
}

func newKeys() keys {
	b := common.Bind
	return keys{
		Nav: common.NewNav(""),

		NewZone:    b("n", "new zone", "n"),
		NewConduit: b("c", "new conduit", "c"),
		Edit:       b("e/enter", "edit zone or conduit", "e", "enter"),
		SLT:        b("t", "set SL-T", "t"),
		Assets:     b("a", "zone's assets", "a"),
		Delete:     b("x/del", "delete (asks first)", "x", "delete"),
		MoveUp:     b("K/shift+↑", "move up", "K", "shift+up"),
		MoveDown:   b("J/shift+↓", "move down", "J", "shift+down"),
		Template:   b("T", "add the typical five zones", "T"),

		NewAsset:    b("n", "new asset", "n"),
		EditAsset:   b("e/enter", "edit asset", "e", "enter"),
		DeleteAsset: b("x/del", "delete asset (asks first)", "x", "delete"),
		Back:        b("esc", "back to zones", "esc", "backspace"),

		Form:    common.NewFormKeys(),
		Confirm: common.NewConfirmKeys(),
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
	case m.inAssets:
		return []key.Binding{k.NewAsset, d("e", "edit", k.EditAsset), d("x", "delete", k.DeleteAsset), k.Back}
	case m.count() == 0:
		return []key.Binding{d("T", "typical five zones", k.Template), k.NewZone}
	}
	return []key.Binding{d("n/c", "new zone/conduit", k.NewZone, k.NewConduit), d("e", "edit", k.Edit),
		d("t", "SL-T", k.SLT), d("a", "assets", k.Assets), d("x", "delete", k.Delete)}
}

// FullHelp lists every key of the screen; the forms' and confirmations'
// keys are the common ones, shown in each dialog and in docs/keys.md.
func (km keyMap) FullHelp() []common.KeyGroup {
	k := km.k
	return []common.KeyGroup{
		k.Nav.Group("Move"),
		{Title: "Zones and conduits", Keys: []key.Binding{k.NewZone, k.NewConduit, k.Edit, k.SLT, k.Assets, k.Delete, k.MoveUp, k.MoveDown, k.Template}},
		{Title: "Assets of a zone", Keys: []key.Binding{k.NewAsset, k.EditAsset, k.DeleteAsset, k.Back}},
	}
}
