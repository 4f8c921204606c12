package overview

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// KeyMap holds every key of the Overview screen.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
	Open     key.Binding
	Edit     key.Binding

	// Keys of the metadata form.
	Save      key.Binding
	Cancel    key.Binding
	NextField key.Binding
	PrevField key.Binding

	editing bool
}

func newKeyMap() KeyMap {
	return KeyMap{
		Up:       common.Bind("↑/k", "previous target", "up", "k"),
		Down:     common.Bind("↓/j", "next target", "down", "j"),
		PageUp:   common.Bind("pgup", "page up", "pgup"),
		PageDown: common.Bind("pgdown", "page down", "pgdown"),
		Home:     common.Bind("home/g", "first target", "home", "g"),
		End:      common.Bind("end/G", "last target", "end", "G"),
		Open:     common.Bind("enter", "interview this target", "enter"),
		Edit:     common.Bind("e", "edit name, site, assessor, scope", "e"),

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
