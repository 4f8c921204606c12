package e2e

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDemoFirstKeysLandOnOpenQuestions: a newcomer opens the demo, presses
// 3 and answers y y n. The interview opened on the first FR, in matrix
// order, with an unanswered requirement, so the three keys answer its
// first three unanswered requirements, and nothing else: after kill -9 the
// export differs from the one taken before by exactly those three answers
// (yes, yes, no) and the cell's answered count in slate matrix grew by 3.
func TestDemoFirstKeysLandOnOpenQuestions(t *testing.T) {
	need(t)
	bin := slateBin(t)
	file := filepath.Join(t.TempDir(), "plant.slate")
	tm := start(t, "first-keys", bin, "demo", file)
	tm.waitFor("Sample plant written to " + file)
	before := exportDoc(t, bin, file)
	matrixBefore := matrixCells(t, bin, file)

	// The opening cell: the first zone or conduit and FR, in matrix order,
	// with fewer requirements answered than in scope.
	var open matrixCell
	for _, c := range matrixBefore {
		if c.Answered < c.Applicable {
			open = c
			break
		}
	}
	if open.Target == "" {
		t.Fatalf("slate matrix --json lists no cell with an unanswered requirement in scope before the session: %+v", matrixBefore)
	}
	tm.keys("3")
	scr := tm.waitFor("(" + open.Kind + ") · FR" + open.FR)
	header := regexp.MustCompile(`(?m)^(.+) \((zone|conduit)\) · FR(\d)`).FindStringSubmatch(scr)
	if header == nil || header[1] != open.Name || header[3] != open.FR {
		t.Fatalf("the interview opened on %q, want %s FR%s:\n%s", header, open.Name, open.FR, scr)
	}
	// The first three rows of the list still unanswered ("·").
	var firstOpen []string
	for _, line := range strings.Split(scr, "\n") {
		if m := rowRE.FindStringSubmatch(strings.TrimSpace(line)); m != nil && m[2] == "·" && len(firstOpen) < 3 {
			firstOpen = append(firstOpen, m[1])
		}
	}
	if len(firstOpen) != 3 {
		t.Fatalf("fewer than three unanswered rows on screen:\n%s", scr)
	}

	tm.keys("y", "y", "n")
	tm.waitFor("Saved: " + open.Target + " " + firstOpen[2] + ": no")
	kill(t, tm)

	after := exportDoc(t, bin, file)
	want := map[string]string{firstOpen[0]: "yes", firstOpen[1]: "yes", firstOpen[2]: "no"}
	changed := map[string]string{}
	for key, a := range after.answers {
		if b, ok := before.answers[key]; !ok || !reflect.DeepEqual(a, b) {
			target, req, _ := strings.Cut(key, "|")
			if target != open.Target {
				t.Fatalf("%s changed, in another target than %s", key, open.Target)
			}
			changed[req], _ = a["status"].(string)
		}
	}
	for key := range before.answers {
		if _, ok := after.answers[key]; !ok {
			t.Fatalf("answer %s is gone", key)
		}
	}
	if !reflect.DeepEqual(changed, want) {
		t.Fatalf("changed answers %v, want %v", changed, want)
	}
	if !reflect.DeepEqual(after.rest, before.rest) {
		t.Fatal("the export changed beyond the three answers")
	}
	matrixAfter := matrixCells(t, bin, file)
	i := slices.IndexFunc(matrixAfter, func(c matrixCell) bool { return c.Target == open.Target && c.FR == open.FR })
	if i < 0 {
		t.Fatalf("slate matrix --json lists no cell %s FR%s after the session: %+v", open.Target, open.FR, matrixAfter)
	}
	if c := matrixAfter[i]; c.Answered != open.Answered+3 {
		t.Fatalf("%s FR%s has %d answered, want %d", c.Target, c.FR, c.Answered, open.Answered+3)
	}
	verifyOK(t, bin, file)
}

// doc is an export split into its answers (by target|requirement) and the
// rest, without what changes with any commit (the export time, the
// history head, the time of the last change).
type doc struct {
	answers map[string]map[string]any
	rest    map[string]any
}

func exportDoc(t *testing.T, bin, file string) doc {
	t.Helper()
	out, err := exec.Command(bin, "export", file, "--at", "2026-03-05T10:00:00Z").Output()
	if err != nil {
		t.Fatalf("slate export: %v", err)
	}
	var all map[string]any
	if err := json.Unmarshal(out, &all); err != nil {
		t.Fatal(err)
	}
	d := doc{answers: map[string]map[string]any{}, rest: all}
	for _, a := range all["answers"].([]any) {
		a := a.(map[string]any)
		d.answers[a["target"].(string)+"|"+a["requirement"].(string)] = a
	}
	delete(all, "answers")
	delete(all, "exported_at")
	delete(all, "history")
	delete(all["assessment"].(map[string]any), "updated")
	return d
}

// matrixCell is one cell of slate matrix --json, in matrix order.
type matrixCell struct {
	Target, Name, Kind, FR string
	Answered, Applicable   int
}

func matrixCells(t *testing.T, bin, file string) []matrixCell {
	t.Helper()
	out, err := exec.Command(bin, "matrix", file, "--json").Output()
	if err != nil {
		t.Fatalf("slate matrix: %v", err)
	}
	var m struct {
		Targets []struct {
			ID, Name, Kind string
			FRs            []struct {
				FR         int `json:"fr"`
				Answered   int `json:"answered"`
				Applicable int `json:"applicable"`
			} `json:"frs"`
		} `json:"targets"`
	}
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	var cells []matrixCell
	for _, tg := range m.Targets {
		for _, c := range tg.FRs {
			cells = append(cells, matrixCell{tg.ID, tg.Name, tg.Kind, string(rune('0' + c.FR)), c.Answered, c.Applicable})
		}
	}
	return cells
}
