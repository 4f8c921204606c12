package overview

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Field order of the metadata form.
const (
	fieldName = iota
	fieldSite
	fieldAssessor
	fieldScope
)

// openForm opens the metadata form filled with the current details.
func (m *Model) openForm() tea.Cmd {
	if m.ctx.Data.ReadOnly {
		return common.StatusCmd(common.ReadOnlyText(m.ctx.Data), true)
	}
	a := m.ctx.Data.A
	f := common.NewForm("Assessment details", max(24, min(72, m.width-6)), m.keys.Form)
	f.AddText("Name", a.Name, 200)
	f.AddText("Site", a.Site, 200)
	f.AddText("Assessor", a.Assessor, 120)
	f.AddText("Scope", a.Scope, 2000)
	f.Validate = func(f *common.Form) error {
		if f.Fields[fieldName].Text() == "" {
			return errors.New("the assessment needs a name")
		}
		return nil
	}
	settleWidths(f)
	m.form, m.saving = f, 0
	return nil
}

// settle is a message no widget reacts to.
type settle struct{}

// settleWidths works around common.Form.AddText setting a field's value
// before its width: a text input fixes its visible window only when it
// handles a message while focused, so until then a long value (a scope)
// shows in full and pushes the dialog past the screen's edge. Visiting each
// field once with a no-op message fixes every window; focus ends on the
// first field again. Remove once AddText calls SetWidth before SetValue.
func settleWidths(f *common.Form) {
	next := tea.KeyPressMsg{Code: tea.KeyTab}
	prev := tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	for i := range f.Fields {
		if i > 0 {
			f.Update(next)
		}
		f.Update(settle{})
	}
	for range len(f.Fields) - 1 {
		f.Update(prev)
	}
}

// updateForm passes a message to the open form; ctrl+s asks the store to
// save, and the form stays open until the answer comes back.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	out, cmd := m.form.Update(msg)
	switch out {
	case common.Cancelled:
		m.form, m.saving = nil, 0
		return cmd
	case common.Submitted:
		if m.saving != 0 {
			return cmd // one save at a time
		}
		fd := m.form.Fields
		meta := model.Meta{
			Name:     fd[fieldName].Text(),
			Site:     fd[fieldSite].Text(),
			Assessor: fd[fieldAssessor].Text(),
			Scope:    fd[fieldScope].Text(),
		}
		var save tea.Cmd
		m.saving, save = m.ctx.Ops.SetMeta(m.ID(), meta)
		return tea.Batch(cmd, save)
	}
	return cmd
}

// saved closes the form once its save has committed, or shows why not.
// A result for a form closed meanwhile (another ticket) changes nothing.
func (m *Model) saved(msg common.Result) {
	if m.form == nil || m.saving == 0 || msg.Ticket != m.saving {
		return
	}
	m.saving = 0
	if msg.Err != nil {
		m.form.SetError(common.ErrorText(msg.Err))
		return
	}
	m.form = nil
}
