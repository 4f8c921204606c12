package interview

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Update handles keys and the results of the screen's saves.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.Result:
		m.follow()
		return m.saved(msg)
	case common.GoTo:
		m.follow()
		if msg.Screen == m.ID() {
			m.goTo(msg)
		}
		return nil
	case common.Hidden:
		return m.hidden()
	case tea.KeyPressMsg:
		m.follow()
		if cmd, ok := m.provenanceKey(msg); ok {
			return cmd
		}
		switch m.mode {
		case modeEditor:
			return m.updateEditor(msg)
		case modeSession:
			return m.updateSessionForm(msg)
		case modeSearch:
			return m.updateSearch(msg)
		case modeCompensating:
			return m.updateCompensating(msg)
		case modeBulk, modeBulkSure:
			return m.updateBulk(msg)
		case modeRelated:
			return m.updateRelated(msg)
		}
		return m.afterEnded(m.updateList(msg))
	}
	// Cursor blinks and other widget messages.
	if cmd, ok := m.provenanceMsg(msg); ok {
		return cmd
	}
	switch m.mode {
	case modeEditor:
		_, cmd := m.editor.Update(msg)
		return cmd
	case modeSession:
		_, cmd := m.form.Update(msg)
		return cmd
	case modeSearch:
		return m.search.updateInput(msg)
	case modeCompensating:
		_, cmd := m.comp.form.Update(msg)
		return cmd
	}
	return nil
}

// saved follows a save of the screen: the answer is no longer pending, and
// the editor or the form that waited for it closes, or shows why nothing
// was saved (keeping the text).
func (m *Model) saved(msg common.Result) tea.Cmd {
	if keys, ok := m.answering[msg.Ticket]; ok {
		delete(m.answering, msg.Ticket)
		for _, key := range keys {
			if !m.saving(key) {
				delete(m.pending, key)
			}
		}
	}
	if m.provenanceResult(msg) {
		m.clampScroll()
		return nil
	}
	cmd := m.afterSaved(msg)
	switch {
	case m.mode == modeEditor && m.editSave != 0 && msg.Ticket == m.editSave:
		m.editSave = 0
		if msg.Err != nil {
			m.editor.SetError(common.ErrorText(msg.Err))
			break
		}
		m.closeEditor()
		if m.editKind == editJustification {
			cmd = m.justified(m.editItem, msg)
		}
	case m.mode == modeSession && m.formSave != 0 && msg.Ticket == m.formSave:
		m.formSave = 0
		if msg.Err != nil {
			m.form.SetError(common.ErrorText(msg.Err))
			break
		}
		m.mode, m.form = modeList, nil
	case m.mode == modeCompensating && m.comp.save != 0 && msg.Ticket == m.comp.save:
		m.comp.save = 0
		if msg.Err != nil {
			m.comp.form.SetError(common.ErrorText(msg.Err))
			break
		}
		it := m.comp.it
		m.comp, m.mode = nil, modeList
		m.answered(it, 0)
		cmd = common.StatusCmd(m.afterText(msg.Label), false)
	case m.bulk != nil && m.bulk.save != 0 && msg.Ticket == m.bulk.save:
		m.bulkSaved(msg)
	case m.related != nil && m.related.save != 0 && msg.Ticket == m.related.save:
		cmd = m.relatedSaved(msg)
	}
	m.clampScroll()
	return cmd
}

// saving reports whether a save of the item with that key is still on its
// way.
func (m *Model) saving(key string) bool {
	for _, keys := range m.answering {
		for _, k := range keys {
			if k == key {
				return true
			}
		}
	}
	return false
}

// justified follows a committed n/a: an SR's enhancements that apply here
// are offered n/a with it (related.go); then the cursor moves on as after
// any answer.
func (m *Model) justified(it item, r common.Result) tea.Cmd {
	if m.offerRelated(it, r.Label) {
		return nil
	}
	m.answered(it, 0)
	return common.StatusCmd(m.afterText(r.Label), false)
}

