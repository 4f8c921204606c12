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

		TimelineBack: b("v/esc", "back to the list", "v", "esc"), // backspace clears the filters

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
// leave room for the root's "? help" and "q quit" at 80 columns. Only keys
// that do something now are listed (none that a read-only session refuses).
func (km keyMap) ShortHelp() []key.Binding {
	m := km.m
	k := &m.keys
	d := common.Describe
	if help, ok := common.DialogHelp(m.form, m.confirm); ok {
		return help
	}
	filter := d("z/f/S/o", "filter", k.Zone, k.FR, k.Status, k.Owner)
	clear := d("X", "clear", k.Clear)
	var out []key.Binding
	switch m.mode {
	case modeDetail:
		out = []key.Binding{d("←→", "initiative", m.itemKeys()...), d("↑↓", "scroll", m.detailScrollKeys()...),
			d("e/E", "edit", k.Edit, k.Estimates), d("i", "interview", k.Interview), d("esc", "back", k.DetailBack)}
	case modeTimeline:
		out = []key.Binding{d("↑↓", "scroll", m.timelineScrollKeys()...), filter}
		if m.filter.active() {
			out = append(out, clear)
		}
		out = append(out, d("w", "windows", k.Windows), d("v", "list", k.TimelineBack))
	case modeWindows:
		out = []key.Binding{d("↑↓", "move", m.windowNavKeys()...), k.NewWindow}
		if len(m.windows()) > 0 {
			out = append(out, d("e", "edit", k.EditWindow), d("x", "delete", k.DeleteWindow))
		}
		out = append(out, d("esc", "back", k.WindowsBack))
	default:
		if len(m.plan.Initiatives) == 0 {
			return []key.Binding{d("w", "windows", k.Windows), d("v", "timeline", k.Timeline)}
		}
		if m.selected() != nil {
			out = []key.Binding{d("enter", "details", k.Detail), d("e", "edit", k.Edit)}
		}
		out = append(out, filter)
		if m.filter.active() {
			out = append(out, clear)
		}
		out = append(out, d("v", "timeline", k.Timeline))
	}
	return common.ForHelp(m.ctx.Data, out, m.editKeys()...)
}

// FullHelp lists the keys of the mode shown now in titled groups (in a
// read-only session without the keys it refuses); several keys share a
// line so that the help fits two columns at 80x24.
func (km keyMap) FullHelp() []common.KeyGroup {
	m := km.m
	k := &m.keys
	d := common.Describe
	filters := common.KeyGroup{Title: "Filters", Keys: []key.Binding{
		d("z/Z", "zone/conduit: next/previous", k.Zone, k.ZoneBack),
		d("f S o", "FR, status, owner", k.FR, k.Status, k.Owner),
	}}
	if m.filter.active() {
		filters.Keys = append(filters.Keys, k.Clear)
	}
	var gs []common.KeyGroup
	switch m.mode {
	case modeDetail:
		gs = []common.KeyGroup{{Title: "Initiative", Keys: []key.Binding{
			d("←→/hl", "previous/next initiative", m.itemKeys()...),
			d("↑↓/jk", "scroll (pgup/pgdn, home/end)", m.detailScrollKeys()...),
			k.Edit, k.Estimates, k.Interview, d("esc", "back to the list", k.DetailBack),
		}}}
	case modeTimeline:
		gs = []common.KeyGroup{{Title: "Timeline", Keys: []key.Binding{
			d("↑↓/jk", "scroll (pgup/pgdn, home/end)", m.timelineScrollKeys()...),
			k.Windows, d("v/esc", "back to the list", k.TimelineBack),
		}}, filters}
	case modeWindows:
		keys := []key.Binding{d("↑↓/jk", "move (pgup/pgdn, home/end)", m.windowNavKeys()...), k.NewWindow}
		if len(m.windows()) > 0 {
			keys = append(keys, k.EditWindow, k.DeleteWindow)
		}
		gs = []common.KeyGroup{{Title: "Maintenance windows", Keys: append(keys, k.WindowsBack)}}
	default:
		if len(m.plan.Initiatives) == 0 {
			gs = []common.KeyGroup{{Title: "Roadmap", Keys: []key.Binding{k.Windows, k.Timeline}}}
			break
		}
		var keys []key.Binding
		if len(m.list.items) > 1 {
			keys = append(keys, d("↑↓/jk", "move", k.Up, k.Down), d("pgup/pgdn", "page (home/end: first/last)", k.PageUp, k.PageDown, k.Home, k.End))
		}
		if m.selected() != nil {
			keys = append(keys, k.Detail, k.Edit, k.Estimates, k.Interview)
		}
		gs = []common.KeyGroup{{Title: "Initiatives", Keys: append(keys, k.Timeline, k.Windows)}, filters}
	}
	return common.GroupsForHelp(m.ctx.Data, gs, m.editKeys()...)
}

