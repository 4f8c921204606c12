package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"slate/model"
	"slate/report"
)

func flawedDemo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "flawed.slate")
	if code, out, errs := runCLI(t, "demo", "--flawed", path, "--at", "2026-03-05"); code != 0 || strings.TrimSpace(out) != path {
		t.Fatalf("demo --flawed: exit %d %q %q", code, out, errs)
	}
	return path
}

func checkDoc(t *testing.T, out string) report.ChecksDoc {
	t.Helper()
	var doc report.ChecksDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("check --json: %v\n%s", err, out)
	}
	return doc
}

// The demo is a sound zone model: slate check reports only notes (zones
// whose SL-T has no recorded rationale) and exits 0, today as on the day
// the reproducible demo is made.
func TestCheckDemoOnlyNotes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "today.slate")
	if code, _, errs := runCLI(t, "demo", path); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	// The demo made on 2026-03-05 checked that day, and one made today
	// checked today (its due dates and windows are relative to the day it
	// is made; months later some fall due, as they would in the plant).
	for _, args := range [][]string{{demo(t), "--at", "2026-03-05"}, {path}} {
		code, out, errs := runCLI(t, append([]string{"check", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("check of the demo: exit %d %s", code, errs)
		}
		doc := checkDoc(t, out)
		if len(doc.Findings) == 0 {
			t.Fatal("no findings: three demo zones have no SL-T rationale")
		}
		for _, f := range doc.Findings {
			if f.Severity != "info" {
				t.Errorf("demo finding %s (%s): %s", f.Rule, f.Severity, f.Message)
			}
		}
	}
	code, text, _ := runCLI(t, "check", demo(t), "--at", "2026-03-05")
	if code != 0 || !strings.Contains(text, "3 notes") || !strings.Contains(text, "slt-without-rationale: Enterprise") {
		t.Fatalf("text check of the demo: exit %d\n%s", code, text)
	}
}

// slate demo --flawed shows every rule of the table; an error makes the
// exit code 1; every finding carries what the JSON promises.
func TestCheckFlawedShowsEveryRule(t *testing.T) {
	path := flawedDemo(t)
	code, out, errs := runCLI(t, "check", path, "--json", "--at", "2026-03-05")
	if code != 1 {
		t.Fatalf("check of the flawed demo: exit %d (want 1: it has errors) %s", code, errs)
	}
	doc := checkDoc(t, out)
	fired := map[string]bool{}
	for _, f := range doc.Findings {
		fired[f.Rule] = true
		if f.Message == "" || f.Advice == "" || len(f.Targets) == 0 || !slices.Contains([]string{"error", "warning", "info"}, f.Severity) {
			t.Errorf("incomplete finding %+v", f)
		}
	}
	for _, r := range model.CheckRules {
		if !fired[r.ID] {
			t.Errorf("rule %s does not fire on slate demo --flawed", r.ID)
		}
	}
	if !strings.Contains(out, `"requirement": "SR 5.1"`) {
		t.Error("the due-window conflict does not name its requirement")
	}
	code, text, _ := runCLI(t, "check", path, "--at", "2026-03-05")
	if code != 1 || !strings.Contains(text, "error   it-ot-bypass: ERP to PLC (MES shortcut), Enterprise, Control (Unit 1)") ||
		!strings.Contains(text, "Advice: Terminate this traffic in the industrial DMZ") {
		t.Fatalf("text check: exit %d\n%s", code, text)
	}
}

func TestCheckUsage(t *testing.T) {
	if code, out, _ := runCLI(t, "check", "--help"); code != 0 || !strings.Contains(out, "Exit 1 when there is an error") {
		t.Fatalf("check --help: %d %q", code, out)
	}
	if code, _, errs := runCLI(t, "check"); code != 2 || !strings.Contains(errs, "missing FILE") {
		t.Fatalf("check without FILE: %d %q", code, errs)
	}
	if code, _, _ := runCLI(t, "--help"); code != 0 {
		t.Fatal("--help")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"slate check FILE [--json] [--at DATE]", "slate assets import FILE IN.csv [--dry-run] [--map FIELD=COLUMN]...", "--flawed"} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.md's command list lacks %q", want)
		}
	}
	_, usage, _ := runCLI(t, "--help")
	for _, want := range []string{"slate check FILE [--json] [--at DATE]", "slate assets import FILE IN.csv", "slate demo [--flawed] [FILE]"} {
		if !strings.Contains(usage, want) {
			t.Errorf("slate --help lacks %q", want)
		}
	}
}