// goTo shows what another screen asked for: a requirement, or a zone's
// or conduit's FR (without an FR, its first with an unanswered requirement
// in scope) on its first unanswered requirement.
func (m *Model) goTo(g common.GoTo) {
	m.site = g.Site
	m.held, m.recent = "", nil
	if g.Site {
		m.byFR = false
		m.rebuild()
		m.firstOpen()
		return
	}
	if g.Target != "" {
		if _, ok := m.ctx.Data.Row(g.Target); ok {
			m.target = g.Target
		}
	}
	switch t, _ := m.ctx.Data.Target(m.target); {
	case g.FR.Valid():
		m.fr = g.FR
	case g.Requirement == "":
		for _, fr := range model.FRs {
			if m.hasOpen(t, fr) {
				m.fr = fr
				break
			}
		}
	}
	m.byFR = false
	m.rebuild()
	if g.Requirement == "" {
		m.firstOpen()
		return
	}
	m.focusRequirement(g.Requirement)
}

// focusRequirement puts the cursor on a requirement of the current target,
// widening the scope to SL 4 when it lies above SL-T.
func (m *Model) focusRequirement(id string) {
	r, ok := m.ctx.Data.Cat.Requirement(id)
	if !ok {
		return
	}
	m.fr = r.FR
	m.rebuild()
	if !m.find(id) && m.ctx.Data.Scope != model.ScopeSL4 {
		m.ctx.Data.SetScope(model.ScopeSL4)
		m.rebuild()
		m.find(id)
	}
	m.clampScroll()
}

func (m *Model) find(id string) bool {
	for i, it := range m.items {
		if it.target == m.target && it.req != nil && it.req.ID == id {
			m.cursor = i
			return true
		}
	}
	return false
}

func (m *Model) updateList(k tea.KeyPressMsg) tea.Cmd {
	kk := m.keys
	if cmd, ok := m.refuseReadOnly(k); ok {
		return cmd
	}
	// The requirement just answered takes e, f, m or x; any other key
	// ends that.
	recent := m.recent
	m.recent = nil
	if recent != nil && key.Matches(k, kk.Note, kk.Flag, kk.Method, kk.Evidence) {
		m.afterShown = false // the action says what it did
		return m.actOn(*recent, k)
	}
	if m.holding() && key.Matches(k, kk.Home) {
		if first, n := m.firstOpenAbove(); n > 0 {
			m.held = ""
			m.cursor = first
			m.clampScroll()
			return nil
		}
	}
	if to, ok := kk.Target(k, m.cursor, m.listHeight(), len(m.items)); ok {
		m.move(to - m.cursor)
		return nil
	}
	switch {
	case key.Matches(k, kk.DetailDown):
		return m.scrollDetail(1)
	case key.Matches(k, kk.DetailUp):
		return m.scrollDetail(-1)
	case m.site && (key.Matches(k, kk.PrevFR) || key.Matches(k, kk.NextFR)):
		return common.StatusCmd("Site questions have no FR; } or { goes to a zone or conduit", false)
	case key.Matches(k, kk.PrevFR):
		m.switchFR(-1)
	case key.Matches(k, kk.NextFR):
		m.switchFR(1)
	case key.Matches(k, kk.PrevTarget):
		m.switchTarget(-1)
	case key.Matches(k, kk.NextTarget):
		m.switchTarget(1)
	case key.Matches(k, kk.Scope):
		// The scope is the view's, shared by every screen.
		m.ctx.Data.SetScope(m.ctx.Data.Scope.Toggle())
		m.rebuild()
	case key.Matches(k, kk.ByFR):
		if it, ok := m.current(); ok && it.site == nil {
			m.target = it.target
		}
		m.byFR = !m.byFR || m.site
		m.site = false
		m.held = ""
		m.rebuild()
	case key.Matches(k, kk.Search):
		if m.site {
			return common.StatusCmd("/ searches the requirements of a zone or conduit; } or { leaves the site questions", false)
		}
		if m.target == "" {
			return nil
		}
		m.search = newSearch(m)
		m.mode = modeSearch
		return m.search.focus()
	}
	if cmd, ok := m.provenanceListKey(k); ok {
		return cmd
	}
	it, ok := m.current()
	if !ok {
		return nil
	}
	if key.Matches(k, kk.Reconfirm) {
		return m.reconfirm(it)
	}
	if cmd, no := m.refused(it, k); no {
		return cmd
	}
	if m.holding() && key.Matches(k, kk.answerKeys()...) {
		return common.StatusCmd(m.holdText(), false)
	}
	switch {
	case key.Matches(k, kk.Yes):
		return m.quickAnswer(it, model.Yes, false)
	case key.Matches(k, kk.Partial):
		return m.quickAnswer(it, model.Partial, false)
	case key.Matches(k, kk.No):
		return m.quickAnswer(it, model.No, false)
	case key.Matches(k, kk.YesNote):
		return m.quickAnswer(it, model.Yes, true)
	case key.Matches(k, kk.PartialNote):
		return m.quickAnswer(it, model.Partial, true)
	case key.Matches(k, kk.NoNote):
		return m.quickAnswer(it, model.No, true)
	case key.Matches(k, kk.Clear):
		return m.quickAnswer(it, model.Unanswered, false)
	case key.Matches(k, kk.NA):
		return m.openEditor(it, editJustification, model.NA)
	case key.Matches(k, kk.Compensating):
		return m.openCompensating(it)
	case key.Matches(k, kk.Bulk):
		return m.openBulk(it)
	case key.Matches(k, kk.Note):
		return m.openEditor(it, editNote, "")
	case key.Matches(k, kk.Flag):
		return m.toggleFlag(it)
	}
	return nil
}

