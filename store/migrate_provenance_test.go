package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

// testdata/schema6-export.json is `slate export testdata/schema6.slate --at
// 2026-03-05T10:00:00Z` as the schema-6 release wrote it. After the
// schema-7 upgrade the export is the same apart from the new fields
// (sessions, methods, evidence, sign-offs), the corrected answer times and
// the interviewee of answers and site answers, which became sessions: one
// per (UTC day of the answer's time, interviewee text), that text the
// attendee.
func TestMigrationProvenanceExportIsTheSameApartFromProvenance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.slate")
	copyFile(t, fixturePath(6), path)
	st := openT(t, path, Options{})
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := questionnaires.Load("")
	if err != nil {
		t.Fatal(err)
	}
	cat, ok := lib.Get(a.CatalogID, a.CatalogVersion)
	if !ok {
		t.Fatal("no catalog")
	}
	data, err := model.NewDocument(a, cat, time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)).Encode()
	if err != nil {
		t.Fatal(err)
	}
	var now, was map[string]any
	json.Unmarshal(data, &now)
	old, err := os.ReadFile("testdata/schema6-export.json")
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(old, &was)
	sessions := map[float64]map[string]any{}
	for _, s := range now["sessions"].([]any) {
		s := s.(map[string]any)
		sessions[s["id"].(float64)] = s
	}
	oldAnswers, newAnswers := was["answers"].([]any), now["answers"].([]any)
	if len(oldAnswers) != len(newAnswers) || len(oldAnswers) == 0 {
		t.Fatalf("%d answers, had %d", len(newAnswers), len(oldAnswers))
	}
	// The site answers' interviewees became sessions the same way; their
	// times are kept.
	oldSite, newSite := was["site_answers"].([]any), now["site_answers"].([]any)
	if len(oldSite) != len(newSite) || len(oldSite) == 0 {
		t.Fatalf("%d site answers, had %d", len(newSite), len(oldSite))
	}
	for i := range oldSite {
		o, n := oldSite[i].(map[string]any), newSite[i].(map[string]any)
		who, _ := o["interviewee"].(string)
		delete(o, "interviewee")
		id, _ := n["session"].(float64)
		s, ok := sessions[id]
		if who != "" && (!ok || !reflect.DeepEqual(s["attendees"], []any{map[string]any{"name": who}})) {
			t.Fatalf("site answer %v by %q: session %v", n["question"], who, s)
		}
		delete(n, "session")
	}
	corrected := 0
	for i := range oldAnswers {
		o, n := oldAnswers[i].(map[string]any), newAnswers[i].(map[string]any)
		who, _ := o["interviewee"].(string)
		delete(o, "interviewee")
		if who != "" {
			s, ok := sessions[n["session"].(float64)]
			if !ok {
				t.Fatalf("answer %v %v: interviewee %q has no session", n["target"], n["requirement"], who)
			}
			at, _ := time.Parse(time.RFC3339, n["at"].(string))
			want := []any{map[string]any{"name": who}}
			if s["date"] != at.UTC().Format("2006-01-02") || !reflect.DeepEqual(s["attendees"], want) {
				t.Fatalf("answer %v %v at %v by %q: session %v", n["target"], n["requirement"], at, who, s)
			}
		}
		delete(n, "session")
		delete(n, "method")
		if o["at"] != n["at"] {
			corrected++
			delete(o, "at")
			delete(n, "at")
		}
	}
	for _, k := range []string{"sessions", "evidence", "sign_offs", "history"} {
		delete(now, k)
		delete(was, k)
	}
	if !reflect.DeepEqual(was, now) {
		a, _ := json.MarshalIndent(was, "", " ")
		b, _ := json.MarshalIndent(now, "", " ")
		t.Fatalf("the export differs beyond provenance:\n%s", firstDiff(string(a), string(b)))
	}
	var subject string
	st.db.QueryRow(`SELECT subject FROM audit WHERE kind = 'migration' AND subject LIKE ?`, fmt.Sprintf("schema %d:%%", provenanceSchema)).Scan(&subject)
	if !strings.Contains(subject, fmt.Sprintf("; %d answer times corrected", corrected)) {
		t.Fatalf("migration row %q, %d answers with another time", subject, corrected)
	}
	t.Logf("schema-6 fixture: %s", subject)
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d: was %s, now %s", i+1, al[i], bl[i])
		}
	}
	return "lengths differ"
}

