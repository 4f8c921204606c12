package model

import "testing"

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
	}{
		{"nothing answered", ans(), 0, 2, true, 0},
		{"yes at SL1 only", ans("SR 1.1", "yes"), 1, 1, true, 1},
		{"partial is not satisfied", ans("SR 1.1", "partial", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 0, 2, false, 3},
		{"no blocks the level", ans("SR 1.1", "no", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 0, 2, false, 3},
		{"na satisfies", ans("SR 1.1", "na", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 2, 0, true, 3},
		{"compensating satisfies", ans("SR 1.1", "compensating", "SR 1.1 RE 1", "yes", "SR 1.2", "yes"), 2, 0, true, 3},
		{"explicit unanswered counts as unanswered", ans("SR 1.1", "unanswered"), 0, 2, true, 0},
		{"all to SL2, SL3 answered no", ans("SR 1.1", "yes", "SR 1.1 RE 1", "yes", "SR 1.2", "yes", "SR 1.1 RE 2", "no"), 2, 0, false, 3},
		{"SL2 item no, SL3 unanswered: not provisional", ans("SR 1.1", "yes", "SR 1.1 RE 1", "no", "SR 1.2", "yes"), 1, 1, false, 3},
		{"everything yes reaches 4", ans("SR 1.1", "yes", "SR 1.1 RE 1", "yes", "SR 1.2", "yes", "SR 1.1 RE 2", "yes", "SR 1.1 RE 3", "yes"), 4, 0, false, 3},
		{"over-achievement beyond SL-T", ans("SR 1.1", "yes", "SR 1.1 RE 1", "yes", "SR 1.2", "yes", "SR 1.1 RE 2", "yes"), 3, 0, true, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := c.ScoreFR(zone, 1, tc.answers)
			if s.SLA != tc.sla || s.Gap != tc.gap || s.Provisional != tc.provisional || s.Answered != tc.answered {
				t.Fatalf("got SL-A %d gap %d provisional %v answered %d; want %d %d %v %d",
					s.SLA, s.Gap, s.Provisional, s.Answered, tc.sla, tc.gap, tc.provisional, tc.answered)
			}
			if s.Applicable != 3 {
				t.Fatalf("applicable = %d, want 3 (sl <= 2 in a zone)", s.Applicable)
			}
		})
	}
}

func TestScoreSLTZero(t *testing.T) {
	c := tiny(t)
	zone := Target{Kind: KindZone, SLT: Uniform(0)}
	s := c.ScoreFR(zone, 1, ans())
	if s.Gap != 0 || s.SLT != 0 {
		t.Fatalf("SL-T 0 must never show a gap: %+v", s)
	}
	// Completeness still covers SL1 so "no target" zones can be interviewed.
	if s.Applicable != 1 || s.Answered != 0 {
		t.Fatalf("completeness over sl <= 1: got %d/%d, want 0/1", s.Answered, s.Applicable)
	}
	if got := c.InScope(KindZone, zone.SLT, 1, false); len(got) != 0 {
		t.Fatalf("SL-T 0 puts nothing in scope, got %d", len(got))
	}
	if got := c.InScope(KindZone, zone.SLT, 1, true); len(got) != 5 {
		t.Fatalf("the SL 4 toggle asks everything applicable, got %d", len(got))
	}
}

func TestConduitApplicability(t *testing.T) {
	c := tiny(t)
	cond := Target{Kind: KindConduit, SLT: Uniform(2)}
	s := c.ScoreFR(cond, 1, ans("SR 1.1", "yes", "SR 1.2", "yes"))
	// Only SR 1.1 and SR 1.2 apply to conduits in FR1; both satisfied and
	// nothing else applies, so the conduit reaches SL 4 vacuously.
	if s.SLA != 4 || s.Applicable != 2 || s.Answered != 2 || s.Provisional {
		t.Fatalf("conduit FR1: %+v", s)
	}
	if s5 := c.ScoreFR(Target{Kind: KindZone, SLT: Uniform(2)}, 5, nil); s5.Applicable != 0 || s5.SLA != 4 {
		t.Fatalf("SR 5.1 is conduit-only; zone FR5 has nothing applicable: %+v", s5)
	}
	if got := c.Unmet(cond, 1, ans("SR 1.1", "partial"), false); len(got) != 2 || got[0].ID != "SR 1.1" || got[1].ID != "SR 1.2" {
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
