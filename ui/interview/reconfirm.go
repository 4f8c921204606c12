package interview

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// After a catalog upgrade some answers were given to a question that has
// changed since: they are marked in the list until the assessor asks again
// and presses r (a history row, even when the answer stays). Answers whose
// requirement no longer applies to the target's kind are listed after the
// FR's requirements, kept as they were and left out of scoring.

// goneItems lists the answers of a target, in the current FR, whose
// requirement no longer applies to the target's kind.
func (m *Model) goneItems(target string) []item {
	d := m.ctx.Data
	var out []item
	for _, o := range d.Outdated() {
		if !o.NoLongerApplies || o.Target.Key != target {
			continue
		}
		// As it was asked: the requirement of the catalog the answer was
		// given under (it may be gone from the one in use).
		var r *model.Requirement
		ok := false
		if prev, _, found := d.GivenUnder(o); found {
			r, ok = prev.Requirement(o.Requirement)
		}
		if !ok {
			r, ok = d.Cat.Requirement(o.Requirement)
		}
		if ok && r.FR == m.fr {
			out = append(out, item{target: target, req: r, gone: true})
		}
	}
	return out
}

// marks reports whether the list shows the re-confirmation column: only
// an assessment upgraded from an older catalog has anything to mark.
func (m *Model) marks() bool { return m.ctx.Data.A.CatalogBefore != "" }

// mark is an item's re-confirmation mark: r to re-confirm, x when its
// requirement no longer applies, else a space.
func (m *Model) mark(it item) string {
	switch {
	case it.gone:
		return "x"
	case it.site != nil:
		return " "
	}
	if _, ok := m.ctx.Data.OutdatedOf(it.target, it.req.ID); ok {
		return "r"
	}
	return " "
}

// reconfirm records that the assessor asked the changed question again:
// the answer stays, the file records the catalog version it now stands
// under. The cursor moves on to the next answer to re-confirm.
func (m *Model) reconfirm(it item) tea.Cmd {
	d := m.ctx.Data
	if it.site != nil {
		return common.StatusCmd("Site questions have nothing to re-confirm", false)
	}
	o, ok := d.OutdatedOf(it.target, it.req.ID)
	if !ok {
		return common.StatusCmd(fmt.Sprintf("%s: nothing to re-confirm; it was answered under the catalog in use", it.req.ID), false)
	}
	if o.NoLongerApplies {
		return m.refuseGone(it)
	}
	_, cmd := m.ctx.Ops.Confirm(m.ID(), it.target, it.req.ID, d.Cat.Version)
	m.nextOutdated()
	return cmd
}

// refuseGone explains why an answer that no longer applies takes no keys.
func (m *Model) refuseGone(it item) tea.Cmd {
	t, _ := m.ctx.Data.Target(it.target)
	return common.StatusCmd(fmt.Sprintf("%s no longer applies to a %s: its answer is kept as it was and not scored", it.req.ID, t.Kind), false)
}

// nextOutdated moves the cursor to the next answer after the current one
// that needs re-confirmation (wrapping), if any.
func (m *Model) nextOutdated() {
	n := len(m.items)
	for step := 1; step < n; step++ {
		it := m.items[(m.cursor+step)%n]
		if it.site != nil || it.gone {
			continue
		}
		if _, ok := m.ctx.Data.OutdatedOf(it.target, it.req.ID); ok {
			m.cursor = (m.cursor + step) % n
			m.clampScroll()
			return
		}
	}
}

// reconfirmLines says, in the detail of an answer given under an older
// catalog, what changed since: the questions as they were asked then, or
// that the requirement no longer applies here.
func (m *Model) reconfirmLines(it item) []para {
	d := m.ctx.Data
	if it.site != nil {
		return nil
	}
	o, ok := d.OutdatedOf(it.target, it.req.ID)
	if !ok {
		return nil
	}
	st := m.ctx.Styles
	t, _ := d.Target(it.target)
	prev, ch, found := d.GivenUnder(o)
	if o.NoLongerApplies {
		text := fmt.Sprintf("No longer applies to a %s since catalog %s: the answer is kept as it was, not scored.", t.Kind, d.Cat.Version)
		return []para{{text: text, style: st.Gap1.Render}}
	}
	what, version := "the question or its criterion", d.A.CatalogBefore
	if found {
		version = prev.Version
		switch {
		case ch.Questions.Includes(t.Kind) && ch.MetWhen:
			what = "the question and its met-when criterion"
		case ch.Questions.Includes(t.Kind):
			what = "the question"
		case ch.MetWhen:
			what = "the met-when criterion"
		}
	}
	head := fmt.Sprintf("Needs re-confirmation (r): answered under catalog %s; %s changed since.", version, what)
	out := []para{{text: head, style: st.Gap1.Render}}
	if !found || !ch.Questions.Includes(t.Kind) {
		return out
	}
	if old, ok := prev.Requirement(it.req.ID); ok {
		for _, q := range old.QuestionsFor(t.Kind) {
			out = append(out, para{text: "Asked before: " + q.Text, style: st.Muted.Render})
		}
	}
	return out
}

// refused says why a key that changes an answer does nothing on an item:
// an answer that no longer applies stays as it was, and a site question
// is not answered compensating.
func (m *Model) refused(it item, k tea.KeyPressMsg) (tea.Cmd, bool) {
	kk := m.keys
	switch {
	case it.gone && key.Matches(k, append(kk.answerKeys(), kk.Note, kk.Flag, kk.Bulk)...):
		return m.refuseGone(it), true
	case it.site != nil && key.Matches(k, kk.Compensating):
		return common.StatusCmd("No c on site questions: answer y, p, n or a and describe the arrangement in a note", false), true
	}
	return nil, false
}
