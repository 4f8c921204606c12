package model

import (
	"reflect"
	"testing"
)

func TestCatalogChanges(t *testing.T) {
	q := func(text string, f Applicability) Question { return Question{Text: text, For: f} }
	base := func() []Requirement {
		return []Requirement{
			{ID: "SR 1.1", FR: 1, SL: 1, AppliesTo: AppliesBoth, MetWhen: "m",
				Questions: []Question{q("zone?", AppliesZone), q("conduit?", AppliesConduit)}},
			{ID: "SR 1.2", FR: 1, SL: 2, AppliesTo: AppliesZone, Questions: []Question{q("z?", AppliesBoth)}},
			{ID: "SR 5.1", FR: 5, SL: 1, AppliesTo: AppliesBoth, Questions: []Question{q("both?", AppliesBoth)}},
		}
	}
	cat := func(reqs []Requirement) *Catalog {
		c, err := NewCatalog("c", "1", "", "", reqs)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	cases := []struct {
		name string
		edit func(rs []Requirement) []Requirement
		want []RequirementChange
	}{
		{"nothing", func(rs []Requirement) []Requirement { return rs }, nil},
		{"title, hints and level are not changes to re-confirm", func(rs []Requirement) []Requirement {
			rs[0].Title, rs[0].LookFor, rs[0].Remediation, rs[0].SL, rs[0].EvidenceFrom = "new", "l", "r", 2, EvidenceVendor
			return rs
		}, nil},
		{"tagging a question zone on a zone-only requirement shows the same", func(rs []Requirement) []Requirement {
			rs[1].Questions = []Question{q("z?", AppliesZone)}
			return rs
		}, nil},
		{"conduit question reworded", func(rs []Requirement) []Requirement {
			rs[0].Questions[1].Text = "conduit, better?"
			return rs
		}, []RequirementChange{{ID: "SR 1.1", Questions: AppliesConduit, Old: AppliesBoth, New: AppliesBoth}}},
		{"a both question split per kind changes both", func(rs []Requirement) []Requirement {
			rs[2].Questions = []Question{q("zone?", AppliesZone), q("conduit?", AppliesConduit)}
			return rs
		}, []RequirementChange{{ID: "SR 5.1", Questions: AppliesBoth, Old: AppliesBoth, New: AppliesBoth}}},
		{"met_when", func(rs []Requirement) []Requirement {
			rs[1].MetWhen = "Yes: all. Partial: some."
			return rs
		}, []RequirementChange{{ID: "SR 1.2", MetWhen: true, Old: AppliesZone, New: AppliesZone}}},
		{"narrowed to zones", func(rs []Requirement) []Requirement {
			rs[2].AppliesTo = AppliesZone
			return rs
		}, []RequirementChange{{ID: "SR 5.1", Old: AppliesBoth, New: AppliesZone}}},
		{"added and removed", func(rs []Requirement) []Requirement {
			return append(rs[1:], Requirement{ID: "SR 7.1", FR: 7, SL: 1, AppliesTo: AppliesConduit})
		}, []RequirementChange{{ID: "SR 7.1", Added: true, New: AppliesConduit}, {ID: "SR 1.1", Removed: true, Old: AppliesBoth}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := CatalogChanges(cat(base()), cat(tc.edit(base())))
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// What the upgrade flow asks of a change, per kind of target.
func TestRequirementChangeAnswers(t *testing.T) {
	cases := []struct {
		name                     string
		c                        RequirementChange
		k                        TargetKind
		reconfirm, noLongerThere bool
	}{
		{"question changed for conduits, zone answer", RequirementChange{Questions: AppliesConduit, Old: AppliesBoth, New: AppliesBoth}, KindZone, false, false},
		{"question changed for conduits, conduit answer", RequirementChange{Questions: AppliesConduit, Old: AppliesBoth, New: AppliesBoth}, KindConduit, true, false},
		{"met_when changed", RequirementChange{MetWhen: true, Old: AppliesZone, New: AppliesZone}, KindZone, true, false},
		{"narrowed to zones, conduit answer", RequirementChange{Old: AppliesBoth, New: AppliesZone}, KindConduit, false, true},
		{"widened to both, zone answer", RequirementChange{Old: AppliesZone, New: AppliesBoth}, KindZone, false, false},
		{"removed", RequirementChange{Removed: true, Old: AppliesBoth}, KindZone, false, true},
		{"added", RequirementChange{Added: true, New: AppliesBoth}, KindZone, false, false},
	}
	for _, tc := range cases {
		if got := tc.c.Reconfirm(tc.k); got != tc.reconfirm {
			t.Errorf("%s: Reconfirm %v", tc.name, got)
		}
		if got := tc.c.NoLongerApplies(tc.k); got != tc.noLongerThere {
			t.Errorf("%s: NoLongerApplies %v", tc.name, got)
		}
	}
}

func TestQuestionsFor(t *testing.T) {
	r := Requirement{AppliesTo: AppliesBoth, Questions: []Question{
		{"z", AppliesZone}, {"c", AppliesConduit}, {"b", AppliesBoth}}}
	if got := r.QuestionsFor(KindZone); len(got) != 2 || got[0].Text != "z" || got[1].Text != "b" {
		t.Fatalf("zone: %+v", got)
	}
	if got := r.QuestionsFor(KindConduit); len(got) != 2 || got[0].Text != "c" || got[1].Text != "b" {
		t.Fatalf("conduit: %+v", got)
	}
}
