package common

import (
	"fmt"

	"charm.land/bubbles/v2/key"
)

// KeyMap is a screen's keys as the help shows them: a short list for the
// one-line help bar (it may follow what is open) and every key in titled
// groups for the full help and docs/keys.md. Both are built from the one
// set of bindings the screen matches keys with, so a key is defined once.
type KeyMap interface {
	ShortHelp() []key.Binding
	FullHelp() []KeyGroup
}

// KeyGroup is one titled group of the full help ("Move", "Filters", ...).
type KeyGroup struct {
	Title string
	Keys  []key.Binding
}

// Bind is a shorthand for a binding with help text.
func Bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// Describe is one help entry standing for several bindings ("↑↓/jk move"
// for up and down), or for one in other words (the help bar's terse
// forms). It takes its keys from the bindings, so they stay defined once,
// and is enabled while any of them is.
func Describe(label, desc string, bs ...key.Binding) key.Binding {
	var keys []string
	seen := map[string]bool{}
	enabled := false
	for _, b := range bs {
		enabled = enabled || b.Enabled()
		for _, k := range b.Keys() {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	d := Bind(label, desc, keys...)
	d.SetEnabled(enabled)
	return d
}

// GlobalKeys work on every screen unless an editor has the keyboard.
type GlobalKeys struct {
	Screens []key.Binding // 1..6
	Next    key.Binding
	Prev    key.Binding
	Help    key.Binding
	Quit    key.Binding
	// Reload reads the file again: only a read-only session enables it
	// (another Slate may be changing the file; a writable session holds it).
	Reload key.Binding
	// Interrupt reaches the root even while a screen has the keyboard: it
	// asks before discarding what is being typed, answered with Confirm.
	Interrupt key.Binding
	Confirm   ConfirmKeys
}

// NewGlobalKeys returns the bindings for the given screen titles (in order).
func NewGlobalKeys(titles []string) GlobalKeys {
	g := GlobalKeys{
		Next:      Bind("tab", "next screen", "tab"),
		Prev:      Bind("shift+tab", "previous screen", "shift+tab"),
		Help:      Bind("?", "help", "?"),
		Quit:      Bind("q", "quit", "q", "ctrl+c"),
		Reload:    Bind("ctrl+r", "reload the file (read-only; it also reloads by itself)", "ctrl+r"),
		Interrupt: Bind("ctrl+c", "quit, asking first while typing", "ctrl+c"),
		Confirm:   NewConfirmKeys(),
	}
	for i, t := range titles {
		k := string(rune('1' + i))
		g.Screens = append(g.Screens, Bind(k, t, k))
	}
	return g
}

// Group lists every global key, each screen's number with its title, for
// docs/keys.md.
func (g GlobalKeys) Group() KeyGroup {
	return KeyGroup{Title: "Everywhere", Keys: append(append([]key.Binding{}, g.Screens...), g.Next, g.Prev, g.Help, g.Quit, g.Reload)}
}

// HelpGroup is Group for the full help, where the tab bar above already
// pairs each number with its screen: the numbers share one line.
func (g GlobalKeys) HelpGroup() KeyGroup {
	keys := []key.Binding{g.Next, g.Prev, g.Help, g.Quit, g.Reload}
	if n := len(g.Screens); n > 0 {
		keys = append([]key.Binding{Describe(fmt.Sprintf("1-%d", n), "go to a screen", g.Screens...)}, keys...)
	}
	return KeyGroup{Title: "Everywhere", Keys: keys}
}

// FormKeys are the keys of a Form. Screens keep them in their key maps,
// pass them to NewForm and list them in their help.
type FormKeys struct {
	Next, Prev  key.Binding // move between fields
	Enter       key.Binding // next field; submits on the last
	Save        key.Binding // submits from any field
	Cancel      key.Binding
	Left, Right key.Binding // a choice field's options; a levels field's FRs
	// NextFR is Right in a levels field: without space, which between
	// levels typed in a row ("2 2 3 2 2 1 2") neither moves nor sets.
	NextFR key.Binding
	Level  key.Binding // a levels field's level, 0-4
}

// NewFormKeys returns the form keys every screen uses.
func NewFormKeys() FormKeys {
	return FormKeys{
		Next:   Bind("tab/↓", "next field", "tab", "down"),
		Prev:   Bind("shift+tab/↑", "previous field", "shift+tab", "up"),
		Enter:  Bind("enter", "next field; saves on the last", "enter"),
		Save:   Bind("ctrl+s", "save", "ctrl+s"),
		Cancel: Bind("esc", "cancel", "esc"),
		Left:   Bind("←/h", "previous choice; all FRs or the FR before", "left", "h"),
		Right:  Bind("→/l/space", "next choice; the next FR (→ or l)", "right", "l", "space"),
		NextFR: Bind("→/l", "the next FR", "right", "l"),
		Level:  Bind("0-4", "level", "0", "1", "2", "3", "4"),
	}
}

// field, choose and levels are the help bar's terse forms of the keys.
func (k FormKeys) field() key.Binding  { return Describe("tab", "next field", k.Next, k.Prev) }
func (k FormKeys) choose() key.Binding { return Describe("←→", "choose", k.Left, k.Right) }
func (k FormKeys) frs() key.Binding    { return Describe("←→", "all/one FR", k.Left, k.NextFR) }

// Group lists the form keys for the full help.
func (k FormKeys) Group() KeyGroup {
	return KeyGroup{Title: "Forms", Keys: []key.Binding{
		Describe("tab/↑↓", "next/previous field", k.Next, k.Prev), k.Enter,
		Describe("←/→", "choose; all or one FR", k.Left, k.Right), Describe("0-4", "SL-T level", k.Level), k.Save, k.Cancel,
	}}
}

// EditorKeys are the keys of an Editor; enter is the text area's own.
type EditorKeys struct {
	Save, Cancel key.Binding
	NewLine      key.Binding // for help: the text area inserts it
}

// NewEditorKeys returns the editor keys every screen uses.
func NewEditorKeys() EditorKeys {
	return EditorKeys{
		Save:    Bind("ctrl+s", "save", "ctrl+s"),
		Cancel:  Bind("esc", "cancel", "esc"),
		NewLine: Bind("enter", "new line", "enter"),
	}
}

// Group lists the editor keys for the full help.
func (k EditorKeys) Group() KeyGroup {
	return KeyGroup{Title: "Note editor", Keys: []key.Binding{k.Save, k.Cancel, k.NewLine}}
}

// ConfirmKeys are the keys of a Confirm: only Yes confirms.
type ConfirmKeys struct {
	Yes, No key.Binding
}

// NewConfirmKeys returns the confirmation keys every screen uses.
func NewConfirmKeys() ConfirmKeys {
	return ConfirmKeys{
		Yes: Bind("y", "confirm", "y", "Y"),
		No:  Bind("n/esc", "keep", "n", "N", "esc", "q"),
	}
}

// Group lists the confirmation keys for the full help.
func (k ConfirmKeys) Group() KeyGroup {
	return KeyGroup{Title: "Confirmations", Keys: []key.Binding{k.Yes, k.No}}
}

// hint renders bindings as the one-line hint under a dialog: "ctrl+s save
// · esc cancel".
func hint(bs ...key.Binding) string {
	s := ""
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		if s != "" {
			s += " · "
		}
		h := b.Help()
		s += h.Key + " " + h.Desc
	}
	return s
}

// DialogGroups lists the keys of the forms, editors and confirmations,
// which are the same on every screen: each dialog shows its own under its
// fields and in the help bar, and docs/keys.md lists them once.
func DialogGroups() []KeyGroup {
	return []KeyGroup{NewFormKeys().Group(), NewEditorKeys().Group(), NewConfirmKeys().Group()}
}

// DialogHelp is the help bar of the open form or confirmation of a screen
// (ok is false when neither is open).
func DialogHelp(f *Form, c *Confirm) (help []key.Binding, ok bool) {
	switch {
	case f != nil:
		return f.ShortHelp(), true
	case c != nil:
		return c.ShortHelp(), true
	}
	return nil, false
}
