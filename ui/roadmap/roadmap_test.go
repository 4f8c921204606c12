package roadmap_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
	"slate/ui/roadmap"
	"slate/ui/uitest"
)

func TestTitle(t *testing.T) {
	t.Parallel()
	_, s := demo(t)
	var scr common.Screen = s
	if scr.Title() != "Roadmap" || roadmap.Title != scr.Title() {
		t.Fatalf("title %q", scr.Title())
	}
	if s.Capturing() {
		t.Fatal("capturing without a dialog")
	}
}

// The list follows the plan: phases in order, closed last, every row with
// its count of targets, score, markers, owner and status.
func TestListFollowsThePlan(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	p := model.BuildPlan(h.Ctx.Data.Cat, h.Ctx.Data.A, h.Ctx.Data.A.Tracking, h.Ctx.Data.A.Windows, uitest.Clock())
	shown := s.Shown()
	if len(shown) != len(p.Initiatives) {
		t.Fatalf("%d shown, plan has %d", len(shown), len(p.Initiatives))
	}
	for i := range shown {
		if shown[i].Requirement.ID != p.Initiatives[i].Requirement.ID {
			t.Fatalf("item %d is %s, plan order has %s", i, shown[i].Requirement.ID, p.Initiatives[i].Requirement.ID)
		}
	}
	out := render(t, s, 120, 50)
	for _, want := range []string{"Now (0-3 months) · 2 initiatives", "Closed: done or risk accepted · 1 initiative",
		"SR 1.5", "2 targets", "J. Weber", "2026-04-30", "in progress", "E:hi  O V", "risk accepted",
		fmt.Sprintf("%d in-scope questions not answered yet are not planned", p.Unanswered)} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "3-12 months ·"), strings.Index(out, "12-24 months ·"); i < 0 || j < i {
		t.Errorf("phases out of order:\n%s", out)
	}
}

func TestEditTracking(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	selectID(t, h, s, "SR 1.13 RE 1")
	send(h, s, "e")
	if !s.Capturing() {
		t.Fatal("e should open the tracking form")
	}
	send(h, s, "tab", uitest.Type("K. Braun"), "tab", uitest.Type("2026-06-30"), "tab", "right", "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open after save:\n%s", view(t, s))
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		tr := a.Tracking["SR 1.13 RE 1"]
		if tr.Owner != "K. Braun" || tr.Due != "2026-06-30" || tr.Status != model.TrackPlanned {
			t.Fatalf("tracking %+v", tr)
		}
	}
	// For one target only: its own record overrides the initiative's there.
	send(h, s, "e", "right")
	if out := view(t, s); !strings.Contains(out, "Industrial DMZ only") || !strings.Contains(out, "K. Braun") {
		t.Fatalf("the form should start from the initiative's record for the target:\n%s", out)
	}
	send(h, s, "tab", "ctrl+u", uitest.Type("S. Lindqvist"), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open after save:\n%s", view(t, s))
	}
	own := load(t, h).Tracking["SR 1.13 RE 1|dmz"]
	if own.Owner != "S. Lindqvist" || own.Target != "dmz" {
		t.Fatalf("per-target tracking %+v", own)
	}
	in := initiative(s, "SR 1.13 RE 1")
	for _, tg := range in.Targets {
		want := "K. Braun"
		if tg.Target.Key == "dmz" {
			want = "S. Lindqvist"
		}
		if tg.Tracking.Owner != want {
			t.Errorf("%s: owner %q, want %q", tg.Target.Key, tg.Tracking.Owner, want)
		}
	}
	if in := s.Selected(); in == nil || in.Requirement.ID != "SR 1.13 RE 1" {
		t.Fatalf("cursor left the edited initiative: %v", in)
	}
	out := render(t, s, 120, 37)
	if !strings.Contains(out, "K. Braun") || !strings.Contains(out, "2026-06-30") {
		t.Fatalf("the list does not show the new tracking:\n%s", out)
	}
}

