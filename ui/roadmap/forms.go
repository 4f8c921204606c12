package roadmap

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Field positions in the tracking form.
const (
	tFor = iota
	tOwner
	tDue
	tStatus
	tJustification
	tAcceptedBy
	tRole
	tReview
)

// Field positions in the estimates form.
const (
	eEffort = iota
	eOutage
	eVendor
	eVendorName
	eLead
	ePhase
	eProject
)

// Field positions in the window form.
const (
	wName = iota
	wDate
	wDays
	wTargets
)

// openTrackingForm edits the tracking of the selected initiative: of the
// whole initiative, or (the first field) of one of its targets, whose
// record then overrides the initiative's there.
func (m *Model) openTrackingForm() {
	in := m.selected()
	if in == nil {
		return
	}
	r := in.Requirement
	f := common.NewForm("Tracking of "+model.CleanLine(r.ID+" "+r.Title), m.formWidth(), m.keys.Form)
	labels, values := []string{"the whole initiative"}, []string{""}
	for _, t := range in.Targets {
		labels, values = append(labels, model.CleanLine(t.Target.Name)+" only"), append(values, t.Target.Key)
	}
	f.AddChoice("For", labels, values, "")
	f.AddText("Owner", "", 80)
	f.AddText("Due (YYYY-MM-DD)", "", 10)
	labels, values = nil, nil
	for _, s := range model.TrackStatuses {
		labels, values = append(labels, s.Label()), append(values, string(s))
	}
	f.AddChoice("Status", labels, values, "")
	f.AddText("Why (risk accepted)", "", 2000)
	f.AddText("Accepted by", "", 80)
	f.AddText("Their role", "", 80)
	f.AddText("Review (YYYY-MM-DD)", "", 10)
	m.editReq = r.ID
	m.fillTracking(f, "")
	f.OnChange = func(f *common.Form, field int) {
		if field == tFor {
			m.fillTracking(f, f.Fields[tFor].Choice())
		}
	}
	f.Validate = func(f *common.Form) error {
		_, err := m.trackingFromForm(f)
		return err
	}
	m.form, m.dlg = f, trackingForm
}

// fillTracking shows the record of the initiative (target "") or of one of
// its targets; a target without its own record starts from the
// initiative's.
func (m *Model) fillTracking(f *common.Form, target string) {
	t := m.currentTracking(target)
	fl := f.Fields
	fl[tOwner].SetText(model.CleanLine(t.Owner))
	fl[tDue].SetText(t.Due)
	fl[tStatus].SetChoice(string(t.Status.Norm()))
	fl[tJustification].SetText(model.CleanLine(t.Justification))
	fl[tAcceptedBy].SetText(model.CleanLine(t.AcceptedBy.Name))
	fl[tRole].SetText(model.CleanLine(t.AcceptedBy.Role))
	fl[tReview].SetText(t.Review)
}

