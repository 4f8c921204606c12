package matrix

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// keyMap holds the bindings of both modes: the matrix (a cursor on cells)
// and the drill-down (a cursor on the unmet requirements of one cell).
// Matching uses the single-purpose bindings; the help bar and the full help
// show the combined ones, which read better and fit in 80 columns.
type keyMap struct {
	// matching, both modes
	common.Nav
	Left, Right key.Binding
	Enter       key.Binding
	// matching: s in both modes, esc in the drill-down
	Scope key.Binding
	Back  key.Binding

	// help, matrix
	hMove, hFR, hPage, hEnds, hOpen, hScope key.Binding
	// help, drill-down
	hDMove, hDFR, hDInterview, hDScope, hDBack key.Binding

	shortMatrix, shortDrill []key.Binding

	drill func() bool // reports whether the drill-down is shown
}

func newKeyMap(drill func() bool) keyMap {
	k := keyMap{
		Nav:   common.NewNav(""),
		Left:  common.Bind("←/h", "previous FR", "left", "h"),
		Right: common.Bind("→/l", "next FR", "right", "l"),
		Enter: common.Bind("enter", "open", "enter"),
		Scope: common.Bind("s", "scope: up to SL-T / up to SL 4", "s"),
		Back:  common.Bind("esc", "back to the matrix", "esc", "backspace"),

		hMove:  common.Bind("↑↓/jk", "move between targets", "up", "down", "k", "j"),
		hFR:    common.Bind("←→/hl", "move between FRs", "left", "right", "h", "l"),
		hPage:  common.Bind("pgup/pgdn", "page up/down", "pgup", "pgdown"),
		hEnds:  common.Bind("home/end", "first/last target (also g/G)", "home", "end", "g", "G"),
		hOpen:  common.Bind("enter", "unmet requirements of the cell", "enter"),
		hScope: common.Bind("s", "scope: up to SL-T / up to SL 4 (every screen)", "s"),

		hDMove:      common.Bind("↑↓/jk", "details: move (pgup/pgdn, home/end)", "up", "down", "k", "j"),
		hDFR:        common.Bind("←→/hl", "details: previous/next FR", "left", "right", "h", "l"),
		hDInterview: common.Bind("enter", "details: answer it in the interview", "enter"),
		hDScope:     common.Bind("s", "details: scope up to SL-T / up to SL 4", "s"),
		hDBack:      common.Bind("esc", "details: back to the matrix", "esc", "backspace"),

		drill: drill,
	}
	k.shortMatrix = []key.Binding{
		common.Bind("←↓↑→", "move", "up", "down", "left", "right"),
		common.Bind("pgup/pgdn", "page", "pgup", "pgdown"),
		common.Bind("enter", "unmet requirements", "enter"),
		common.Bind("s", "scope", "s"),
	}
	k.shortDrill = []key.Binding{
		common.Bind("↑↓", "move", "up", "down"),
		common.Bind("enter", "interview", "enter"),
		common.Bind("s", "scope", "s"),
		common.Bind("←→", "FR", "left", "right"),
		common.Bind("esc", "back", "esc"),
	}
	return k
}

// ShortHelp lists the keys of the mode shown now.
func (k keyMap) ShortHelp() []key.Binding {
	if k.drill != nil && k.drill() {
		return k.shortDrill
	}
	return k.shortMatrix
}

// FullHelp lists every key of both modes: the matrix first, then the
// drill-down.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.hMove, k.hFR, k.hPage, k.hEnds, k.hOpen, k.hScope},
		{k.hDMove, k.hDFR, k.hDInterview, k.hDScope, k.hDBack},
	}
}
