package model_test

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"slate/model"
	"slate/questionnaires"
)

// genAnswers draws a random answer set over the built-in catalog.
func genAnswers(t *rapid.T, cat *model.Catalog) model.Answers {
	as := model.Answers{}
	for _, r := range cat.Requirements {
		st := rapid.SampledFrom(model.Statuses).Draw(t, r.ID)
		if st != model.Unanswered {
			as[r.ID] = model.Answer{Requirement: r.ID, Status: st}
		}
	}
	return as
}

func genTarget(t *rapid.T) model.Target {
	kind := rapid.SampledFrom([]model.TargetKind{model.KindZone, model.KindConduit}).Draw(t, "kind")
	var slt model.SLVector
	for i := range slt {
		slt[i] = model.Level(rapid.IntRange(0, 4).Draw(t, "slt"))
	}
	return model.Target{Kind: kind, Key: "t", SLT: slt}
}

func genScope(t *rapid.T) model.Scope {
	return rapid.SampledFrom([]model.Scope{model.ScopeSLT, model.ScopeSL4}).Draw(t, "scope")
}

// genCase draws a target, its answers and a scope.
func genCase(t *rapid.T, cat *model.Catalog) (model.Target, model.Answers, model.Scope) {
	return genTarget(t), genAnswers(t, cat), genScope(t)
}

// naive is the definition of docs/scoring.md read literally, level by
// level, as the oracle.
func naive(cat *model.Catalog, t model.Target, fr model.FR, as model.Answers, scope model.Scope) model.FRScore {
	reqs := cat.Applicable(t.Kind, fr)
	reach := func(ok func(model.Status) bool) model.Level {
		var l model.Level
		for next := model.Level(1); next <= model.MaxLevel; next++ {
			for _, r := range reqs {
				if r.SL <= next && !ok(as.Status(r.ID)) {
					return l
				}
			}
			l = next
		}
		return l
	}
	s := model.FRScore{SLT: t.SLT.At(fr)}
	s.SLA = reach(model.Status.Satisfied)
	s.Optimistic = reach(func(st model.Status) bool { return st != model.No && st != model.Partial })
	s.Ceiling = s.SLT
	if scope == model.ScopeSL4 {
		s.Ceiling = 4
	}
	s.Provisional = min(s.Optimistic, s.Ceiling) > s.SLA
	s.Gap = max(0, s.SLT-s.SLA)
	var inS, answeredInS, naInS int
	for _, r := range reqs {
		st := as.Status(r.ID)
		if st == model.Compensating && r.SL <= s.SLA {
			s.Compensated = true
		}
		if r.SL <= max(s.Ceiling, 1) {
			inS++
			if st.Answered() {
				answeredInS++
			}
			if st == model.NA {
				naInS++
			}
		}
		if r.SL <= s.Ceiling {
			s.Applicable++
			if st.Answered() {
				s.Answered++
			}
		}
	}
	s.Assessed = inS == 0 || answeredInS > 0
	s.AllNA = naInS == inS
	return s
}

func TestScoreMatchesDefinition(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg, as, scope := genCase(rt, cat)
		for _, fr := range model.FRs {
			got := cat.ScoreFR(tg, fr, as, scope)
			if want := naive(cat, tg, fr, as, scope); got != want {
				rt.Fatalf("%v: got %+v, definition gives %+v", fr, got, want)
			}
		}
	})
}

func TestSatisfyingMoreNeverLowersSLA(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg, as, scope := genCase(rt, cat)
		r := rapid.SampledFrom(cat.Requirements).Draw(rt, "req")
		before := cat.Score(tg, as, scope)
		after := with(as, r.ID, rapid.SampledFrom([]model.Status{model.Yes, model.NA, model.Compensating}).Draw(rt, "sat"))
		got := cat.Score(tg, after, scope)
		for i := range got {
			if got[i].SLA < before[i].SLA {
				rt.Fatalf("FR%d: satisfying %s lowered SL-A %d -> %d", i+1, r.ID, before[i].SLA, got[i].SLA)
			}
		}
	})
}

