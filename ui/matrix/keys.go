package matrix

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// keyMap holds the bindings of both modes: the matrix (a cursor on cells)
// and the drill-down (a cursor on the unmet requirements of one cell). The
// help shows them combined ("↑↓/jk move"), which reads better and fits in
// 80 columns; common.Describe takes the keys from these bindings.
type keyMap struct {
	common.Nav
	Left, Right key.Binding
	Enter       key.Binding
	// s in both modes (the view's scope), esc in the drill-down
	Scope key.Binding
	Back  key.Binding

	drill func() bool // reports whether the drill-down is shown

	// The help bar's entries of each mode, built once from the bindings
	// above (the bar is drawn with every frame).
	shortMatrix, shortDrill []key.Binding
}

func newKeyMap(drill func() bool) keyMap {
	k := keyMap{
		Nav:   common.NewNav(""),
		Left:  common.Bind("←/h", "previous FR", "left", "h"),
		Right: common.Bind("→/l", "next FR", "right", "l"),
		Enter: common.Bind("enter", "open", "enter"),
		Scope: common.Bind("s", "scope: up to SL-T / up to SL 4 (every screen)", "s"),
		Back:  common.Bind("esc", "back to the matrix", "esc", "backspace"),
		drill: drill,
	}
	d := common.Describe
	k.shortMatrix = []key.Binding{d("←↓↑→", "move", k.Up, k.Down, k.Left, k.Right), d("pgup/pgdn", "page", k.PageUp, k.PageDown),
		d("enter", "unmet requirements", k.Enter), d("s", "scope", k.Scope)}
	k.shortDrill = []key.Binding{d("↑↓", "move", k.Up, k.Down), d("enter", "interview", k.Enter),
		d("s", "scope", k.Scope), d("←→", "FR", k.Left, k.Right), d("esc", "back", k.Back)}
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
func (k keyMap) FullHelp() []common.KeyGroup {
	d := common.Describe
	return []common.KeyGroup{
		{Title: "Matrix", Keys: []key.Binding{
			d("↑↓/jk", "move between targets", k.Up, k.Down),
			d("←→/hl", "move between FRs", k.Left, k.Right),
			d("pgup/pgdn", "page up/down", k.PageUp, k.PageDown),
			d("home/end", "first/last target (also g/G)", k.Home, k.End),
			d("enter", "unmet requirements of the cell", k.Enter),
			k.Scope,
		}},
		{Title: "Unmet requirements of a cell", Keys: []key.Binding{
			d("↑↓/jk", "move (pgup/pgdn, home/end)", k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End),
			d("←→/hl", "previous/next FR", k.Left, k.Right),
			d("enter", "answer it in the interview", k.Enter),
			k.Scope, k.Back,
		}},
	}
}
