package interview

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

type keyMap struct {
	Yes, Partial, No, NA, Compensating, Clear key.Binding
	// Y, P, N answer and open the note editor on the answered requirement.
	YesNote, PartialNote, NoNote key.Binding
	Note, Flag, Reconfirm        key.Binding
	// b copies the answer to other zones and conduits (bulk.go).
	Bulk key.Binding
	// The detail pane under the list scrolls (its separator says how much
	// is below).
	DetailDown, DetailUp key.Binding
	// Provenance: how an answer was established, its evidence and history,
	// the interview session, the follow-up list (provenance_keys.go).
	provenanceKeys
	common.Nav
	PrevFR, NextFR, PrevTarget, NextTarget key.Binding
	Search, Scope, ByFR                    key.Binding

	// The search box: go to the chosen requirement, choose, leave.
	SearchGo, SearchUp, SearchDown, SearchCancel key.Binding

	// The lists of b (other zones and conduits) and of n/a on an SR (its
	// enhancements): tick, go on, cancel; and the copy's confirmation.
	PickToggle, PickAll, PickGo, PickCancel key.Binding
	BulkApply, BulkBack                     key.Binding

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
		YesNote:      common.Bind("Y", "yes, then a note", "Y"),
		PartialNote:  common.Bind("P", "partial, then a note", "P"),
		NoNote:       common.Bind("N", "no, then a note", "N"),
		Bulk:         common.Bind("b", "copy to other zones/conduits", "b"),
		DetailDown:   common.Bind("ctrl+d", "scroll the detail down", "ctrl+d"),
		DetailUp:     common.Bind("ctrl+u", "scroll the detail up", "ctrl+u"),
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
		ByFR:           common.Bind("o", "order: by target / by FR", "o"),

		SearchGo:     common.Bind("enter", "go to the requirement", "enter"),
		SearchUp:     common.Bind("↑/ctrl+p", "previous match", "up", "ctrl+p"),
		SearchDown:   common.Bind("↓/ctrl+n", "next match", "down", "ctrl+n"),
		SearchCancel: common.Bind("esc", "close the search", "esc"),

		PickToggle: common.Bind("space", "tick or untick", "space", "x"),
		PickAll:    common.Bind("A", "tick all / none", "A"),
		PickGo:     common.Bind("enter", "go on (b: review the changes)", "enter"),
		PickCancel: common.Bind("esc", "cancel", "esc"),
		BulkApply:  common.Bind("y", "copy it", "y", "enter"),
		BulkBack:   common.Bind("esc/n", "back to the list", "esc", "n"),

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
	case modeBulk:
		return []key.Binding{common.Describe("space", "tick", k.PickToggle), k.PickAll, common.Describe("enter", "review", k.PickGo), k.PickCancel}
	case modeBulkSure:
		return []key.Binding{k.BulkApply, k.BulkBack}
	case modeRelated:
		return []key.Binding{common.Describe("space", "tick", k.PickToggle), common.Describe("enter", "mark n/a", k.PickGo), common.Describe("esc", "leave them", k.PickCancel)}
	}
	// Terse, so that the bar fits 80 columns with "? help • q quit"; the
	// full help (?) says what each key means.
	return k.forHelp([]key.Binding{common.Describe("y/p/n/a", "yes/partial/no/n/a", k.Yes, k.Partial, k.No, k.NA),
		common.Describe("c", "compensating", k.Compensating), common.Describe("e", "note", k.Note),
		common.Describe("[ ]", "FR", k.PrevFR, k.NextFR)})
}

