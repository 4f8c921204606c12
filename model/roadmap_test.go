package model

import (
	"strings"
	"testing"
	"time"
)

// planCatalog: three FR1 requirements with different levels and feasibility.
func planCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := NewCatalog("plan", "1", "", "", []Requirement{
		{ID: "SR 1.1", FR: 1, SL: 1, AppliesTo: AppliesBoth, Effort: EffortLow, Tags: []string{"shared-credentials"}},
		{ID: "SR 1.2", FR: 1, SL: 2, AppliesTo: AppliesBoth, Effort: EffortHigh, Outage: true, Vendor: true},
		{ID: "SR 1.3", FR: 1, SL: 1, AppliesTo: AppliesZone, Effort: EffortMedium},
		{ID: "SR 1.4", FR: 1, SL: 3, AppliesTo: AppliesZone, Effort: EffortMedium},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var planNow = time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)

func planAssessment() *Assessment {
	return &Assessment{
		Zones: []Zone{
			{Key: "office", Name: "Office", Type: "enterprise", SLT: Uniform(1)},
			{Key: "dmz", Name: "DMZ", Type: "dmz", SLT: Uniform(2)},
			{Key: "control", Name: "Control", Type: "control", SLT: Uniform(2)},
			{Key: "sis", Name: "SIS", Type: "safety", SLT: Uniform(3)},
		},
		Conduits: []Conduit{{Key: "office-dmz", Name: "Office - DMZ", From: "office", To: "dmz", SLT: Uniform(2)}},
		Answers: map[string]Answers{
			"control": {"SR 1.1": {Status: No}, "SR 1.2": {Status: No}, "SR 1.3": {Status: Partial}},
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

func TestPlanGroupsOneInitiativePerRequirement(t *testing.T) {
	p := BuildPlan(planCatalog(t), planAssessment(), nil, nil, planNow)
	in := find(p, "SR 1.1")
	if in == nil || strings.Join(targetKeys(in), ",") != "dmz,control,sis" {
		t.Fatalf("SR 1.1 should span dmz, control and sis: %v", in)
	}
	if find(p, "SR 1.2") == nil || len(find(p, "SR 1.2").Targets) != 1 {
		t.Fatal("SR 1.2: only control is in scope (office SL-T 1 < sl 2)")
	}
	if len(p.Initiatives) != 4 {
		t.Fatalf("%d initiatives, want 4 (1.1, 1.2, 1.3, 1.4)", len(p.Initiatives))
	}
	if p.Unanswered == 0 {
		t.Fatal("unanswered in-scope requirements are not counted")
	}
	for _, in := range p.Initiatives {
		for _, tg := range in.Targets {
			if tg.Status != No && tg.Status != Partial {
				t.Fatalf("%s lists %s with status %s", in.Requirement.ID, tg.Target.Key, tg.Status)
			}
		}
	}
}

func TestPlanScoreFactors(t *testing.T) {
	p := BuildPlan(planCatalog(t), planAssessment(), nil, nil, planNow)
	// SR 1.1: sl 1 missing in SIS (SL-T 3): basic 10*(3-1+1)=30; highest
	// SL-T 3: +15; DMZ boundary +15; safety +15; common finding +10; two
	// more targets +4; low effort: no deduction. Total 89.
	in := find(p, "SR 1.1")
	if in.Score != 89 {
		t.Fatalf("SR 1.1 score %d, want 89:\n%s", in.Score, in.Why())
	}
	for _, want := range []string{"basic: an SL 1 requirement missing where SL-T is 3 (SIS)", "IT/OT boundary: DMZ", "safety system: SIS", "common finding: shared or default credentials", "= 89"} {
		if !strings.Contains(in.Why(), want) {
			t.Errorf("why-first text lacks %q:\n%s", want, in.Why())
		}
	}
	// SR 1.2: sl 2 in control SL-T 2: 10; SL-T 2: +10; high effort -20,
	// outage -10, vendor -5. Total -15.
	if got := find(p, "SR 1.2").Score; got != -15 {
		t.Fatalf("SR 1.2 score %d, want -15:\n%s", got, find(p, "SR 1.2").Why())
	}
	// SR 1.3 is partial everywhere it is unmet: -5 for partial.
	if !strings.Contains(find(p, "SR 1.3").Why(), "partly in place") {
		t.Fatal("partial answers do not lower the priority")
	}
}

func TestPlanOrderAndPhases(t *testing.T) {
	p := BuildPlan(planCatalog(t), planAssessment(), nil, nil, planNow)
	var ids []string
	for _, in := range p.Initiatives {
		ids = append(ids, in.Requirement.ID+":"+in.Phase.Key())
	}
	// SR 1.1 low effort: a quick win now. SR 1.4 (sl 3 in SIS, medium): 10+15+15-10=30 → 3-12.
	// SR 1.3 (control, partial, medium): 20+10-5-10=15 → 12-24. SR 1.2: -15 → 12-24.
	want := "SR 1.1:now,SR 1.4:3-12,SR 1.3:12-24,SR 1.2:12-24"
	if got := strings.Join(ids, ","); got != want {
		t.Fatalf("order %s, want %s", got, want)
	}
	for i := 1; i < len(p.Initiatives); i++ {
		a, b := p.Initiatives[i-1], p.Initiatives[i]
		if a.Phase > b.Phase || a.Phase == b.Phase && a.Score < b.Score {
			t.Fatalf("%s before %s breaks phase/score order", a.Requirement.ID, b.Requirement.ID)
		}
	}
}

func TestOutageGoesIntoTheNextWindow(t *testing.T) {
	windows := []Window{
		{Name: "Past", Date: "2026-01-10"},
		{Name: "Turnaround", Date: "2027-06-01"},
		{Name: "Spring", Date: "2026-04-20"},
	}
	p := BuildPlan(planCatalog(t), planAssessment(), nil, windows, planNow)
	in := find(p, "SR 1.2") // needs an outage; planned 12-24 months → first window after 2027-03-05
	if in.Window == nil || in.Window.Name != "Turnaround" || in.Phase != PhaseLate {
		t.Fatalf("SR 1.2 window %v phase %v (%s)", in.Window, in.Phase, in.PhaseWhy)
	}
	// Set to "now" by the assessor: the next window after today is Spring.
	tr := map[string]Tracking{"SR 1.2": {Phase: PhaseNow}}
	in = find(BuildPlan(planCatalog(t), planAssessment(), tr, windows, planNow), "SR 1.2")
	if in.Window == nil || in.Window.Name != "Spring" || in.Phase != PhaseNow {
		t.Fatalf("with phase now: window %v phase %v", in.Window, in.Phase)
	}
	// An outage override on a quick win moves it into a window, and the
	// window's date decides the phase.
	yes := true
	tr = map[string]Tracking{"SR 1.1": {Outage: &yes}}
	in = find(BuildPlan(planCatalog(t), planAssessment(), tr, windows[2:], planNow), "SR 1.1")
	if !in.Outage || in.Window == nil || in.Window.Name != "Spring" || !strings.Contains(in.Why(), "(your estimate)") {
		t.Fatalf("outage override: %+v\n%s", in, in.Why())
	}
	// No window at all: said plainly.
	in = find(BuildPlan(planCatalog(t), planAssessment(), nil, nil, planNow), "SR 1.2")
	if in.Window != nil || !strings.Contains(in.PhaseWhy, "no maintenance window") {
		t.Fatalf("without windows: %s", in.PhaseWhy)
	}
}

func TestYesClosesItsPartOfTheInitiative(t *testing.T) {
	a := planAssessment()
	a.Answers["control"]["SR 1.1"] = Answer{Status: Yes}
	in := find(BuildPlan(planCatalog(t), a, nil, nil, planNow), "SR 1.1")
	if strings.Join(targetKeys(in), ",") != "dmz,sis" {
		t.Fatalf("after yes in control: %v", targetKeys(in))
	}
	a.Answers["dmz"]["SR 1.1"] = Answer{Status: Compensating, Justification: "x"}
	a.Answers["sis"]["SR 1.1"] = Answer{Status: NA, Justification: "x"}
	if find(BuildPlan(planCatalog(t), a, nil, nil, planNow), "SR 1.1") != nil {
		t.Fatal("an initiative with every target satisfied is still planned")
	}
}

func TestRiskAcceptedAndDoneSortLast(t *testing.T) {
	tr := map[string]Tracking{
		"SR 1.1": {Status: TrackRiskAccepted, Justification: "accepted by the plant manager", Owner: "R. Patel"},
		"SR 1.2": {Status: TrackDone},
	}
	p := BuildPlan(planCatalog(t), planAssessment(), tr, nil, planNow)
	n := len(p.Initiatives)
	last := p.Initiatives[n-2:]
	if !last[0].Closed() || !last[1].Closed() || p.Initiatives[0].Closed() {
		t.Fatalf("closed initiatives are not last: %v %v", last[0].Requirement.ID, last[1].Requirement.ID)
	}
	if in := find(p, "SR 1.1"); in.Tracking.Owner != "R. Patel" || in.Tracking.Status != TrackRiskAccepted {
		t.Fatalf("tracking not attached: %+v", in.Tracking)
	}
	if err := (Tracking{Status: TrackRiskAccepted}).Validate(); err == nil {
		t.Fatal("risk accepted without justification validates")
	}
	if err := (Tracking{Due: "31/12/2026"}).Validate(); err == nil {
		t.Fatal("bad due date validates")
	}
}
