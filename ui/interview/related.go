package interview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// An SR found not applicable usually takes its enhancements with it (no
// wireless at all: no wireless RE either; slate check warns about an SR
// n/a whose RE is answered otherwise). Once the n/a of an SR is saved, the
// REs of it that apply to the target, in scope or not, are offered with
// their level and answer; the unanswered ones come ticked. enter marks the
// ticked ones n/a with the SR's justification, in one transaction (each
// its own answer and history row); esc leaves them.

// relatedNA is the open offer.
type relatedNA struct {
	sr    item   // the SR just answered n/a
	label string // what its save said, for the status line after
	res   []*model.Requirement
	list  checklist
	err   string
	save  common.Ticket
}

// offerRelated opens the offer after the n/a of an SR was saved (label is
// its result's); it reports whether there was anything to offer.
func (m *Model) offerRelated(sr item, label string) bool {
	if sr.req == nil || sr.req.IsEnhancement() || m.answer(sr).Status != model.NA {
		return false
	}
	t, ok := m.ctx.Data.Target(sr.target)
	if !ok {
		return false
	}
	r := &relatedNA{sr: sr, label: label, res: m.ctx.Data.Cat.Enhancements(sr.req.ID, t.Kind)}
	if len(r.res) == 0 {
		return false
	}
	for _, re := range r.res {
		st, _ := m.status(item{target: sr.target, req: re})
		scope := "in scope"
		if !model.InScopeFor(t, re, m.ctx.Data.Scope) {
			scope = "out of scope"
		}
		text := fmt.Sprintf("%s · SL %d · %s · %s", re.ID, re.SL, scope, st.Label())
		r.list.rows = append(r.list.rows, checkRow{text: text, ticked: !st.Answered()})
	}
	m.related, m.mode = r, modeRelated
	return true
}

func (m *Model) updateRelated(k tea.KeyPressMsg) tea.Cmd {
	r, kk := m.related, m.keys
	if r.save != 0 {
		return nil // the answers asked for are on their way
	}
	if r.list.update(kk, k, m.bulkRows()) {
		return nil
	}
	switch {
	case key.Matches(k, kk.PickCancel):
		return m.closeRelated()
	case key.Matches(k, kk.PickGo):
		if r.list.ticks() == 0 {
			return m.closeRelated()
		}
		return m.applyRelated()
	}
	return nil
}

// closeRelated leaves the REs as they are; the cursor moves on from the SR
// as after any answer.
func (m *Model) closeRelated() tea.Cmd {
	sr, label := m.related.sr, m.related.label
	m.related, m.mode = nil, modeList
	m.answered(sr, 0)
	return common.StatusCmd(m.afterText(label), false)
}

// applyRelated marks the ticked REs n/a with the SR's justification.
func (m *Model) applyRelated() tea.Cmd {
	r := m.related
	why := m.answer(r.sr).Justification
	var batch []common.BatchAnswer
	var ids, keys []string
	for i, re := range r.res {
		if !r.list.rows[i].ticked {
			continue
		}
		it := item{target: r.sr.target, req: re}
		a := m.answer(it)
		a.Requirement, a.Status, a.Justification = re.ID, model.NA, why
		a = m.stamp(a)
		batch = append(batch, common.BatchAnswer{Target: it.target, Answer: a})
		m.pending[it.key()] = a
		ids, keys = append(ids, re.ID), append(keys, it.key())
	}
	r.err = "Saving…"
	var cmd tea.Cmd
	r.save, cmd = m.ctx.Ops.SaveAnswers(m.ID(), r.sr.target+" "+strings.Join(ids, ", ")+": not applicable", batch)
	m.answering[r.save] = keys
	return cmd
}

// relatedSaved closes the offer once the REs are saved (the cursor then
// moves on from the SR, past them), or shows why nothing was saved.
func (m *Model) relatedSaved(res common.Result) tea.Cmd {
	r := m.related
	r.save = 0
	if res.Err != nil {
		r.err = common.ErrorText(res.Err)
		return nil
	}
	m.related, m.mode = nil, modeList
	m.answered(r.sr, 0)
	return common.StatusCmd(m.afterText(res.Label), false)
}

// relatedView draws the offer.
func (m *Model) relatedView() string {
	st, r := m.ctx.Styles, m.related
	w := m.dialogWidth()
	lines := []string{
		st.Title.Render(common.Line(r.sr.req.ID+" is not applicable here. Its enhancements too?", w)),
		st.Muted.Render(common.Line("Ticked ones are marked n/a with the same justification.", w)),
	}
	lines = append(lines, r.list.view(st, w, m.bulkRows())...)
	lines = append(lines, dialogFoot(st, w, r.err, "space tick · enter mark n/a · esc leave them")...)
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}