// DocHelp lists every key of the requirement list; the editor's and the
// forms' keys are the common ones, shown in the dialog itself and in
// docs/keys.md, as are the search box's (PanelHelp). FullHelp
// (readonly.go) shows those of them that work now.
func (k *keyMap) DocHelp() []common.KeyGroup {
	// Pairs share a line, so that the whole help fits 80x24.
	move := []key.Binding{common.Describe("↑↓/kj", "previous/next requirement", k.Nav.Up, k.Nav.Down),
		common.Describe("pgup/pgdn", "page up/down", k.Nav.PageUp, k.Nav.PageDown),
		common.Describe("home/end", "first/last (g/G)", k.Nav.Home, k.Nav.End),
		common.Describe("[ ]", "previous/next FR", k.PrevFR, k.NextFR),
		common.Describe("{ }", "previous/next zone/conduit", k.PrevTarget, k.NextTarget),
		k.detailHelp(true, true)}
	return []common.KeyGroup{
		{Title: "Answer", Keys: []key.Binding{k.Yes, k.Partial, k.No, k.NA, k.Compensating, k.Clear,
			common.Describe("Y P N", "yes/partial/no + a note", k.YesNote, k.PartialNote, k.NoNote), k.Note, k.Flag, k.Method, k.Bulk}},
		{Title: "Move", Keys: move},
		{Title: "Find and order", Keys: []key.Binding{k.Search, k.Scope, k.ByFR}},
		k.provenanceGroup(),
	}
}

// DocNote explains, in docs/keys.md, where the keys land (cursor.go).
func (k *keyMap) DocNote() string {
	return strings.Join([]string{
		"**After an answer** (`y p n`, `Y P N`, `a` once its justification is saved, `c` once its form",
		"is saved) the cursor moves to the next unanswered requirement *below* it, of the same zone or",
		"conduit and FR. With none below, it stays on the row just answered and the status line says",
		"so (`FR3 complete · ] next FR`, or `2 unanswered above · g to go`, where `g` goes to the",
		"first of them); answer keys then do nothing on that row until the cursor moves, so a second",
		"`y` never overwrites the first. The cursor never moves up, or to another FR or zone, without",
		"a key press. For the one key press after an answer, `e`, `f`, `m` and `x` act on the",
		"requirement just answered (the status line names it), wherever the cursor went; `Y`, `P` and",
		"`N` answer and open the note editor on it at once.",
		"",
		"`]`, `[`, `}`, `{` and a jump from another screen open on the first unanswered requirement",
		"(the first one when all are answered). The interview opens where the last writable session",
		"left it, if anything in scope is left to answer there; otherwise on the first zone or conduit",
		"and FR, in matrix order, with an unanswered requirement in scope. `ctrl+d` and `ctrl+u` scroll",
		"the detail under the list; the line above it says when there is more.",
		"",
		"`b` copies the answer under the cursor to other zones and conduits: it lists every other one",
		"the requirement applies to, none ticked, with its answer and whether the requirement is in",
		"scope there; `enter` shows which answers would change and `y` copies (status, note,",
		"justification and method; the evidence files and the countermeasure only when their rows are",
		"ticked) in one transaction, each target with its own answer and history row. Once `a` on an",
		"SR is saved, its REs that apply to the zone or conduit (in scope or not) are offered n/a",
		"with the same justification: the unanswered ones come ticked, `enter` marks them, `esc`",
		"leaves them.",
	}, "\n")
}

// answerKeys are the keys that change the answer under the cursor.
func (k *keyMap) answerKeys() []key.Binding {
	return []key.Binding{k.Yes, k.Partial, k.No, k.YesNote, k.PartialNote, k.NoNote, k.NA, k.Compensating, k.Clear}
}

// PanelHelp lists the keys of the evidence, history and follow-up panels
// and their dialogs, which each shows under itself: docs/keys.md lists
// them after FullHelp.
func (k *keyMap) PanelHelp() []common.KeyGroup {
	search := common.KeyGroup{Title: "Search box (/)", Keys: []key.Binding{k.SearchGo,
		common.Describe("↑↓", "previous/next match", k.SearchUp, k.SearchDown), k.SearchCancel}}
	return append(append([]common.KeyGroup{search}, k.panelGroups()...),
		common.KeyGroup{Title: "Copying an answer (b); an SR's REs n/a with it (a)", Keys: []key.Binding{k.PickToggle, k.PickAll, k.PickGo, k.PickCancel}},
		common.KeyGroup{Title: "Before the copy is made", Keys: []key.Binding{k.BulkApply, k.BulkBack}})
}
