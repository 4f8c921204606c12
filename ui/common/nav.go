package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Nav holds the six cursor keys every list and scrolled view shares. Screens
// embed it in their key maps and move with Target, so the keys behave the
// same everywhere.
type Nav struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
}

// NewNav builds the bindings, described with the screen's word for an item
// ("target", "requirement"); an empty word gives up / down / first / last.
func NewNav(item string) Nav {
	prev, next, first, last := "up", "down", "first", "last"
	if item != "" {
		prev, next, first, last = "previous "+item, "next "+item, "first "+item, "last "+item
	}
	return Nav{
		Up:       Bind("↑/k", prev, "up", "k"),
		Down:     Bind("↓/j", next, "down", "j"),
		PageUp:   Bind("pgup", "page up", "pgup"),
		PageDown: Bind("pgdown", "page down", "pgdown"),
		Home:     Bind("home/g", first, "home", "g"),
		End:      Bind("end/G", last, "end", "G"),
	}
}

// Bindings lists the keys for help.
func (n Nav) Bindings() []key.Binding {
	return []key.Binding{n.Up, n.Down, n.PageUp, n.PageDown, n.Home, n.End}
}

// Target returns where a navigation key moves a cursor at cur in a list of
// count items showing page items at a time, clamped to the list; ok is false
// for any other key. Scrolled views pass their offset as cur and a count
// large enough to hold it (the caller clamps to what it can show).
func (n Nav) Target(k tea.KeyPressMsg, cur, page, count int) (to int, ok bool) {
	page = max(1, page)
	switch {
	case key.Matches(k, n.Up):
		to = cur - 1
	case key.Matches(k, n.Down):
		to = cur + 1
	case key.Matches(k, n.PageUp):
		to = cur - page
	case key.Matches(k, n.PageDown):
		to = cur + page
	case key.Matches(k, n.Home):
		to = 0
	case key.Matches(k, n.End):
		to = count - 1
	default:
		return cur, false
	}
	return max(0, min(to, count-1)), true
}

// Group lists the keys for the full help under a title.
func (n Nav) Group(title string) KeyGroup { return KeyGroup{Title: title, Keys: n.Bindings()} }
