package interview

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

type keyMap struct {
	Yes, Partial, No, NA, Compensating, Clear key.Binding
	Note, Flag, Interviewee                   key.Binding
	common.Nav
	PrevFR, NextFR, PrevTarget, NextTarget key.Binding
	Search, Scope, ByFR                    key.Binding
	mode                                   mode
}

func newKeys() *keyMap {
	return &keyMap{
		Yes:          common.Bind("y", "yes: requirement met", "y"),
		Partial:      common.Bind("p", "partial (not met)", "p"),
		No:           common.Bind("n", "no: not met", "n"),
		NA:           common.Bind("a", "not applicable (justify)", "a"),
		Compensating: common.Bind("c", "compensating control (describe it)", "c"),
		Clear:        common.Bind("u", "clear the answer", "u"),
		Note:         common.Bind("e/enter", "edit the note", "e", "enter"),
		Flag:         common.Bind("f", "flag for follow-up", "f"),
		Interviewee:  common.Bind("i", "set the interviewee", "i"),
		Nav:          common.NewNav("requirement"),
		PrevFR:       common.Bind("[", "previous FR", "["),
		NextFR:       common.Bind("]", "next FR", "]"),
		PrevTarget:   common.Bind("{", "previous zone/conduit", "{"),
		NextTarget:   common.Bind("}", "next zone/conduit", "}"),
		Search:       common.Bind("/", "search requirements", "/"),
		Scope:        common.Bind("s", "scope: to SL-T / up to SL 4", "s"),
		ByFR:         common.Bind("o", "order: by target / one FR for all", "o"),
	}
}

var (
	editorKeys = []key.Binding{common.Bind("ctrl+s", "save", "ctrl+s"), common.Bind("esc", "cancel", "esc")}
	searchKeys = []key.Binding{common.Bind("enter", "go to", "enter"), common.Bind("↑↓", "choose", "up", "down"), common.Bind("esc", "cancel", "esc")}
)

// ShortHelp adapts to what has the keyboard.
func (k *keyMap) ShortHelp() []key.Binding {
	switch k.mode {
	case modeEditor, modeInterviewee:
		return editorKeys
	case modeSearch:
		return searchKeys
	}
	return []key.Binding{k.Yes, k.Partial, k.No, k.NA, k.Compensating, k.Note, k.PrevFR, k.NextFR, k.NextTarget}
}

// FullHelp lists every key of the screen.
func (k *keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Yes, k.Partial, k.No, k.NA, k.Compensating, k.Clear, k.Note, k.Flag, k.Interviewee},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.PrevFR, k.NextFR, k.PrevTarget, k.NextTarget},
		{k.Search, k.Scope, k.ByFR},
	}
}
