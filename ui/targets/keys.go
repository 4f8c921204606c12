package targets

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// keys holds every binding of the screen, grouped by mode.
type keys struct {
	// Moving in the zone list and in the asset list.
	common.Nav

	// The zone and conduit list.
	NewZone, NewConduit, Edit, SLT, Assets, Delete, MoveUp, MoveDown, Template key.Binding

	// The asset list of a zone.
	NewAsset, EditAsset, DeleteAsset, Back key.Binding

	// Forms and confirmations (handled by the common widgets; listed for help).
	Field, Choose, Level, Save, Cancel, Yes, No key.Binding

	// Terse forms of the above for the one-line help bar, which must leave
	// room for the root's "? help" and "q quit" at 80 columns.
	short struct{ Add, Edit, SLT, Assets, Delete, Template, Zone, Field, Choose, Level key.Binding }
}

func newKeys() keys {
	b := common.Bind
	k := keys{
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

		Field:  b("tab/↑↓", "next/previous field", "tab", "shift+tab"),
		Choose: b("←/→", "choose; all or one FR", "left", "right"),
		Level:  b("0-4", "set the SL-T level", "0", "1", "2", "3", "4"),
		Save:   b("ctrl+s", "save", "ctrl+s"),
		Cancel: b("esc", "cancel", "esc"),
		Yes:    b("y", "confirm", "y"),
		No:     b("n/esc", "keep", "n", "esc"),
	}
	k.short.Add = b("n/c", "new zone/conduit", "n", "c")
	k.short.Edit = b("e", "edit", "e", "enter")
	k.short.SLT = b("t", "SL-T", "t")
	k.short.Assets = b("a", "assets", "a")
	k.short.Delete = b("x", "delete", "x", "delete")
	k.short.Template = b("T", "typical five zones", "T")
	k.short.Zone = b("n", "new zone", "n")
	k.short.Field = b("tab", "field", "tab", "shift+tab")
	k.short.Choose = b("←/→", "choose", "left", "right")
	k.short.Level = b("0-4", "level", "0", "1", "2", "3", "4")
	return k
}

// keyMap is what the help bar shows: it adapts to what is open.
type keyMap struct {
	k *keys
	m *Model
}

// Keys implements common.Screen.
func (m *Model) Keys() common.KeyMap { return keyMap{k: &m.keys, m: m} }

// ShortHelp lists the keys of the current mode.
func (km keyMap) ShortHelp() []key.Binding {
	k, m := km.k, km.m
	switch {
	case m.dlg.isForm():
		switch m.dlg {
		case sltForm:
			return []key.Binding{k.short.Choose, k.short.Level, k.Save, k.Cancel}
		case assetForm:
			return []key.Binding{k.short.Field, k.Save, k.Cancel}
		}
		return []key.Binding{k.short.Field, k.short.Choose, k.short.Level, k.Save, k.Cancel}
	case m.dlg != noDialog:
		return []key.Binding{k.Yes, k.No}
	case m.inAssets:
		return []key.Binding{k.NewAsset, k.short.Edit, k.short.Delete, k.Back}
	case m.count() == 0:
		return []key.Binding{k.short.Template, k.short.Zone}
	}
	return []key.Binding{k.short.Add, k.short.Edit, k.short.SLT, k.short.Assets, k.short.Delete}
}

// FullHelp lists every key of the screen.
func (km keyMap) FullHelp() [][]key.Binding {
	k := km.k
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.NewZone, k.NewConduit, k.Edit, k.SLT, k.Assets, k.Delete, k.MoveUp, k.MoveDown, k.Template},
		{k.NewAsset, k.EditAsset, k.DeleteAsset, k.Back},
		{k.Field, k.Choose, k.Level, k.Save, k.Cancel, k.Yes, k.No},
	}
}
