package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// typeText types s into the pane as it is (tmux send-keys -l).
func (tm *term) typeText(s string) {
	tm.t.Helper()
	if out, err := exec.Command("tmux", "send-keys", "-t", tm.name, "-l", s).CombinedOutput(); err != nil {
		tm.t.Fatalf("send-keys -l %q: %v %s", s, err, out)
	}
}

// fidelityDoc is the part of the exchange document the fidelity tests read.
type fidelityDoc struct {
	Assessment struct {
		Catalog struct {
			Version      string `json:"version"`
			UpgradedFrom string `json:"upgraded_from"`
		} `json:"catalog"`
	} `json:"assessment"`
	Answers []struct {
		Target        string `json:"target"`
		Requirement   string `json:"requirement"`
		Status        string `json:"status"`
		Justification string `json:"justification"`
		Confirmed     string `json:"confirmed"`
	} `json:"answers"`
	Countermeasures []struct {
		ID         int64  `json:"id"`
		Control    string `json:"control"`
		Target     string `json:"target"`
		ApprovedBy *struct {
			Name string `json:"name"`
			Role string `json:"role"`
		} `json:"approved_by"`
		Review string `json:"review"`
		Links  []struct {
			Target      string `json:"target"`
			Requirement string `json:"requirement"`
			SL          int    `json:"sl"`
		} `json:"links"`
	} `json:"countermeasures"`
}

func exportFidelity(t *testing.T, bin, file string) fidelityDoc {
	t.Helper()
	return exportAs[fidelityDoc](t, bin, file)
}

// goToControlSR37 opens the interview on SR 3.7 of the demo's control zone.
func goToControlSR37(tm *term) {
	tm.t.Helper()
	tm.keys("3", "}", "}", "}")
	tm.waitFor("Control (Unit 1) (zone) · FR2")
	tm.keys("/")
	tm.typeText("SR 3.7")
	tm.keys("Enter")
	tm.waitFor("SR 3.7 · SL 2")
}

// The compensating form saves a new countermeasure with the answer, the
// detail shows the record, and after a restart c opens the form filled
// from it; the exported document carries it and the file verifies.
func TestCompensatingFormSaveAndReopen(t *testing.T) {
	need(t)
	bin := slateBin(t)
	file := filepath.Join(t.TempDir(), "plant.slate")
	tm := start(t, "comp", bin, "demo", file)
	tm.waitFor("Sample plant written to " + file)
	goToControlSR37(tm)
	tm.keys("c")
	tm.waitFor("Compensating countermeasure for SR 3.7", "< new countermeasure >", "< SL 2 >")
	tm.keys("Tab")
	tm.typeText("Shift handover checks fault messages against the vendor list")
	tm.keys("Tab", "Tab")
	tm.typeText("K. Brandt")
	tm.keys("Tab")
	tm.typeText("plant manager")
	tm.keys("Tab")
	tm.typeText("2027-01-31")
	tm.keys("Tab", "Tab")
	tm.typeText("People correct the errors the PLC cannot handle")
	tm.keys("C-s")
	// Saved, the cursor moves on to the next unanswered requirement.
	tm.waitFor("Saved: control SR 3.7: compensating", "SR 3.8 · SL 2")
	// Back on it, ctrl+d scrolls its detail down to the countermeasure.
	tm.keys("Up", "C-d")
	tm.waitFor("Countermeasure 2 · sits on Control (Unit 1) · approved by K. Brandt", "review 2027-01-31 · supports SL 2",
		"Control: Shift handover checks fault messages", "Why it meets the intent: People correct the errors")
	tm.keys("q")
	tm.waitForWrapped("plant.slate: the one change was saved")

	d := exportFidelity(t, bin, file)
	var found bool
	for _, cm := range d.Countermeasures {
		if cm.ID != 2 {
			continue
		}
		found = true
		if cm.Control != "Shift handover checks fault messages against the vendor list" || cm.Target != "control" ||
			cm.ApprovedBy == nil || cm.ApprovedBy.Name != "K. Brandt" || cm.ApprovedBy.Role != "plant manager" ||
			cm.Review != "2027-01-31" || len(cm.Links) != 1 || cm.Links[0].Requirement != "SR 3.7" || cm.Links[0].SL != 2 {
			t.Fatalf("exported countermeasure %+v", cm)
		}
	}
	if !found {
		t.Fatalf("no countermeasure 2 in the export: %+v", d.Countermeasures)
	}
	for _, a := range d.Answers {
		if a.Target == "control" && a.Requirement == "SR 3.7" &&
			(a.Status != "compensating" || a.Justification != "People correct the errors the PLC cannot handle") {
			t.Fatalf("exported answer %+v", a)
		}
	}
	verifyOK(t, bin, file)

	// The interview opens where the first session left it, on SR 3.7.
	again := start(t, "comp-again", bin, file)
	again.waitFor("Saved to plant.slate")
	again.keys("3")
	again.waitFor("Control (Unit 1) (zone) · FR3", "SR 3.7 · SL 2")
	again.keys("c")
	again.waitFor("< 2: Shift handover checks", "K. Brandt", "plant manager", "2027-01-31", "People correct the errors")
	again.keys("Escape")
	again.waitFor("SR 3.7 · SL 2")
	again.keys("q")
	again.waitForWrapped("plant.slate: nothing was changed")
}