// The bug schema 7 fixes: a note or flag edit moved an answer's time. Simulated in
// a schema-4 file the way that release wrote it (the row and its history
// row), the upgrade gives the answer back the time of its status change,
// counts it, and the file verifies.
func TestMigration5CorrectsTimesMovedByEdits(t *testing.T) {
	later := time.Date(2026, 11, 28, 14, 0, 0, 0, time.UTC).UnixMilli()
	for _, tc := range []struct {
		schema uint32
		edit   func(t *testing.T, db *sql.DB)
	}{
		{4, func(t *testing.T, db *sql.DB) { moveByNoteEdit(t, db, later) }},
		{2, func(t *testing.T, db *sql.DB) { moveByLegacyNoteEdit(t, db, later) }},
	} {
		t.Run(fmt.Sprintf("schema%d", tc.schema), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.slate")
			copyFile(t, fixturePath(tc.schema), path)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			db.SetMaxOpenConns(1)
			var statusAt int64
			db.QueryRow(`SELECT at FROM audit WHERE kind = 'answer' AND subject = 'control|SR 1.1' ORDER BY seq LIMIT 1`).Scan(&statusAt)
			var stored int64
			db.QueryRow(`SELECT updated_at FROM answers WHERE requirement = 'SR 1.1' AND target_id = (SELECT id FROM targets WHERE key = 'control')`).Scan(&stored)
			tc.edit(t, db)
			db.Close()
			verifyOK(t, path)

			st := openT(t, path, Options{})
			a, err := st.Load()
			if err != nil {
				t.Fatal(err)
			}
			got := a.Answers["control"]["SR 1.1"]
			want := stored // schema 4: the time the status was given, which the history row's image recorded
			if tc.schema == 2 {
				want = statusAt // before schema 3 the history has only its rows' own times
			}
			if !strings.HasSuffix(got.Note, " Checked again.") || got.UpdatedAt.UnixMilli() != want {
				t.Fatalf("SR 1.1: note %q at %v, want the status change's time %v", got.Note, got.UpdatedAt, time.UnixMilli(want).UTC())
			}
			var subject string
			st.db.QueryRow(`SELECT subject FROM audit WHERE kind = 'migration' AND subject LIKE ?`, fmt.Sprintf("schema %d:%%", provenanceSchema)).Scan(&subject)
			if !strings.Contains(subject, "; 1 answer times corrected") {
				t.Fatalf("migration row %q", subject)
			}
			s, ok := a.Session(got.Session)
			if !ok || s.Date != got.UpdatedAt.Format("2006-01-02") || len(s.Attendees) != 1 || s.Attendees[0].Role != "" {
				t.Fatalf("session of SR 1.1: %+v", s)
			}
			st.Close()
			verifyOK(t, path)
		})
	}
}

// moveByNoteEdit edits the note of control SR 1.1 as the schema-4 release did: the row
// takes the time of the edit, and the history records both images.
func moveByNoteEdit(t *testing.T, db *sql.DB, at int64) {
	t.Helper()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	const where = `requirement = 'SR 1.1' AND target_id = (SELECT id FROM targets WHERE key = 'control')`
	before, err := tableImagesWhere(tx, "answers", where)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE answers SET note = note || ' Checked again.', updated_at = ? WHERE `+where, at); err != nil {
		t.Fatal(err)
	}
	after, _ := tableImagesWhere(tx, "answers", where)
	var s Store
	if err := s.appendAudit(tx, at, "A. Novak", "answer", "control|SR 1.1", changeset{"answers": before}.text(), changeset{"answers": after}.text()); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE assessment SET updated_at = ?`, at); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// moveByLegacyNoteEdit does the same in a schema-2 file, whose history
// recorded answer states.
func moveByLegacyNoteEdit(t *testing.T, db *sql.DB, at int64) {
	t.Helper()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	const where = `requirement = 'SR 1.1' AND target_id = (SELECT id FROM targets WHERE key = 'control')`
	var st answerState
	if err := tx.QueryRow(`SELECT status, note, justification, interviewee, assessor, flagged FROM answers WHERE `+where).
		Scan(&st.Status, &st.Note, &st.Justification, &st.Interviewee, &st.Assessor, &st.Flagged); err != nil {
		t.Fatal(err)
	}
	old := canonical(st)
	st.Note += " Checked again."
	if _, err := tx.Exec(`UPDATE answers SET note = ?, updated_at = ? WHERE `+where, st.Note, at); err != nil {
		t.Fatal(err)
	}
	var s Store
	if err := s.appendAudit(tx, at, "A. Novak", "answer", "control|SR 1.1", old, canonical(st)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func tableImagesWhere(tx *sql.Tx, table, where string) ([]rowImage, error) {
	rows, err := tx.Query(`SELECT * FROM ` + table + ` WHERE ` + where)
	if err != nil {
		return nil, err
	}
	return scanImages(rows)
}
