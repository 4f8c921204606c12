package model_test

import (
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

// naive is DESIGN §2 read literally, level by level, as the oracle.
func naive(cat *model.Catalog, t model.Target, fr model.FR, as model.Answers) (sla model.Level, provisional bool) {
	reqs := cat.Applicable(t.Kind, fr)
	for l := model.Level(1); l <= model.MaxLevel; l++ {
		ok := true
		for _, r := range reqs {
			if r.SL <= l && !as.Status(r.ID).Satisfied() {
				ok = false
			}
		}
		if !ok {
			break
		}
		sla = l
	}
	for _, r := range reqs {
		if r.SL <= sla+1 && !as.Status(r.ID).Answered() {
			provisional = true
		}
	}
	return sla, provisional
}

func TestScoreMatchesDefinition(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg := genTarget(rt)
		as := genAnswers(rt, cat)
		for _, fr := range model.FRs {
			s := cat.ScoreFR(tg, fr, as)
			sla, prov := naive(cat, tg, fr, as)
			if s.SLA != sla || s.Provisional != prov {
				rt.Fatalf("%v: SL-A %d provisional %v, definition gives %d %v", fr, s.SLA, s.Provisional, sla, prov)
			}
			if s.Answered > s.Applicable || s.Gap != max(0, s.SLT-s.SLA) {
				rt.Fatalf("%v: inconsistent score %+v", fr, s)
			}
		}
	})
}

func TestSatisfyingMoreNeverLowersSLA(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg := genTarget(rt)
		as := genAnswers(rt, cat)
		r := rapid.SampledFrom(cat.Requirements).Draw(rt, "req")
		before := cat.Score(tg, as)
		after := model.Answers{}
		for k, v := range as {
			after[k] = v
		}
		after[r.ID] = model.Answer{Requirement: r.ID,
			Status: rapid.SampledFrom([]model.Status{model.Yes, model.NA, model.Compensating}).Draw(rt, "sat")}
		got := cat.Score(tg, after)
		for i := range got {
			if got[i].SLA < before[i].SLA {
				rt.Fatalf("FR%d: satisfying %s lowered SL-A %d -> %d", i+1, r.ID, before[i].SLA, got[i].SLA)
			}
		}
	})
}

func TestRaisingSLTNeverLowersGap(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg := genTarget(rt)
		as := genAnswers(rt, cat)
		fr := model.FR(rapid.IntRange(1, 7).Draw(rt, "fr"))
		before := cat.ScoreFR(tg, fr, as)
		up := tg
		up.SLT = tg.SLT.With(fr, model.Level(rapid.IntRange(int(tg.SLT.At(fr)), 4).Draw(rt, "up")))
		after := cat.ScoreFR(up, fr, as)
		if after.Gap < before.Gap {
			rt.Fatalf("raising SL-T %d -> %d lowered gap %d -> %d", tg.SLT.At(fr), up.SLT.At(fr), before.Gap, after.Gap)
		}
	})
}

func TestSLANeverExceedsFullySatisfiedLevel(t *testing.T) {
	cat := questionnaires.Builtin()
	rapid.Check(t, func(rt *rapid.T) {
		tg := genTarget(rt)
		as := genAnswers(rt, cat)
		for _, fr := range model.FRs {
			s := cat.ScoreFR(tg, fr, as)
			for _, r := range cat.Applicable(tg.Kind, fr) {
				if r.SL <= s.SLA && !as.Status(r.ID).Satisfied() {
					rt.Fatalf("%v: SL-A %d but %s (sl %d) is %s", fr, s.SLA, r.ID, r.SL, as.Status(r.ID))
				}
			}
		}
	})
}
