package interview

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// The interview session: who answers, where, on which day. Answers whose
// status changes are linked to the current session; the header shows it.
// I starts one, i edits the current one's attendees; a session from an
// earlier day is not silently continued: the screen asks at start.

// askAboutSession opens the start-up question when the current session is
// from an earlier day than the context's clock says today is. It decides
// from the data loaded at start, with no I/O.
func (m *Model) askAboutSession() {
	if m.prov.asked || m.ctx.Data.ReadOnly {
		return
	}
	m.prov.asked = true
	if s, ok := m.ctx.Data.A.Session(m.ctx.Data.Session); ok && s.StaleOn(m.ctx.Today()) {
		m.mode = modeSessionAsk
	}
}

func (m *Model) updateSessionAsk(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.StartNew):
		m.mode = modeList
		return m.openSessionForm(true)
	case key.Matches(k, m.keys.Continue):
		m.mode = modeList
	}
	return nil
}

func (m *Model) sessionAskView(st *common.Styles) string {
	s, _ := m.ctx.Data.A.Session(m.ctx.Data.Session)
	w := min(m.w-4, 70)
	lines := []string{st.Title.Render(common.Line("Continue the interview session of "+s.Date+"?", w)), ""}
	for _, l := range common.Wrap("The current session is "+s.Label()+". Answers you give now are linked to it unless you start a new one for today.", w, 4) {
		lines = append(lines, l)
	}
	lines = append(lines, "", st.Muted.Render(common.Line("c continue it · n start a new session", w)))
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

// openSessionForm opens the session form: a new session (fresh, dated
// today) or the current one to edit.
func (m *Model) openSessionForm(fresh bool) tea.Cmd {
	if m.ctx.Data.ReadOnly {
		return common.StatusCmd("Read-only: nothing can be changed", true)
	}
	s, ok := m.ctx.Data.A.Session(m.ctx.Data.Session)
	title := "Edit the interview session"
	switch {
	case fresh:
		s = model.Session{Date: model.Day(m.ctx.Today())}
		title = "Start an interview session (answers are linked to it)"
	case !ok:
		return common.StatusCmd("No interview session yet: press I to start one", true)
	}
	f := common.NewForm(title, min(m.w-4, 76), m.keys.Form)
	f.AddText("Date", s.Date, 10)
	f.AddText("Place", s.Place, 200).SetPlaceholder("e.g. central control room")
	f.AddText("Attendees", model.FormatAttendees(s.Attendees), 2000).SetPlaceholder("Name (role); Name (role)")
	f.Validate = func(f *common.Form) error {
		ss := model.Session{Date: f.Fields[0].Text(), Place: f.Fields[1].Text(), Attendees: model.ParseAttendees(f.Fields[2].Text())}
		if len(ss.Attendees) == 0 {
			return errors.New("name at least one attendee: Name (role); Name (role)")
		}
		if err := ss.Validate(); err != nil {
			return fmt.Errorf("%v (dates are YYYY-MM-DD)", err)
		}
		return nil
	}
	if !fresh {
		f.Fields[0].SetText(s.Date)
	}
	m.form, m.formSave, m.mode = f, 0, modeSession
	m.prov.sessionNew = fresh
	return nil
}

func (m *Model) updateSessionForm(k tea.KeyPressMsg) tea.Cmd {
	out, cmd := m.form.Update(k)
	switch out {
	case common.Cancelled:
		m.form, m.mode = nil, modeList
	case common.Submitted:
		f := m.form
		s := model.Session{Date: f.Fields[0].Text(), Place: f.Fields[1].Text(), Attendees: model.ParseAttendees(f.Fields[2].Text())}
		m.form.SetError("Saving…")
		var save tea.Cmd
		if m.prov.sessionNew {
			m.formSave, save = m.ctx.Ops.StartSession(m.ID(), s)
		} else {
			s.ID = m.ctx.Data.Session
			m.formSave, save = m.ctx.Ops.UpdateSession(m.ID(), s)
		}
		return save
	}
	return cmd
}

// sessionLine is the header's second line: the current session.
func (m *Model) sessionLine(w int) string {
	st := m.ctx.Styles
	s, ok := m.ctx.Data.A.Session(m.ctx.Data.Session)
	if !ok {
		return st.Muted.Render(common.Fit(common.EditHint(m.ctx.Data, "No interview session · I starts one", "No interview session"), w))
	}
	return st.Label.Render(common.Fit("Session "+s.Label(), w))
}

// answeredWhen says when and in which session an answer's status last
// changed: "2026-03-04 10:54 · IT office · S. Lindqvist (IT security)".
func (m *Model) answeredWhen(a model.Answer) string {
	if a.UpdatedAt.IsZero() {
		return ""
	}
	when := a.UpdatedAt.Local().Format("2006-01-02 15:04")
	if s, ok := m.ctx.Data.A.Session(a.Session); ok {
		parts := []string{when}
		if s.Place != "" {
			parts = append(parts, s.Place)
		}
		if who := s.Who(); who != "" {
			parts = append(parts, who)
		}
		return strings.Join(parts, " · ")
	}
	return when
}
