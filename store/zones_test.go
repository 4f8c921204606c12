package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"slate/model"
)

// The closed lists written out in migration 5 are the model's lists.
func TestMigration5Lists(t *testing.T) {
	if zoneClasses != sqlList(model.ZoneKinds) || conduitClasses != sqlList(model.ConduitKinds) || criticalities != sqlList(model.Criticalities) {
		t.Fatalf("migration 5's lists differ from the model's:\n%s\n%s\n%s\nadd a migration for a new kind", sqlList(model.ZoneKinds), sqlList(model.ConduitKinds), sqlList(model.Criticalities))
	}
}

// Schema 5 maps the free-text type of the released schema-4 file to the
// closed lists, keeps every asset, records one migration row and verifies.
func TestMigration5FromFixture(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.slate")
	copyFile(t, fixturePath(4), path)
	st := openT(t, path, Options{})
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, z := range a.Zones {
		kinds[z.Key] = string(z.Kind)
	}
	for _, c := range a.Conduits {
		kinds[c.Key] = string(c.Kind)
	}
	want := map[string]string{"enterprise": "enterprise", "dmz": "dmz", "supervisory": "supervisory", "control": "control",
		"safety": "safety", "enterprise-dmz": "firewall", "dmz-supervisory": "firewall", "supervisory-control": "direct",
		"control-safety": "safety-gateway"}
	for k, w := range want {
		if kinds[k] != w {
			t.Errorf("%s: kind %q, want %q", k, kinds[k], w)
		}
	}
	n := 0
	for _, z := range a.Zones {
		n += len(z.Assets)
		if z.Rationale != nil {
			t.Errorf("%s has a rationale after migration", z.Key)
		}
	}
	if n != 13 { // the demo's 14 zone assets, one deleted by the fixture's edits
		t.Errorf("%d zone assets after migration, want 13", n)
	}
	var rows int
	st.db.QueryRow(`SELECT count(*) FROM audit WHERE kind = 'migration' AND subject LIKE 'schema 5:%'`).Scan(&rows)
	if rows != 1 {
		t.Fatalf("%d schema-5 migration rows, want 1", rows)
	}
	st.Close()
	verifyOK(t, path)
}

