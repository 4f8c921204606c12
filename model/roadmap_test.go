package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// planCatalog: FR1 requirements of different levels and feasibility, the
// two visibility requirements, and a default project.
func planCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := NewCatalog("plan", "1", "", "", []Requirement{
		{ID: "SR 1.1", FR: 1, SL: 1, AppliesTo: AppliesBoth, Effort: EffortLow, Tags: []string{"shared-credentials"}},
		{ID: "SR 1.2", FR: 1, SL: 2, AppliesTo: AppliesBoth, Effort: EffortHigh, Outage: true, Vendor: true},
		{ID: "SR 1.3", FR: 1, SL: 1, AppliesTo: AppliesZone, Effort: EffortMedium},
		{ID: "SR 1.4", FR: 1, SL: 3, AppliesTo: AppliesZone, Effort: EffortMedium},
		{ID: "SR 1.5", FR: 1, SL: 1, AppliesTo: AppliesZone, Effort: EffortHigh, Tags: []string{"shared-credentials"}},
		{ID: "SR 6.2", FR: 6, SL: 2, AppliesTo: AppliesBoth, Effort: EffortHigh, Tags: []string{"no-ot-monitoring"}},
		{ID: "SR 7.8", FR: 7, SL: 2, AppliesTo: AppliesZone, Effort: EffortMedium, Tags: []string{"no-asset-inventory"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	c.Projects = []ProjectGroup{{ID: "identity", Title: "Identity and passwords", Requirements: []string{"SR 1.1", "SR 1.5"}}}
	return c
}

var planNow = time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)

func planAssessment() *Assessment {
	return &Assessment{
		Zones: []Zone{
			{Key: "office", Name: "Office", Kind: ZoneEnterprise, SLT: Uniform(1)},
			{Key: "dmz", Name: "DMZ", Kind: ZoneDMZ, SLT: Uniform(2)},
			{Key: "control", Name: "Control", Kind: ZoneControl, SLT: Uniform(2)},
			{Key: "sis", Name: "SIS", Kind: ZoneSafety, SLT: Uniform(3)},
		},
		Conduits: []Conduit{{Key: "office-dmz", Name: "Office - DMZ", From: "office", To: "dmz", SLT: Uniform(2)}},
		Answers: map[string]Answers{
			"control": {"SR 1.1": {Status: No}, "SR 1.2": {Status: No}, "SR 1.3": {Status: Partial}, "SR 7.8": {Status: No}},
			"sis":     {"SR 1.1": {Status: No}, "SR 1.3": {Status: Yes}, "SR 1.4": {Status: No}},
			"dmz":     {"SR 1.1": {Status: Partial}, "SR 1.3": {Status: Unanswered}},
			// SR 1.2 is sl 2, above the office's SL-T 1: out of scope there.
			"office": {"SR 1.2": {Status: No}},
		},
	}
}

func find(p Plan, id string) *Initiative {
	for _, in := range p.Initiatives {
		if in.Requirement.ID == id {
			return in
		}
	}
	return nil
}

func targetKeys(in *Initiative) []string {
	var out []string
	for _, t := range in.Targets {
		out = append(out, t.Target.Key)
	}
	return out
}

func plan(t *testing.T, a *Assessment, tr map[string]Tracking, w []Window) Plan {
	return BuildPlan(planCatalog(t), a, tr, w, planNow)
}

func TestPlanGroupsOneInitiativePerRequirement(t *testing.T) {
	p := plan(t, planAssessment(), nil, nil)
	in := find(p, "SR 1.1")
	if in == nil || strings.Join(targetKeys(in), ",") != "dmz,control,sis" {
		t.Fatalf("SR 1.1 should span dmz, control and sis: %v", in)
	}
	if find(p, "SR 1.2") == nil || len(find(p, "SR 1.2").Targets) != 1 {
		t.Fatal("SR 1.2: only control is in scope (office SL-T 1 < sl 2)")
	}
	if len(p.Initiatives) != 5 {
		t.Fatalf("%d initiatives, want 5 (1.1, 1.2, 1.3, 1.4, 7.8)", len(p.Initiatives))
	}
	if p.Unanswered == 0 {
		t.Fatal("unanswered in-scope requirements are not counted")
	}
}

// Hand-computed scores, one factor at a time.
func TestPlanScoreFactors(t *testing.T) {
	p := plan(t, planAssessment(), nil, nil)
	cases := []struct {
		id    string
		score int
		why   []string
	}{
		// sl 1 missing in SIS (SL-T 3): 10*(3-1+1) = 30; highest SL-T 3: +15;
		// DMZ boundary +15; safety +15; common finding +10; two more
		// targets +4. Total 89.
		{"SR 1.1", 89, []string{"basic: an SL 1 requirement missing where SL-T is 3 (SIS)", "IT/OT boundary: DMZ",
			"safety system: SIS", "common finding: shared or default credentials", "the same gap in 2 more zones or conduits"}},
		// sl 2 in control SL-T 2: 10; SL-T 2: +10. High effort, outage and
		// vendor take nothing off. Total 20.
		{"SR 1.2", 20, []string{"basic: an SL 2 requirement missing where SL-T is 2 (Control)", "highest SL-T among its targets is 2"}},
		// sl 1 in control SL-T 2: 20; SL-T 2: +10. Total 30.
		{"SR 1.3", 30, nil},
		// sl 3 in SIS SL-T 3: 10; SL-T 3: +15; safety +15. Total 40.
		{"SR 1.4", 40, []string{"safety system: SIS"}},
		// sl 2 in control SL-T 2: 10; +10; common finding +10. Total 30.
		{"SR 7.8", 30, []string{"common finding: missing asset inventory"}},
	}
	for _, c := range cases {
		in := find(p, c.id)
		if in.Score != c.score {
			t.Errorf("%s score %d, want %d:\n%s", c.id, in.Score, c.score, in.Why())
		}
		for _, w := range c.why {
			if !strings.Contains(in.Why(), w) {
				t.Errorf("%s: the reasons lack %q:\n%s", c.id, w, in.Why())
			}
		}
	}
	// Breadth: ten assets in the zones concerned add 2.
	a := planAssessment()
	for range 10 {
		a.Zones[2].Assets = append(a.Zones[2].Assets, Asset{Name: "PLC"})
	}
	if got := find(plan(t, a, nil, nil), "SR 1.3").Score; got != 32 {
		t.Errorf("SR 1.3 with 10 assets: %d, want 32", got)
	}
}

// Effort, outage and vendor change where an initiative goes, never its
// score, nor its order against initiatives of the same phase and group.
func TestFeasibilityNeverChangesTheScore(t *testing.T) {
	base := plan(t, planAssessment(), nil, nil)
	yes, high := true, EffortHigh
	for _, override := range []Tracking{{Outage: &yes}, {Effort: &high}, {Vendor: &yes}} {
		for _, in := range base.Initiatives {
			tr := override
			tr.Requirement = in.Requirement.ID
			p := plan(t, planAssessment(), map[string]Tracking{in.Requirement.ID: tr}, []Window{{Name: "T", Date: "2026-10-01"}})
			got := find(p, in.Requirement.ID)
			if got.Score != in.Score {
				t.Errorf("%s with %+v: score %d, was %d", in.Requirement.ID, override, got.Score, in.Score)
			}
			// Among the others of the same phase and group, score order holds.
			for i := 1; i < len(p.Initiatives); i++ {
				x, y := p.Initiatives[i-1], p.Initiatives[i]
				if x.Phase == y.Phase && x.Group == y.Group && x.Score < y.Score {
					t.Errorf("%s before %s with a lower score in the same phase and group", x.Requirement.ID, y.Requirement.ID)
				}
			}
		}
	}
}

func TestPhasesAndGroups(t *testing.T) {
	a := planAssessment()
	a.Answers["control"]["SR 1.5"] = Answer{Status: No} // high effort, credentials
	a.Answers["control"]["SR 6.2"] = Answer{Status: No} // high effort, monitoring
	p := plan(t, a, nil, nil)
	var ids []string
	for _, in := range p.Initiatives {
		ids = append(ids, in.Requirement.ID+":"+in.Phase.Key()+":"+in.Group.Key())
	}
	// Now: SR 1.1 (a quick win) and SR 1.5 (credentials, no outage, no
	// vendor, whatever its effort). 12-24 months, in groups: visibility
	// (SR 6.2, SR 7.8) before the safety boundary (SR 1.4) before the rest,
	// whatever the scores.
	want := []string{"SR 1.1:now:quick_win", "SR 1.5:now:other",
		"SR 6.2:12-24:visibility", "SR 7.8:12-24:visibility", "SR 1.4:12-24:boundary",
		"SR 1.3:12-24:other", "SR 1.2:12-24:other"}
	if !slices.Equal(ids, want) {
		t.Fatalf("plan\n got %v\nwant %v", ids, want)
	}
	// High priority (score >= 50) goes to 3-12 months.
	a.Zones[2].SLT = Uniform(4)
	if in := find(plan(t, a, nil, nil), "SR 1.3"); in.Score < HighPriority || in.Phase != PhaseMid {
		t.Fatalf("SR 1.3 at SL-T 4: score %d phase %s", in.Score, in.Phase)
	}
}

func TestOutageGoesIntoACoveringWindow(t *testing.T) {
	windows := []Window{
		{Name: "Past", Date: "2026-01-10"},
		{Name: "Turnaround", Date: "2027-06-01", Days: 14},
		{Name: "Spring", Date: "2026-04-20"},
	}
	p := plan(t, planAssessment(), nil, windows)
	in := find(p, "SR 1.2") // lower priority: the first window of 12-24 months
	if in.Window == nil || in.Window.Name != "Turnaround" || in.Phase != PhaseLate || in.Targets[0].Window != in.Window {
		t.Fatalf("SR 1.2 window %v phase %v (%s)", in.Window, in.Phase, in.PhaseWhy)
	}
	// High-priority outage work goes into the next covering window.
	a := planAssessment()
	a.Zones[2].SLT = Uniform(4) // SR 1.2 becomes high priority in control
	in = find(plan(t, a, nil, windows), "SR 1.2")
	if in.Score < HighPriority || in.Window == nil || in.Window.Name != "Spring" || in.Phase != PhaseNow { // the window's date decides
		t.Fatalf("high priority: score %d window %v phase %v", in.Score, in.Window, in.Phase)
	}
	// A window that lists other zones does not cover control.
	narrow := []Window{{Name: "SIS only", Date: "2026-04-20", Targets: []string{"sis"}}, {Name: "Plant", Date: "2026-09-01"}}
	if in = find(plan(t, a, nil, narrow), "SR 1.2"); in.Window == nil || in.Window.Name != "Plant" {
		t.Fatalf("coverage: window %v", in.Window)
	}
	// A conduit is covered when the window lists both its zones.
	if !(Window{Targets: []string{"office", "dmz"}}).Covers("office-dmz", "office", "dmz") ||
		(Window{Targets: []string{"office"}}).Covers("office-dmz", "office", "dmz") {
		t.Fatal("conduit coverage by both zones")
	}
	// The vendor's lead time comes first: 90 days pushes past Spring.
	lead := 90
	tr := map[string]Tracking{"SR 1.2": {Requirement: "SR 1.2", VendorName: "ACME", LeadDays: &lead}}
	in = find(plan(t, a, tr, windows), "SR 1.2")
	if in.Window == nil || in.Window.Name != "Turnaround" || !strings.Contains(in.Feasibility(), "vendor ACME, 90 days") {
		t.Fatalf("lead time: window %v, %s", in.Window, in.Feasibility())
	}
	// No window at all: said plainly.
	in = find(plan(t, planAssessment(), nil, nil), "SR 1.2")
	if in.Window != nil || !strings.Contains(in.PhaseWhy, "no maintenance window") {
		t.Fatalf("without windows: %s", in.PhaseWhy)
	}
}

func TestDueDateBeforeEveryWindowIsAConflict(t *testing.T) {
	windows := []Window{{Name: "Turnaround", Date: "2027-06-01"}}
	tr := map[string]Tracking{"SR 1.2": {Requirement: "SR 1.2", Due: "2026-12-31"}}
	in := find(plan(t, planAssessment(), tr, windows), "SR 1.2")
	if len(in.Conflicts) != 1 || in.Conflicts[0].Rule != DueWindowConflict || in.Conflicts[0].Target != "control" {
		t.Fatalf("conflicts %+v", in.Conflicts)
	}
	// A window before the due date is used instead, even for low-priority work.
	windows = append(windows, Window{Name: "Autumn", Date: "2026-10-05"})
	in = find(plan(t, planAssessment(), tr, sortedWindows(windows)), "SR 1.2")
	if len(in.Conflicts) != 0 || in.Window == nil || in.Window.Name != "Autumn" {
		t.Fatalf("due date pulls the work forward: window %v conflicts %+v", in.Window, in.Conflicts)
	}
}

func TestRiskAcceptancePerTarget(t *testing.T) {
	a := planAssessment()
	// SR 1.1 is unmet in dmz, control and sis: accepted for control only.
	accept := Tracking{Requirement: "SR 1.1", Target: "control", Status: TrackRiskAccepted, Justification: "HMI replaced next year",
		AcceptedBy: Person{"R. Patel", "shift supervisor"}, Review: "2026-12-31"}
	tr := map[string]Tracking{accept.Key(): accept}
	in := find(plan(t, a, tr, nil), "SR 1.1")
	if in.Closed() {
		t.Fatal("accepting the risk for one zone closed the initiative everywhere")
	}
	for _, tg := range in.Targets {
		if (tg.Target.Key == "control") != tg.Closed {
			t.Errorf("%s closed=%v", tg.Target.Key, tg.Closed)
		}
	}
	// Past its review date the acceptance no longer holds.
	in = find(BuildPlan(planCatalog(t), a, tr, nil, time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC)), "SR 1.1")
	if exp := in.ExpiredAcceptances(); len(exp) != 1 || exp[0].Target.Key != "control" || exp[0].Closed {
		t.Fatalf("expired acceptance: %+v", exp)
	}
	// A whole-initiative acceptance covers the targets it was made for.
	whole := Tracking{Requirement: "SR 1.1", Status: TrackRiskAccepted, Justification: "x", Covers: []string{"dmz", "control", "sis"}}
	if in = find(plan(t, a, map[string]Tracking{"SR 1.1": whole}, nil), "SR 1.1"); !in.Closed() {
		t.Fatal("a whole-initiative acceptance covering every target leaves it open")
	}
	// A target that becomes unmet later is not covered.
	a.Answers["office"]["SR 1.1"] = Answer{Status: No}
	in = find(plan(t, a, map[string]Tracking{"SR 1.1": whole}, nil), "SR 1.1")
	if in.Closed() || in.Targets[0].Target.Key != "office" || in.Targets[0].Closed {
		t.Fatalf("office became unmet after the acceptance: %+v", in.Targets[0])
	}
	if !whole.AcceptanceIncomplete() || accept.AcceptanceIncomplete() {
		t.Fatal("an acceptance without role and review date must be listed until both are given")
	}
}

func TestDoneAndAcceptedSortLast(t *testing.T) {
	tr := map[string]Tracking{
		"SR 1.1": {Requirement: "SR 1.1", Status: TrackRiskAccepted, Justification: "accepted", Covers: []string{"dmz", "control", "sis"}},
		"SR 1.2": {Requirement: "SR 1.2", Status: TrackDone},
	}
	p := plan(t, planAssessment(), tr, nil)
	n := len(p.Initiatives)
	if !p.Initiatives[n-1].Closed() || !p.Initiatives[n-2].Closed() || p.Initiatives[0].Closed() {
		t.Fatal("closed initiatives are not last")
	}
	for _, bad := range []Tracking{{Status: TrackRiskAccepted}, {Due: "31/12/2026"}, {Review: "tomorrow"}} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%+v validates", bad)
		}
	}
}

