package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEvidenceAndSessionSurviveKill starts an interview session, attaches
// a file of several chunks to a requirement, answers it, kills slate with
// SIGKILL, and reopens: the session, the evidence and the answer are
// there, `slate evidence get` returns the very bytes attached, and the
// file verifies. `slate evidence get -o -` refuses to write to the
// terminal.
func TestEvidenceAndSessionSurviveKill(t *testing.T) {
	need(t)
	bin := slateBin(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "plant.slate")
	src := filepath.Join(t.TempDir(), "cabinet.jpg")
	data := make([]byte, 5<<19+4321) // three chunks
	for i := range data {
		data[i] = byte(i*7) ^ byte(i>>12)
	}
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC().Format("2006-01-02")

	tm := start(t, "evidence", bin, "demo", file)
	tm.waitFor("Sample plant written to " + file)
	tm.keys("3", "}", "}", "}", "]", "Home")
	tm.waitFor("Control (Unit 1) (zone) · FR3", "No interview session")
	tm.keys("I", "Tab", "Control room", "Tab", "R. Patel (shift supervisor)", "Enter")
	tm.waitFor("Session " + today + " · Control room · R. Patel (shift supervisor)")
	tm.keys("x", "a")
	tm.waitFor("Attach a file to SR 3.1", "plant.slate")
	tm.keys("Tab", src, "Tab", "Door label", "C-s")
	tm.waitFor("Attached cabinet.jpg", "cabinet.jpg", "2.5 MiB")
	// The panel closed before p: an escape followed at once by p would
	// read as alt+p.
	tm.keys("Escape")
	tm.waitFor("SR 3.1 · SL 1 · Communication integrity")
	tm.keys("p")
	scr := tm.waitFor("Saved: control SR 3.1: partial")
	if !strings.Contains(scr, "SR 3.1       SL1 part  + ") {
		t.Fatalf("the row does not show the answer and its evidence:\n%s", scr)
	}
	kill(t, tm)

	tm2 := start(t, "evidence-reopen", bin, file)
	tm2.waitFor("Saved to plant.slate")
	tm2.keys("3", "}", "}", "}", "]", "Home")
	scr = tm2.waitFor("Control (Unit 1) (zone) · FR3", "Session "+today+" · Control room · R. Patel (shift supervisor)",
		"Evidence: cabinet.jpg")
	if !rowShows(scr, "SR 3.1", "part") {
		t.Fatalf("after reopening SR 3.1 is not partial:\n%s", scr)
	}
	tm2.keys("q")

	out, err := exec.Command(bin, "evidence", "list", file, "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var listed struct {
		Evidence []struct {
			SHA256, Name, Caption string
			Size                  int64
			Session               int64
			Links                 []struct{ Target, Requirement string }
		} `json:"evidence"`
	}
	if err := json.Unmarshal(out, &listed); err != nil || len(listed.Evidence) != 1 {
		t.Fatalf("evidence list: %s %v", out, err)
	}
	e := listed.Evidence[0]
	if e.Name != "cabinet.jpg" || e.Size != int64(len(data)) || e.Caption != "Door label" || e.Session == 0 ||
		len(e.Links) != 1 || e.Links[0].Target != "control" || e.Links[0].Requirement != "SR 3.1" {
		t.Fatalf("evidence %+v", e)
	}
	got := filepath.Join(t.TempDir(), "got.jpg")
	if out, err := exec.Command(bin, "evidence", "get", file, e.SHA256, "-o", got).CombinedOutput(); err != nil {
		t.Fatalf("evidence get: %v %s", err, out)
	}
	if back, _ := os.ReadFile(got); !bytes.Equal(back, data) {
		t.Fatal("evidence get returned other bytes than those attached")
	}
	d := export(t, bin, file)
	if status, _ := d.answer("control", "SR 3.1"); status != "partial" {
		t.Fatalf("exported SR 3.1 is %q", status)
	}
	verifyOK(t, bin, file)

	tm3 := start(t, "evidence-tty", bin, "evidence", "get", file, e.SHA256, "-o", "-")
	tm3.waitForWrapped("refusing to write a file's bytes to a terminal")
}
