package common_test

import (
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/common"
)

// An answer relies on one countermeasure: saving it against another moves
// its link, and an answer that stops being compensating loses it (as the
// store does), without touching a snapshot taken before.
func TestCountermeasureLinksFollowTheAnswers(t *testing.T) {
	cat := questionnaires.Builtin()
	d := common.NewData(cat, model.SamplePlant(cat), "plant.slate")
	snap := d.A.Snapshot()
	moved := model.Countermeasure{ID: 2, Control: "Vendor remote access only through the jump host", Target: "dmz",
		Links: []model.CountermeasureLink{{Target: "control", Requirement: "SR 3.2", SL: 1}}}
	d.PutCountermeasure(moved)
	if cm, l, ok := d.A.CountermeasureOf("control", "SR 3.2"); !ok || cm.ID != 2 || l.SL != 1 {
		t.Fatalf("SR 3.2 relies on %+v", cm)
	}
	if len(d.A.Countermeasures) != 2 || len(d.A.Countermeasures[0].Links) != 0 {
		t.Fatalf("countermeasure 1 kept the moved link: %+v", d.A.Countermeasures)
	}
	if cm, _, ok := snap.CountermeasureOf("control", "SR 3.2"); !ok || cm.ID != 1 {
		t.Fatal("the snapshot taken before changed")
	}
	d.SetAnswer("control", model.Answer{Requirement: "SR 3.2", Status: model.Partial})
	if _, _, ok := d.A.CountermeasureOf("control", "SR 3.2"); ok {
		t.Fatal("a partial answer still relies on a countermeasure")
	}
	if len(d.A.Countermeasures) != 2 {
		t.Fatal("unlinking removed the countermeasure itself")
	}
}

func TestSiteTally(t *testing.T) {
	cat := questionnaires.Builtin()
	d := common.NewData(cat, model.SamplePlant(cat), "plant.slate")
	tally := d.SiteTally()
	if tally.Questions != len(cat.SiteQuestions) || tally.Answered != 4 || tally.Text() != "3 partial, 1 no, 1 open" {
		t.Fatalf("tally %+v %q", tally, tally.Text())
	}
	d.SetSiteAnswer(model.Answer{Requirement: "SITE 5", Status: model.NA, Justification: "no supplier connects remotely"})
	if got := d.SiteTally().Text(); got != "3 partial, 1 no, 1 n/a" {
		t.Fatalf("after SITE 5: %q", got)
	}
	// Clearing removes it, as the store does.
	d.SetSiteAnswer(model.Answer{Requirement: "SITE 5", Status: model.Unanswered})
	if _, ok := d.A.SiteAnswers["SITE 5"]; ok {
		t.Fatal("a cleared site answer is still there")
	}
}

// The upgrade preview counts what the upgraded assessment lists.
func TestUpgradePreviewMatchesTheUpgrade(t *testing.T) {
	all := questionnaires.Builtins()
	newest, old := all[0], all[1]
	a := model.SamplePlant(old)
	a.Answers["dmz-supervisory"] = model.Answers{"SR 2.2 RE 1": {Requirement: "SR 2.2 RE 1", Status: model.Yes,
		UpdatedAt: model.SampleDate}}
	d := common.NewData(old, a, "plant.slate")
	d.Catalogs = func(id, version string) (*model.Catalog, bool) {
		for _, c := range all {
			if c.ID == id && c.Version == version {
				return c, true
			}
		}
		return nil, false
	}
	at := model.SampleDate.Add(24 * time.Hour)
	reconfirm, gone := common.UpgradePreview(d, newest, at)
	if reconfirm == 0 || gone != 1 {
		t.Fatalf("preview: %d to re-confirm, %d gone", reconfirm, gone)
	}
	d.SwitchCatalog(newest, old.Version, at)
	n, g := common.OutdatedCounts(d.Outdated())
	if n != reconfirm || g != gone {
		t.Fatalf("after the upgrade %d to re-confirm and %d gone; the preview said %d and %d", n, g, reconfirm, gone)
	}
	o, ok := d.OutdatedOf("dmz-supervisory", "SR 2.2 RE 1")
	if !ok || !o.NoLongerApplies {
		t.Fatal("SR 2.2 RE 1 of a conduit is not listed as no longer applying")
	}
	prev, ch, ok := d.GivenUnder(o)
	if !ok || prev != old || !ch.NoLongerApplies(model.KindConduit) {
		t.Fatalf("given under %v, change %+v", prev, ch)
	}
	if _, ok := d.OutdatedOf("enterprise", "SR 1.1"); !ok {
		t.Fatal("enterprise SR 1.1, answered under the old catalog, is not listed")
	}
	d.SetConfirmed("enterprise", "SR 1.1", newest.Version)
	if _, ok := d.OutdatedOf("enterprise", "SR 1.1"); ok {
		t.Fatal("a re-confirmed answer is still outdated")
	}
}
