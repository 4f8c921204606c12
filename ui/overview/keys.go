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

	form    *common.Form // the open form, whose keys the help bar shows
	checks  bool         // the findings list is open
	targets int          // zones and conduits: the list keys need some
	site    bool         // the catalog has site questions
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

// ShortHelp is the help bar: the form's keys while it is open, else the
// keys that do something now (none that a read-only session refuses).
func (k KeyMap) ShortHelp() []key.Binding {
	if k.form != nil {
		return k.form.ShortHelp()
	}
	if k.checks {
		return k.List.ShortHelp()
	}
	// Terse, so that "? help" and "q quit" fit after them at 80 columns.
	d := common.Describe
	var out []key.Binding
	if k.targets > 1 {
		out = append(out, d("↑↓", "target", k.Up, k.Down))
	}
	if k.targets > 0 {
		out = append(out, d("enter", "interview", k.Open))
	}
	out = append(out, d("e", "edit", k.Edit))
	if k.targets > 0 { // the gaps and findings section needs targets
		out = append(out, d("c", "findings", k.Findings))
	}
	return append(out, d("f", "checks", k.Checks))
}

// FullHelp lists the screen's keys in titled groups; the form's and the
// findings list's keys show in them while they are open (DocHelp lists
// every key for docs/keys.md).
func (k KeyMap) FullHelp() []common.KeyGroup {
	var gs []common.KeyGroup
	if k.targets > 1 {
		gs = append(gs, k.Nav.Group("Targets"))
	}
	details := []key.Binding{}
	if k.targets > 0 {
		details = append(details, k.Open, k.Edit, k.Findings)
	} else {
		details = append(details, k.Edit)
	}
	details = append(details, k.Checks)
	if k.site {
		details = append(details, k.Site)
	}
	gs = append(gs, common.KeyGroup{Title: "Details", Keys: details})
	return common.EnabledGroups(gs)
}

// DocHelp lists every key of the screen, for docs/keys.md.
func (k KeyMap) DocHelp() []common.KeyGroup {
	return []common.KeyGroup{
		k.Nav.Group("Targets"),
		{Title: "Details", Keys: []key.Binding{k.Open, k.Edit, k.Findings, k.Checks, k.Site}},
		k.List.Group(),
	}
}
