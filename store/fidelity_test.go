package store

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

// A file made with the previous built-in catalog, upgraded, with one
// answer re-confirmed and one that no longer applies, exports and imports
// into a new file that exports the same document: the upgrade, the
// re-confirmation, "applies": false, the countermeasures and the site
// answers all survive the store and the exchange format. Both files verify.
func TestUpgradedFileRoundTrip(t *testing.T) {
	all := questionnaires.Builtins()
	cat, old := all[0], all[1]
	resolve := func(id, version string) (*model.Catalog, bool) {
		for _, c := range all {
			if c.ID == id && c.Version == version {
				return c, true
			}
		}
		return nil, false
	}
	plant := model.SamplePlant(old)
	plant.Answers["dmz-supervisory"] = model.Answers{"SR 2.2 RE 1": {Requirement: "SR 2.2 RE 1", Status: model.Yes,
		Note: "Asked under the previous catalog.", UpdatedAt: model.SampleDate}}
	path := filepath.Join(t.TempDir(), "old.slate")
	// The upgrade comes after every answer of the demo.
	later := func() time.Time { return model.SampleDate.AddDate(0, 0, 1) }
	st, err := Create(path, plant, Options{Clock: later, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.UpgradeCatalog(cat.ID, cat.Version, cat.Hash); err != nil {
		t.Fatal(err)
	}
	if err := st.UpgradeCatalog(cat.ID, cat.Version, cat.Hash); err == nil {
		t.Fatal("upgrading to the catalog in use was accepted")
	}
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	older := func(v string) (*model.Catalog, bool) { return resolve(cat.ID, v) }
	outdated := a.Outdated(cat, older)
	if len(outdated) == 0 {
		t.Fatal("nothing to re-confirm after the upgrade")
	}
	var gone, first *model.Outdated
	for i := range outdated {
		if outdated[i].NoLongerApplies && gone == nil {
			gone = &outdated[i]
		} else if !outdated[i].NoLongerApplies && first == nil {
			first = &outdated[i]
		}
	}
	if gone == nil || gone.Target.Key != "dmz-supervisory" || gone.Requirement != "SR 2.2 RE 1" {
		t.Fatalf("SR 2.2 RE 1 of a conduit is not listed as no longer applying: %+v", outdated)
	}
	var rowsBefore int64
	st.db.QueryRow(`SELECT count(*) FROM audit`).Scan(&rowsBefore)
	if _, err := st.Confirm(first.Target.Key, first.Requirement, cat.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Confirm(first.Target.Key, first.Requirement, cat.Version); err != nil {
		t.Fatal(err)
	}
	var rowsAfter int64
	st.db.QueryRow(`SELECT count(*) FROM audit`).Scan(&rowsAfter)
	if rowsAfter != rowsBefore+2 {
		t.Fatalf("two re-confirmations wrote %d history rows, want 2 (one each, even unchanged)", rowsAfter-rowsBefore)
	}
	a, _ = st.Load()
	if len(a.Outdated(cat, older)) != len(outdated)-1 {
		t.Fatalf("the re-confirmed answer is still listed")
	}
	st.Close()
	verifyOK(t, path)

	at := time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)
	doc, err := model.NewDocument(a, cat, at).Encode()
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := model.DecodeDocument(doc, resolve)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.slate")
	st2, err := Create(copyPath, b, Options{Clock: fixedClock, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := st2.Load()
	st2.Close()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := model.NewDocument(c, cat, at).Encode()
	if !bytes.Equal(doc, again) {
		t.Fatal("export of the imported file differs from the original export")
	}
	verifyOK(t, copyPath)
}