func TestBadDueDateIsRefused(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "e", "tab", "tab", "ctrl+u", uitest.Type("30.6.2026"), "ctrl+s")
	if !s.Capturing() {
		t.Fatal("a bad date was accepted")
	}
	if out := view(t, s); !strings.Contains(out, "use YYYY-MM-DD") {
		t.Fatalf("no message:\n%s", out)
	}
	if h.Ctx.Data.A.Tracking["SR 1.5"].Due != "2026-04-30" {
		t.Fatal("the due date changed")
	}
}

func TestRiskAcceptedNeedsJustification(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	selectID(t, h, s, "SR 6.2")
	send(h, s, "e", "tab", "tab", "tab", "left", "ctrl+s") // open -> risk accepted (wraps)
	if !s.Capturing() {
		t.Fatal("risk accepted without a justification was accepted")
	}
	if out := view(t, s); !strings.Contains(out, "needs a justification") {
		t.Fatalf("no message:\n%s", out)
	}
	if _, ok := h.Ctx.Data.A.Tracking["SR 6.2"]; ok {
		t.Fatal("something was saved")
	}
	send(h, s, "tab", uitest.Type("Monitoring comes with the 2028 network renewal."), "ctrl+s")
	if !s.Capturing() || !strings.Contains(view(t, s), "who accepted it") {
		t.Fatalf("a risk acceptance without who and in which role was accepted:\n%s", view(t, s))
	}
	send(h, s, "tab", uitest.Type("K. Brandt"), "tab", uitest.Type("plant manager"), "ctrl+s")
	if !s.Capturing() || !strings.Contains(view(t, s), "review date") {
		t.Fatalf("a risk acceptance without a review date was accepted:\n%s", view(t, s))
	}
	send(h, s, "tab", uitest.Type("2027-03-01"), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	tr := load(t, h).Tracking["SR 6.2"]
	if tr.Status != model.TrackRiskAccepted || tr.Justification != "Monitoring comes with the 2028 network renewal." ||
		tr.AcceptedBy != (model.Person{Name: "K. Brandt", Role: "plant manager"}) || tr.Review != "2027-03-01" ||
		!slices.Equal(tr.Covers, []string{"dmz"}) {
		t.Fatalf("tracking %+v", tr)
	}
	if in := s.Selected(); in == nil || in.Requirement.ID != "SR 6.2" || !in.Closed() {
		t.Fatalf("cursor should follow SR 6.2 into the closed group: %v", in)
	}
	out := render(t, s, 120, 37)
	if i, j := strings.Index(out, "Closed: done or risk accepted · 2 initiatives"), strings.Index(out, "> SR 6.2"); i < 0 || j < i {
		t.Fatalf("SR 6.2 should be closed:\n%s", out)
	}
}

// The store refuses a risk acceptance without justification too (the form
// is not the only guard).
func TestStoreRefusesRiskAcceptedWithoutJustification(t *testing.T) {
	t.Parallel()
	h, _ := demo(t)
	_, err := h.Store.SaveTracking(model.Tracking{Requirement: "SR 6.2", Status: model.TrackRiskAccepted})
	if err == nil {
		t.Fatal("the store accepted it")
	}
}

// Effort and outage change when the work can be done, never its score.
func TestEstimatesMoveTheWorkNotTheScore(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	before := *initiative(s, "SR 1.5")
	if before.Phase != model.PhaseNow || before.Effort != model.EffortMedium || before.Group != model.GroupBoundary {
		t.Fatalf("sample changed: %+v", before)
	}
	// Effort: catalog default -> low. A low-effort feasible item is a quick win.
	send(h, s, "E", "right", "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	after := initiative(s, "SR 1.5")
	if after.Score != before.Score || after.Phase != model.PhaseNow || after.Effort != model.EffortLow || after.Group != model.GroupQuickWin {
		t.Fatalf("after effort low: score %d phase %v group %v, before %d", after.Score, after.Phase, after.Group, before.Score)
	}
	out := render(t, s, 120, 37)
	if !strings.Contains(out, "E:low") || !strings.Contains(out, "effort low (your estimate)") || !strings.Contains(out, "order: quick win") {
		t.Fatalf("the list and detail do not show the override:\n%s", out)
	}
	// Outage: yes. It now waits for the windows that cover its zones; the
	// score stays.
	send(h, s, "E", "tab", "right", "ctrl+s")
	again := initiative(s, "SR 1.5")
	if !again.Outage || again.Score != before.Score || again.Window == nil {
		t.Fatalf("after outage yes: %+v", again)
	}
	for _, tg := range again.Targets {
		if tg.Window == nil || !tg.Window.Covers(tg.Target.Key) {
			t.Fatalf("%s: window %+v does not cover it", tg.Target.Key, tg.Window)
		}
	}
	if load(t, h).Tracking["SR 1.5"].Outage == nil {
		t.Fatal("outage override not saved")
	}
}

// The vendor's name and lead time, and the project, are set with E.
func TestVendorAndProject(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	selectID(t, h, s, "SR 7.8")
	send(h, s, "E", "tab", "tab", "right", "tab", uitest.Type("ACME"), "tab", uitest.Type("200"),
		"tab", "tab", "ctrl+u", uitest.Type("Plant visibility"), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	in := initiative(s, "SR 7.8")
	if !in.Vendor || in.VendorName != "ACME" || in.LeadDays != 200 || in.Project == nil || in.Project.Title != "Plant visibility" {
		t.Fatalf("SR 7.8: vendor %v %q %d project %+v", in.Vendor, in.VendorName, in.LeadDays, in.Project)
	}
	a := load(t, h)
	if a.ProjectOf["SR 7.8"] != in.Project.ID || !slices.ContainsFunc(a.Projects, func(p model.Project) bool { return p.Title == "Plant visibility" }) {
		t.Fatalf("project not saved: %+v %v", a.Projects, a.ProjectOf)
	}
	send(h, s, "v")
	if out := view(t, s); !strings.Contains(out, "[ACME +200d]") {
		t.Fatalf("the timeline should show the vendor:\n%s", out)
	}
}

func TestPhaseOverride(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	selectID(t, h, s, "SR 7.8")
	send(h, s, "E", "tab", "tab", "tab", "tab", "tab", "left", "ctrl+s") // automatic -> later
	in := initiative(s, "SR 7.8")
	if in.Phase != model.PhaseLater || in.Tracking.Phase != model.PhaseLater {
		t.Fatalf("phase %v", in.Phase)
	}
	if sel := s.Selected(); sel == nil || sel.Requirement.ID != "SR 7.8" {
		t.Fatal("cursor left SR 7.8")
	}
	if out := view(t, s); !strings.Contains(out, "Later (24+ months) · 1 initiative") {
		t.Fatalf("no later group:\n%s", out)
	}
}

func TestFilters(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	all := len(s.Shown())
	// Zone/conduit: cycle until the control zone.
	for range 20 {
		if strings.Contains(view(t, s), "Filter: zone Control (Unit 1)") {
			break
		}
		send(h, s, "z")
	}
	shown := s.Shown()
	if len(shown) == 0 || len(shown) >= all {
		t.Fatalf("zone filter shows %d of %d", len(shown), all)
	}
	for _, in := range shown {
		if !slices.ContainsFunc(in.Targets, func(t model.InitiativeTarget) bool { return t.Target.Key == "control" }) {
			t.Fatalf("%s has no target control", in.Requirement.ID)
		}
	}
	want := 0
	for _, in := range s.Plan().Initiatives {
		if slices.ContainsFunc(in.Targets, func(t model.InitiativeTarget) bool { return t.Target.Key == "control" }) {
			want++
		}
	}
	if len(shown) != want {
		t.Fatalf("zone filter shows %d, %d have the target", len(shown), want)
	}
	if out := view(t, s); !strings.Contains(out, fmt.Sprintf("of %d shown", all)) {
		t.Fatalf("filter line:\n%s", out)
	}
	send(h, s, "X")
	if len(s.Shown()) != all {
		t.Fatal("X should clear the filters")
	}

	// FR: the first FR with initiatives.
	send(h, s, "f")
	for _, in := range s.Shown() {
		if in.Requirement.FR != 1 {
			t.Fatalf("FR filter shows %s", in.Requirement.ID)
		}
	}
	if out := view(t, s); !strings.Contains(out, "Filter: FR1") {
		t.Fatalf("filter line:\n%s", out)
	}
	// And status (open first) on top of it.
	send(h, s, "S")
	for _, in := range s.Shown() {
		if in.Requirement.FR != 1 || in.Tracking.Status != model.TrackOpen {
			t.Fatalf("FR1 + open shows %s (%s)", in.Requirement.ID, in.Tracking.Status)
		}
	}
	send(h, s, "backspace")

	// Owner: nobody yet, then the owners by name.
	send(h, s, "o")
	for _, in := range s.Shown() {
		if in.Tracking.Owner != "" {
			t.Fatalf("no-owner filter shows %s", in.Requirement.ID)
		}
	}
	send(h, s, "o")
	if sh := s.Shown(); len(sh) != 1 || sh[0].Tracking.Owner != "J. Weber" {
		t.Fatalf("owner filter shows %v", sh)
	}
	if out := view(t, s); !strings.Contains(out, "owner J. Weber") {
		t.Fatalf("filter line:\n%s", out)
	}
	// A status no initiative has yet: an empty list says so.
	send(h, s, "X", "S", "S", "S", "S")
	if len(s.Shown()) != 0 {
		t.Fatalf("status done shows %d", len(s.Shown()))
	}
	if out := view(t, s); !strings.Contains(out, "No initiative matches the filters") {
		t.Fatalf("empty filter result:\n%s", out)
	}
	send(h, s, "e", "enter", "i") // nothing selected: nothing happens
	if s.Capturing() || len(h.GoTos) != 0 {
		t.Fatal("keys acted without a selection")
	}
}

func TestAddWindowPlacesOutageWork(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	in := initiative(s, "SR 5.2 RE 2")
	if !in.Outage || in.Window == nil || in.Window.Name != "Site turnaround 2027" {
		t.Fatalf("sample changed: %+v", in)
	}
	send(h, s, "w", "n", uitest.Type("Winter outage"), "tab", uitest.Type("2027-03-20"), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	in = initiative(s, "SR 5.2 RE 2")
	if in.Window == nil || in.Window.Name != "Winter outage" || in.Window.Date != "2027-03-20" {
		t.Fatalf("SR 5.2 RE 2 placed in %+v", in.Window)
	}
	a := load(t, h)
	if !slices.ContainsFunc(a.Windows, func(w model.Window) bool { return w.Name == "Winter outage" && w.Date == "2027-03-20" }) {
		t.Fatalf("window not saved: %+v", a.Windows)
	}
	out := view(t, s)
	if !strings.Contains(out, "> 2027-03-20  Winter outage") || !strings.Contains(out, "Placed in Winter outage") ||
		!strings.Contains(out, "SR 5.2 RE 2 Island mode") {
		t.Fatalf("the new window should be selected with its initiatives:\n%s", out)
	}
	// The timeline shows it in the 12-24 months phase.
	send(h, s, "esc", "v")
	if out := view(t, s); !strings.Contains(out, "◆ 2027-03-20 Winter outage · 3 placed") {
		t.Fatalf("timeline:\n%s", out)
	}
}

func TestWindowFormValidates(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "w", "n", uitest.Type("Outage"), "tab", uitest.Type("2026-02-30"), "ctrl+s")
	if !s.Capturing() {
		t.Fatal("an impossible date was accepted")
	}
	if out := view(t, s); !strings.Contains(out, "use YYYY-MM-DD") {
		t.Fatalf("no message:\n%s", out)
	}
	send(h, s, "esc")
	send(h, s, "n", "tab", uitest.Type("2026-06-01"), "ctrl+s")
	if !s.Capturing() || !strings.Contains(view(t, s), "needs a name") {
		t.Fatal("a window without a name was accepted")
	}
	if len(h.Ctx.Data.A.Windows) != 2 {
		t.Fatal("a window was added")
	}
	// A zone the plant does not have is refused by name.
	send(h, s, "esc", "n", uitest.Type("Outage"), "tab", uitest.Type("2026-06-01"), "tab", "tab", uitest.Type("Boiler house"), "ctrl+s")
	if !s.Capturing() || !strings.Contains(view(t, s), `no zone or conduit named "Boiler house"`) {
		t.Fatalf("an unknown zone was accepted:\n%s", view(t, s))
	}
}

// A window lists the zones it covers: outage work goes only into windows
// that cover its targets.
func TestWindowCoversItsZones(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "w", "n", uitest.Type("SIS outage"), "tab", uitest.Type("2027-03-10"), "tab", uitest.Type("3"),
		"tab", uitest.Type("Safety instrumented system"), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	w := h.Ctx.Data.A.Windows[len(h.Ctx.Data.A.Windows)-1]
	if w.Days != 3 || !slices.Equal(w.Targets, []string{"safety"}) {
		t.Fatalf("window %+v", w)
	}
	if in := initiative(s, "SR 5.2 RE 2"); in.Window == nil || in.Window.Name != "SIS outage" {
		t.Fatalf("the safety zone's outage work goes into the SIS window: %+v", in.Window)
	}
	if in := initiative(s, "SR 5.1 RE 1"); in.Window != nil && in.Window.Name == "SIS outage" {
		t.Fatal("work on the supervisory zone was placed in a window that does not cover it")
	}
	if out := view(t, s); !strings.Contains(out, "covers Safety instrumented system") {
		t.Fatalf("the window list should say what it covers:\n%s", out)
	}
}

func TestEditAndDeleteWindow(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "w", "down", "e", "tab", "ctrl+u", uitest.Type("2027-05-03"), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	a := load(t, h)
	if !slices.ContainsFunc(a.Windows, func(w model.Window) bool { return w.Name == "Site turnaround 2027" && w.Date == "2027-05-03" }) {
		t.Fatalf("window not updated: %+v", a.Windows)
	}
	if out := view(t, s); !strings.Contains(out, "> 2027-05-03  Site turnaround 2027") {
		t.Fatalf("the edited window should stay selected:\n%s", out)
	}
	send(h, s, "x")
	out := view(t, s)
	if !s.Capturing() || !strings.Contains(out, "Delete the maintenance window Site turnaround 2027") ||
		!strings.Contains(out, "3 initiatives placed in it") {
		t.Fatalf("no confirmation:\n%s", out)
	}
	send(h, s, "n")
	if len(h.Ctx.Data.A.Windows) != 2 {
		t.Fatal("n should keep the window")
	}
	send(h, s, "x", "y")
	if s.Capturing() {
		t.Fatal("confirmation still open")
	}
	if a := load(t, h); len(a.Windows) != 1 || slices.ContainsFunc(a.Windows, func(w model.Window) bool { return w.Name == "Site turnaround 2027" }) {
		t.Fatalf("window not deleted: %+v", a.Windows)
	}
	if in := initiative(s, "SR 5.2 RE 2"); in.Window != nil || !strings.Contains(in.PhaseWhy, "no maintenance window") {
		t.Fatalf("SR 5.2 RE 2 has no window covering the safety zone after its phase begins: %+v %s", in.Window, in.PhaseWhy)
	}
	send(h, s, "esc")
	if strings.Contains(view(t, s), "Maintenance windows") {
		t.Fatal("esc should leave the windows list")
	}
}

func TestAnsweringYesShrinksTheInitiative(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	if n := len(initiative(s, "SR 1.5").Targets); n != 2 {
		t.Fatalf("sample changed: SR 1.5 has %d targets", n)
	}
	// Answered on the interview: the root applies it; the roadmap is told
	// nothing and follows the data's version.
	_, cmd := h.Ctx.Ops.SaveAnswer(common.ScreenInterview, "supervisory", model.Answer{Requirement: "SR 1.5", Status: model.Yes})
	msg, ok := cmd().(common.Done)
	if !ok || msg.Err != nil {
		t.Fatalf("answer not saved: %+v", msg)
	}
	msg.ApplyTo(h.Ctx.Data)
	in := initiative(s, "SR 1.5")
	if len(in.Targets) != 1 || in.Targets[0].Target.Key != "dmz" {
		t.Fatalf("targets %+v", in.Targets)
	}
	out := view(t, s)
	if !strings.Contains(out, "> SR 1.5 ") || !strings.Contains(out, "1 target") {
		t.Fatalf("the row should show 1 target:\n%s", out)
	}
	if strings.Contains(out, "Two HMI panels") {
		t.Fatalf("the detail still lists the supervisory zone:\n%s", out)
	}
}

// failingStore refuses tracking records, like a full disk.
type failingStore struct{ *store.Store }

func (failingStore) SaveTracking(model.Tracking) (model.Tracking, error) {
	return model.Tracking{}, &store.SaveError{Reason: "disk full"}
}

func TestFailedSaveKeepsTheForm(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	h.Ctx.Ops = common.NewOps(failingStore{h.Store}, false)
	selectID(t, h, s, "SR 6.2")
	send(h, s, "e", "tab", uitest.Type("K. Braun"), "ctrl+s")
	if !s.Capturing() {
		t.Fatal("the form closed although nothing was saved")
	}
	out := view(t, s)
	if !strings.Contains(out, "NOT SAVED: disk full") || !strings.Contains(out, "K. Braun") {
		t.Fatalf("the form should keep its values and say why:\n%s", out)
	}
	if _, ok := h.Ctx.Data.A.Tracking["SR 6.2"]; ok {
		t.Fatal("a failed save reached the data")
	}
	// Fixed: the same form saves.
	h.Ctx.Ops = common.NewOps(h.Store, false)
	send(h, s, "ctrl+s")
	if s.Capturing() || load(t, h).Tracking["SR 6.2"].Owner != "K. Braun" {
		t.Fatal("retry did not save")
	}
}

// The store refuses a change on a read-only file even from a form that
// was open when the file became read-only: the form keeps what was typed.
func TestReadOnlyStoreRefusesInTheForm(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "e")
	h.Ctx.Ops = common.NewOps(h.Store, true)
	send(h, s, "tab", "ctrl+u", uitest.Type("Nobody"), "ctrl+s")
	if !s.Capturing() {
		t.Fatal("the form closed on a read-only file")
	}
	if out := view(t, s); !strings.Contains(out, "read-only: nothing was saved") || !strings.Contains(out, "Nobody") {
		t.Fatalf("no read-only message:\n%s", out)
	}
}

// In a read-only session the keys that edit refuse at once, with the
// reason, in the list, the detail and the windows list; nothing opens.
func TestReadOnly(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	h.Ctx.Data.ReadOnly, h.Ctx.Data.ReadOnlyReason = true, "another Slate has the file open"
	h.Ctx.Ops = common.NewOps(h.Store, true)
	for _, c := range []struct {
		setup []any
		keys  []string
	}{{nil, []string{"e", "E"}}, {[]any{"enter"}, []string{"e", "E"}}, {[]any{"esc", "w"}, []string{"n", "e", "enter", "x", "delete"}}} {
		send(h, s, c.setup...)
		for _, k := range c.keys {
			h.Status = common.Status{}
			send(h, s, k)
			if s.Capturing() || !h.Status.Error || !strings.Contains(h.Status.Text, "Read-only (another Slate has the file open)") {
				t.Fatalf("%v %s: capturing %v, status %+v", c.setup, k, s.Capturing(), h.Status)
			}
		}
		for _, b := range s.Keys().ShortHelp() {
			for _, k := range c.keys {
				if b.Enabled() && slices.Contains(b.Keys(), k) {
					t.Fatalf("%v: the help bar offers %s (%s)", c.setup, k, b.Help().Desc)
				}
			}
		}
	}
	if len(load(t, h).Windows) != len(h.Ctx.Data.A.Windows) {
		t.Fatal("a window changed")
	}
}

func TestHostileTextIsStripped(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	d := h.Ctx.Data
	d.A.Tracking["SR 6.2"] = model.Tracking{Requirement: "SR 6.2", Owner: "\x1b[31mEvil\x1b]0;pwned\x07 Owner\x1b[2J\r\n",
		Due: "2026-05-01", Status: model.TrackPlanned, Justification: "x\x1b]8;;http://evil\x07link"}
	d.A.Windows = append(d.A.Windows, model.Window{ID: 99, Name: "Shut\x1b[1Adown\x9b2J", Date: "2026-12-01"})
	d.Version++
	selectID(t, h, s, "SR 6.2")
	for _, keys := range [][]any{nil, {"enter"}, {"esc", "v"}, {"esc", "w", "end"}, {"esc", "esc", "e"}} {
		send(h, s, keys...)
		for _, size := range [][2]int{{80, 21}, {120, 37}, {200, 57}} {
			out := uitest.Render(t, s, size[0], size[1])
			for _, bad := range []string{"[31m", "]0;", "[2J", "]8;", "[1A", "\x9b", "\r"} {
				if strings.Contains(out, bad) {
					t.Fatalf("%v at %v: %q reached the terminal:\n%q", keys, size, bad, out)
				}
			}
		}
	}
	send(h, s, "esc", "esc", "esc")
	if out := render(t, s, 120, 37); !strings.Contains(out, "Evil Owner") {
		t.Fatalf("the cleaned owner should show:\n%s", out)
	}
}

func TestDetailMode(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "enter")
	out := view(t, s)
	if !strings.Contains(out, fmt.Sprintf("Initiative 1 of %d", len(s.Shown()))) || !strings.Contains(out, "Why this priority:") {
		t.Fatalf("detail:\n%s", out)
	}
	send(h, s, "right")
	if in := s.Selected(); in.Requirement.ID != "SR 1.13 RE 1" {
		t.Fatalf("right should show the next initiative, got %s", in.Requirement.ID)
	}
	send(h, s, "end")
	if out := view(t, s); !strings.Contains(out, "allow-list") && !strings.Contains(out, "Remediation") {
		t.Fatalf("end should scroll to the remediation:\n%s", out)
	}
	send(h, s, "i")
	if len(h.GoTos) != 1 || h.GoTos[0] != (common.GoTo{Screen: common.ScreenInterview, Target: "dmz", FR: 1, Requirement: "SR 1.13 RE 1"}) {
		t.Fatalf("interview: %+v", h.GoTos)
	}
	send(h, s, "esc")
	if out := view(t, s); strings.Contains(out, "Initiative 2 of") || !strings.Contains(out, "> SR 1.13 RE 1") {
		t.Fatalf("esc should return to the list on the same initiative:\n%s", out)
	}
}

func TestInterviewUsesFilteredTarget(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	for range 20 {
		if strings.Contains(view(t, s), "Filter: zone Supervisory") {
			break
		}
		send(h, s, "z")
	}
	selectID(t, h, s, "SR 1.5")
	send(h, s, "i")
	if len(h.GoTos) != 1 || h.GoTos[0].Target != "supervisory" || h.GoTos[0].Requirement != "SR 1.5" {
		t.Fatalf("interview: %+v", h.GoTos)
	}
}

func TestGoToSelects(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "f") // FR1 only
	send(h, s, common.GoTo{Screen: common.ScreenRoadmap, Requirement: "SR 6.2"})
	if in := s.Selected(); in == nil || in.Requirement.ID != "SR 6.2" {
		t.Fatalf("GoTo should select SR 6.2 (clearing the filter): %v", in)
	}
}

