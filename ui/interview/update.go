package interview

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

const (
	originAnswer      = "interview.answer:"
	originInterviewee = "interview.interviewee"
)

// Update handles keys and committed saves.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	m.syncScope()
	switch msg := msg.(type) {
	case common.Saved:
		return m.saved(msg)
	case common.GoTo:
		m.goTo(msg)
		return nil
	case tea.KeyPressMsg:
		switch m.mode {
		case modeEditor:
			return m.updateEditor(msg)
		case modeInterviewee:
			return m.updateInterviewee(msg)
		case modeSearch:
			return m.updateSearch(msg)
		}
		return m.updateList(msg)
	}
	// Cursor blinks and other widget messages.
	switch m.mode {
	case modeEditor:
		_, cmd := m.editor.Update(msg)
		return cmd
	case modeInterviewee:
		_, cmd := m.form.Update(msg)
		return cmd
	case modeSearch:
		return m.search.updateInput(msg)
	}
	return nil
}

func (m *Model) saved(msg common.Saved) tea.Cmd {
	if rest, ok := strings.CutPrefix(msg.Origin, originAnswer); ok {
		delete(m.pending, rest)
		if m.mode == modeEditor && m.editItem.key() == rest {
			if msg.Err != nil {
				// Keep the editor and its text; say why nothing was saved.
				m.editor.SetError(common.ErrorText(msg.Err))
			} else {
				m.closeEditor()
				if m.editKind == editJustification {
					m.nextUnanswered()
				}
			}
		}
	}
	if msg.Origin == originInterviewee && m.mode == modeInterviewee {
		if msg.Err != nil {
			m.form.SetError(common.ErrorText(msg.Err))
		} else {
			m.mode, m.form = modeList, nil
		}
	}
	// Targets, SL-T or answers may have changed anywhere: refresh the list.
	m.rebuild()
	return nil
}

func (m *Model) goTo(g common.GoTo) {
	if g.Target != "" {
		if _, ok := m.ctx.Data.Row(g.Target); ok {
			m.target = g.Target
		}
	}
	if g.FR.Valid() {
		m.fr = g.FR
	}
	m.byFR = false
	m.rebuild()
	if g.Requirement == "" {
		m.cursor, m.offset = 0, 0
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
		if it.target == m.target && it.req.ID == id {
			m.cursor = i
			return true
		}
	}
	return false
}

func (m *Model) updateList(k tea.KeyPressMsg) tea.Cmd {
	kk := m.keys
	if to, ok := kk.Target(k, m.cursor, m.listHeight(), len(m.items)); ok {
		m.move(to - m.cursor)
		return nil
	}
	switch {
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
		if it, ok := m.current(); ok {
			m.target = it.target
		}
		m.byFR = !m.byFR
		m.rebuild()
	case key.Matches(k, kk.Search):
		if m.target == "" {
			return nil
		}
		m.search = newSearch(m)
		m.mode = modeSearch
		return m.search.focus()
	case key.Matches(k, kk.Interviewee):
		return m.openInterviewee()
	}
	it, ok := m.current()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, kk.Yes):
		return m.quickAnswer(it, model.Yes)
	case key.Matches(k, kk.Partial):
		return m.quickAnswer(it, model.Partial)
	case key.Matches(k, kk.No):
		return m.quickAnswer(it, model.No)
	case key.Matches(k, kk.Clear):
		return m.quickAnswer(it, model.Unanswered)
	case key.Matches(k, kk.NA):
		return m.openEditor(it, editJustification, model.NA)
	case key.Matches(k, kk.Compensating):
		return m.openEditor(it, editJustification, model.Compensating)
	case key.Matches(k, kk.Note):
		return m.openEditor(it, editNote, "")
	case key.Matches(k, kk.Flag):
		a := m.answer(it)
		a.Flagged = !a.Flagged
		return m.save(it, a)
	}
	return nil
}

func (m *Model) move(delta int) {
	if len(m.items) == 0 {
		return
	}
	m.cursor = max(0, min(len(m.items)-1, m.cursor+delta))
	m.clampScroll()
}

func (m *Model) switchFR(delta int) {
	m.fr = model.FR((int(m.fr)-1+delta+model.NumFR)%model.NumFR + 1)
	m.rebuild()
	m.cursor, m.offset = 0, 0
	m.clampScroll()
}

// switchTarget moves to the previous or next zone/conduit; in the by-FR
// ordering it jumps to that target's first row.
func (m *Model) switchTarget(delta int) {
	rows := m.ctx.Data.M.Rows
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
		if !m.byFR {
			m.target = next
			m.rebuild()
			m.cursor, m.offset = 0, 0
			m.clampScroll()
			return
		}
		for i, it := range m.items {
			if it.target == next {
				m.cursor = i
				m.clampScroll()
				return
			}
		}
	}
}

// stamp fills in who answered and who asked.
func (m *Model) stamp(a model.Answer) model.Answer {
	a.Interviewee = m.ctx.Data.Interviewee
	a.Assessor = m.ctx.Data.A.Assessor
	return a
}

func (m *Model) save(it item, a model.Answer) tea.Cmd {
	m.pending[it.key()] = a.Status.Norm()
	return m.ctx.Ops.SaveAnswer(originAnswer+it.key(), it.target, a)
}

// quickAnswer saves a one-key answer and moves on at once; the row shows the
// answer as pending until the commit is confirmed.
func (m *Model) quickAnswer(it item, st model.Status) tea.Cmd {
	a := m.answer(it)
	a.Status = st
	a.Justification = ""
	cmd := m.save(it, m.stamp(a))
	if st != model.Unanswered {
		m.nextUnanswered()
	}
	return cmd
}

func (m *Model) editorWidth() int  { return min(m.w, 76) }
func (m *Model) editorHeight() int { return min(m.h, 14) }

func (m *Model) openEditor(it item, kind editKind, st model.Status) tea.Cmd {
	if m.ctx.Data.ReadOnly {
		return common.StatusCmd("Read-only: nothing can be changed", true)
	}
	a := m.answer(it)
	title := "Note for " + it.req.ID + " (" + m.ctx.Data.TargetName(it.target) + ")"
	value := a.Note
	if kind == editJustification {
		value = a.Justification
		if st == model.NA {
			title = "Why is " + it.req.ID + " not applicable here?"
		} else {
			title = "Which alternative control meets " + it.req.ID + "?"
		}
	}
	ed, cmd := common.NewEditor(title, value, m.editorWidth(), m.editorHeight(), m.ctx.Styles.IsDark)
	if kind == editJustification {
		ed.Required = "A justification is required; esc cancels without saving."
	}
	m.editor, m.editKind, m.editItem, m.editStatus, m.mode = ed, kind, it, st, modeEditor
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
		return m.save(it, a)
	}
	return cmd
}

func (m *Model) openInterviewee() tea.Cmd {
	f := common.NewForm("Who is answering now? (stamped on every answer until changed)", min(m.w-4, 70))
	f.AddText("Interviewee", m.ctx.Data.Interviewee, 200)
	m.form, m.mode = f, modeInterviewee
	return nil
}

func (m *Model) updateInterviewee(k tea.KeyPressMsg) tea.Cmd {
	out, cmd := m.form.Update(k)
	switch out {
	case common.Cancelled:
		m.form, m.mode = nil, modeList
	case common.Submitted:
		return m.ctx.Ops.SetInterviewee(model.CleanLine(m.form.Fields[0].Text()))
	}
	return cmd
}
