package overview

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// KeyMap holds every key of the Overview screen.
type KeyMap struct {
	common.Nav
	Open     key.Binding
	Edit     key.Binding
	Findings key.Binding
	Site     key.Binding
	// Form is the metadata form's keys.
	Form common.FormKeys

	form *common.Form // the open form, whose keys the help bar shows
}

func newKeyMap() KeyMap {
	return KeyMap{
		Nav:      common.NewNav("target"),
		Open:     common.Bind("enter", "interview this target", "enter"),
		Edit:     common.Bind("e", "edit name, site, assessor, scope", "e"),
		Findings: common.Bind("c", "below: common findings / largest gaps", "c"),
		Site:     common.Bind("s", "interview the site questions", "s"),
		Form:     common.NewFormKeys(),
	}
}

// ShortHelp is the help bar: the form's keys while it is open.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.form != nil {
		return k.form.ShortHelp()
	}
	return []key.Binding{k.Up, k.Down, k.Open, k.Edit, common.Describe("c", "findings", k.Findings)}
}

// FullHelp lists every key of the screen; the form's keys are the common
// ones, shown in the form itself and in docs/keys.md.
func (k KeyMap) FullHelp() []common.KeyGroup {
	return []common.KeyGroup{
		k.Nav.Group("Targets"),
		{Title: "Details", Keys: []key.Binding{k.Open, k.Edit, k.Findings, k.Site}},
	}
}