func TestYesClosesItsPartOfTheInitiative(t *testing.T) {
	a := planAssessment()
	a.Answers["control"]["SR 1.1"] = Answer{Status: Yes}
	in := find(plan(t, a, nil, nil), "SR 1.1")
	if strings.Join(targetKeys(in), ",") != "dmz,sis" {
		t.Fatalf("after yes in control: %v", targetKeys(in))
	}
	a.Answers["dmz"]["SR 1.1"] = Answer{Status: Compensating, Justification: "x"}
	a.Answers["sis"]["SR 1.1"] = Answer{Status: NA, Justification: "x"}
	if find(plan(t, a, nil, nil), "SR 1.1") != nil {
		t.Fatal("an initiative with every target satisfied is still planned")
	}
}

func TestProjects(t *testing.T) {
	a := planAssessment()
	a.Answers["control"]["SR 1.5"] = Answer{Status: No}
	p := plan(t, a, nil, nil)
	if in := find(p, "SR 1.1"); in.Project == nil || in.Project.ID != "identity" {
		t.Fatalf("SR 1.1 project %+v", in.Project)
	}
	if len(p.Projects) != 1 || p.Projects[0].Title != "Identity and passwords" {
		t.Fatalf("projects %+v", p.Projects)
	}
	// The assessor regroups SR 1.5 into a project of their own.
	a.Projects = []Project{{ID: "hmi", Title: "HMI upgrade"}}
	a.ProjectOf = map[string]string{"SR 1.5": "hmi", "SR 1.3": "hmi"}
	p = plan(t, a, nil, nil)
	if find(p, "SR 1.5").Project.ID != "hmi" || find(p, "SR 1.3").Project.Title != "HMI upgrade" || find(p, "SR 1.1").Project.ID != "identity" {
		t.Fatal("regrouping is not applied")
	}
}

