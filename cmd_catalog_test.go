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
	if lines[0] != "SR 1.1\t1\t1\tzone\tHuman user identification and authentication" {
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
	if code, _, _ := runCLI(t, "catalog", "--validate", "questionnaires/iec62443-3-3.yaml"); code != 0 {
		t.Fatal("built-in catalog file does not validate")
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