// currentTracking is the stored record of the initiative or of one
// target (for a target without one, the initiative's, as the plan
// applies it).
func (m *Model) currentTracking(target string) model.Tracking {
	all := m.ctx.Data.A.Tracking
	if t, ok := all[model.TrackingKey(m.editReq, target)]; ok {
		return t
	}
	t := all[m.editReq]
	t.Requirement, t.Target = m.editReq, target
	if target != "" {
		t.Covers = nil
	}
	return t
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
	fl := f.Fields
	t := m.currentTracking(fl[tFor].Choice())
	t.Owner = model.CleanLine(fl[tOwner].Text())
	t.Due = fl[tDue].Text()
	t.Status = model.TrackStatus(fl[tStatus].Choice())
	t.Justification = common.KeepText(fl[tJustification].Text(), t.Justification)
	t.AcceptedBy = model.Person{Name: model.CleanLine(fl[tAcceptedBy].Text()), Role: model.CleanLine(fl[tRole].Text())}
	t.Review = fl[tReview].Text()
	if t.Due != "" {
		if _, err := time.Parse("2006-01-02", t.Due); err != nil {
			return t, fmt.Errorf("due date %q: use YYYY-MM-DD, e.g. 2026-09-30", t.Due)
		}
	}
	if t.Review != "" {
		if _, err := time.Parse("2006-01-02", t.Review); err != nil {
			return t, fmt.Errorf("review date %q: use YYYY-MM-DD, e.g. 2027-03-31", t.Review)
		}
	}
	if t.Status == model.TrackRiskAccepted {
		switch {
		case strings.TrimSpace(t.Justification) == "":
			return t, errors.New("risk accepted needs a justification: say why the gap may stay open")
		case t.AcceptedBy.Name == "" || t.AcceptedBy.Role == "":
			return t, errors.New("risk accepted: say who accepted it and in which role (e.g. plant manager)")
		case t.Review == "":
			return t, errors.New("risk accepted: give a review date, when the acceptance must be looked at again")
		}
		if t.Target == "" {
			// A whole-initiative acceptance covers the targets that have the
			// gap now, not those that become unmet later.
			t.Covers = nil
			for _, it := range m.selected().Targets {
				t.Covers = append(t.Covers, it.Target.Key)
			}
		}
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

// openEstimatesForm edits the initiative's effort, outage and vendor
// estimates, its phase and its project: what decides when the work can be
// done, never its score.
func (m *Model) openEstimatesForm() {
	in := m.selected()
	if in == nil {
		return
	}
	r := in.Requirement
	t := m.ctx.Data.A.Tracking[r.ID]
	f := common.NewForm("Feasibility and project of "+model.CleanLine(r.ID+" "+r.Title), m.formWidth(), m.keys.Form)
	effort := ""
	if t.Effort != nil {
		effort = t.Effort.String()
	}
	f.AddChoice("Effort", []string{"catalog default (" + r.Effort.String() + ")", "low", "medium", "high"},
		[]string{"", "low", "medium", "high"}, effort)
	f.AddChoice("Outage", boolOptions(r.Outage), []string{"", "yes", "no"}, boolValue(t.Outage))
	f.AddChoice("Vendor", boolOptions(r.Vendor), []string{"", "yes", "no"}, boolValue(t.Vendor))
	f.AddText("Vendor name", model.CleanLine(t.VendorName), 80)
	lead := ""
	if t.LeadDays != nil {
		lead = strconv.Itoa(*t.LeadDays)
	}
	f.AddText("Lead time (days)", lead, 4)
	auto := "automatic"
	if t.Phase == model.PhaseAuto {
		auto = "automatic (" + in.Phase.String() + ")"
	}
	labels, values := []string{auto}, []string{""}
	for _, p := range phases {
		labels, values = append(labels, p.String()), append(values, p.Key())
	}
	f.AddChoice("Phase", labels, values, t.Phase.Key())
	project := ""
	if in.Project != nil {
		project = in.Project.Title
	}
	f.AddText("Project", model.CleanLine(project), 80)
	m.editReq = r.ID
	f.Validate = func(f *common.Form) error {
		_, err := m.estimatesFromForm(f)
		return err
	}
	m.form, m.dlg = f, estimatesForm
}

func (m *Model) estimatesFromForm(f *common.Form) (model.Tracking, error) {
	fl := f.Fields
	t := m.currentTracking("")
	t.Effort = nil
	if e := fl[eEffort].Choice(); e != "" {
		v, err := model.ParseEffort(e)
		if err != nil {
			return t, err
		}
		t.Effort = &v
	}
	t.Outage = boolOf(fl[eOutage].Choice())
	t.Vendor = boolOf(fl[eVendor].Choice())
	t.VendorName = model.CleanLine(fl[eVendorName].Text())
	t.LeadDays = nil
	if s := fl[eLead].Text(); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return t, fmt.Errorf("lead time %q: give the vendor's lead time in days, e.g. 90", s)
		}
		t.LeadDays = &n
	}
	p, err := model.ParsePhase(fl[ePhase].Choice())
	if err != nil {
		return t, err
	}
	t.Phase = p
	return t, t.Validate()
}

