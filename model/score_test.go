package model

import (
	"fmt"
	"testing"
)

// tiny is a five-requirement FR1 catalog small enough to reason about by hand.
func tiny(t testing.TB) *Catalog {
	t.Helper()
	reqs := []Requirement{
		{ID: "SR 1.1", FR: 1, SL: 1, AppliesTo: AppliesBoth},
		{ID: "SR 1.1 RE 1", FR: 1, SL: 2, AppliesTo: AppliesZone, Parent: "SR 1.1"},
		{ID: "SR 1.2", FR: 1, SL: 2, AppliesTo: AppliesBoth},
		{ID: "SR 1.1 RE 2", FR: 1, SL: 3, AppliesTo: AppliesZone, Parent: "SR 1.1"},
		{ID: "SR 1.1 RE 3", FR: 1, SL: 4, AppliesTo: AppliesZone, Parent: "SR 1.1"},
		{ID: "SR 5.1", FR: 5, SL: 1, AppliesTo: AppliesConduit},
	}
	c, err := NewCatalog("tiny", "1", "", "", reqs)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ans(pairs ...string) Answers {
	as := Answers{}
	for i := 0; i+1 < len(pairs); i += 2 {
		as[pairs[i]] = Answer{Requirement: pairs[i], Status: Status(pairs[i+1])}
	}
	return as
}

func TestScoreFRStatuses(t *testing.T) {
	c := tiny(t)
	zone := Target{Kind: KindZone, Key: "z", SLT: Uniform(2)}
	cases := []struct {
		name        string
		answers     Answers
		sla, gap    Level
		provisional bool
		answered    int
		text        string
	}{
		{"nothing answered", ans(), 0, 2, true, 0, "?/2"},
		{"yes at SL1 only", ans("SR 1.1", "yes"), 1, 1, true, 1, "1*/2 -1"},
		{"partial is not satisfied", ans("SR 1.1", "partial", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 0, 2, false, 3, "0/2 -2"},
		{"no blocks the level", ans("SR 1.1", "no", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 0, 2, false, 3, "0/2 -2"},
		{"na satisfies", ans("SR 1.1", "na", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 2, 0, false, 3, "2/2 ok"},
		{"compensating satisfies and marks c", ans("SR 1.1", "compensating", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 2, 0, false, 3, "2c/2 ok"},
		{"explicit unanswered counts as unanswered", ans("SR 1.1", "unanswered"), 0, 2, true, 0, "?/2"},
		{"all to SL2, SL3 answered no", ans("SR 1.1", "yes", "SR 1.1 RE 1", "yes", "SR 1.2", "yes", "SR 1.1 RE 2", "no"), 2, 0, false, 3, "2/2 ok"},
		{"no at SL-A+1 blocks provisional", ans("SR 1.1", "yes", "SR 1.1 RE 1", "no"), 1, 1, false, 2, "1/2 -1"},
		{"partial at SL-A+1 blocks provisional", ans("SR 1.1", "yes", "SR 1.2", "partial"), 1, 1, false, 2, "1/2 -1"},
		{"no above the ceiling does not block", ans("SR 1.1", "yes", "SR 1.1 RE 2", "no"), 1, 1, true, 1, "1*/2 -1"},
		{"everything yes reaches 4", ans("SR 1.1", "yes", "SR 1.1 RE 1", "yes", "SR 1.2", "yes", "SR 1.1 RE 2", "yes", "SR 1.1 RE 3", "yes"), 4, 0, false, 3, "4/2 ok"},
		{"at target is never provisional in the default scope", ans("SR 1.1", "yes", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 2, 0, false, 3, "2/2 ok"},
		{"compensating above SL-A does not mark c", ans("SR 1.1", "yes", "SR 1.1 RE 1", "compensating", "SR 1.2", "no"), 1, 1, false, 3, "1/2 -1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := c.ScoreFR(zone, 1, tc.answers, ScopeSLT)
			if s.SLA != tc.sla || s.Gap != tc.gap || s.Provisional != tc.provisional || s.Answered != tc.answered {
				t.Fatalf("got SL-A %d gap %d provisional %v answered %d; want %d %d %v %d",
					s.SLA, s.Gap, s.Provisional, s.Answered, tc.sla, tc.gap, tc.provisional, tc.answered)
			}
			if s.Applicable != 3 {
				t.Fatalf("applicable = %d, want 3 (sl <= 2 in a zone)", s.Applicable)
			}
			if got := s.Text(); got != tc.text {
				t.Fatalf("text %q, want %q", got, tc.text)
			}
		})
	}
}

func TestWidenedScope(t *testing.T) {
	c := tiny(t)
	zone := Target{Kind: KindZone, Key: "z", SLT: Uniform(2)}
	atTarget := ans("SR 1.1", "yes", "SR 1.1 RE 1", "yes", "SR 1.2", "yes")
	def := c.ScoreFR(zone, 1, atTarget, ScopeSLT)
	wide := c.ScoreFR(zone, 1, atTarget, ScopeSL4)
	if def.Text() != "2/2 ok" || def.Provisional {
		t.Fatalf("default scope: %q", def.Text())
	}
	// SL 3 and 4 items are unanswered: in the widened scope they could still
	// raise SL-A, so the cell at target is provisional.
	if wide.Text() != "2*/2 ok" || wide.State() != StateAtTarget {
		t.Fatalf("widened scope: %q %s", wide.Text(), wide.State())
	}
	if wide.SLA != def.SLA || wide.Gap != def.Gap {
		t.Fatal("SL-A and gap must not depend on the scope")
	}
	if wide.Applicable != 5 || wide.Answered != 3 || def.Applicable != 3 {
		t.Fatalf("completeness over sl <= C: default %d/%d, widened %d/%d", def.Answered, def.Applicable, wide.Answered, wide.Applicable)
	}
}

func TestAllNA(t *testing.T) {
	c := tiny(t)
	zone := Target{Kind: KindZone, Key: "z", SLT: Uniform(2)}
	s := c.ScoreFR(zone, 1, ans("SR 1.1", "na", "SR 1.1 RE 1", "na", "SR 1.2", "na"), ScopeSLT)
	if !s.AllNA || s.Text() != "n/a" || s.State() != StateAtTarget {
		t.Fatalf("all n/a: %+v %q %s", s, s.Text(), s.State())
	}
	// SL-A is computed: SL 3 is unanswered, so 2, not 4.
	if s.SLA != 2 || s.Gap != 0 {
		t.Fatalf("all n/a: SL-A %d gap %d, want 2 and 0", s.SLA, s.Gap)
	}
	// In the widened scope S reaches SL 4, where nothing is answered n/a.
	if w := c.ScoreFR(zone, 1, ans("SR 1.1", "na", "SR 1.1 RE 1", "na", "SR 1.2", "na"), ScopeSL4); w.AllNA {
		t.Fatal("widened: SL 3 and 4 are unanswered, so not all n/a")
	}
}

func TestSLTZero(t *testing.T) {
	c := tiny(t)
	zone := Target{Kind: KindZone, SLT: Uniform(0)}
	s := c.ScoreFR(zone, 1, ans(), ScopeSLT)
	if s.Gap != 0 || s.State() != StateNoTarget || s.Text() != "?/-" {
		t.Fatalf("SL-T 0, nothing answered: %+v %q", s, s.Text())
	}
	// Nothing to complete in the default scope: left out of every total.
	if s.Applicable != 0 || Percent(s.Answered, s.Applicable) != "—" {
		t.Fatalf("completeness of an FR with SL-T 0: %d/%d", s.Answered, s.Applicable)
	}
	s = c.ScoreFR(zone, 1, ans("SR 1.1", "yes"), ScopeSLT)
	if s.Text() != "1/-" || s.State() != StateNoTarget || s.Provisional {
		t.Fatalf("SL-T 0, SL 1 answered: %+v %q", s, s.Text())
	}
	if got := c.InScope(KindZone, zone.SLT, 1, ScopeSLT); len(got) != 0 {
		t.Fatalf("SL-T 0 puts nothing in scope, got %d", len(got))
	}
	if got := c.InScope(KindZone, zone.SLT, 1, ScopeSL4); len(got) != 5 {
		t.Fatalf("the widened scope asks everything applicable, got %d", len(got))
	}
	// A target whose every FR has SL-T 0 is not counted in M.
	m := Matrix{Rows: []MatrixRow{{Target: zone, Score: c.Score(zone, ans("SR 1.1", "yes"), ScopeSLT)}}}
	if p := m.Summary(); p.WithTarget != 0 || p.AtTarget != 0 || p.Targets != 1 {
		t.Fatalf("summary with only SL-T 0: %+v", p)
	}
}

func TestNoApplicableRequirement(t *testing.T) {
	c := tiny(t)
	// FR5 has only SR 5.1, which applies to conduits: a zone has S empty.
	zone := Target{Kind: KindZone, SLT: Uniform(2)}
	s := c.ScoreFR(zone, 5, nil, ScopeSLT)
	if !s.Assessed || !s.AllNA || s.Text() != "n/a" || s.State() != StateAtTarget || s.SLA != 4 || s.Applicable != 0 {
		t.Fatalf("no applicable requirement: %+v %q %s", s, s.Text(), s.State())
	}
}

func TestUnassessedIsNeverAGap(t *testing.T) {
	c := tiny(t)
	zone := Target{Kind: KindZone, Key: "a", SLT: Uniform(2)}
	gap := Target{Kind: KindZone, Key: "b", SLT: Uniform(2)}
	m := Matrix{Rows: []MatrixRow{
		{Target: zone, Score: c.Score(zone, ans(), ScopeSLT)},
		{Target: gap, Score: c.Score(gap, ans("SR 1.1", "no"), ScopeSLT)},
	}}
	if st := m.Rows[0].Score.At(1).State(); st != StateNotAssessed {
		t.Fatalf("nothing answered: %s", st)
	}
	worst := m.WorstGaps(0)
	if len(worst) != 1 || worst[0].Target.Key != "b" || worst[0].FR != 1 {
		t.Fatalf("largest gaps: %+v", worst)
	}
	p := m.Summary()
	if p.GapCells != 1 || p.GapTargets != 1 || p.AtTarget != 0 || p.WithTarget != 2 {
		t.Fatalf("summary: %+v", p)
	}
	if s := m.Rows[0].Summary(); s.GapCells != 0 || s.MaxGap != 0 || s.Text() != "?" {
		t.Fatalf("unassessed target summary: %+v %q", s, s.Text())
	}
}

func TestWorstGapsOrder(t *testing.T) {
	c := tiny(t)
	mk := func(key string, as Answers) MatrixRow {
		tg := Target{Kind: KindZone, Key: key, SLT: Uniform(3)}
		return MatrixRow{Target: tg, Score: c.Score(tg, as, ScopeSLT)}
	}
	m := Matrix{Rows: []MatrixRow{
		mk("prov2", ans("SR 1.1", "yes")), // 1*/3 -2
		mk("conf1", ans("SR 1.1", "yes", "SR 1.1 RE 1", "yes", "SR 1.2", "yes", "SR 1.1 RE 2", "no")), // 2/3 -1
		mk("conf2", ans("SR 1.1", "yes", "SR 1.2", "no")),                                             // 1/3 -2
		mk("conf3", ans("SR 1.1", "no")),                                                              // 0/3 -3
	}}
	var got []string
	for _, g := range m.WorstGaps(0) {
		got = append(got, g.Target.Key+" "+g.Score.Text())
	}
	want := []string{"conf3 0/3 -3", "conf2 1/3 -2", "prov2 1*/3 -2", "conf1 2/3 -1"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("worst gaps %v, want %v", got, want)
	}
	if n := len(m.WorstGaps(2)); n != 2 {
		t.Fatalf("WorstGaps(2) gave %d", n)
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		a, p int
		want string
	}{{0, 0, "—"}, {0, 5, "0%"}, {199, 200, "99%"}, {2, 3, "66%"}, {5, 5, "100%"}} {
		if got := Percent(tc.a, tc.p); got != tc.want {
			t.Errorf("Percent(%d, %d) = %q, want %q", tc.a, tc.p, got, tc.want)
		}
	}
}

func TestConduitApplicability(t *testing.T) {
	c := tiny(t)
	cond := Target{Kind: KindConduit, SLT: Uniform(2)}
	s := c.ScoreFR(cond, 1, ans("SR 1.1", "yes", "SR 1.2", "yes"), ScopeSLT)
	// Only SR 1.1 and SR 1.2 apply to conduits in FR1; both satisfied and
	// nothing else applies, so the conduit reaches SL 4 vacuously.
	if s.SLA != 4 || s.Applicable != 2 || s.Answered != 2 || s.Provisional {
		t.Fatalf("conduit FR1: %+v", s)
	}
	if got := c.Unmet(cond, 1, ans("SR 1.1", "partial"), ScopeSLT); len(got) != 2 || got[0].ID != "SR 1.1" || got[1].ID != "SR 1.2" {
		t.Fatalf("unmet in scope: %v", got)
	}
}

func TestSLVectorParse(t *testing.T) {
	v, err := ParseSLVector("2")
	if err != nil || v != Uniform(2) {
		t.Fatalf("uniform: %v %v", v, err)
	}
	v, err = ParseSLVector("1,2,3,4,0,1,2")
	if err != nil || v.At(3) != 3 || v.At(5) != 0 || v.String() != "1,2,3,4,0,1,2" {
		t.Fatalf("vector: %v %v", v, err)
	}
	for _, bad := range []string{"5", "1,2", "-1", "a,b,c,d,e,f,g", ""} {
		if _, err := ParseSLVector(bad); err == nil {
			t.Errorf("%q should be refused", bad)
		}
	}
}

func TestAnswerValidate(t *testing.T) {
	for _, st := range []Status{NA, Compensating} {
		if err := (Answer{Status: st, Justification: "  \n"}).Validate(); err == nil {
			t.Errorf("%s without justification must be refused", st)
		}
		if err := (Answer{Status: st, Justification: "no wireless here"}).Validate(); err != nil {
			t.Errorf("%s with justification: %v", st, err)
		}
	}
	if err := (Answer{Status: "maybe"}).Validate(); err == nil {
		t.Error("unknown status accepted")
	}
	if _, err := ParseStatus(""); err == nil {
		t.Error("empty status must not parse")
	}
}

func TestSnapshotIsIndependent(t *testing.T) {
	a := &Assessment{Zones: []Zone{{Key: "z", Assets: []Asset{{Name: "PLC"}}}},
		Answers: map[string]Answers{"z": {"SR 1.1": {Status: Yes}}}, Tracking: map[string]Tracking{"SR 1.1": {Owner: "x"}}}
	c := a.Snapshot()
	a.Zones[0].Assets[0].Name = "changed"
	a.Answers["z"] = Answers{"SR 1.1": {Status: No}} // writers replace a target's map
	a.Tracking["SR 1.1"] = Tracking{Owner: "y"}
	delete(a.Answers, "z")
	if c.Zones[0].Assets[0].Name != "PLC" || c.Answers["z"]["SR 1.1"].Status != Yes || c.Tracking["SR 1.1"].Owner != "x" {
		t.Fatal("the snapshot changed with the original")
	}
}