func TestCursorStaysOnItsInitiative(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	selectID(t, h, s, "SR 7.8")
	// Another screen changes another initiative, which moves to the top.
	low := model.EffortLow
	_, cmd := h.Ctx.Ops.SaveTracking(common.ScreenOverview, model.Tracking{Requirement: "SR 1.13 RE 1", Effort: &low})
	cmd().(common.Done).ApplyTo(h.Ctx.Data)
	if in := s.Selected(); in == nil || in.Requirement.ID != "SR 7.8" {
		t.Fatalf("cursor moved to %v", in)
	}
	if s.Shown()[0].Requirement.ID != "SR 1.13 RE 1" {
		t.Fatal("the re-planned list should have SR 1.13 RE 1 first")
	}
}

func TestNoGaps(t *testing.T) {
	t.Parallel()
	a := model.SamplePlant(questionnaires.Builtin())
	for _, as := range a.Answers {
		for id, ans := range as {
			if ans.Status == model.No || ans.Status == model.Partial {
				ans.Status = model.Yes
				as[id] = ans
			}
		}
	}
	h := uitest.New(t, a)
	s := roadmap.New(h.Ctx)
	out := render(t, s, 80, 21)
	if !strings.Contains(out, "No open gaps: every answered in-scope requirement is met.") ||
		!strings.Contains(out, "in-scope questions not answered yet are not planned") {
		t.Fatalf("no friendly line:\n%s", out)
	}
	for _, keys := range [][]any{{"down", "enter", "e", "z", "i"}, {"v"}, {"esc", "w"}} {
		send(h, s, keys...)
		uitest.Render(t, s, 80, 21)
	}
	if s.Capturing() {
		t.Fatal("a form opened without an initiative")
	}
}

