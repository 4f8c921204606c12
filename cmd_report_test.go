package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	path := demo(t)
	dir := filepath.Dir(path)
	for _, f := range []struct{ format, file string }{
		{"html", "plant-report.html"}, {"md", "plant-report.md"}, {"csv", "plant-report.csv"}, {"json", "plant-report.json"},
	} {
		code, out, errs := runCLI(t, "report", path, "--format", f.format, "--at", "2026-03-05T12:00:00Z")
		if code != 0 {
			t.Fatalf("%s: exit %d %s", f.format, code, errs)
		}
		want := filepath.Join(dir, f.file)
		if strings.TrimSpace(out) != want {
			t.Fatalf("%s: printed %q, want %q", f.format, out, want)
		}
		st, err := os.Stat(want)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v mode %v", f.format, err, st)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "plant-report-roadmap.csv")); err != nil {
		t.Fatal("the CSV report has no roadmap file")
	}
	// Byte-identical with the same --at, even from a copy of the file.
	a, _ := os.ReadFile(filepath.Join(dir, "plant-report.html"))
	out := filepath.Join(t.TempDir(), "again.html")
	runCLI(t, "report", path, "--format", "html", "-o", out, "--at", "2026-03-05T12:00:00Z")
	b, _ := os.ReadFile(out)
	if !bytes.Equal(a, b) {
		t.Fatal("two reports with the same --at differ")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1772712000") // 2026-03-05T12:00:00Z
	code, md, _ := runCLI(t, "report", path, "--format", "md", "-o", "-")
	if code != 0 || !strings.Contains(md, "2026-03-05 12:00 UTC") {
		t.Fatal("SOURCE_DATE_EPOCH is not the report date")
	}
	if code, _, errs := runCLI(t, "report", path, "--format", "pdf"); code != 2 || !strings.Contains(errs, "unknown format") {
		t.Fatalf("bad format: %d %s", code, errs)
	}
}
