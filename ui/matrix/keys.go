package matrix

import (
	"charm.land/bubbles/v2/key"

	"slate/model"
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

	drill func() bool        // reports whether the drill-down is shown
	scope func() model.Scope // the view's scope now

	// The help bar's entries of each mode and scope, built once from the
	// bindings above (the bar is drawn with every frame): s says where it
	// goes from the scope shown.
	shortMatrix, shortDrill [2][]key.Binding
	widen, narrow           key.Binding
}

func newKeyMap(drill func() bool, scope func() model.Scope) keyMap {
	k := keyMap{
		Nav:   common.NewNav(""),
		Left:  common.Bind("←/h", "previous FR", "left", "h"),
		Right: common.Bind("→/l", "next FR", "right", "l"),
		Enter: common.Bind("enter", "open", "enter"),
		Scope: common.Bind("s", "scope: up to SL-T / up to SL 4 (every screen)", "s"),
		Back:  common.Bind("esc", "back to the matrix", "esc", "backspace"),
		drill: drill,
		scope: scope,
	}
	d := common.Describe
	k.widen = d("s", "up to SL 4", k.Scope)
	k.narrow = d("s", "back to SL-T", k.Scope)
	for i, s := range []key.Binding{k.widen, k.narrow} {
		k.shortMatrix[i] = []key.Binding{d("←↓↑→", "move", k.Up, k.Down, k.Left, k.Right), d("pgup/pgdn", "page", k.PageUp, k.PageDown),
			d("enter", "unmet", k.Enter), s}
		k.shortDrill[i] = []key.Binding{d("↑↓", "move", k.Up, k.Down), d("enter", "interview", k.Enter),
			s, d("←→", "FR", k.Left, k.Right), d("esc", "back", k.Back)}
	}
	return k
}

// wide is 1 when the view's scope is up to SL 4, else 0.
func (k keyMap) wide() int {
	if k.scope != nil && k.scope() == model.ScopeSL4 {
		return 1
	}
	return 0
}

// scopeKey is s as the scope shown now makes it: widen or back to SL-T.
func (k keyMap) scopeKey() key.Binding {
	if k.wide() == 1 {
		return common.Describe("s", "scope: back to up to SL-T (every screen)", k.Scope)
	}
	return common.Describe("s", "scope: widen to up to SL 4 (every screen)", k.Scope)
}

// ShortHelp lists the keys of the mode shown now.
func (k keyMap) ShortHelp() []key.Binding {
	if k.drill != nil && k.drill() {
		return k.shortDrill[k.wide()]
	}
	return k.shortMatrix[k.wide()]
}

// FullHelp lists the keys of the mode shown now.
func (k keyMap) FullHelp() []common.KeyGroup {
	gs := k.groups(k.scopeKey())
	if k.drill != nil && k.drill() {
		return gs[1:]
	}
	return gs[:1]
}

// DocHelp lists the keys of both modes, for docs/keys.md.
func (k keyMap) DocHelp() []common.KeyGroup { return k.groups(k.Scope) }

// groups are the keys of the matrix, then of the drill-down.
func (k keyMap) groups(scope key.Binding) []common.KeyGroup {
	d := common.Describe
	return []common.KeyGroup{
		{Title: "Matrix", Keys: []key.Binding{
			d("↑↓/jk", "move between targets", k.Up, k.Down),
			d("←→/hl", "move between FRs", k.Left, k.Right),
			d("pgup/pgdn", "page up/down", k.PageUp, k.PageDown),
			d("home/end", "first/last target (also g/G)", k.Home, k.End),
			d("enter", "unmet requirements of the cell", k.Enter),
			scope,
		}},
		{Title: "Unmet requirements of a cell", Keys: []key.Binding{
			d("↑↓/jk", "move (pgup/pgdn, home/end)", k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End),
			d("←→/hl", "previous/next FR", k.Left, k.Right),
			d("enter", "answer it in the interview", k.Enter),
			scope, k.Back,
		}},
	}
}
