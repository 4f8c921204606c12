package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/model"
)

// tamper edits a closed file behind Slate's back, as someone with the
// sqlite3 shell could (its CHECK constraints switched off, as they can be).
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range append([]string{"PRAGMA ignore_check_constraints = ON"}, stmts...) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// verifyFails runs verify and returns its problems, failing the test when
// the file verifies.
func verifyFails(t *testing.T, path string, opt VerifyOptions) string {
	t.Helper()
	rep, err := Verify(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() {
		t.Fatal("verify passed a file that was changed behind Slate's back")
	}
	return strings.Join(rep.Problems, "\n")
}

func verifyOK(t *testing.T, path string) VerifyReport {
	t.Helper()
	rep, err := Verify(path, VerifyOptions{})
	if err != nil || !rep.OK() {
		t.Fatalf("verify: %v %v", rep.Problems, err)
	}
	return rep
}

func TestVerifyNamesWhatWasChanged(t *testing.T) {
	cases := []struct {
		name  string
		stmts []string
		want  []string
	}{
		{"answer edited", []string{
			`UPDATE answers SET status = 'yes' WHERE requirement = 'SR 1.5' AND target_id = (SELECT id FROM targets WHERE key = 'supervisory')`,
		}, []string{"table answers, row target_id=3, requirement=SR 1.5, column status: the file has \"yes\", the history \"no\""}},
		{"answer deleted", []string{
			`DELETE FROM answers WHERE requirement = 'SR 1.5' AND target_id = (SELECT id FROM targets WHERE key = 'supervisory')`,
		}, []string{"table answers, row target_id=3, requirement=SR 1.5: in the history but missing from the file"}},
		{"answer added", []string{
			`INSERT INTO answers (target_id, requirement, status, updated_at) VALUES (1, 'SR 7.1', 'yes', 0)`,
		}, []string{"table answers, row target_id=1, requirement=SR 7.1: in the file but not in the history"}},
		{"SL-T of a zone", []string{
			`UPDATE targets SET slt = '4444444' WHERE key = 'control'`,
		}, []string{"table targets, row id=4, column slt: the file has \"4444444\""}},
		{"catalog hash", []string{
			`UPDATE assessment SET catalog_hash = 'x'`,
		}, []string{"table assessment, row id=1, column catalog_hash"}},
		{"history row rewritten", []string{
			`DROP TRIGGER audit_no_update`,
			`UPDATE audit SET new = replace(new, 'status', 'stat') WHERE seq = 30`,
		}, []string{"the append-only trigger audit_no_update is missing", "history row 30 "}},
		{"history row deleted", []string{
			`DROP TRIGGER audit_no_delete`,
			`DELETE FROM audit WHERE seq = 12`,
		}, []string{"the append-only trigger audit_no_delete is missing", "history row 12 is missing"}},
		{"history rehashed locally", []string{
			`DROP TRIGGER audit_no_update`,
			`UPDATE audit SET hash = '00' WHERE seq = 40`,
		}, []string{"history row 40 "}},
		{"trigger replaced by one that allows everything", []string{
			`DROP TRIGGER audit_no_delete`,
			`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END`,
		}, []string{"the append-only trigger audit_no_delete differs from Slate's schema"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := demoFile(t)
			verifyOK(t, path)
			tamper(t, path, tc.stmts...)
			got := verifyFails(t, path, VerifyOptions{})
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems:\n%s\nwant one containing %q", got, w)
				}
			}
		})
	}
}

