package model_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

// A countermeasure past its review date raises compensating-review-expired
// and puts its answers on the interview's follow-up list (model.FollowUps); the answers and every cell's
// SL-A stay exactly as they were (SL-A never changes with the clock).
func TestCompensatingReviewExpired(t *testing.T) {
	cat := questionnaires.Builtin()
	a := model.SamplePlant(cat)
	if len(a.Countermeasures) != 1 {
		t.Fatalf("the demo has %d countermeasures, want 1", len(a.Countermeasures))
	}
	review, _ := time.Parse("2006-01-02", a.Countermeasures[0].Review)
	before := model.BuildMatrix(cat, a, model.ScopeSLT)
	if got := model.CompensatingReviewExpired(a, review); len(got) != 0 {
		t.Fatalf("on the review day itself: %+v", got)
	}
	late := review.AddDate(0, 0, 1)
	got := model.CompensatingReviewExpired(a, late)
	if len(got) != 1 {
		t.Fatalf("a day after the review date: %d findings, want 1", len(got))
	}
	f := got[0]
	if f.Rule != model.ReviewExpiredRule || f.Severity != model.SevWarning || f.Requirement != "SR 3.2" ||
		strings.Join(f.Targets, ",") != "supervisory,control" {
		t.Errorf("finding %+v", f)
	}
	for _, want := range []string{"K. Brandt (plant manager)", a.Countermeasures[0].Review, `SR 3.2 of "Control (Unit 1)" relies on it`} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q lacks %q", f.Message, want)
		}
	}
	var past []string
	for _, f := range model.FollowUps(cat, a, model.IndexEvidence(nil), late) {
		for _, r := range f.Reasons {
			if r == model.FollowReviewPast {
				past = append(past, f.Target.Key+" "+f.Requirement.ID)
			}
		}
	}
	if strings.Join(past, ",") != "control SR 3.2" {
		t.Errorf("answers on the follow-up list for a passed review: %v, want control SR 3.2", past)
	}
	for _, f := range model.FollowUps(cat, a, model.IndexEvidence(nil), review) {
		if slices.Contains(f.Reasons, model.FollowReviewPast) {
			t.Errorf("on the review day itself %s %s is listed", f.Target.Key, f.Requirement.ID)
		}
	}
	after := model.BuildMatrix(cat, a, model.ScopeSLT)
	for i := range before.Rows {
		for _, fr := range model.FRs {
			if b, c := before.Rows[i].Score.At(fr).Text(), after.Rows[i].Score.At(fr).Text(); b != c {
				t.Errorf("%s %s changed from %s to %s", before.Rows[i].Target.Key, fr, b, c)
			}
		}
	}
	if cell := after.Rows[3].Score.At(3).Text(); !strings.Contains(cell, "c") {
		t.Errorf("Control FR3 %q lacks the c marker of its countermeasure", cell)
	}
}

func TestCountermeasureValidate(t *testing.T) {
	ok := model.Countermeasure{Control: "Firewall in front of the PLCs", Review: "2027-01-31",
		Links: []model.CountermeasureLink{{Target: "control", Requirement: "SR 1.2", SL: 2}}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]model.Countermeasure{
		"no control":   {Control: "  "},
		"bad review":   {Control: "x", Review: "31.01.2027"},
		"bad level":    {Control: "x", Links: []model.CountermeasureLink{{Target: "control", Requirement: "SR 1.2", SL: 5}}},
		"linked twice": {Control: "x", Links: []model.CountermeasureLink{{Target: "c", Requirement: "SR 1.2"}, {Target: "c", Requirement: "SR 1.2"}}},
	} {
		if c.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
