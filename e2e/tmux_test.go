// Package e2e drives the real slate binary in a real terminal (tmux). It is
// run by .ci/run with SLATE_E2E=1; without it the tests are skipped so that
// `go test ./...` stays fast and needs no tmux.
package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// term is one tmux session running a command.
type term struct {
	t    testing.TB
	name string
}

func need(t *testing.T) {
	if os.Getenv("SLATE_E2E") == "" {
		t.Skip("set SLATE_E2E=1 to run the terminal end-to-end tests (needs tmux)")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is not installed")
	}
}

// build compiles slate once per test binary.
var binPath string

func slateBin(t *testing.T) string { return slateBinB(t) }

func slateBinB(t testing.TB) string {
	if binPath != "" {
		return binPath
	}
	dir, err := os.MkdirTemp("", "slate-e2e-bin")
	if err != nil {
		t.Fatal(err)
	}
	binPath = filepath.Join(dir, "slate")
	cmd := exec.Command("go", "build", "-o", binPath, "..")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return binPath
}

func start(t *testing.T, name string, args ...string) *term {
	t.Helper()
	return startEnv(t, name, nil, args...)
}

func startB(t testing.TB, name string, args ...string) *term {
	t.Helper()
	return startEnv(t, name, nil, args...)
}

func startEnv(t testing.TB, name string, env []string, args ...string) *term {
	t.Helper()
	tm := &term{t: t, name: fmt.Sprintf("slate-e2e-%s-%d", name, os.Getpid())}
	exec.Command("tmux", "kill-session", "-t", tm.name).Run()
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	cmd := exec.Command("tmux", "new-session", "-d", "-s", tm.name, "-x", "100", "-y", "30",
		"env TERM=xterm-256color COLORTERM=truecolor "+strings.Join(env, " ")+" "+strings.Join(quoted, " ")+"; sleep 30")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", tm.name).Run() })
	return tm
}

func (tm *term) screen() string {
	return tm.capture("-p")
}

