package store

import (
	"database/sql"
	"strings"
	"testing"
)

// tamper edits a closed file behind Slate's back, as someone with the
// sqlite3 shell could.
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestVerifyNamesTheFirstBrokenRow(t *testing.T) {
	cases := []struct {
		name  string
		stmts []string
		want  string
	}{
		{"answer edited", []string{
			`UPDATE answers SET status = 'yes' WHERE requirement = 'SR 1.5' AND target_id = (SELECT id FROM targets WHERE key = 'supervisory')`,
		}, "answer supervisory SR 1.5 differs from its audit history"},
		{"answer deleted", []string{
			`DELETE FROM answers WHERE requirement = 'SR 1.5' AND target_id = (SELECT id FROM targets WHERE key = 'supervisory')`,
		}, "answer supervisory SR 1.5 is in the history but missing"},
		{"history row rewritten", []string{
			`DROP TRIGGER audit_no_update`,
			`UPDATE audit SET new = replace(new, 'status', 'stat') WHERE seq = 30`,
		}, "audit row 30 "},
		{"history row deleted", []string{
			`DROP TRIGGER audit_no_delete`,
			`DELETE FROM audit WHERE seq = 12`,
		}, "audit row 12 is missing"},
		{"history rewritten and rehashed locally", []string{
			`DROP TRIGGER audit_no_update`,
			`UPDATE audit SET hash = '00' WHERE seq = 40`,
		}, "audit row 40 "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := demoFile(t)
			if rep, err := Verify(path); err != nil || !rep.OK() {
				t.Fatalf("fresh demo does not verify: %+v %v", rep, err)
			}
			tamper(t, path, tc.stmts...)
			rep, err := Verify(path)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() || !strings.Contains(rep.Problems[0], tc.want) {
				t.Fatalf("problems %q, want first to contain %q", rep.Problems, tc.want)
			}
		})
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