// For every column of every user-state table, read from the schema itself,
// change one row behind Slate's back: verify must name the table, the row
// and the column. A table or column added later that the history does not
// cover fails here. The tables verify covers by rehashing instead
// (rehashedTables: the evidence bytes) are read from the schema too: a
// change to any of their columns must name the evidence file whose bytes
// no longer match.
func TestTamperEveryColumn(t *testing.T) {
	clean := demoFile(t)
	withAllData(t, clean)
	db, err := sql.Open("sqlite", clean)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := userTables(db)
	if err != nil {
		t.Fatal(err)
	}
	for tb := range rehashedTables {
		tables = append(tables, tb)
	}
	type column struct{ table, name string }
	var cols []column
	for _, tb := range tables {
		var n int
		db.QueryRow(`SELECT count(*) FROM ` + tb).Scan(&n)
		if n == 0 {
			t.Errorf("table %s has no row in the test plant: add one so that its columns are covered", tb)
		}
		rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, tb)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			rows.Scan(&c)
			cols = append(cols, column{tb, c})
		}
		rows.Close()
	}
	// The file whose last chunk the tampering changes.
	var lastFile string
	db.QueryRow(`SELECT e.name FROM evidence e JOIN evidence_chunks c ON c.sha256 = e.sha256
		WHERE c.rowid = (SELECT max(rowid) FROM evidence_chunks)`).Scan(&lastFile)
	db.Close()
	if len(cols) < 40 || lastFile == "" {
		t.Fatalf("only %d columns found, last file %q: the schema was not read", len(cols), lastFile)
	}
	for _, c := range cols {
		t.Run(c.table+"."+c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t.slate")
			copyFile(t, clean, path)
			// The last row in key order: for a table with a rowid, one that
			// the history has seen more than once where possible.
			change := fmt.Sprintf(`UPDATE %[1]s SET %[2]s = CASE
				WHEN %[2]s IS NULL THEN 1
				WHEN typeof(%[2]s) = 'integer' THEN %[2]s + 1000003
				ELSE %[2]s || '~' END
				WHERE rowid = (SELECT max(rowid) FROM %[1]s)`, c.table, c.name)
			if withoutRowid(t, path, c.table) {
				pk := pkOf(t, path, c.table)
				change = fmt.Sprintf(`UPDATE %[1]s SET %[2]s = CASE
					WHEN %[2]s IS NULL THEN 1
					WHEN typeof(%[2]s) = 'integer' THEN %[2]s + 1000003
					ELSE %[2]s || '~' END
					WHERE (%[3]s) = (SELECT %[3]s FROM %[1]s ORDER BY %[3]s DESC LIMIT 1)`, c.table, c.name, strings.Join(pk, ", "))
			}
			tamper(t, path, change)
			got := verifyFails(t, path, VerifyOptions{})
			named := false
			for _, p := range strings.Split(got, "\n") {
				if rehashedTables[c.table] {
					named = named || strings.Contains(p, "evidence file "+lastFile+" (sha256 ")
					continue
				}
				named = named || strings.Contains(p, "table "+c.table+", row ") && strings.Contains(p, "column "+c.name+":")
			}
			if !named && rehashedTables[c.table] {
				t.Fatalf("no problem names the evidence file %s whose bytes changed:\n%s", lastFile, got)
			}
			if !named {
				t.Fatalf("no problem names table %s, a row and column %s:\n%s", c.table, c.name, got)
			}
		})
	}
}

// withAllData gives every user-state table rows (the sample plant has
// tracking and windows; a moved zone, a changed asset and a deleted one
// put the other writers' rows in the history too).
func withAllData(t *testing.T, path string) {
	st := openT(t, path, Options{})
	fixtureEdits(t, st)
	st.Close()
	verifyOK(t, path)
}

