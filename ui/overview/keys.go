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
	Checks   key.Binding
	Site     key.Binding
	// Form is the metadata form's keys; List the findings list's.
	Form common.FormKeys
	List common.FindingsKeys

	form   *common.Form // the open form, whose keys the help bar shows
	checks bool         // the findings list is open
}

func newKeyMap() KeyMap {
	return KeyMap{
		Nav:      common.NewNav("target"),
		Open:     common.Bind("enter", "interview this target", "enter"),
		Edit:     common.Bind("e", "edit name, site, assessor, scope", "e"),
		Findings: common.Bind("c", "below: common findings / largest gaps", "c"),
		Checks:   common.Bind("f", "findings of slate check (enter goes to one)", "f"),
		Site:     common.Bind("s", "interview the site questions", "s"),
		Form:     common.NewFormKeys(),
		List:     common.NewFindingsKeys(),
	}
}

// ShortHelp is the help bar: the form's keys while it is open.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.form != nil {
		return k.form.ShortHelp()
	}
	if k.checks {
		return k.List.ShortHelp()
	}
	return []key.Binding{k.Up, k.Down, k.Open, k.Edit, common.Describe("c", "findings", k.Findings), common.Describe("f", "checks", k.Checks)}
}

// FullHelp lists every key of the screen; the form's keys are the common
// ones, shown in the form itself and in docs/keys.md.
func (k KeyMap) FullHelp() []common.KeyGroup {
	return []common.KeyGroup{
		k.Nav.Group("Targets"),
		{Title: "Details", Keys: []key.Binding{k.Open, k.Edit, k.Findings, k.Checks, k.Site}},
		k.List.Group(),
	}
}
