package roadmap

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Field positions in the tracking form.
const (
	tOwner = iota
	tDue
	tStatus
	tJustification
	tEffort
	tOutage
	tVendor
	tPhase
)

// Field positions in the window form.
const (
	wName = iota
	wDate
)

// openTrackingForm edits the selected initiative's tracking record.
func (m *Model) openTrackingForm() {
	in := m.selected()
	if in == nil {
		return
	}
	r := in.Requirement
	t := in.Tracking
	f := common.NewForm("Tracking of "+model.CleanLine(r.ID+" "+r.Title), m.formWidth(), m.keys.Form)
	f.AddText("Owner", model.CleanLine(t.Owner), 80)
	f.AddText("Due (YYYY-MM-DD)", t.Due, 10)
	var labels, values []string
	for _, s := range model.TrackStatuses {
		labels, values = append(labels, s.Label()), append(values, string(s))
	}
	f.AddChoice("Status", labels, values, string(t.Status))
	f.AddText("Justification", model.CleanLine(t.Justification), 2000)
	effort := ""
	if t.Effort != nil {
		effort = t.Effort.String()
	}
	f.AddChoice("Effort", []string{"catalog default (" + r.Effort.String() + ")", "low", "medium", "high"},
		[]string{"", "low", "medium", "high"}, effort)
	f.AddChoice("Outage", boolOptions(r.Outage), []string{"", "yes", "no"}, boolValue(t.Outage))
	f.AddChoice("Vendor", boolOptions(r.Vendor), []string{"", "yes", "no"}, boolValue(t.Vendor))
	auto := "automatic"
	if t.Phase == model.PhaseAuto {
		auto = "automatic (" + in.Phase.String() + ")"
	}
	labels, values = []string{auto}, []string{""}
	for _, p := range phases {
		labels, values = append(labels, p.String()), append(values, p.Key())
	}
	f.AddChoice("Phase", labels, values, t.Phase.Key())
	f.Validate = func(f *common.Form) error {
		_, err := m.trackingFromForm(f)
		return err
	}
	m.form, m.dlg, m.editReq = f, trackingForm, r.ID
}

func boolOptions(def bool) []string {
	d := "no"
	if def {
		d = "yes"
	}
	return []string{"catalog default (" + d + ")", "yes", "no"}
}

func boolValue(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "yes"
	}
	return "no"
}

func boolOf(s string) *bool {
	if s == "" {
		return nil
	}
	b := s == "yes"
	return &b
}

// trackingFromForm builds the record the form describes and checks it as
// the store will.
func (m *Model) trackingFromForm(f *common.Form) (model.Tracking, error) {
	t := model.Tracking{Requirement: m.editReq}
	if old, ok := m.ctx.Data.A.Tracking[m.editReq]; ok {
		t = old
	}
	fl := f.Fields
	t.Owner = model.CleanLine(fl[tOwner].Text())
	t.Due = fl[tDue].Text()
	t.Status = model.TrackStatus(fl[tStatus].Choice())
	t.Justification = common.KeepText(fl[tJustification].Text(), t.Justification)
	t.Effort = nil
	if e := fl[tEffort].Choice(); e != "" {
		v, err := model.ParseEffort(e)
		if err != nil {
			return t, err
		}
		t.Effort = &v
	}
	t.Outage = boolOf(fl[tOutage].Choice())
	t.Vendor = boolOf(fl[tVendor].Choice())
	p, err := model.ParsePhase(fl[tPhase].Choice())
	if err != nil {
		return t, err
	}
	t.Phase = p
	if t.Due != "" {
		if _, err := time.Parse("2006-01-02", t.Due); err != nil {
			return t, fmt.Errorf("due date %q: use YYYY-MM-DD, e.g. 2026-09-30", t.Due)
		}
	}
	if t.Status == model.TrackRiskAccepted && strings.TrimSpace(t.Justification) == "" {
		return t, errors.New("risk accepted needs a justification: say why the gap may stay open")
	}
	return t, t.Validate()
}

func (m *Model) submitTracking() tea.Cmd {
	t, err := m.trackingFromForm(m.form)
	if err != nil {
		m.form.SetError(err.Error())
		return nil
	}
	return m.issue(m.ctx.Ops.SaveTracking(m.ID(), t))
}

// openWindowForm opens the form for a new window (w == nil) or to edit w.
func (m *Model) openWindowForm(w *model.Window) {
	title := "New maintenance window (a shutdown or turnaround)"
	m.editWin = model.Window{}
	if w != nil {
		m.editWin, title = *w, "Edit maintenance window "+model.CleanLine(w.Name)
	}
	f := common.NewForm(title, m.formWidth(), m.keys.Form)
	f.AddText("Name", model.CleanLine(m.editWin.Name), 80)
	f.AddText("Date (YYYY-MM-DD)", m.editWin.Date, 10)
	f.Validate = func(f *common.Form) error {
		_, err := windowFromForm(f, m.editWin.ID)
		return err
	}
	m.form, m.dlg = f, windowForm
}

func windowFromForm(f *common.Form, id int64) (model.Window, error) {
	w := model.Window{ID: id, Name: model.CleanLine(f.Fields[wName].Text()), Date: f.Fields[wDate].Text()}
	if w.Name == "" {
		return w, errors.New("a maintenance window needs a name, e.g. Autumn shutdown 2026")
	}
	if _, err := w.When(); err != nil {
		return w, fmt.Errorf("date %q: use YYYY-MM-DD, e.g. 2026-10-05", w.Date)
	}
	return w, nil
}

func (m *Model) submitWindow() tea.Cmd {
	w, err := windowFromForm(m.form, m.editWin.ID)
	if err != nil {
		m.form.SetError(err.Error())
		return nil
	}
	return m.issue(m.ctx.Ops.PutWindow(m.ID(), w))
}

// openWindowDelete asks before deleting a window, naming what it holds.
func (m *Model) openWindowDelete(w model.Window) {
	m.editWin = w
	warning := "No initiative is placed in it."
	if n := len(m.placed(w)); n > 0 {
		warning = fmt.Sprintf("%s placed in it will move to the next window after their phase begins, or wait without one.",
			common.Plural(n, "initiative", "initiatives"))
	}
	m.confirm = common.NewConfirm(fmt.Sprintf("Delete the maintenance window %s on %s?", model.CleanLine(w.Name), w.Date),
		warning, m.formWidth(), m.keys.Confirm)
	m.dlg = windowDelete
}

func (m *Model) confirmDelete() tea.Cmd {
	w := m.editWin
	return m.issue(m.ctx.Ops.DeleteWindow(m.ID(), w))
}
