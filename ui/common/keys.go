package common

import "charm.land/bubbles/v2/key"

// GlobalKeys work on every screen unless an editor has the keyboard.
type GlobalKeys struct {
	Screens []key.Binding // 1..6
	Next    key.Binding
	Prev    key.Binding
	Help    key.Binding
	Quit    key.Binding
}

// NewGlobalKeys returns the bindings for the given screen titles (in order).
func NewGlobalKeys(titles []string) GlobalKeys {
	g := GlobalKeys{
		Next: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
		Prev: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
	for i, t := range titles {
		k := string(rune('1' + i))
		g.Screens = append(g.Screens, key.NewBinding(key.WithKeys(k), key.WithHelp(k, t)))
	}
	return g
}

// KeyMap is what a screen offers to the help bar: a short list for the bar
// and groups for the full help.
type KeyMap interface {
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// Bind is a shorthand for a binding with help text.
func Bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}
