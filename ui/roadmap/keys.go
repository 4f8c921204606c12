package roadmap

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// keys holds every binding of the screen, grouped by mode. The help shows
// some of them combined ("z/Z filter") or in fewer words for the one-line
// help bar; common.Describe takes the keys from these bindings, so each key
// is defined here once.
type keys struct {
	// Moving, in every mode: the list cursor, the detail and timeline
	// scroll, the windows cursor.
	common.Nav

	// The list (and where noted the other modes).
	Detail, Edit, Estimates, Interview, Timeline, Windows key.Binding
	Zone, ZoneBack, FR, Status, Owner, Clear              key.Binding

	// The full detail of one initiative.
	PrevItem, NextItem, DetailBack key.Binding

	// The timeline.
	TimelineBack key.Binding

	// The maintenance windows.
	NewWindow, EditWindow, DeleteWindow, WindowsBack key.Binding

	// The tracking and window forms, and the delete confirmation.
	Form    common.FormKeys
	Confirm common.ConfirmKeys
}

func newKeys() keys {
	b := common.Bind
	return keys{
		Nav: common.NewNav(""),

		Detail:    b("enter", "all details (esc: back)", "enter"),
		Edit:      b("e", "tracking: owner, due, status, risk acceptance (whole or per target)", "e"),
		Estimates: b("E", "feasibility: effort, outage, vendor, phase, project", "E"),
		Interview: b("i", "answer it in the interview", "i"),
		Timeline:  b("v", "timeline (v or esc: back)", "v"),
		Windows:   b("w", "maintenance windows", "w"),
		Zone:      b("z", "zone/conduit filter", "z"),
		ZoneBack:  b("Z", "previous zone/conduit", "Z"),
		FR:        b("f", "FR filter", "f"),
		Status:    b("S", "status filter", "S"),
		Owner:     b("o", "owner filter", "o"),
		Clear:     b("X/bksp", "clear the filters", "X", "backspace"),

		PrevItem:   b("←/h", "previous initiative", "left", "h"),
		NextItem:   b("→/l", "next initiative", "right", "l"),
		DetailBack: b("esc", "back to the list", "esc", "enter", "backspace"),

		TimelineBack: b("v/esc", "back to the list", "v", "esc", "backspace"),

		NewWindow:    b("n", "add", "n"),
		EditWindow:   b("e/enter", "edit", "e", "enter"),
		DeleteWindow: b("x/del", "delete (asks first)", "x", "delete"),
		WindowsBack:  b("esc/w", "back", "esc", "w", "backspace"),

		Form:    common.NewFormKeys(),
		Confirm: common.NewConfirmKeys(),
	}
}

// keyMap is what the help bar shows: it follows the mode and dialog.
type keyMap struct{ m *Model }

// Keys implements common.Screen.
func (m *Model) Keys() common.KeyMap { return keyMap{m} }

// ShortHelp lists the keys of the mode shown now, tersely: the bar must
// leave room for the root's "? help" and "q quit" at 80 columns.
func (km keyMap) ShortHelp() []key.Binding {
	m := km.m
	k := &m.keys
	d := common.Describe
	if help, ok := common.DialogHelp(m.form, m.confirm); ok {
		return help
	}
	filter := d("z/f/S/o", "filter", k.Zone, k.FR, k.Status, k.Owner)
	clear := d("X", "clear", k.Clear)
	switch m.mode {
	case modeDetail:
		return []key.Binding{d("←→", "initiative", k.PrevItem, k.NextItem), d("↑↓", "scroll", k.Up, k.Down),
			d("e/E", "edit", k.Edit, k.Estimates), d("i", "interview", k.Interview), d("esc", "back", k.DetailBack)}
	case modeTimeline:
		out := []key.Binding{d("↑↓", "scroll", k.Up, k.Down), filter}
		if m.filter.active() {
			out = append(out, clear)
		}
		return append(out, d("w", "windows", k.Windows), d("v", "list", k.TimelineBack))
	case modeWindows:
		return []key.Binding{d("↑↓", "move", k.Up, k.Down), k.NewWindow, d("e", "edit", k.EditWindow),
			d("x", "delete", k.DeleteWindow), d("esc", "back", k.WindowsBack)}
	}
	if len(m.plan.Initiatives) == 0 {
		return []key.Binding{d("w", "windows", k.Windows), d("v", "timeline", k.Timeline)}
	}
	out := []key.Binding{d("enter", "details", k.Detail), d("e", "edit", k.Edit), filter}
	if m.filter.active() {
		out = append(out, clear)
	}
	return append(out, d("v", "timeline", k.Timeline))
}

// FullHelp lists every key of the screen, the list first; several keys
// share a line so that the help fits two columns at 80x24.
func (km keyMap) FullHelp() []common.KeyGroup {
	k := &km.m.keys
	d := common.Describe
	return []common.KeyGroup{
		{Title: "Initiatives", Keys: []key.Binding{
			d("↑↓/jk", "move or scroll", k.Up, k.Down),
			d("pgup/pgdn", "page (home/end: first/last)", k.PageUp, k.PageDown, k.Home, k.End),
			k.Detail, k.Edit, k.Estimates, k.Interview, k.Timeline, k.Windows,
		}},
		{Title: "Filters", Keys: []key.Binding{
			d("z/Z", "zone/conduit", k.Zone, k.ZoneBack),
			d("f S o", "FR, status, owner", k.FR, k.Status, k.Owner),
			k.Clear,
		}},
		{Title: "Details", Keys: []key.Binding{d("←→/hl", "previous/next initiative", k.PrevItem, k.NextItem)}},
		{Title: "Maintenance windows", Keys: []key.Binding{k.NewWindow, k.EditWindow, k.DeleteWindow, k.WindowsBack}},
	}
}
