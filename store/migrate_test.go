package store

import (
	"os"
	"path/filepath"
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// testdata/schema1.slate is the sample plant written by the first schema
// (Slate's first release of the file format). Regenerate it only if that
// schema's writer is ever lost: SLATE_WRITE_FIXTURES=1 go test ./store -run Fixture
const schema1Fixture = "testdata/schema1.slate"

func TestWriteFixture(t *testing.T) {
	if os.Getenv("SLATE_WRITE_FIXTURES") == "" || SchemaVersion != 1 {
		t.Skip("fixture regeneration only on request, with schema 1")
	}
	os.Remove(schema1Fixture)
	st, err := Create(schema1Fixture, model.SamplePlant(questionnaires.Builtin()), Options{Clock: fixedClock, Actor: "fixture"})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
}

func TestMigrationFromFirstSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.slate")
	copyFile(t, schema1Fixture, path)
	h, err := precheck(path)
	if err != nil || h.userVersion != 1 {
		t.Fatalf("fixture is not a schema-1 file: %+v %v", h, err)
	}
	st := openT(t, path, Options{})
	var v uint32
	if err := st.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("after open: user_version %d (%v), want %d", v, err, SchemaVersion)
	}
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := model.SamplePlant(questionnaires.Builtin())
	if len(a.Zones) != len(want.Zones) || len(a.Answers["supervisory"]) != len(want.Answers["supervisory"]) {
		t.Fatalf("content lost in migration: %d zones, %d supervisory answers", len(a.Zones), len(a.Answers["supervisory"]))
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); err != nil {
		t.Fatalf("saving after migration: %v", err)
	}
	st.Close()
	if rep, err := Verify(path); err != nil || !rep.OK() {
		t.Fatalf("verify after migration: %+v %v", rep, err)
	}
}

// Each migration step runs on a file left at the previous version.
func TestEveryMigrationStep(t *testing.T) {
	for from := uint32(1); from < SchemaVersion; from++ {
		path := filepath.Join(t.TempDir(), "step.slate")
		db, err := openDB(path, modeBuild)
		if err != nil {
			t.Fatal(err)
		}
		db.Exec("PRAGMA application_id = 1397506388")
		for v := uint32(0); v < from; v++ {
			tx, _ := db.Begin()
			if err := migrations[v](tx); err != nil {
				t.Fatal(err)
			}
			tx.Exec("PRAGMA user_version = " + string(rune('0'+v+1)))
			tx.Commit()
		}
		db.Exec(`INSERT INTO assessment (id, name, catalog_id, catalog_version, catalog_hash, created_at, updated_at)
			VALUES (1, 'old', 'iec62443-3-3', '2013+COR1:2014', '', 0, 0)`)
		db.Close()
		st, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("from schema %d: %v", from, err)
		}
		if _, err := st.Load(); err != nil {
			t.Fatalf("load after migrating from %d: %v", from, err)
		}
		st.Close()
	}
}