// capture returns the pane; with "-e" it keeps the escape sequences.
func (tm *term) capture(flags ...string) string {
	out, err := exec.Command("tmux", append(append([]string{"capture-pane"}, flags...), "-p", "-t", tm.name)...).Output()
	if err != nil {
		tm.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}

// waitFor polls the screen until it contains all of want.
func (tm *term) waitFor(want ...string) string {
	tm.t.Helper()
	return tm.poll(false, want...)
}

// waitForWrapped is waitFor for text printed after the interface has
// closed, which the terminal wraps at its width: lines are joined and
// spaces ignored.
func (tm *term) waitForWrapped(want ...string) string {
	tm.t.Helper()
	return tm.poll(true, want...)
}

func (tm *term) poll(joined bool, want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.screen()
		if joined { // a wrap may fall on a space, which the pane then drops
			s = strings.NewReplacer("\n", "", " ", "").Replace(s)
		}
		missing := ""
		for _, w := range want {
			if joined {
				w = strings.ReplaceAll(w, " ", "")
			}
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q:\n%s", missing, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if out, err := exec.Command("tmux", "send-keys", "-t", tm.name, k).CombinedOutput(); err != nil {
			tm.t.Fatalf("send-keys %q: %v %s", k, err, out)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// slatePID finds the slate process inside the pane (a child of the shell).
func (tm *term) slatePID() int {
	tm.t.Helper()
	out, err := exec.Command("tmux", "list-panes", "-t", tm.name, "-F", "#{pane_pid}").Output()
	if err != nil {
		tm.t.Fatal(err)
	}
	shell := strings.TrimSpace(string(out))
	children, _ := exec.Command("pgrep", "-P", shell, "slate").Output()
	pid, err := strconv.Atoi(strings.Fields(string(children) + " 0")[0])
	if err != nil || pid == 0 {
		tm.t.Fatalf("no slate process under pane shell %s", shell)
	}
	return pid
}

type matrixJSON struct {
	Targets []struct {
		ID  string `json:"id"`
		FRs []struct {
			SLA         int  `json:"sl_a"`
			Answered    int  `json:"answered"`
			Provisional bool `json:"provisional"`
		} `json:"frs"`
	} `json:"targets"`
}

func matrix(t *testing.T, bin, file string) matrixJSON {
	t.Helper()
	out, err := exec.Command(bin, "matrix", file, "--json").Output()
	if err != nil {
		t.Fatalf("slate matrix: %v", err)
	}
	var m matrixJSON
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func (m matrixJSON) fr(id string, fr int) (sla, answered int) {
	for _, tg := range m.Targets {
		if tg.ID == id {
			return tg.FRs[fr-1].SLA, tg.FRs[fr-1].Answered
		}
	}
	return -1, -1
}

// TestInterviewSurvivesKill answers requirements with one key each, kills
// slate with SIGKILL once the last answer shows as saved, restarts it, and
// checks the screen and `slate matrix --json` both show every answer and the
// raised SL-A.
func TestInterviewSurvivesKill(t *testing.T) {
	need(t)
	bin := slateBin(t)
	file := filepath.Join(t.TempDir(), "plant.slate")
	tm := start(t, "kill", bin, "demo", file)
	tm.waitFor("Interview", "Sample plant written to "+file)
	before := matrix(t, bin, file)
	slaBefore, answeredBefore := before.fr("control", 3)
	if slaBefore != 1 {
		t.Fatalf("demo control FR3 SL-A is %d, want 1", slaBefore)
	}

	// The demo's interview opens on its first FR with an unanswered
	// requirement, enterprise FR2; control FR3 is three zones and one FR on.
	tm.keys("3")
	tm.waitFor("Enterprise (zone) · FR2")
	tm.keys("}", "}", "}")
	tm.waitFor("Control (Unit 1) (zone) · FR2")
	tm.keys("]")
	tm.waitFor("Control (Unit 1) (zone) · FR3")
	// The cursor is on the first unanswered requirement, SR 3.2 RE 1: four
	// one-key answers fill the FR; a fifth y is refused (FR3 complete).
	tm.keys("y", "y", "y", "y", "y")
	scr := tm.waitFor("FR3 complete · ] next FR", "FR3 2c/2 ok")
	for _, id := range []string{"SR 3.2 RE 1", "SR 3.7", "SR 3.8", "SR 3.9"} {
		if !rowShows(scr, id, "yes") {
			t.Fatalf("row %s does not show yes before the kill:\n%s", id, scr)
		}
	}

	pid := tm.slatePID()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)

	after := matrix(t, bin, file)
	sla, answered := after.fr("control", 3)
	if sla != 2 || answered != answeredBefore+4 {
		t.Fatalf("after the kill control FR3 has SL-A %d with %d answered; want 2 with %d", sla, answered, answeredBefore+4)
	}
	if out, err := exec.Command(bin, "verify", file).CombinedOutput(); err != nil {
		t.Fatalf("verify after kill: %v\n%s", err, out)
	}

	tm2 := start(t, "restart", bin, file)
	tm2.waitFor("Saved to plant.slate")
	tm2.keys("3", "}", "}", "}", "]")
	scr = tm2.waitFor("Control (Unit 1) (zone) · FR3", "FR3 2c/2 ok")
	for _, id := range []string{"SR 3.1", "SR 3.2 RE 1", "SR 3.7", "SR 3.8", "SR 3.9"} {
		if !rowShows(scr, id, "yes") {
			t.Fatalf("after restart row %s does not show yes:\n%s", id, scr)
		}
	}
}

// rowShows reports whether the requirement's list row shows the status.
func rowShows(screen, id, status string) bool {
	for _, line := range strings.Split(screen, "\n") {
		f := strings.Fields(line)
		// "SR 3.7  SL2  yes  Error handling": id has two or four words.
		n := len(strings.Fields(id))
		if len(f) > n+1 && strings.Join(f[:n], " ") == id && strings.HasPrefix(f[n], "SL") {
			return strings.HasPrefix(f[n+1], status)
		}
	}
	return false
}

// TestSecondInstanceIsOfferedReadOnly opens the same file twice: the second
// slate names the holder and, on y, opens read-only with a banner, refuses
// an answer at once with the reason, and shows the first one's answer by
// itself after the first commits it.
func TestSecondInstanceIsOfferedReadOnly(t *testing.T) {
	need(t)
	bin := slateBin(t)
	file := filepath.Join(t.TempDir(), "plant.slate")
	first := start(t, "first", bin, "demo", file)
	first.waitFor("Sample plant written to " + file)
	second := start(t, "second", bin, file)
	second.waitFor("is open in Slate pid", "Open it read-only instead? [y/N]")
	second.keys("y", "Enter")
	second.waitFor("READ-ONLY", "nothing is saved · ctrl+r reloads")
	second.keys("3", "y")
	// The banner and the refusal say why: the first Slate holds the file.
	second.waitFor("Read-only (another Slate has it open, pid ", "): nothing can be changed here")
	// dmz SR 2.1 is unanswered in the demo: y changes it, a commit to see.
	first.keys("3", "}", "y")
	first.waitFor("Saved: dmz SR 2.1: yes")
	second.waitFor("Another Slate saved changes: shown as of")
}

// TestHardLinkIsOneAssessment: a second name (hard link) of a file open in
// one slate is refused for writing, naming the first name and the holder's
// pid (never offered a view through the other name); opened alone, a file
// with two names opens read-only with a banner; every committed answer is
// in the file through both names.
func TestHardLinkIsOneAssessment(t *testing.T) {
	need(t)
	bin := slateBin(t)
	dir := t.TempDir()
	real, hard := filepath.Join(dir, "real.slate"), filepath.Join(dir, "hard.slate")
	if out, err := exec.Command(bin, "demo", real).CombinedOutput(); err != nil {
		t.Fatalf("demo: %v %s", err, out)
	}
	before := len(export(t, bin, real).Answers)
	first := start(t, "link-first", bin, real)
	first.waitFor("Saved to real.slate")
	first.keys("3", "}", "y")
	first.waitFor("Saved: dmz SR 2.1: yes")
	if err := os.Link(real, hard); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	second := start(t, "link-second", bin, hard)
	scr := second.waitForWrapped("hard.slate is the same file as " + real + " (a hard link), which is open in " + fmt.Sprintf("Slate pid %d", first.slatePID()))
	if strings.Contains(scr, "read-only instead") {
		t.Fatalf("a view through the other name was offered:\n%s", scr)
	}
	first.keys("n")
	first.waitFor("Saved: dmz SR 2.1 RE 1: no")
	first.keys("q")
	first.waitForWrapped("real.slate: all 2 changes saved")

	alone := start(t, "link-alone", bin, hard)
	alone.waitFor("READ-ONLY", "2 names (hard links)")
	alone.keys("q")
	alone.waitForWrapped("hard.slate: opened read-only (the file has 2 names (hard links)")

	docs := map[string]string{}
	for _, name := range []string{real, hard} {
		out, err := exec.Command(bin, "export", name, "--at", "2026-03-05T10:00:00Z").Output()
		if err != nil {
			t.Fatalf("export %s: %v", name, err)
		}
		docs[name] = string(out)
	}
	if docs[real] != docs[hard] {
		t.Fatal("the two names export different assessments")
	}
	b := export(t, bin, hard)
	if len(b.Answers) <= before {
		t.Fatalf("%d answers, %d before the session", len(b.Answers), before)
	}
	if st, _ := b.answer("dmz", "SR 2.1"); st != "yes" {
		t.Fatal("the first committed answer is missing through the second name")
	}
	if st, _ := b.answer("dmz", "SR 2.1 RE 1"); st != "no" {
		t.Fatal("the second committed answer is missing through the second name")
	}
	verifyOK(t, bin, hard)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("left in the folder: %v", entries)
	}
}

// TestNoColor checks that NO_COLOR leaves no colour in the terminal while
// the cursor and gaps stay visible through attributes and symbols.
func TestNoColor(t *testing.T) {
	need(t)
	bin := slateBin(t)
	file := filepath.Join(t.TempDir(), "plant.slate")
	tm := startEnv(t, "nocolor", []string{"NO_COLOR=1"}, bin, "demo", file)
	tm.waitFor("Sample plant written to " + file)
	tm.keys("4")
	tm.waitFor("Gap matrix", "1/1 ok")
	raw := tm.capture("-e")
	for _, sgr := range []string{"[38;", "[48;", "[31m", "[32m", "[33m", "[34m", "[91m"} {
		if strings.Contains(raw, sgr) {
			t.Fatalf("colour sequence %q on screen with NO_COLOR:\n%q", sgr, raw)
		}
	}
	if !strings.Contains(raw, "[7m") && !strings.Contains(raw, ";7m") {
		t.Fatal("the cursor is not shown in reverse video without colour")
	}
	with := start(t, "color", bin, "demo", filepath.Join(t.TempDir(), "c.slate"))
	with.waitFor("Sample plant written to")
	with.keys("4")
	with.waitFor("Gap matrix")
	if !strings.Contains(with.capture("-e"), "38;") {
		t.Fatal("control: without NO_COLOR the screen has colour")
	}
}

// TestAnsweringYesShrinksTheInitiative: SR 1.5 (default passwords) is open in
// the DMZ and the supervisory zone; answering yes in one of them removes it
// from the roadmap initiative on the spot.
func TestAnsweringYesShrinksTheInitiative(t *testing.T) {
	need(t)
	bin := slateBin(t)
	file := filepath.Join(t.TempDir(), "plant.slate")
	tm := start(t, "roadmap", bin, "demo", file)
	tm.waitFor("Sample plant written to " + file)
	tm.keys("5")
	scr := tm.waitFor("Roadmap", "SR 1.5")
	if !lineWith(scr, "SR 1.5 ", "2 targets") {
		t.Fatalf("SR 1.5 should span 2 targets:\n%s", scr)
	}
	tm.keys("3", "}", "}")
	tm.waitFor("Supervisory (zone) · FR2")
	tm.keys("/")
	for _, k := range strings.Split("SR 1.5", "") {
		if k == " " {
			k = "Space"
		}
		tm.keys(k)
	}
	tm.keys("Enter")
	tm.waitFor("SR 1.5 · SL 1")
	tm.keys("y")
	tm.waitFor("Saved: supervisory SR 1.5: yes")
	tm.keys("5")
	scr = tm.waitFor("Roadmap", "SR 1.5")
	if !lineWith(scr, "SR 1.5 ", "1 target") {
		t.Fatalf("after yes SR 1.5 should have 1 target left:\n%s", scr)
	}
	out, err := exec.Command(bin, "roadmap", file, "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		Initiatives []struct {
			Requirement string            `json:"requirement"`
			Targets     []json.RawMessage `json:"targets"`
		} `json:"initiatives"`
	}
	if err := json.Unmarshal(out, &plan); err != nil {
		t.Fatal(err)
	}
	for _, in := range plan.Initiatives {
		if in.Requirement == "SR 1.5" && len(in.Targets) != 1 {
			t.Fatalf("slate roadmap lists SR 1.5 with %d targets, want 1", len(in.Targets))
		}
	}
}

func lineWith(screen string, parts ...string) bool {
	for _, l := range strings.Split(screen, "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}

// TestZoneModelInATerminal: in a real terminal the flawed demo's Zones &
// conduits screen counts the findings of slate check, draws the diagram
// (v) and lists the findings (f), and enter on one selects its conduit.
func TestZoneModelInATerminal(t *testing.T) {
	need(t)
	bin := slateBin(t)
	file := filepath.Join(t.TempDir(), "flawed.slate")
	tm := start(t, "zones", bin, "demo", "--flawed", file)
	tm.waitFor("Sample plant written to " + file)
	tm.keys("2")
	tm.waitFor("checks: 4 errors, 13 warnings, 9 notes", "Zones (8)")
	tm.keys("v")
	tm.waitFor("│ Vendor network", "gap ?", "v: list")
	tm.keys("f")
	tm.waitFor("Findings of slate check", "> error   it-ot-bypass")
	tm.keys("Enter")
	tm.waitFor("Conduit 5 of 7: ERP to PLC (MES shortcut)", "! it-ot-bypass")
}
