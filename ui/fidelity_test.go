package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/common"
	"slate/ui/uitest"
)

// The compensating form, opened with c on the demo's compensating answer
// (SR 3.2 of the control zone), filled from countermeasure 1: the whole
// frame with the form's keys in the help bar.
func TestGoldenCompensatingForm(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h, r := newRoot(t)
			r.Update(common.GoTo{Screen: common.ScreenInterview, Target: "control", FR: 3, Requirement: "SR 3.2"})
			h.Send(r, uitest.Key("c"))
			out := frame(t, r, size[0], size[1])
			if !strings.Contains(ansi.Strip(out), "Compensating countermeasure for SR 3.2") {
				t.Fatalf("c did not open the form:\n%s", ansi.Strip(out))
			}
			golden.RequireEqual(t, out)
		})
	}
}

// oldPlant opens the demo made with the previous built-in catalog, as a
// file written before slate.2 would be.
func oldPlant(t *testing.T) (*uitest.Harness, root) {
	plant := model.SamplePlant(questionnaires.Builtins()[1])
	// Rogue wireless detection applies to zones only from slate.2 on.
	plant.Answers["dmz-supervisory"] = model.Answers{"SR 2.2 RE 1": {Requirement: "SR 2.2 RE 1", Status: model.No,
		UpdatedAt: model.SampleDate.Add(-time.Hour)}}
	h := uitest.New(t, plant)
	h.Root = true
	return h, root{NewApp(h.Ctx, Screens(h.Ctx)...)}
}

// A writable session on a file of the previous built-in catalog is offered
// the newer one first, with what the upgrade changes; "not now" changes
// nothing, "upgrade" commits it and switches the session's catalog.
func TestUpgradeOffer(t *testing.T) {
	newest := questionnaires.Builtin()
	h, r := oldPlant(t)
	r.OfferUpgrade(newest)
	out := frame(t, r, 80, 24)
	plain := strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(out), "│", " ")), " ")
	for _, want := range []string{"Upgrade to the catalog 2013+COR1:2014 slate.2?", "This file was made with iec62443-3-3 2013+COR1:2014",
		"answers will need re-confirmation (r in the interview)", "1 answer no longer applies to its zone or conduit (kept, not scored)", "y upgrade · n/esc not now"} {
		if !strings.Contains(plain, want) {
			t.Fatalf("the offer lacks %q:\n%s", want, ansi.Strip(out))
		}
	}
	golden.RequireEqual(t, out)

	// Keys go to the offer, not to the screens behind it.
	h.Send(r, uitest.Key("3"))
	if r.Active().Title() == "Interview" {
		t.Fatal("a key behind the offer switched screens")
	}
	h.Send(r, uitest.Key("n"))
	if r.upgrade != nil || h.Ctx.Data.Cat.Version == newest.Version {
		t.Fatal("not now upgraded or left the offer open")
	}
	if a, _ := h.Store.Load(); a.CatalogVersion == newest.Version {
		t.Fatal("not now upgraded the file")
	}

	h, r = oldPlant(t)
	r.OfferUpgrade(newest)
	h.Send(r, uitest.Key("y"))
	a, err := h.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if a.CatalogVersion != newest.Version || a.CatalogHash != newest.Hash || a.CatalogBefore != questionnaires.Builtins()[1].Version {
		t.Fatalf("the file records %s %s from %q", a.CatalogVersion, a.CatalogHash, a.CatalogBefore)
	}
	d := h.Ctx.Data
	if d.Cat != newest || d.A.CatalogBefore != a.CatalogBefore || !d.A.CatalogUpgraded.Equal(a.CatalogUpgraded) || len(d.Outdated()) == 0 {
		t.Fatalf("the session did not switch: %s from %q at %v, %d outdated", d.Cat.Version, d.A.CatalogBefore, d.A.CatalogUpgraded, len(d.Outdated()))
	}
	status := ansi.Strip(frame(t, r, 100, 30))
	if !strings.Contains(status, "Saved: catalog upgraded to iec62443-3-3 2013+COR1:2014 slate.2") {
		t.Fatalf("the status does not say the upgrade was saved:\n%s", status)
	}
	// The Overview lists what is left to re-confirm.
	h.Send(r, uitest.Key("1"))
	if out := ansi.Strip(frame(t, r, 120, 40)); !strings.Contains(out, "to re-confirm (r in the interview)") {
		t.Fatalf("the Overview does not list the answers to re-confirm:\n%s", out)
	}
}

// A read-only session is never offered an upgrade, and neither is a file
// on the newest catalog.
func TestNoUpgradeOffer(t *testing.T) {
	h, r := oldPlant(t)
	h.Ctx.Data.ReadOnly = true
	r.OfferUpgrade(questionnaires.Builtin())
	if r.upgrade != nil {
		t.Fatal("a read-only session was offered the upgrade")
	}
	_, r = newRoot(t)
	r.OfferUpgrade(questionnaires.Builtin())
	if r.upgrade != nil {
		t.Fatal("a file on the newest catalog was offered it again")
	}
	// NewRoot offers what the session names.
	h, _ = oldPlant(t)
	app := NewRoot(Session{Store: h.Store, Assessment: h.Ctx.Data.A, Catalog: h.Ctx.Data.Cat, Path: h.Path,
		Catalogs: uitest.Catalogs, Upgrade: questionnaires.Builtin()}, true)
	if app.upgrade == nil {
		t.Fatal("NewRoot did not offer the upgrade the session names")
	}
}

// s on the Overview interviews the site questions.
func TestOverviewSiteQuestions(t *testing.T) {
	h, r := newRoot(t)
	out := ansi.Strip(frame(t, r, 80, 24))
	if !strings.Contains(out, "Site questions  4/5 answered: 3 partial, 1 no, 1 open") {
		t.Fatalf("the Overview has no site questions line:\n%s", out)
	}
	h.Send(r, uitest.Key("s"))
	for _, g := range h.GoTos {
		h.Send(r, g)
	}
	out = ansi.Strip(frame(t, r, 80, 24))
	if r.Active().Title() != "Interview" || !strings.Contains(out, "SITE 1") {
		t.Fatalf("s did not open the site questions:\n%s", out)
	}
	h.Send(r, uitest.Key("end"), uitest.Key("n"), uitest.Key("1"))
	if out := ansi.Strip(frame(t, r, 80, 24)); !strings.Contains(out, "5/5 answered: 3 partial, 2 no") {
		t.Fatalf("the Overview does not follow the site answer:\n%s", out)
	}
}
