package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs slate in-process and returns exit code, stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCatalogTSV(t *testing.T) {
	code, out, _ := runCLI(t, "catalog", "--format", "tsv")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 100 {
		t.Fatalf("exit %d, %d lines", code, len(lines))
	}
	// The newest built-in catalog: SR 1.1 applies to conduits too from
	// slate.2 on, because SR 1.1 RE 2 (MFA from untrusted networks) does.
	if lines[0] != "SR 1.1\t1\t1\tboth\tHuman user identification and authentication" {
		t.Fatalf("first line %q", lines[0])
	}
	counts := map[string]int{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 5 {
			t.Fatalf("line %q has %d fields", l, len(f))
		}
		for sl := f[2][0]; sl <= '4'; sl++ {
			counts[string(sl)]++
		}
	}
	if counts["1"] != 37 || counts["2"] != 60 || counts["3"] != 90 || counts["4"] != 100 {
		t.Fatalf("cumulative counts %v", counts)
	}
}

func TestCatalogValidate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("id: x\nversion: \"1\"\nrequirements:\n  - id: SR 1.1\n    fr: 1\n    title: t\n    sl: 1\n    applies_to: zone\n    questions: [\"q?\"]\n"), 0o600)
	if code, out, _ := runCLI(t, "catalog", "--validate", good); code != 0 || !strings.Contains(out, "valid") {
		t.Fatalf("good catalog: exit %d %q", code, out)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("id: x\nversion: \"1\"\nrequirements:\n  - id: SR 1.1\n    fr: 8\n    title: t\n    sl: 1\n    applies_to: zone\n    questions: [\"q?\"]\n"), 0o600)
	code, _, stderr := runCLI(t, "catalog", "--validate", bad)
	if code != 1 || !strings.Contains(stderr, "bad.yaml:5: SR 1.1: fr 8 is not in 1..7") {
		t.Fatalf("bad catalog: exit %d %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "catalog", "--validate", "questionnaires/iec62443-3-3.slate2.yaml"); code != 0 || stderr != "" {
		t.Fatalf("newest built-in catalog file: exit %d %q", code, stderr)
	}
	// The previous built-in catalog is format 1: valid, with warnings that
	// name file and line, and exit 0.
	code, out, stderr := runCLI(t, "catalog", "--validate", "questionnaires/iec62443-3-3.yaml")
	if code != 0 || !strings.Contains(out, "valid (2 warnings on stderr)") ||
		!strings.Contains(stderr, "warning: questionnaires/iec62443-3-3.yaml:37: format 1 catalog: its 100 requirements have no met_when") ||
		!strings.Contains(stderr, "warning: questionnaires/iec62443-3-3.yaml:735: SR 3.2 RE 1: applies to zones and conduits, but SR 3.2 applies to zones only") {
		t.Fatalf("previous built-in catalog: exit %d %q %q", code, out, stderr)
	}
}

// Every embedded version stays listed and printable: files made with an
// older one open with it.
func TestCatalogVersions(t *testing.T) {
	code, out, _ := runCLI(t, "catalog", "--list", "--format", "tsv")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 2 ||
		!strings.HasPrefix(lines[0], "iec62443-3-3\t2013+COR1:2014 slate.2\t2\t100\t") || !strings.HasSuffix(lines[0], "\tbuilt-in (newest)") ||
		!strings.HasPrefix(lines[1], "iec62443-3-3\t2013+COR1:2014\t1\t100\t258f1f161a95403a7f3956851f2ba32c016d8e76e7366d64d8c4b2e31a75218f\tbuilt-in") {
		t.Fatalf("exit %d, list %q", code, lines)
	}
	code, out, _ = runCLI(t, "catalog", "--version", "2013+COR1:2014", "--format", "tsv")
	if code != 0 || !strings.HasPrefix(out, "SR 1.1\t1\t1\tzone\t") {
		t.Fatalf("previous version: exit %d %q", code, out[:min(len(out), 80)])
	}
	code, out, _ = runCLI(t, "catalog")
	if code != 0 || !strings.HasPrefix(out, "iec62443-3-3 2013+COR1:2014 slate.2 (100 requirements, sha256 ") {
		t.Fatalf("default listing: exit %d %q", code, out[:min(len(out), 80)])
	}
	if code, _, stderr := runCLI(t, "catalog", "--version", "1999"); code != 1 || !strings.Contains(stderr, `no catalog "iec62443-3-3" with version "1999"`) {
		t.Fatalf("unknown version: exit %d %q", code, stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	if code, _, stderr := runCLI(t, "catalog", "--format", "xml"); code != 2 || !strings.Contains(stderr, "unknown format") {
		t.Fatalf("exit %d %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "catalog", "--nope"); code != 2 {
		t.Fatalf("unknown flag exit %d", code)
	}
	if code, _, _ := runCLI(t, "frobnicate"); code != 2 {
		t.Fatalf("unknown command exit %d", code)
	}
	if code, out, _ := runCLI(t, "catalog", "--help"); code != 0 || !strings.Contains(out, "Usage: slate catalog") {
		t.Fatalf("help exit %d %q", code, out)
	}
}

// A file made with the previous built-in catalog keeps opening with it: its
// export names that catalog, and scoring uses its applicability (SR 1.1 is
// not asked on conduits there), while a new file uses the newest catalog.
func TestOlderCatalogStillOpens(t *testing.T) {
	data, err := os.ReadFile("store/testdata/schema1.slate")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.slate")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "export", path, "-o", "-", "--at", "2026-03-05T10:00:00Z")
	if code != 0 || !strings.Contains(out, `"version": "2013+COR1:2014",`) {
		t.Fatalf("export of a 2013+COR1:2014 file: exit %d %q", code, errs)
	}
	_, oldReport, _ := runCLI(t, "report", path, "--format", "md", "-o", "-", "--at", "2026-03-05T10:00:00Z")
	_, newReport, _ := runCLI(t, "report", demo(t), "--format", "md", "-o", "-", "--at", "2026-03-05T10:00:00Z")
	const conduitSR11 = "| SR 1.1 | Human user identification and authentication | 1 | unanswered |"
	for name, tc := range map[string]struct {
		report, version string
		conduitSR11     bool
	}{
		"old file": {oldReport, "2013+COR1:2014, sha256", false},
		"new file": {newReport, "2013+COR1:2014 slate.2, sha256", true},
	} {
		// The conduit section of the report lists SR 1.1 only under slate.2.
		conduits := tc.report[strings.Index(tc.report, "## Conduit: "):]
		if !strings.Contains(tc.report, "**Catalog:** iec62443-3-3 "+tc.version) || strings.Contains(conduits, conduitSR11) != tc.conduitSR11 {
			t.Errorf("%s: wrong catalog in its report", name)
		}
	}
}