// actOn handles e, f, m or x for the requirement just answered.
func (m *Model) actOn(it item, k tea.KeyPressMsg) tea.Cmd {
	kk := m.keys
	switch {
	case key.Matches(k, kk.Note):
		return m.openEditor(it, editNote, "")
	case key.Matches(k, kk.Flag):
		return m.toggleFlag(it)
	case key.Matches(k, kk.Method):
		return m.cycleMethod(it)
	}
	if it.site != nil {
		return common.StatusCmd("Evidence files are for the requirements of zones and conduits; describe what you saw in the note", false)
	}
	return m.openEvidence(it)
}

// toggleFlag flags an answer for follow-up, or takes the flag away.
func (m *Model) toggleFlag(it item) tea.Cmd {
	a := m.answer(it)
	a.Flagged = !a.Flagged
	_, cmd := m.save(it, a)
	what := "flagged for follow-up"
	if !a.Flagged {
		what = "no longer flagged"
	}
	return tea.Batch(cmd, common.StatusCmd(it.id()+" "+what, false))
}

func (m *Model) move(delta int) {
	m.held = ""
	if len(m.items) == 0 {
		return
	}
	m.cursor = max(0, min(len(m.items)-1, m.cursor+delta))
	m.clampScroll()
}

// switchFR shows the previous or next FR on its first unanswered
// requirement.
func (m *Model) switchFR(delta int) {
	m.fr = model.FR((int(m.fr)-1+delta+model.NumFR)%model.NumFR + 1)
	m.held = ""
	m.rebuild()
	m.firstOpen()
}

// switchTarget moves to the previous or next zone/conduit, the site
// questions coming after the last conduit, on its first unanswered
// question; in the by-FR ordering it jumps to that target's first
// unanswered row (its first row when all are answered).
func (m *Model) switchTarget(delta int) {
	m.held = ""
	rows := m.ctx.Data.M.Rows
	if !m.byFR {
		// The ring of entries: every target, then the site questions.
		n := len(rows)
		if len(m.ctx.Data.Cat.SiteQuestions) > 0 {
			n++
		}
		if n == 0 {
			return
		}
		idx := len(rows) // the site questions
		if !m.site {
			for i, r := range rows {
				if r.Target.Key == m.currentTarget() {
					idx = i
				}
			}
		}
		next := (idx + delta + n) % n
		m.site = next == len(rows)
		if !m.site {
			m.target = rows[next].Target.Key
		}
		m.rebuild()
		m.firstOpen()
		return
	}
	if len(rows) == 0 {
		return
	}
	cur := m.currentTarget()
	idx := 0
	for i, r := range rows {
		if r.Target.Key == cur {
			idx = i
		}
	}
	for step := 1; step <= len(rows); step++ {
		next := rows[(idx+delta*step+len(rows)*step)%len(rows)].Target.Key
		first := -1
		for i, it := range m.items {
			if it.target != next {
				continue
			}
			if first < 0 {
				first = i
			}
			if m.open(it) {
				first = i
				break
			}
		}
		if first >= 0 {
			m.cursor = first
			m.clampScroll()
			return
		}
	}
}

