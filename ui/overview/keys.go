package overview

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// KeyMap holds every key of the Overview screen.
type KeyMap struct {
	common.Nav
	Open key.Binding
	Edit key.Binding

	// Keys of the metadata form.
	Save      key.Binding
	Cancel    key.Binding
	NextField key.Binding
	PrevField key.Binding

	editing bool
}

func newKeyMap() KeyMap {
	return KeyMap{
		Nav:  common.NewNav("target"),
		Open: common.Bind("enter", "interview this target", "enter"),
		Edit: common.Bind("e", "edit name, site, assessor, scope", "e"),

		Save:      common.Bind("ctrl+s", "save details", "ctrl+s"),
		Cancel:    common.Bind("esc", "cancel", "esc"),
		NextField: common.Bind("tab/↓", "next field", "tab", "down"),
		PrevField: common.Bind("shift+tab/↑", "previous field", "shift+tab", "up"),
	}
}

// ShortHelp is the help bar: the form's keys while it is open.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.editing {
		return []key.Binding{k.Save, k.Cancel, k.NextField}
	}
	return []key.Binding{k.Up, k.Down, k.Open, k.Edit}
}

// FullHelp lists every key of the screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	form := []key.Binding{k.Save, k.Cancel, k.NextField, k.PrevField}
	if k.editing {
		return [][]key.Binding{form}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, k.Edit},
		form,
	}
}