// Text that names no kind becomes other, keeps the text as its label and
// draws the zone on the control row; known words map case-insensitively.
func TestMigration5MapsFreeText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "four.slate")
	db, err := openDB(path, modeBuild)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec("PRAGMA application_id = 1397506388")
	for v := range 4 {
		tx, _ := db.Begin()
		if err := migrations[v](tx); err != nil {
			t.Fatal(err)
		}
		tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1))
		tx.Commit()
	}
	for _, q := range []string{
		`INSERT INTO assessment (id, name, catalog_id, catalog_version, catalog_hash, created_at, updated_at)
			VALUES (1, 'old', 'iec62443-3-3', '2013+COR1:2014', '', 0, 0)`,
		`INSERT INTO targets (id, key, kind, name, type, position) VALUES (1, 'pack', 'zone', 'Packaging', 'Packaging line', 1)`,
		`INSERT INTO targets (id, key, kind, name, type, position) VALUES (2, 'sis', 'zone', 'SIS', 'SIS', 2)`,
		`INSERT INTO targets (id, key, kind, name, type, position) VALUES (3, 'blank', 'zone', 'Blank', '', 3)`,
		`INSERT INTO targets (id, key, kind, name, type, position, from_zone, to_zone) VALUES (4, 'c1', 'conduit', 'Serial', 'Serial link', 1, 1, 2)`,
		`INSERT INTO targets (id, key, kind, name, type, position, from_zone, to_zone) VALUES (5, 'c2', 'conduit', 'Radio', 'Wi-Fi', 2, 2, 3)`,
		`INSERT INTO assets (zone_id, position, name) VALUES (1, 1, 'PLC-P1')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	st := openT(t, path, Options{})
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, z := range a.Zones {
		got = append(got, fmt.Sprintf("%s %s %q %v", z.Key, z.Kind, z.Label, z.DiagramTier()))
	}
	for _, c := range a.Conduits {
		got = append(got, fmt.Sprintf("%s %s %q", c.Key, c.Kind, c.Label))
	}
	want := []string{`pack other "Packaging line" control`, `sis safety "" safety and field`, `blank other "" control`,
		`c1 other "Serial link"`, `c2 wireless ""`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("after migration:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(a.Zones[0].Assets) != 1 || a.Zones[0].Assets[0].Name != "PLC-P1" {
		t.Fatalf("asset lost: %+v", a.Zones[0].Assets)
	}
}

// The writers of schema 5: kinds with label and row, the SL-T rationale,
// assets on conduits, moving an asset, criticality, an import that is all
// or nothing; each recorded so that verify replays it.
func TestZoneModelWriters(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	lab, err := st.AddZone(model.Zone{Name: "Lab", Kind: model.ZoneOther, Label: "Laboratory", Tier: model.TierDMZ, SLT: model.Uniform(1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddZone(model.Zone{Name: "Bad", Kind: "basement"}); err == nil {
		t.Error("unknown zone kind accepted")
	}
	if _, err := st.AddZone(model.Zone{Name: "Bad", Kind: model.ZoneOther, Tier: 7}); err == nil {
		t.Error("other zone on row 7 accepted")
	}
	// A label belongs to kind other only.
	ctl, _ := st.AddZone(model.Zone{Name: "Ctl", Kind: model.ZoneControl, Label: "ignored", Tier: model.TierDMZ})
	if ctl.Label != "" {
		t.Errorf("control zone kept label %q", ctl.Label)
	}

	r := model.NewSLTRationale(model.SLTInput{Threat: model.ThreatSophisticated,
		Consequences: model.Consequences{model.CategorySafety: model.ConsequenceMajor}}, model.Uniform(3), "")
	if err := st.SetRationale(lab.Key, &r); err != nil {
		t.Fatal(err)
	}
	bad := r
	bad.Proposed = model.Uniform(1)
	if err := st.SetRationale(lab.Key, &bad); err == nil {
		t.Error("a rationale whose proposal the rule does not make was accepted")
	}
	lab.SLT = model.Uniform(2) // changed by hand afterwards: the rationale stays, no longer current
	lab.Label = "Quality lab"
	if err := st.UpdateZone(lab); err != nil {
		t.Fatal(err)
	}

	fw, err := st.AddAsset("enterprise-dmz", model.Asset{Name: "FW-2", Criticality: model.CriticalityHigh})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAsset("enterprise-dmz", model.Asset{Name: "X", Criticality: "vital"}); err == nil {
		t.Error("unknown criticality accepted")
	}
	if err := st.MoveAsset(fw.ID, "dmz-supervisory"); err != nil {
		t.Fatal(err)
	}
	if err := st.MoveAsset(fw.ID, "nowhere"); err == nil {
		t.Error("move to an unknown target accepted")
	}

	a, _ := st.Load()
	l, _ := a.Zone(lab.Key)
	if l.Kind != model.ZoneOther || l.Label != "Quality lab" || l.Tier != model.TierDMZ || l.Rationale == nil ||
		l.Rationale.Final != model.Uniform(3) || l.SLT != model.Uniform(2) || l.RationaleCurrent() {
		t.Errorf("lab after edits: %+v", l)
	}
	ds, _ := a.Conduit("dmz-supervisory")
	if n := len(ds.Assets); n != 2 || ds.Assets[1].Name != "FW-2" || ds.Assets[1].Criticality != model.CriticalityHigh {
		t.Errorf("dmz-supervisory assets %+v", ds.Assets)
	}

	// An import: an update and two adds, or nothing at all.
	_, head, _ := st.Head()
	plc := a.Zones[3].Assets[0]
	plc.Firmware = "3.0"
	if _, err := st.PutAssets([]model.AssetPut{{Target: "control", Asset: plc}, {Target: "control", Asset: model.Asset{Name: "PLC-103"}},
		{Target: "nowhere", Asset: model.Asset{Name: "lost"}}}); err == nil {
		t.Fatal("an import into an unknown target was accepted")
	}
	if _, after, _ := st.Head(); after != head {
		t.Fatal("a failed import wrote to the history")
	}
	saved, err := st.PutAssets([]model.AssetPut{{Target: "control", Asset: plc}, {Target: "control", Asset: model.Asset{Name: "PLC-103"}},
		{Target: "control-safety", Asset: model.Asset{Name: "SIS-GW-2"}}})
	if err != nil || saved[1].Asset.ID == 0 {
		t.Fatalf("import: %+v %v", saved, err)
	}
	if _, after, _ := st.Head(); after != head+1 {
		t.Fatalf("the import took %d history rows, want 1", after-head)
	}
	a, _ = st.Load()
	if c, _ := a.Zone("control"); c.Assets[0].Firmware != "3.0" || c.Assets[len(c.Assets)-1].Name != "PLC-103" {
		t.Errorf("control assets after import %+v", c.Assets)
	}
	if err := st.SetRationale(lab.Key, nil); err != nil {
		t.Fatal(err)
	}
	verifyOK(t, st.Path())
}

// Values Slate never writes in the new columns are refused.
func TestCraftedKindsRefused(t *testing.T) {
	for _, stmt := range []string{
		`UPDATE targets SET class = 'basement' WHERE key = 'control'`,
		`UPDATE targets SET rationale = '{"method":"slate.1"}' WHERE key = 'control'`,
		`UPDATE assets SET criticality = 'vital' WHERE id = 1`,
	} {
		path := demoFile(t)
		tamper(t, path, stmt)
		// The CHECK constraints refuse some on opening, the loader the rest.
		st, err := Open(path, Options{ReadOnly: true})
		if err == nil {
			_, err = st.Load()
			st.Close()
		}
		if err == nil || !strings.Contains(err.Error(), "outside Slate") && !strings.Contains(err.Error(), "CHECK constraint") {
			t.Errorf("%s: open and load gave %v", stmt, err)
		}
	}
}