func TestCommonFindingsStatus(t *testing.T) {
	c := planCatalog(t)
	c.SiteQuestions = []SiteQuestion{{ID: "SITE 1", Tags: []string{"no-incident-response"}}}
	a := planAssessment()
	a.SiteAnswers = Answers{"SITE 1": {Requirement: "SITE 1", Status: No}}
	p := BuildPlan(c, a, nil, nil, planNow)
	got := map[string]CommonFindingStatus{}
	for _, f := range CommonFindingsStatus(c, a, p) {
		got[f.Key] = f
	}
	if f := got["shared-credentials"]; f.State != FindingFound || len(f.Targets) != 3 || len(f.Initiatives) != 1 {
		t.Errorf("shared credentials: %+v", f)
	}
	if f := got["no-incident-response"]; f.State != FindingFound || !slices.Equal(f.Site, []string{"SITE 1"}) {
		t.Errorf("incident response (site question): %+v", f)
	}
	if got["no-ot-monitoring"].State != FindingNotAssessed {
		t.Errorf("monitoring with nothing answered: %s", got["no-ot-monitoring"].State)
	}
	a.Answers["control"]["SR 6.2"] = Answer{Status: Yes}
	for _, f := range CommonFindingsStatus(c, a, BuildPlan(c, a, nil, nil, planNow)) {
		if f.Key == "no-ot-monitoring" && f.State != FindingNotFound {
			t.Errorf("monitoring answered yes: %s", f.State)
		}
	}
}