func TestSizes(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	modes := [][]any{nil, {"enter"}, {"esc", "v"}, {"v", "w"}, {"esc", "e"}, {"esc", "w", "x"}, {"n"}}
	for _, keys := range modes {
		send(h, s, keys...)
		for _, size := range [][2]int{{80, 21}, {100, 30}, {200, 57}, {40, 10}, {20, 4}, {1, 1}, {150, 12}} {
			s.SetSize(size[0], size[1])
			send(h, s, "down", "pgdown", "end", "up")
			uitest.Render(t, s, size[0], size[1])
		}
	}
}

// The help bar fits 80 columns in every mode, and the full help has an
// entry with text for every key.
func TestKeys(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	check := func(state string) {
		t.Helper()
		b := append([]key.Binding{}, s.Keys().ShortHelp()...)
		if !s.Capturing() {
			g := common.NewGlobalKeys(nil)
			b = append(b, g.Help, g.Quit)
		}
		hm := help.New()
		hm.SetWidth(80)
		if out := hm.ShortHelpView(b); strings.Contains(out, "…") || len(b) < 2 {
			t.Fatalf("%s: help bar %q", state, out)
		}
	}
	check("list")
	send(h, s, "z")
	check("filtered")
	send(h, s, "X", "enter")
	check("detail")
	send(h, s, "esc", "v")
	check("timeline")
	send(h, s, "w")
	check("windows")
	send(h, s, "n")
	check("window form")
	send(h, s, "esc", "x")
	check("confirm")
	send(h, s, "esc", "esc", "e")
	check("tracking form")
	n := 0
	described := map[string]bool{}
	// The dialogs' keys are the common ones, listed once for every screen.
	for _, g := range common.DialogGroups() {
		for _, b := range g.Keys {
			for _, k := range b.Keys() {
				described[k] = true
			}
		}
	}
	for _, g := range s.Keys().(interface{ DocHelp() []common.KeyGroup }).DocHelp() {
		for _, b := range g.Keys {
			hp := b.Help()
			if hp.Key == "" || hp.Desc == "" || len(b.Keys()) == 0 {
				t.Fatalf("binding without help: %+v", hp)
			}
			for _, k := range b.Keys() {
				described[k] = true
			}
			n++
		}
	}
	// Every key the screen acts on is in docs/keys.md (each in the full
	// help of the mode it works in).
	for _, k := range strings.Fields("up down k j pgup pgdown home end g G enter left right h l e E i v w " +
		"z Z f S o X backspace n x delete esc tab shift+tab ctrl+s y") {
		if !described[k] {
			t.Errorf("key %q is not in the full help", k)
		}
	}
	if n < 15 {
		t.Fatalf("full help lists %d keys", n)
	}
}
