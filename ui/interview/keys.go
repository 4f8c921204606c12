package interview

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

type keyMap struct {
	Yes, Partial, No, NA, Compensating, Clear key.Binding
	Note, Flag, Reconfirm                     key.Binding
	// Provenance: how an answer was established, its evidence and history,
	// the interview session, the follow-up list (provenance_keys.go).
	provenanceKeys
	common.Nav
	PrevFR, NextFR, PrevTarget, NextTarget key.Binding
	Search, Scope, ByFR                    key.Binding

	// The search box: go to the chosen requirement, choose, leave.
	SearchGo, SearchUp, SearchDown, SearchCancel key.Binding

	// The note and justification editor, and the interviewee form.
	Editor common.EditorKeys
	Form   common.FormKeys

	m *Model // for the mode and the open widget
}

func newKeys() *keyMap {
	return &keyMap{
		Yes:          common.Bind("y", "yes: requirement met", "y"),
		Partial:      common.Bind("p", "partial (not met)", "p"),
		No:           common.Bind("n", "no: not met", "n"),
		NA:           common.Bind("a", "not applicable (justify)", "a"),
		Compensating: common.Bind("c", "compensating countermeasure", "c"),
		Clear:        common.Bind("u", "clear the answer", "u"),
		Note:         common.Bind("e/enter", "edit the note", "e", "enter"),
		Flag:         common.Bind("f", "flag for follow-up", "f"),
		Reconfirm:    common.Bind("r", "re-confirm after an upgrade", "r"),

		provenanceKeys: newProvenanceKeys(),
		Nav:            common.NewNav("requirement"),
		PrevFR:         common.Bind("[", "previous FR", "["),
		NextFR:         common.Bind("]", "next FR", "]"),
		PrevTarget:     common.Bind("{", "previous zone/conduit/site", "{"),
		NextTarget:     common.Bind("}", "next zone/conduit/site", "}"),
		Search:         common.Bind("/", "search requirements", "/"),
		Scope:          common.Bind("s", "scope: to SL-T / up to SL 4", "s"),
		ByFR:           common.Bind("o", "order: by target / one FR for all", "o"),

		SearchGo:     common.Bind("enter", "go to the requirement", "enter"),
		SearchUp:     common.Bind("↑/ctrl+p", "previous match", "up", "ctrl+p"),
		SearchDown:   common.Bind("↓/ctrl+n", "next match", "down", "ctrl+n"),
		SearchCancel: common.Bind("esc", "close the search", "esc"),

		Editor: common.NewEditorKeys(),
		Form:   common.NewFormKeys(),
	}
}

// ShortHelp adapts to what has the keyboard.
func (k *keyMap) ShortHelp() []key.Binding {
	if help, ok := k.provenanceHelp(); ok {
		return k.forHelp(help)
	}
	switch k.m.mode {
	case modeEditor:
		return k.m.editor.ShortHelp()
	case modeCompensating:
		return k.m.comp.form.ShortHelp()
	case modeSearch:
		return []key.Binding{common.Describe("enter", "go to", k.SearchGo), common.Describe("↑↓", "choose", k.SearchUp, k.SearchDown),
			common.Describe("esc", "cancel", k.SearchCancel)}
	}
	return k.forHelp([]key.Binding{k.Yes, k.Partial, k.No, k.NA, k.Compensating, k.Note, k.PrevFR, k.NextFR, k.NextTarget})
}

// DocHelp lists every key of the requirement list; the editor's and the
// forms' keys are the common ones, shown in the dialog itself and in
// docs/keys.md.
func (k *keyMap) DocHelp() []common.KeyGroup {
	// Pairs share a line, so that the whole help fits 80x24.
	move := []key.Binding{common.Describe("↑↓/kj", "previous/next requirement", k.Nav.Up, k.Nav.Down),
		common.Describe("pgup/pgdn", "page up/down", k.Nav.PageUp, k.Nav.PageDown),
		common.Describe("home/end", "first/last (g/G)", k.Nav.Home, k.Nav.End),
		common.Describe("[ ]", "previous/next FR", k.PrevFR, k.NextFR),
		common.Describe("{ }", "previous/next zone/conduit", k.PrevTarget, k.NextTarget)}
	return []common.KeyGroup{
		{Title: "Answer", Keys: []key.Binding{k.Yes, k.Partial, k.No, k.NA, k.Compensating, k.Clear, k.Note, k.Flag, k.Method}},
		{Title: "Move", Keys: move},
		{Title: "Find and order", Keys: []key.Binding{k.Search, k.Scope, k.ByFR}},
		k.provenanceGroup(),
	}
}

// PanelHelp lists the keys of the search box, the evidence, history and
// follow-up panels and their dialogs, which each shows under itself:
// docs/keys.md lists them after FullHelp.
func (k *keyMap) PanelHelp() []common.KeyGroup {
	search := common.KeyGroup{Title: "Search box", Keys: []key.Binding{k.SearchGo, common.Describe("↑↓", "previous/next match", k.SearchUp, k.SearchDown), k.SearchCancel}}
	return append([]common.KeyGroup{search}, k.panelGroups()...)
}
