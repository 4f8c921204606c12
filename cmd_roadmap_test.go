package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"slate/report"
)

func roadmapDoc(t *testing.T, path string) report.RoadmapDoc {
	t.Helper()
	code, out, errs := runCLI(t, "roadmap", path, "--json", "--at", "2026-03-05")
	if code != 0 {
		t.Fatalf("roadmap: %s", errs)
	}
	var r report.RoadmapDoc
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func initiative(r report.RoadmapDoc, id string) (int, *report.RoadmapInitiative) {
	for i := range r.Initiatives {
		if r.Initiatives[i].Requirement == id {
			return i, &r.Initiatives[i]
		}
	}
	return -1, nil
}

// The demo plant teaches the order an OT security lead would sign: default
// passwords and remote access now, the flat VLAN in the first window that
// covers it, visibility before the rest of its phase.
func TestDemoRoadmapOrder(t *testing.T) {
	r := roadmapDoc(t, demo(t))
	if len(r.Initiatives) == 0 || len(r.Windows) != 2 || r.Unanswered == 0 || len(r.Projects) == 0 {
		t.Fatalf("plan: %d initiatives, %d windows, %d unanswered, %d projects", len(r.Initiatives), len(r.Windows), r.Unanswered, len(r.Projects))
	}
	_, sr15 := initiative(r, "SR 1.5")
	if sr15 == nil || sr15.Phase != "now" || len(sr15.Targets) != 2 || sr15.Tracking == nil || sr15.Tracking.Owner != "J. Weber" {
		t.Fatalf("SR 1.5 (default passwords) must be in Now with its owner: %+v", sr15)
	}
	_, sr51 := initiative(r, "SR 5.1")
	if sr51 == nil || sr51.Window == nil || sr51.Window.Name != r.Windows[0].Name {
		t.Fatalf("SR 5.1 (flat VLAN) must be in the first window that covers it: %+v", sr51)
	}
	for _, tg := range sr51.Targets {
		if tg.Window == nil || tg.Window.Name != r.Windows[0].Name {
			t.Fatalf("SR 5.1 on %s: window %+v", tg.ID, tg.Window)
		}
	}
	if len(sr51.Conflicts) != 0 {
		t.Fatalf("SR 5.1 is due on the first window's day: no conflict, got %+v", sr51.Conflicts)
	}
	// SR 6.2 and SR 7.8 come after the quick wins and before every other
	// initiative of their phase that is not a quick win, whatever its score.
	for _, id := range []string{"SR 6.2", "SR 7.8"} {
		i, in := initiative(r, id)
		if in == nil || in.Group != "visibility" {
			t.Fatalf("%s: %+v", id, in)
		}
		for j, other := range r.Initiatives {
			if other.Phase != in.Phase || other.Closed != in.Closed || other.Group == "visibility" {
				continue
			}
			if other.Group == "quick_win" && j > i || other.Group != "quick_win" && j < i {
				t.Errorf("%s (%d) and %s (%d, %s) are out of order", id, i, other.Requirement, j, other.Group)
			}
		}
	}
	// The risk acceptance belongs to one target and carries who, which role
	// and the review date.
	_, sr112 := initiative(r, "SR 1.12")
	if sr112 == nil {
		t.Fatal("SR 1.12 is not planned")
	}
	accepted := false
	for _, tg := range sr112.Targets {
		if tg.Tracking.Status == "risk_accepted" {
			accepted = tg.ID == "supervisory" && tg.Closed && tg.Tracking.AcceptedBy != nil &&
				tg.Tracking.AcceptedBy.Role == "plant manager" && tg.Tracking.Review != ""
		}
	}
	if !accepted {
		t.Fatalf("SR 1.12's risk acceptance: %+v", sr112.Targets)
	}
	// Every initiative carries what `slate roadmap --json` promises.
	for _, in := range r.Initiatives {
		if in.Score == 0 || in.Phase == "" || in.Group == "" || len(in.Factors) == 0 || in.Targets == nil || in.Conflicts == nil {
			t.Fatalf("%s lacks fields: %+v", in.Requirement, in)
		}
	}
}

func TestRoadmapCommand(t *testing.T) {
	path := demo(t)
	code, text, _ := runCLI(t, "roadmap", path, "--at", "2026-03-05")
	for _, want := range []string{"Remediation roadmap:", "== Now (0-3 months)", "Why this priority:", "high risk", "Project: ", "not answered yet"} {
		if code != 0 || !strings.Contains(text, want) {
			t.Fatalf("text roadmap lacks %q:\n%s", want, text)
		}
	}
	// Same input and time, same output.
	_, again, _ := runCLI(t, "roadmap", path, "--at", "2026-03-05T00:00:00Z")
	if again != text {
		t.Fatal("roadmap output is not reproducible")
	}
}

// Every key of every JSON document Slate writes is snake_case.
func TestJSONKeysAreSnakeCase(t *testing.T) {
	path := demo(t)
	flawed := flawedDemo(t)
	evidenceAndSignOff(t, path) // sessions, methods, evidence and a sign-off in every document
	docs := map[string][]string{
		"check":    {"check", flawed, "--json", "--at", "2026-03-05"},
		"matrix":   {"matrix", path, "--json"},
		"roadmap":  {"roadmap", path, "--json", "--at", "2026-03-05"},
		"export":   {"export", path},
		"report":   {"report", path, "--format", "json", "-o", "-"},
		"evidence": {"evidence", "list", path, "--json"},
	}
	for name, args := range docs {
		code, out, errs := runCLI(t, args...)
		if code != 0 && !(name == "check" && code == 1) { // the flawed plant's check fails, by design
			t.Fatalf("%s: %s", name, errs)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, k := range jsonKeys(v) {
			if !snake(k) {
				t.Errorf("%s: key %q is not snake_case", name, k)
			}
		}
	}
}

// jsonKeys lists every object key in a decoded JSON value.
func jsonKeys(v any) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			out = append(out, k)
			out = append(out, jsonKeys(e)...)
		}
	case []any:
		for _, e := range x {
			out = append(out, jsonKeys(e)...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func snake(k string) bool {
	if k == "" || k[0] == '_' || k[len(k)-1] == '_' {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}
