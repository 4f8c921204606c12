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
// assessment: answers, notes, flags, methods, copies to other targets,
// re-confirmation, sessions.
func (k *keyMap) editKeys() []key.Binding {
	return []key.Binding{k.Yes, k.Partial, k.No, k.YesNote, k.PartialNote, k.NoNote, k.NA, k.Compensating, k.Clear,
		k.Note, k.Flag, k.Method, k.Bulk, k.Reconfirm, k.NewSession, k.Attendees}
}

// refuseReadOnly is the refusal of an edit key of the requirement list.
func (m *Model) refuseReadOnly(k tea.KeyPressMsg) (tea.Cmd, bool) {
	return common.RefuseReadOnly(m.ctx.Data, k, m.keys.editKeys()...)
}

// forHelp leaves out of the help bar and the full help what does nothing
// now: in a read-only session the keys that edit (and the answer keys
// on a held row) (in the evidence panel,
// attach and remove); re-confirmation when no answer needs it; the
// session's attendees when there is no session; b when the answer under
// the cursor cannot be copied; and of the detail's scroll keys the ones
// that have nowhere to go.
func (k *keyMap) forHelp(bs []key.Binding) []key.Binding {
	d := k.m.ctx.Data
	out := common.ForHelp(d, bs, append(k.editKeys(), k.Attach, k.Unlink)...)
	// On the row just answered at the end of an FR the answer keys wait
	// for the cursor to move (cursor.go): the help leaves them out.
	if k.m.holding() {
		out = common.ForHelp(&common.Data{ReadOnly: true}, out, k.answerKeys()...)
	}
	// The site questions have no FR, no search, no compensating
	// countermeasure, evidence files or history view (site.go): those keys
	// only say so there.
	if k.m.site {
		out = common.ForHelp(&common.Data{ReadOnly: true}, out, k.PrevFR, k.NextFR, k.Search, k.Compensating, k.Evidence, k.History)
	}
	up, down := k.m.detailScrolls()
	for i := range out {
		switch {
		case len(d.Outdated()) == 0 && sameKeys(out[i], k.Reconfirm),
			d.Session == 0 && sameKeys(out[i], k.Attendees),
			sameKeys(out[i], k.Bulk) && !k.m.bulkWorks():
			out[i].SetEnabled(false)
		case sameKeys(out[i], k.detailHelp(true, true)):
			out[i] = k.detailHelp(up, down)
		}
	}
	return out
}

// detailHelp is the help entry of the detail's scroll keys, naming only
// those that move it (disabled when neither does).
func (k *keyMap) detailHelp(up, down bool) key.Binding {
	switch {
	case up && down:
		return common.Describe("ctrl+d/u", "scroll the detail", k.DetailDown, k.DetailUp)
	case down:
		return common.Describe("ctrl+d", "more of the detail", k.DetailDown)
	case up:
		return common.Describe("ctrl+u", "back up the detail", k.DetailUp)
	}
	b := common.Describe("ctrl+d/u", "scroll the detail", k.DetailDown, k.DetailUp)
	b.SetEnabled(false)
	return b
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
