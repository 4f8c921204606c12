package interview

import (
	"charm.land/bubbles/v2/key"

	"slate/ui/common"
)

// provenanceKeys are the interview's keys for where answers come from: how
// each was established, its evidence and history, the interview session
// and the follow-up list, with the keys of their panels and dialogs.
type provenanceKeys struct {
	Method, Evidence, History, NewSession, Attendees, FollowUps key.Binding

	// The evidence panel (x).
	Attach, Unlink, Export, PanelClose key.Binding
	// Attaching a file: the picker, the path and caption fields.
	AttachNext, AttachSave, AttachCancel key.Binding
	PickerUp, PickerDown, PickerOpen     key.Binding
	PickerBack                           key.Binding
	// Removing a file's last link.
	DeleteToo, KeepFile, UnlinkCancel key.Binding
	// A session from an earlier day, at start.
	Continue, StartNew key.Binding
	// The history and follow-up lists.
	Jump, ListClose key.Binding
}

func newProvenanceKeys() provenanceKeys {
	return provenanceKeys{
		Method:     common.Bind("m", "how: told, seen, tested", "m"),
		Evidence:   common.Bind("x", "evidence files", "x"),
		History:    common.Bind("h", "history", "h"),
		NewSession: common.Bind("I", "new interview session", "I"),
		Attendees:  common.Bind("i", "session attendees", "i"),
		FollowUps:  common.Bind("F", "follow-up list", "F"),

		Attach:     common.Bind("a", "attach a file", "a"),
		Unlink:     common.Bind("d", "remove the file from this requirement", "d", "delete"),
		Export:     common.Bind("o", "export the file to a folder", "o"),
		PanelClose: common.Bind("esc", "close", "esc", "x"),

		AttachNext:   common.Bind("tab", "picker / path / caption", "tab", "shift+tab"),
		AttachSave:   common.Bind("ctrl+s", "attach", "ctrl+s"),
		AttachCancel: common.Bind("esc", "cancel", "esc"),
		PickerUp:     common.Bind("↑/k", "previous file", "up", "k"),
		PickerDown:   common.Bind("↓/j", "next file", "down", "j"),
		PickerOpen:   common.Bind("enter/→", "open the folder or choose the file", "enter", "right", "l"),
		PickerBack:   common.Bind("←/backspace", "the folder above", "left", "h", "backspace"),

		DeleteToo:    common.Bind("y", "remove it and delete the file", "y"),
		KeepFile:     common.Bind("k", "remove it, keep the file unlinked", "k"),
		UnlinkCancel: common.Bind("esc/n", "keep it", "esc", "n"),

		Continue: common.Bind("c", "continue that session", "c", "enter"),
		StartNew: common.Bind("n", "start a new session", "n", "I"),

		Jump:      common.Bind("enter", "go to the requirement", "enter"),
		ListClose: common.Bind("esc", "close", "esc", "h", "F"),
	}
}

// provenanceHelp is the help bar while a provenance panel or dialog is
// open.
func (k *keyMap) provenanceHelp() ([]key.Binding, bool) {
	switch k.m.mode {
	case modeSession:
		return k.m.form.ShortHelp(), true
	case modeSessionAsk:
		return []key.Binding{k.Continue, k.StartNew}, true
	case modeEvidence:
		// d and o act on the file chosen, ↑↓ choose among several.
		// Terse, to fit 80 columns; docs/keys.md says more (PanelHelp).
		bs := []key.Binding{common.Describe("a", "attach", k.Attach)}
		if files := len(k.m.panelFiles()); files > 0 {
			bs = append(bs, common.Describe("d", "remove", k.Unlink), common.Describe("o", "export", k.Export))
			if files > 1 {
				bs = append(bs, common.Describe("↑↓", "choose", k.Nav.Up, k.Nav.Down))
			}
		}
		return append(bs, k.PanelClose), true
	case modeAttach:
		return []key.Binding{k.AttachNext, common.Describe("enter", "open/choose", k.PickerOpen), k.AttachSave, k.AttachCancel}, true
	case modeUnlink:
		if k.m.prov.ev.lastLink {
			return []key.Binding{k.DeleteToo, k.KeepFile, k.UnlinkCancel}, true
		}
		return []key.Binding{common.Describe("y", "remove it", k.DeleteToo), k.UnlinkCancel}, true
	case modeExport:
		return k.m.form.ShortHelp(), true
	case modeHistory:
		if len(k.m.prov.hist.changes) > k.m.historyRows() {
			return []key.Binding{common.Describe("↑↓", "scroll", k.Nav.Up, k.Nav.Down), k.ListClose}, true
		}
		return []key.Binding{k.ListClose}, true
	case modeFollowUps:
		return []key.Binding{common.Describe("↑↓", "choose", k.Nav.Up, k.Nav.Down), k.Jump, k.ListClose}, true
	}
	return nil, false
}

// provenanceGroup is the full help's group of the keys that open the
// provenance panels and the session form.
func (k *keyMap) provenanceGroup() common.KeyGroup {
	return common.KeyGroup{Title: "Provenance", Keys: []key.Binding{k.Evidence, k.History, k.FollowUps, k.NewSession, k.Attendees, k.Reconfirm}}
}

// panelGroups are the keys inside the panels and their dialogs.
func (k *keyMap) panelGroups() []common.KeyGroup {
	return []common.KeyGroup{
		{Title: "Evidence panel (x)", Keys: []key.Binding{k.Attach, k.Unlink, k.Export, k.PanelClose}},
		{Title: "Attaching a file", Keys: []key.Binding{k.AttachNext, k.PickerUp, k.PickerDown, k.PickerOpen, k.PickerBack, k.AttachSave, k.AttachCancel}},
		{Title: "Removing a file's last link", Keys: []key.Binding{k.DeleteToo, k.KeepFile, k.UnlinkCancel}},
		{Title: "A session from an earlier day", Keys: []key.Binding{k.Continue, k.StartNew}},
		{Title: "History (h) and follow-ups (F)", Keys: []key.Binding{k.Jump, k.ListClose}},
	}
}
