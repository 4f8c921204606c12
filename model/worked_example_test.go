package model_test

import (
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// TestWorkedExample checks one zone's FR1 against a computation done by hand
// on the built-in catalog.
//
// Zone "control", SL-T 2 for every FR. FR1 requirements that apply to zones:
//
//	sl 1: SR 1.1, 1.3, 1.4, 1.5, 1.6, 1.7, 1.10, 1.11, 1.12, 1.13   (10)
//	sl 2: SR 1.2, 1.8, 1.9, 1.1 RE 1, 1.6 RE 1, 1.13 RE 1          (6)
//	sl 3: SR 1.1 RE 2, 1.2 RE 1, 1.3 RE 1, 1.5 RE 1, 1.7 RE 1, 1.9 RE 1
//	sl 4: SR 1.1 RE 3, 1.7 RE 2
//
// Answers: every sl-1 item yes, except SR 1.7 compensating (a password vault
// enforces length) and SR 1.6 na (no wireless). At sl 2: SR 1.1 RE 1 yes,
// SR 1.2 no; the other four sl-2 items unanswered.
//
//	SL-A: all sl-1 items satisfied (yes/na/compensating) -> at least 1;
//	      SR 1.2 (sl 2) is "no" -> not 2. SL-A = 1.
//	Optimistic SL-A: unanswered counted as satisfied, SR 1.2 (sl 2) is
//	      still "no" -> 1. Provisional: min(1, C = 2) > 1 is false, so no
//	      answer to the open SL-2 questions can raise SL-A.
//	Compensated: SR 1.7 (sl 1 <= SL-A) is compensating -> "1c".
//	Gap: 2 - 1 = 1. Cell text "1c/2 -1", state gap.
//	Completeness: sl <= C = 2 gives 16 applicable; answered 10 + 2 = 12.
//
// FR5 with nothing answered: SL-A 0, optimistic 4, provisional, gap 2,
// completeness 0/6, not assessed: "?/2".
func TestWorkedExample(t *testing.T) {
	cat := questionnaires.Builtin()
	as := model.Answers{}
	set := func(id string, st model.Status) { as[id] = model.Answer{Requirement: id, Status: st} }
	for _, id := range []string{"SR 1.1", "SR 1.3", "SR 1.4", "SR 1.5", "SR 1.10", "SR 1.11", "SR 1.12", "SR 1.13"} {
		set(id, model.Yes)
	}
	set("SR 1.7", model.Compensating)
	set("SR 1.6", model.NA)
	set("SR 1.1 RE 1", model.Yes)
	set("SR 1.2", model.No)

	zone := model.Target{Kind: model.KindZone, Key: "control", SLT: model.Uniform(2)}
	got := cat.ScoreFR(zone, 1, as, model.ScopeSLT)
	want := model.FRScore{SLA: 1, SLT: 2, Gap: 1, Optimistic: 1, Ceiling: 2, Compensated: true, Assessed: true, Answered: 12, Applicable: 16}
	if got != want {
		t.Fatalf("FR1 = %+v, want %+v", got, want)
	}
	if c := got.Cell(); c != (model.Cell{Text: "1c/2 -1", State: model.StateGap}) {
		t.Fatalf("FR1 cell = %+v", c)
	}
	wide := cat.ScoreFR(zone, 1, as, model.ScopeSL4)
	if wide.Text() != "1c/2 -1" || wide.Answered != 12 || wide.Applicable != 24 || model.Percent(wide.Answered, wide.Applicable) != "50%" {
		t.Fatalf("FR1 widened = %+v %q", wide, wide.Text())
	}
	if model.Percent(got.Answered, got.Applicable) != "75%" {
		t.Fatalf("FR1 completeness %s", model.Percent(got.Answered, got.Applicable))
	}
	got5 := cat.ScoreFR(zone, 5, as, model.ScopeSLT)
	want5 := model.FRScore{SLA: 0, SLT: 2, Gap: 2, Optimistic: 4, Ceiling: 2, Provisional: true, Answered: 0, Applicable: 6}
	if got5 != want5 {
		t.Fatalf("FR5 = %+v, want %+v", got5, want5)
	}
	if c := got5.Cell(); c != (model.Cell{Text: "?/2", State: model.StateNotAssessed}) {
		t.Fatalf("FR5 cell = %+v", c)
	}
}
