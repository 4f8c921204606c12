package roadmap

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// keys holds the bindings the screen matches, and the help entries (the
// full help and docs/keys.md list these, grouped by mode).
type keys struct {
	// Moving, in every mode: the list cursor, the detail and timeline
	// scroll, the windows cursor.
	common.Nav

	// The list (and where noted the other modes).
	Detail, Edit, Interview, Timeline, Windows key.Binding
	Zone, ZoneBack, FR, Status, Owner, Clear   key.Binding

	// The full detail of one initiative.
	PrevItem, NextItem, DetailBack key.Binding

	// The timeline.
	TimelineBack key.Binding

	// The maintenance windows.
	NewWindow, EditWindow, DeleteWindow, WindowsBack key.Binding

	help  helpKeys
	short shortKeys
}

// helpKeys are the full help's entries (and docs/keys.md): several
// bindings share a line, so that the help fits two columns at 80x24.
type helpKeys struct {
	move, page, detail, item, edit, interview, timeline, windows key.Binding
	zone, filter, clear                                          key.Binding
	wNew, wEdit, wDelete, wBack                                  key.Binding
	fField, fChoose, fSave, fCancel, confirm                     key.Binding
}

// shortKeys are the terse entries of the one-line help bar, which must
// leave room for the root's "? help" and "q quit" at 80 columns.
type shortKeys struct {
	move, detail, edit, filter, clear, timeline, windows, list key.Binding
	item, scroll, interview, back                              key.Binding
	add, editW, deleteW                                        key.Binding
	field, choose, save, cancel, yes, no                       key.Binding
}

func newKeys() keys {
	b := common.Bind
	k := keys{
		Nav: common.NewNav(""),

		Detail:    b("enter", "details", "enter"),
		Edit:      b("e", "edit tracking", "e"),
		Interview: b("i", "interview", "i"),
		Timeline:  b("v", "timeline", "v"),
		Windows:   b("w", "maintenance windows", "w"),
		Zone:      b("z", "zone/conduit filter", "z"),
		ZoneBack:  b("Z", "previous zone/conduit", "Z"),
		FR:        b("f", "FR filter", "f"),
		Status:    b("S", "status filter", "S"),
		Owner:     b("o", "owner filter", "o"),
		Clear:     b("X", "clear filters", "X", "backspace"),

		PrevItem:   b("←/h", "previous initiative", "left", "h"),
		NextItem:   b("→/l", "next initiative", "right", "l"),
		DetailBack: b("esc", "back", "esc", "enter", "backspace"),

		TimelineBack: b("v/esc", "back", "v", "esc", "backspace"),

		NewWindow:    b("n", "new window", "n"),
		EditWindow:   b("e", "edit window", "e", "enter"),
		DeleteWindow: b("x", "delete window", "x", "delete"),
		WindowsBack:  b("esc", "back", "esc", "w", "backspace"),
	}
	k.help = helpKeys{
		move:      b("↑↓/jk", "move or scroll", "up", "down", "k", "j"),
		page:      b("pgup/pgdn", "page (home/end: first/last)", "pgup", "pgdown", "home", "end", "g", "G"),
		detail:    b("enter", "all details (esc: back)", "enter"),
		item:      b("←→/hl", "details: previous/next", "left", "right", "h", "l"),
		edit:      b("e", "edit tracking and estimates", "e"),
		interview: b("i", "answer it in the interview", "i"),
		timeline:  b("v", "timeline (v or esc: back)", "v"),
		windows:   b("w", "maintenance windows", "w"),

		zone:   b("z/Z", "filter: zone/conduit", "z", "Z"),
		filter: b("f S o", "filter: FR, status, owner", "f", "S", "o"),
		clear:  b("X/bksp", "clear the filters", "X", "backspace"),

		wNew:    b("n", "windows: add", "n"),
		wEdit:   b("e/enter", "windows: edit", "e", "enter"),
		wDelete: b("x/del", "windows: delete (asks)", "x", "delete"),
		wBack:   b("esc/w", "windows: back", "esc", "w"),

		fField:  b("tab/↑↓", "form: next/previous field", "tab", "shift+tab"),
		fChoose: b("←/→", "form: choose", "left", "right"),
		fSave:   b("ctrl+s", "form: save", "ctrl+s"),
		fCancel: b("esc", "form: cancel", "esc"),
		confirm: b("y/n", "confirm: delete/keep", "y", "n"),
	}
	k.short = shortKeys{
		move:      b("↑↓", "move", "up", "down"),
		detail:    b("enter", "details", "enter"),
		edit:      b("e", "edit", "e"),
		filter:    b("z/f/S/o", "filter", "z", "f", "S", "o"),
		clear:     b("X", "clear", "X"),
		timeline:  b("v", "timeline", "v"),
		windows:   b("w", "windows", "w"),
		list:      b("v", "list", "v"),
		item:      b("←→", "initiative", "left", "right"),
		scroll:    b("↑↓", "scroll", "up", "down"),
		interview: b("i", "interview", "i"),
		back:      b("esc", "back", "esc"),
		add:       b("n", "add", "n"),
		editW:     b("e", "edit", "e"),
		deleteW:   b("x", "delete", "x"),
		field:     b("tab", "field", "tab"),
		choose:    b("←→", "choose", "left", "right"),
		save:      b("ctrl+s", "save", "ctrl+s"),
		cancel:    b("esc", "cancel", "esc"),
		yes:       b("y", "delete", "y"),
		no:        b("n", "keep", "n"),
	}
	return k
}

// keyMap is what the help bar shows: it follows the mode and dialog.
type keyMap struct{ m *Model }

// Keys implements common.Screen.
func (m *Model) Keys() common.KeyMap { return keyMap{m} }

// ShortHelp lists the keys of the mode shown now.
func (km keyMap) ShortHelp() []key.Binding {
	m := km.m
	s := &m.keys.short
	switch m.dlg {
	case trackingForm:
		return []key.Binding{s.field, s.choose, s.save, s.cancel}
	case windowForm:
		return []key.Binding{s.field, s.save, s.cancel}
	case windowDelete:
		return []key.Binding{s.yes, s.no}
	}
	switch m.mode {
	case modeDetail:
		return []key.Binding{s.item, s.scroll, s.edit, s.interview, s.back}
	case modeTimeline:
		out := []key.Binding{s.scroll, s.filter}
		if m.filter.active() {
			out = append(out, s.clear)
		}
		return append(out, s.windows, s.list)
	case modeWindows:
		return []key.Binding{s.move, s.add, s.editW, s.deleteW, s.back}
	}
	if len(m.plan.Initiatives) == 0 {
		return []key.Binding{s.windows, s.timeline}
	}
	out := []key.Binding{s.detail, s.edit, s.filter}
	if m.filter.active() {
		out = append(out, s.clear)
	}
	return append(out, s.timeline)
}

// FullHelp lists every key of the screen, the list first.
func (km keyMap) FullHelp() [][]key.Binding {
	h := &km.m.keys.help
	return [][]key.Binding{
		{h.move, h.page, h.detail, h.item, h.edit, h.interview, h.timeline, h.windows},
		{h.zone, h.filter, h.clear},
		{h.wNew, h.wEdit, h.wDelete, h.wBack},
		{h.fField, h.fChoose, h.fSave, h.fCancel, h.confirm},
	}
}
