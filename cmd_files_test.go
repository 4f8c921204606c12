package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"slate/report"
)

func demo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plant.slate")
	if code, out, errs := runCLI(t, "demo", path, "--at", "2026-03-05"); code != 0 || strings.TrimSpace(out) != path {
		t.Fatalf("demo: exit %d %q %q", code, out, errs)
	}
	return path
}

// demo -> export -> import into a new file -> export again is identical
// (the export time is fixed with --at; it is the one documented timestamp
// that differs between exports).
func TestExportImportRoundTrip(t *testing.T) {
	path := demo(t)
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	if code, _, errs := runCLI(t, "export", path, "-o", first, "--at", "2026-03-05T10:00:00Z"); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	copyPath := filepath.Join(dir, "copy.slate")
	if code, out, errs := runCLI(t, "import", first, copyPath); code != 0 || !strings.Contains(out, "imported 5 zones, 4 conduits and 81 answers") {
		t.Fatalf("import: exit %d %q %q", code, out, errs)
	}
	if code, _, errs := runCLI(t, "export", copyPath, "-o", second, "--at", "2026-03-05T10:00:00Z"); code != 0 {
		t.Fatalf("second export: %s", errs)
	}
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	// Each export pins the history of the file it came from; the rest of
	// the document is the same byte for byte.
	if string(withoutHistory(t, a)) != string(withoutHistory(t, b)) {
		t.Fatal("export of the imported file differs from the original export")
	}
	if st, _ := os.Stat(first); st.Mode().Perm() != 0o600 {
		t.Fatalf("export file mode %o", st.Mode().Perm())
	}
	if code, _, _ := runCLI(t, "verify", copyPath); code != 0 {
		t.Fatal("imported file does not verify")
	}
	// Importing into a file that already has zones is refused and changes nothing.
	code, _, errs := runCLI(t, "import", first, copyPath)
	if code != 1 || !strings.Contains(errs, "already holds zones") {
		t.Fatalf("import over data: exit %d %q", code, errs)
	}
}

func TestImportRefusesBadDocumentWithPath(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "bad.json")
	os.WriteFile(doc, []byte(`{"format":"slate/1","assessment":{"name":"x","catalog":{"id":"iec62443-3-3","version":"2013+COR1:2014"}},
		"zones":[{"id":"a","name":"A","sl_t":[1,1,1,1,1,1,1]}],
		"answers":[{"target":"a","requirement":"SR 1.1","status":"yes"},{"target":"b","requirement":"SR 1.1","status":"yes"}]}`), 0o600)
	out := filepath.Join(dir, "new.slate")
	code, _, errs := runCLI(t, "import", doc, out)
	if code != 1 || !strings.Contains(errs, `$.answers[1].target: unknown zone or conduit "b"`) {
		t.Fatalf("exit %d %q", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a refused import left a file behind")
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, ".new.slate*")); len(matches) != 0 {
		t.Fatalf("temporary files left: %v", matches)
	}
}

func TestMatrixJSON(t *testing.T) {
	path := demo(t)
	code, out, errs := runCLI(t, "matrix", path, "--json")
	if code != 0 {
		t.Fatalf("matrix: %s", errs)
	}
	var m report.MatrixDoc
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Targets) != 9 || m.Targets[2].ID != "supervisory" || m.Scope != "sl_t" || m.Summary.Scope != "sl_t" {
		t.Fatalf("targets: %+v", m.Targets)
	}
	fr5 := m.Targets[2].FRs[4]
	// SR 5.1 partial: supervisory and control share one flat VLAN.
	if fr5.SLA != 0 || fr5.SLT != 2 || fr5.Gap != 2 || fr5.Provisional || fr5.Text != "0/2 -2" || fr5.State != "gap" {
		t.Fatalf("supervisory FR5: %+v", fr5)
	}
	fr3 := m.Targets[3].FRs[2] // control FR3: SL1 satisfied, SL2 items open
	if fr3.SLA != 1 || !fr3.Provisional || !fr3.Compensated || fr3.Text != "1c*/2 -1" || *fr3.Completeness != 60 {
		t.Fatalf("control FR3: %+v", fr3)
	}
	code, text, _ := runCLI(t, "matrix", path)
	if code != 0 || !strings.Contains(text, "Supervisory") || !strings.Contains(text, "1c*/2 -1") || !strings.Contains(text, "scope: up to SL-T") {
		t.Fatalf("text matrix:\n%s", text)
	}
	code, wide, _ := runCLI(t, "matrix", path, "--scope", "4", "--json")
	if code != 0 || !strings.Contains(wide, `"scope": "sl_4"`) {
		t.Fatalf("--scope 4: %d\n%s", code, wide)
	}
	if code, _, errs := runCLI(t, "matrix", path, "--scope", "5"); code != 2 || !strings.Contains(errs, "scope") {
		t.Fatalf("--scope 5: %d %q", code, errs)
	}
}

func TestCommandsOnBadFiles(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "notes.slate")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	for _, cmd := range [][]string{{"matrix", junk}, {"export", junk}, {"verify", junk}} {
		code, _, errs := runCLI(t, cmd...)
		if code != 1 || !strings.Contains(errs, "is not a Slate assessment") || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d %q", cmd, code, errs)
		}
	}
	if code, _, _ := runCLI(t, "matrix"); code != 2 {
		t.Error("matrix without FILE is not a usage error")
	}
	if code, _, errs := runCLI(t, "matrix", filepath.Join(dir, "missing.slate")); code != 1 || !strings.Contains(errs, "no such file") {
		t.Errorf("missing file: %d %q", code, errs)
	}
}

// withoutHistory drops the "history" block (head and rows of the exported
// file's history) from an export.
func withoutHistory(t *testing.T, doc []byte) []byte {
	t.Helper()
	start := bytes.Index(doc, []byte("  \"history\": {\n"))
	if start < 0 {
		t.Fatal("the export does not pin its history head")
	}
	end := bytes.Index(doc[start:], []byte("\n  },\n"))
	return append(append([]byte{}, doc[:start]...), doc[start+end+len("\n  },\n"):]...)
}