// stamp fills in who asked (who answered is the current interview
// session, which the store links to the status change).
func (m *Model) stamp(a model.Answer) model.Answer {
	a.Assessor = m.ctx.Data.A.Assessor
	return a
}

// save asks the store to save an answer, shown as pending until its result.
func (m *Model) save(it item, a model.Answer) (common.Ticket, tea.Cmd) {
	m.pending[it.key()] = a
	var t common.Ticket
	var cmd tea.Cmd
	if it.site != nil {
		t, cmd = m.ctx.Ops.SaveSiteAnswer(m.ID(), a)
	} else {
		t, cmd = m.ctx.Ops.SaveAnswer(m.ID(), it.target, a)
	}
	m.answering[t] = []string{it.key()}
	return t, cmd
}

// quickAnswer saves a one-key answer and moves on at once (cursor.go); the
// row shows the answer as pending until the commit is confirmed. With note
// (Y, P, N) the note editor opens on the answered requirement.
func (m *Model) quickAnswer(it item, st model.Status, note bool) tea.Cmd {
	a := m.answer(it)
	a.Status = st
	a.Justification = ""
	t, cmd := m.save(it, m.stamp(a))
	if st == model.Unanswered || m.ctx.Data.ReadOnly {
		return cmd // a read-only file refuses it: the cursor stays
	}
	m.answered(it, t)
	if note {
		m.recent = nil // the editor takes the keys that follow
		return tea.Batch(cmd, m.openEditor(it, editNote, ""))
	}
	return cmd
}

// The editor sits at the bottom of the screen, the question above it
// (underQuestion): half the height, between 8 and 14 rows.
func (m *Model) editorWidth() int  { return min(m.w, 76) }
func (m *Model) editorHeight() int { return min(m.h, max(8, min(14, m.h/2))) }

func (m *Model) openEditor(it item, kind editKind, st model.Status) tea.Cmd {
	if m.ctx.Data.ReadOnly {
		return common.StatusCmd("Read-only: nothing can be changed", true)
	}
	a := m.answer(it)
	where := "the site"
	if it.site == nil {
		where = m.ctx.Data.TargetName(it.target)
	}
	title := "Note for " + it.id() + " (" + where + ")"
	value := a.Note
	if kind == editJustification {
		// Only n/a: compensating has its own form (compensating.go),
		// whose reason is no reason for n/a. An unanswered wireless
		// requirement on a conduit without a radio link comes pre-filled.
		value = a.Justification
		if a.Status != model.NA {
			value = m.prefill(it, model.NA, "")
		}
		title = "Why is " + it.id() + " not applicable here?"
	}
	ed, cmd := common.NewEditor(title, value, m.editorWidth(), m.editorHeight(), m.ctx.Styles.IsDark, m.keys.Editor)
	if kind == editJustification {
		ed.Required = "A justification is required; esc cancels without saving."
	}
	m.editor, m.editKind, m.editItem, m.editStatus, m.mode = ed, kind, it, st, modeEditor
	m.editSave = 0
	return cmd
}

func (m *Model) closeEditor() {
	m.editor, m.mode = nil, modeList
}

func (m *Model) updateEditor(k tea.KeyPressMsg) tea.Cmd {
	out, cmd := m.editor.Update(k)
	switch out {
	case common.Cancelled:
		m.closeEditor()
		return nil
	case common.Submitted:
		it := m.editItem
		a := m.answer(it)
		if m.editKind == editJustification {
			a.Status = m.editStatus
			a.Justification = strings.TrimSpace(m.editor.Value())
			a = m.stamp(a)
		} else {
			a.Note = m.editor.Value()
		}
		m.editor.SetError("Saving…")
		var save tea.Cmd
		m.editSave, save = m.save(it, a)
		return save
	}
	return cmd
}
