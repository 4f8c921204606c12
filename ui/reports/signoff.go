package reports

import (
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// The recorded sign-off (S): the assessor and the asset owner's
// representative agree with the assessment as it stands; the record
// carries the history head at that moment, and the reports list what
// changed after it. Reports call it a recorded sign-off, never a
// signature.

type signOffForm struct {
	form *common.Form
	save common.Ticket
}

func (m *Model) openSignOff() tea.Cmd {
	if m.ctx.Data.ReadOnly {
		return common.StatusCmd(common.ReadOnlyText(m.ctx.Data), true)
	}
	d := m.ctx.Data
	f := common.NewForm("Record the sign-off of the assessment as it stands now", min(m.w-4, 76), m.keys.Form)
	f.AddText("Date", model.Day(m.ctx.Today()), 10)
	f.AddText("Assessor", d.A.Assessor, 200)
	f.AddText("Assessor role", "assessor", 200)
	f.AddText("Owner rep.", "", 200).SetPlaceholder("the asset owner's representative")
	f.AddText("Owner role", "", 200).SetPlaceholder("e.g. plant manager")
	f.Validate = func(f *common.Form) error { return signOffOf(f).Validate() }
	m.signOff = signOffForm{form: f}
	return nil
}

func signOffOf(f *common.Form) model.SignOff {
	return model.SignOff{Date: f.Fields[0].Text(),
		Assessor: model.Person{Name: f.Fields[1].Text(), Role: f.Fields[2].Text()},
		Owner:    model.Person{Name: f.Fields[3].Text(), Role: f.Fields[4].Text()}}
}

// updateSignOff handles the form's keys and the result of its save.
func (m *Model) updateSignOff(msg tea.Msg) (tea.Cmd, bool) {
	so := &m.signOff
	if r, ok := msg.(common.Result); ok && so.save != 0 && r.Ticket == so.save {
		so.save = 0
		if r.Err != nil {
			so.form.SetError(common.ErrorText(r.Err))
		} else {
			so.form = nil
		}
		return nil, true
	}
	if so.form == nil {
		return nil, false
	}
	out, cmd := so.form.Update(msg)
	switch out {
	case common.Cancelled:
		so.form = nil
	case common.Submitted:
		so.form.SetError("Saving…")
		var save tea.Cmd
		so.save, save = m.ctx.Ops.RecordSignOff(m.ID(), signOffOf(so.form))
		return save, true
	}
	return cmd, true
}

// signOffLines say which sign-off is on record.
func (m *Model) signOffLines() []string {
	st := m.ctx.Styles
	so, ok := m.ctx.Data.A.LatestSignOff()
	if !ok {
		return []string{"", st.Muted.Render(common.Line(common.EditHint(m.ctx.Data,
			"No sign-off recorded: S records the assessor's and the asset owner's representative's agreement.", "No sign-off recorded."), m.w))}
	}
	head := "an empty history"
	if so.Head != "" {
		head = "history head " + so.Head[:12] + "…"
	}
	return []string{"", st.Label.Render(common.Line("Recorded sign-off "+so.Date+": "+so.Assessor.String()+" and "+so.Owner.String()+" at "+head+common.EditHint(m.ctx.Data, " (S records a new one)", ""), m.w))}
}
