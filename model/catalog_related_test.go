package model_test

import (
	"slices"
	"testing"

	"slate/model"
	"slate/questionnaires"
)

func TestEnhancementsOfAnSR(t *testing.T) {
	cat := questionnaires.Builtin()
	var ids []string
	for _, r := range cat.Enhancements("SR 1.1", model.KindZone) {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"SR 1.1 RE 1", "SR 1.1 RE 2", "SR 1.1 RE 3"}) {
		t.Fatalf("REs of SR 1.1 for a zone: %v", ids)
	}
	if got := cat.Enhancements("SR 1.1 RE 1", model.KindZone); got != nil {
		t.Fatalf("an RE has no REs: %v", got)
	}
	if got := cat.Enhancements("SR 9.9", model.KindZone); got != nil {
		t.Fatalf("an unknown SR: %v", got)
	}
}

// InScopeFor agrees with the list Catalog.InScope gives, for every
// requirement, kind, SL-T and scope.
func TestInScopeForAgreesWithInScope(t *testing.T) {
	cat := questionnaires.Builtin()
	for _, k := range []model.TargetKind{model.KindZone, model.KindConduit} {
		for l := model.Level(0); l <= model.MaxLevel; l++ {
			slt := model.Uniform(l)
			for _, s := range []model.Scope{model.ScopeSLT, model.ScopeSL4} {
				for _, fr := range model.FRs {
					in := cat.InScope(k, slt, fr, s)
					tg := model.Target{Kind: k, SLT: slt}
					for i := range cat.Requirements {
						r := &cat.Requirements[i]
						if r.FR != fr {
							continue
						}
						if got, want := model.InScopeFor(tg, r, s), slices.Contains(in, r); got != want {
							t.Fatalf("%s kind %v SL-T %d scope %v: InScopeFor %v, InScope lists it %v", r.ID, k, l, s, got, want)
						}
					}
				}
			}
		}
	}
}