func withoutRowid(t *testing.T, path, table string) bool {
	db, _ := sql.Open("sqlite", path)
	defer db.Close()
	var s string
	db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = ?`, table).Scan(&s)
	return strings.Contains(strings.ToUpper(s), "WITHOUT ROWID")
}

func pkOf(t *testing.T, path, table string) []string {
	db, _ := sql.Open("sqlite", path)
	defer db.Close()
	pk, err := primaryKey(db, table)
	if err != nil {
		t.Fatal(err)
	}
	return pk
}

// Deleting the newest history row shows: the tables still hold what it
// recorded, the assessment's updated_at included.
func TestVerifyDetectsDeletedNewestRow(t *testing.T) {
	for _, change := range []func(st *Store) error{
		func(st *Store) error {
			_, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes})
			return err
		},
		func(st *Store) error { return st.MoveTarget("safety", -1) },
		func(st *Store) error {
			_, err := st.PutWindow(model.Window{Name: "Extra stop", Date: "2027-02-01"})
			return err
		},
	} {
		path := demoFile(t)
		st := openT(t, path, Options{Clock: func() time.Time { return fixedClock().Add(time.Hour) }})
		if err := change(st); err != nil {
			t.Fatal(err)
		}
		st.Close()
		verifyOK(t, path)
		tamper(t, path, `DROP TRIGGER audit_no_delete`, `DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)`,
			`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
			BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END`)
		got := verifyFails(t, path, VerifyOptions{})
		if !strings.Contains(got, "column updated_at") {
			t.Fatalf("problems %q do not name the assessment's updated_at", got)
		}
	}
}

func TestVerifyExpectHead(t *testing.T) {
	path := demoFile(t)
	first := verifyOK(t, path)
	st := openT(t, path, Options{})
	for _, req := range []string{"SR 1.3", "SR 1.4"} {
		if _, err := st.SaveAnswer("control", model.Answer{Requirement: req, Status: model.Yes}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	now := verifyOK(t, path)

	if rep, err := Verify(path, VerifyOptions{ExpectHead: now.Head}); err != nil || !rep.OK() {
		t.Fatalf("current head: %v %v", rep.Problems, err)
	}
	got := verifyFails(t, path, VerifyOptions{ExpectHead: first.Head})
	if want := fmt.Sprintf("2 changes after %s (rows %d-%d)", first.Head, first.Rows+1, first.Rows+2); got != want {
		t.Fatalf("earlier head: %q, want %q", got, want)
	}
	other := strings.Repeat("ab", 32)
	if got := verifyFails(t, path, VerifyOptions{ExpectHead: other}); got != other+" is not in this file's history" {
		t.Fatalf("unknown head: %q", got)
	}
}

// A file of an older schema is verified as it is, never upgraded; the
// history it had then still catches an edited answer or zone.
func TestVerifyOlderSchemaWithoutUpgrading(t *testing.T) {
	for _, v := range []uint32{1, 2} {
		path := filepath.Join(t.TempDir(), "old.slate")
		copyFile(t, fixturePath(v), path)
		rep := verifyOK(t, path)
		if rep.Schema != v {
			t.Fatalf("schema %d reported as %d", v, rep.Schema)
		}
		tamper(t, path, `UPDATE targets SET name = 'Renamed' WHERE key = 'control'`)
		before := fileHash(t, path)
		if got := verifyFails(t, path, VerifyOptions{}); !strings.Contains(got, "zone control differs from its history") {
			t.Fatalf("schema %d: %q", v, got)
		}
		if fileHash(t, path) != before {
			t.Fatal("verify changed the file")
		}
		assertNoArtefactsBut(t, filepath.Dir(path), "old.slate")
	}
}

// An edit made behind Slate's back before the schema-3 upgrade is caught
// after it: the baseline disagrees with the history before it.
func TestBaselineChecksTheHistoryBeforeIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.slate")
	copyFile(t, fixturePath(2), path)
	tamper(t, path, `UPDATE answers SET note = 'edited' WHERE requirement = 'SR 1.1' AND target_id = (SELECT id FROM targets WHERE key = 'control')`)
	st := openT(t, path, Options{})
	st.Close()
	got := verifyFails(t, path, VerifyOptions{})
	if !strings.Contains(got, "(the baseline of the schema-3 upgrade) disagrees with the history before it: answer control SR 1.1 differs") {
		t.Fatalf("%q", got)
	}
}

func TestHistoryIsAppendOnly(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	if _, err := st.db.Exec(`UPDATE audit SET actor = 'x' WHERE seq = 1`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Fatalf("update of history: %v", err)
	}
	if _, err := st.db.Exec(`DELETE FROM audit`); err == nil {
		t.Fatal("history deleted")
	}
}