// copyFixture copies a store fixture into a temporary folder.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "store", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.slate")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A file written with the previous built-in catalog (the schema 2 fixture)
// is offered the upgrade when opened writable: "not now" leaves it on its
// catalog; "upgrade" records it, lists answers for re-confirmation, and r
// re-confirms one. A read-only session is never offered it.
func TestCatalogUpgradeOffer(t *testing.T) {
	need(t)
	bin := slateBin(t)
	file := copyFixture(t, "schema2.slate")

	ro := start(t, "upgrade-ro", bin, "--read-only", file)
	scr := ro.waitFor("READ-ONLY")
	if strings.Contains(scr, "Upgrade to the catalog") {
		t.Fatalf("a read-only session was offered the upgrade:\n%s", scr)
	}
	ro.keys("q")
	ro.waitForWrapped("opened read-only")

	tm := start(t, "upgrade-no", bin, file)
	tm.waitFor("Upgrade to the catalog 2013+COR1:2014 slate.2?", "need re-confirmation", "y upgrade")
	tm.keys("n")
	tm.waitFor("Catalog not upgraded")
	tm.keys("q")
	tm.waitForWrapped("old.slate:")
	if v := exportFidelity(t, bin, file).Assessment.Catalog.Version; v != "2013+COR1:2014" {
		t.Fatalf("after not now the file is on %q", v)
	}

	tm2 := start(t, "upgrade-yes", bin, file)
	tm2.waitFor("Upgrade to the catalog 2013+COR1:2014 slate.2?")
	tm2.keys("y")
	tm2.waitFor("Saved: catalog upgraded to iec62443-3-3 2013+COR1:2014 slate.2", "to re-confirm (r in the interview)")
	tm2.keys("3", "[") // enterprise FR1, complete: the cursor on its first row
	tm2.waitFor("Enterprise (zone) · FR1", "Needs re-confirmation (r)")
	tm2.keys("r")
	tm2.waitFor("Saved: enterprise SR 1.1: re-confirmed")
	tm2.keys("q")
	tm2.waitForWrapped("old.slate: all 2 changes saved")

	d := exportFidelity(t, bin, file)
	if d.Assessment.Catalog.Version != "2013+COR1:2014 slate.2" || d.Assessment.Catalog.UpgradedFrom != "2013+COR1:2014" {
		t.Fatalf("exported catalog %+v", d.Assessment.Catalog)
	}
	confirmed := false
	for _, a := range d.Answers {
		if a.Target == "enterprise" && a.Requirement == "SR 1.1" {
			confirmed = a.Confirmed == "2013+COR1:2014 slate.2"
		}
	}
	if !confirmed {
		t.Fatal("the re-confirmation of enterprise SR 1.1 is not in the export")
	}
	verifyOK(t, bin, file)

	// Upgraded, the file is not offered the upgrade again.
	tm3 := start(t, "upgrade-done", bin, file)
	scr = tm3.waitFor("Saved to old.slate")
	if strings.Contains(scr, "Upgrade to the catalog") {
		t.Fatalf("an upgraded file was offered the upgrade again:\n%s", scr)
	}
}