// DocHelp lists every key of every mode, for docs/keys.md.
func (km keyMap) DocHelp() []common.KeyGroup {
	k := &km.m.keys
	d := common.Describe
	return []common.KeyGroup{
		{Title: "Initiatives", Keys: []key.Binding{
			d("↑↓/jk", "move or scroll", k.Up, k.Down),
			d("pgup/pgdn", "page (home/end: first/last)", k.PageUp, k.PageDown, k.Home, k.End),
			k.Detail, k.Edit, k.Estimates, k.Interview, k.Timeline, k.Windows,
		}},
		{Title: "Filters", Keys: []key.Binding{
			d("z/Z", "zone/conduit: next/previous", k.Zone, k.ZoneBack),
			d("f S o", "FR, status, owner", k.FR, k.Status, k.Owner),
			k.Clear,
		}},
		{Title: "Details", Keys: []key.Binding{d("←→/hl", "previous/next initiative", k.PrevItem, k.NextItem), k.DetailBack}},
		{Title: "Timeline", Keys: []key.Binding{k.TimelineBack}},
		{Title: "Maintenance windows", Keys: []key.Binding{k.NewWindow, k.EditWindow, k.DeleteWindow, k.WindowsBack}},
	}
}

// editKeys are the keys of the mode shown now that change the assessment:
// a read-only session refuses them at once and leaves them out of the help.
func (m *Model) editKeys() []key.Binding {
	k := &m.keys
	switch {
	case m.dlg != noDialog:
		return nil
	case m.mode == modeWindows:
		return []key.Binding{k.NewWindow, k.EditWindow, k.DeleteWindow}
	case m.mode == modeList || m.mode == modeDetail:
		return []key.Binding{k.Edit, k.Estimates}
	}
	return nil
}

// itemKeys are the keys to the previous and next initiative of the full
// detail that lead somewhere from the one shown.
func (m *Model) itemKeys() []key.Binding {
	var out []key.Binding
	if m.cursor > 0 {
		out = append(out, m.keys.PrevItem)
	}
	if m.cursor < len(m.list.items)-1 {
		out = append(out, m.keys.NextItem)
	}
	return out
}

// detailScrollKeys are the scroll keys of the full detail, when it is
// longer than the body.
func (m *Model) detailScrollKeys() []key.Binding {
	in := m.selected()
	if in == nil || len(m.fullLines(in)) <= m.detailBodyH() {
		return nil
	}
	return m.keys.Nav.Bindings()
}

// timelineScrollKeys are the scroll keys of the timeline, when it is
// longer than the body.
func (m *Model) timelineScrollKeys() []key.Binding {
	if len(m.timeline().lines) <= m.timelineBodyH() {
		return nil
	}
	return m.keys.Nav.Bindings()
}

// windowNavKeys move between the windows, when there are several.
func (m *Model) windowNavKeys() []key.Binding {
	if len(m.windows()) < 2 {
		return nil
	}
	return m.keys.Nav.Bindings()
}
