package main

import (
	"encoding/json"
	"strings"
	"testing"

	"slate/report"
)

func TestRoadmapCommand(t *testing.T) {
	path := demo(t)
	code, out, errs := runCLI(t, "roadmap", path, "--json", "--at", "2026-03-05T00:00:00Z")
	if code != 0 {
		t.Fatalf("roadmap: %s", errs)
	}
	var r report.RoadmapDoc
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Initiatives) == 0 || len(r.Windows) != 3 || r.Unanswered == 0 {
		t.Fatalf("plan: %d initiatives, %d windows, %d unanswered", len(r.Initiatives), len(r.Windows), r.Unanswered)
	}
	var sr15, sr112 *report.RoadmapInitiative
	for i := range r.Initiatives {
		switch r.Initiatives[i].Requirement {
		case "SR 1.5":
			sr15 = &r.Initiatives[i]
		case "SR 1.12":
			sr112 = &r.Initiatives[i]
		}
	}
	if sr15 == nil || len(sr15.Targets) != 2 || sr15.Owner != "J. Weber" || sr15.Status != "in_progress" {
		t.Fatalf("SR 1.5 (default passwords in DMZ and Supervisory): %+v", sr15)
	}
	if sr112 == nil || sr112.Status != "risk_accepted" || sr112.Accepted == "" || r.Initiatives[len(r.Initiatives)-1].Requirement != "SR 1.12" {
		t.Fatal("the risk-accepted initiative is not last with its justification")
	}
	code, text, _ := runCLI(t, "roadmap", path, "--at", "2026-03-05T00:00:00Z")
	for _, want := range []string{"Remediation roadmap:", "== 3-12 months", "Why this priority:", "Closed (done or risk accepted)", "not answered yet"} {
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
