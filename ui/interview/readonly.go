package interview

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/ui/common"
)

// A read-only session refuses every key of the requirement list that
// would change the assessment at once, with why the file is read-only,
// and the help leaves those keys out (common.RefuseReadOnly, ForHelp).

// editKeys are the keys of the requirement list that change the
// assessment: answers, notes, flags, methods, re-confirmation, sessions.
func (k *keyMap) editKeys() []key.Binding {
	return []key.Binding{k.Yes, k.Partial, k.No, k.NA, k.Compensating, k.Clear, k.Note, k.Flag, k.Method,
		k.Reconfirm, k.NewSession, k.Attendees}
}

// refuseReadOnly is the refusal of an edit key of the requirement list.
func (m *Model) refuseReadOnly(k tea.KeyPressMsg) (tea.Cmd, bool) {
	return common.RefuseReadOnly(m.ctx.Data, k, m.keys.editKeys()...)
}

// forHelp leaves out of the help bar and the full help what does nothing
// now: in a read-only session the keys that edit (in the evidence panel,
// attach and remove); re-confirmation when no answer needs it; the
// session's attendees when there is no session.
func (k *keyMap) forHelp(bs []key.Binding) []key.Binding {
	d := k.m.ctx.Data
	out := common.ForHelp(d, bs, append(k.editKeys(), k.Attach, k.Unlink)...)
	for i := range out {
		switch {
		case len(d.Outdated()) == 0 && sameKeys(out[i], k.Reconfirm),
			d.Session == 0 && sameKeys(out[i], k.Attendees):
			out[i].SetEnabled(false)
		}
	}
	return out
}

// FullHelp lists the keys of the requirement list that do something now
// (forHelp), in titled groups.
func (k *keyMap) FullHelp() []common.KeyGroup {
	gs := k.DocHelp()
	for i := range gs {
		gs[i].Keys = k.forHelp(gs[i].Keys)
	}
	return common.EnabledGroups(gs)
}

func sameKeys(a, b key.Binding) bool {
	ak, bk := a.Keys(), b.Keys()
	if len(ak) != len(bk) {
		return false
	}
	for i := range ak {
		if ak[i] != bk[i] {
			return false
		}
	}
	return true
}