// submitEstimates saves the estimates and, when the project changed,
// moves the initiative into it (a new title makes a new project).
func (m *Model) submitEstimates() tea.Cmd {
	t, err := m.estimatesFromForm(m.form)
	if err != nil {
		m.form.SetError(err.Error())
		return nil
	}
	cmds := []tea.Cmd{m.issue(m.ctx.Ops.SaveTracking(m.ID(), t))}
	title := model.CleanLine(m.form.Fields[eProject].Text())
	in := m.selected()
	if in != nil && title != "" && (in.Project == nil || !strings.EqualFold(in.Project.Title, title)) {
		p, create := m.projectNamed(title)
		_, cmd := m.ctx.Ops.MoveToProject(m.ID(), t.Requirement, p, create)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// projectNamed finds a project by title among the plan's, the catalog's and
// the assessor's, or makes a new one.
func (m *Model) projectNamed(title string) (model.Project, bool) {
	d := m.ctx.Data
	for _, g := range d.Cat.Projects {
		if strings.EqualFold(g.Title, title) {
			return model.Project{ID: g.ID, Title: g.Title}, false
		}
	}
	for _, p := range d.A.Projects {
		if strings.EqualFold(p.Title, title) {
			return p, false
		}
	}
	id := "p-" + strings.ToLower(strings.Join(strings.Fields(title), "-"))
	return model.Project{ID: id, Title: title}, true
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
	days := ""
	if m.editWin.Days > 0 {
		days = strconv.Itoa(m.editWin.Days)
	}
	f.AddText("Days", days, 3)
	var names []string
	for _, k := range m.editWin.Targets {
		names = append(names, m.ctx.Data.TargetName(k))
	}
	f.AddText("Covers (empty: all)", strings.Join(names, ", "), 2000)
	f.Validate = func(f *common.Form) error {
		_, err := m.windowFromForm(f, m.editWin.ID)
		return err
	}
	m.form, m.dlg = f, windowForm
}

// windowFromForm reads the window; its zones and conduits are given by
// name or id, separated by commas.
func (m *Model) windowFromForm(f *common.Form, id int64) (model.Window, error) {
	w := model.Window{ID: id, Name: model.CleanLine(f.Fields[wName].Text()), Date: f.Fields[wDate].Text()}
	if w.Name == "" {
		return w, errors.New("a maintenance window needs a name, e.g. Autumn shutdown 2026")
	}
	if _, err := w.When(); err != nil {
		return w, fmt.Errorf("date %q: use YYYY-MM-DD, e.g. 2026-10-05", w.Date)
	}
	if s := f.Fields[wDays].Text(); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 366 {
			return w, fmt.Errorf("days %q: give the window's length in days, 1 to 366", s)
		}
		w.Days = n
	}
	for _, part := range strings.Split(f.Fields[wTargets].Text(), ",") {
		name := strings.TrimSpace(part)
		if name == "" {
			continue
		}
		key, err := m.targetNamed(name)
		if err != nil {
			return w, err
		}
		w.Targets = append(w.Targets, key)
	}
	return w, w.Validate()
}

// targetNamed finds a zone or conduit by id or name (case does not matter).
func (m *Model) targetNamed(name string) (string, error) {
	var found []string
	for _, r := range m.ctx.Data.M.Rows {
		if r.Target.Key == name {
			return r.Target.Key, nil
		}
		if strings.EqualFold(model.CleanLine(r.Target.Name), name) {
			found = append(found, r.Target.Key)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("no zone or conduit named %q", name)
	}
	return "", fmt.Errorf("%q names %d zones or conduits: give the id", name, len(found))
}

func (m *Model) submitWindow() tea.Cmd {
	w, err := m.windowFromForm(m.form, m.editWin.ID)
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