func with(as model.Answers, id string, st model.Status) model.Answers {
	out := make(model.Answers, len(as)+1)
	for k, v := range as {
		out[k] = v
	}
	out[id] = model.Answer{Requirement: id, Status: st}
	return out
}

func TestRaisingSLTNeverLowersGap(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg, as, scope := genCase(rt, cat)
		fr := model.FR(rapid.IntRange(1, 7).Draw(rt, "fr"))
		before := cat.ScoreFR(tg, fr, as, scope)
		up := tg
		up.SLT = tg.SLT.With(fr, model.Level(rapid.IntRange(int(tg.SLT.At(fr)), 4).Draw(rt, "up")))
		after := cat.ScoreFR(up, fr, as, scope)
		if after.Gap < before.Gap {
			rt.Fatalf("raising SL-T %d -> %d lowered gap %d -> %d", tg.SLT.At(fr), up.SLT.At(fr), before.Gap, after.Gap)
		}
	})
}

// TestCellInvariants checks the properties of docs/scoring.md that hold for
// every cell: optimistic SL-A >= SL-A; all_na implies gap 0; provisional
// implies not at target in the default scope; SL-A never exceeds the fully
// satisfied level; the text and the state agree.
func TestCellInvariants(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg, as, scope := genCase(rt, cat)
		for _, fr := range model.FRs {
			s := cat.ScoreFR(tg, fr, as, scope)
			if s.Optimistic < s.SLA {
				rt.Fatalf("%v: optimistic %d < SL-A %d", fr, s.Optimistic, s.SLA)
			}
			if s.AllNA && s.Gap != 0 {
				rt.Fatalf("%v: all n/a with gap %d", fr, s.Gap)
			}
			if scope == model.ScopeSLT && s.Provisional && s.State() == model.StateAtTarget {
				rt.Fatalf("%v: provisional and at target in the default scope: %+v", fr, s)
			}
			for _, r := range cat.Applicable(tg.Kind, fr) {
				if r.SL <= s.SLA && !as.Status(r.ID).Satisfied() {
					rt.Fatalf("%v: SL-A %d but %s (sl %d) is %s", fr, s.SLA, r.ID, r.SL, as.Status(r.ID))
				}
			}
			text, state := s.Text(), s.State()
			switch {
			case state == model.StateGap && !strings.HasSuffix(text, fmt.Sprintf(" -%d", s.Gap)):
				rt.Fatalf("%v: gap cell reads %q", fr, text)
			case state == model.StateNotAssessed && text != fmt.Sprintf("?/%d", s.SLT):
				rt.Fatalf("%v: not assessed cell reads %q", fr, text)
			case state == model.StateAtTarget && text != "n/a" && !strings.HasSuffix(text, " ok"):
				rt.Fatalf("%v: at-target cell reads %q", fr, text)
			case state == model.StateNoTarget && text != "n/a" && !strings.HasSuffix(text, "/-"):
				rt.Fatalf("%v: no-target cell reads %q", fr, text)
			}
			if len(text) > model.MaxCellWidth {
				rt.Fatalf("%v: %q is wider than MaxCellWidth", fr, text)
			}
		}
	})
}

func TestAnsweringNeverUnassesses(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg, as, scope := genCase(rt, cat)
		r := rapid.SampledFrom(cat.Requirements).Draw(rt, "req")
		if as.Status(r.ID).Answered() {
			return
		}
		st := rapid.SampledFrom(model.Statuses[1:]).Draw(rt, "status")
		before := cat.Score(tg, as, scope)
		after := cat.Score(tg, with(as, r.ID, st), scope)
		for i := range after {
			if before[i].Assessed && !after[i].Assessed {
				rt.Fatalf("FR%d: answering %s %s made an assessed cell not assessed", i+1, r.ID, st)
			}
		}
	})
}
