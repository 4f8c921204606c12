package interview

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"slate/model"
	"slate/store"
	"slate/ui/common"
	"slate/ui/uitest"
)

// onControlFR3 opens the interview on the control zone's FR3, where the
// sample plant has SL1 met and four SL2 requirements unanswered, with the
// cursor on its first requirement, SR 3.1 (answered).
func onControlFR3(t *testing.T) (*uitest.Harness, *Model) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "control", FR: 3, Requirement: "SR 3.1"})
	return h, m
}

func cur(m *Model) string {
	it, _ := m.current()
	return it.id()
}

func TestGolden(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 21}, {120, 37}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			h := uitest.NewDemo(t)
			m := New(h.Ctx)
			h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "supervisory", FR: 1, Requirement: "SR 1.7"})
			golden.RequireEqual(t, uitest.Render(t, m, size.w, size.h))
		})
	}
}

func TestGoldenEditorAndByFR(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("down"), uitest.Key("down"), uitest.Key("a"))
	h.Send(m, uitest.Type("No removable media: the ports are epoxied")...)
	golden.RequireEqual(t, uitest.Render(t, m, 80, 21))

	h2 := uitest.NewDemo(t)
	m2 := New(h2.Ctx)
	h2.Send(m2, common.GoTo{Screen: common.ScreenInterview, Target: "supervisory", FR: 5})
	h2.Send(m2, uitest.Key("o"))
	t.Run("byFR", func(t *testing.T) { golden.RequireEqual(t, uitest.Render(t, m2, 120, 37)) })
}

func TestOneKeyAnswersMoveToNextUnanswered(t *testing.T) {
	h, m := onControlFR3(t)
	if cur(m) != "SR 3.1" {
		t.Fatalf("starts on %s", cur(m))
	}
	// SR 3.1 is answered: y re-answers it and the cursor skips the answered
	// ones to SR 3.2 RE 1.
	h.Send(m, uitest.Key("y"))
	if cur(m) != "SR 3.2 RE 1" {
		t.Fatalf("after y the cursor is on %s, want SR 3.2 RE 1", cur(m))
	}
	h.Send(m, uitest.Key("p"))
	h.Send(m, uitest.Key("n"))
	as := h.Ctx.Data.Answers("control")
	if as["SR 3.2 RE 1"].Status != model.Partial || as["SR 3.7"].Status != model.No || cur(m) != "SR 3.8" {
		t.Fatalf("answers %v %v, cursor %s", as["SR 3.2 RE 1"].Status, as["SR 3.7"].Status, cur(m))
	}
	// The answers are in the file, not only on screen.
	a, _ := h.Store.Load()
	if a.Answers["control"]["SR 3.7"].Status != model.No {
		t.Fatal("answer not committed to the file")
	}
	// The side panel's SL-A follows: answering the rest yes raises FR3 to 2.
	h.Send(m, uitest.Keys("home", "down", "down", "y", "y", "y", "up", "up", "y")...)
	row, _ := h.Ctx.Data.Row("control")
	if row.Score.At(3).SLA != 2 {
		t.Fatalf("FR3 SL-A %d after answering", row.Score.At(3).SLA)
	}
	// At its target in the default scope: never provisional. SR 3.x has a
	// compensating answer at SL 1, so the cell carries the c marker.
	if got := row.Score.At(3).Text(); got != "2c/2 ok" {
		t.Fatalf("FR3 cell %q", got)
	}
	if !strings.Contains(ansi.Strip(uitest.Render(t, m, 80, 21)), "FR3 2c/2 ok") {
		t.Fatal("side panel does not show the new SL-A")
	}
	// u clears.
	h.Send(m, uitest.Key("home"), uitest.Key("u"))
	if h.Ctx.Data.Answers("control")["SR 3.1"].Status.Answered() {
		t.Fatal("u did not clear the answer")
	}
}

func TestJustificationRequiredAndCancel(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("down"), uitest.Key("down")) // SR 3.2 RE 1
	h.Send(m, uitest.Key("a"))
	if !m.Capturing() {
		t.Fatal("a did not open the justification editor")
	}
	h.Send(m, uitest.Key("ctrl+s"))
	if !m.Capturing() || h.Ctx.Data.Answers("control")["SR 3.2 RE 1"].Status.Answered() {
		t.Fatal("an empty justification was accepted")
	}
	if !strings.Contains(ansi.Strip(uitest.Render(t, m, 80, 21)), "justification is required") {
		t.Fatal("no message about the missing justification")
	}
	h.Send(m, uitest.Type("half")...)
	h.Send(m, uitest.Key("esc"))
	if m.Capturing() || h.Ctx.Data.Answers("control")["SR 3.2 RE 1"].Status.Answered() {
		t.Fatal("esc saved something")
	}
	h.Send(m, uitest.Key("a"))
	h.Send(m, uitest.Type("No removable media entry point: ports are epoxied")...)
	h.Send(m, uitest.Key("ctrl+s"))
	got := h.Ctx.Data.Answers("control")["SR 3.2 RE 1"]
	if m.Capturing() || got.Status != model.NA || got.Justification != "No removable media entry point: ports are epoxied" {
		t.Fatalf("after ctrl+s: capturing %v, answer %+v", m.Capturing(), got)
	}
	if cur(m) == "SR 3.2 RE 1" {
		t.Fatal("cursor did not move on after the justified answer")
	}
}

func TestNoteEditorAndFlagAndSession(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("I"), uitest.Key("tab"))
	h.Send(m, uitest.Type("Central control room")...)
	h.Send(m, uitest.Key("tab"))
	h.Send(m, uitest.Type("R. Patel (shift supervisor); J. Weber")...)
	h.Send(m, uitest.Key("enter"))
	s, ok := h.Ctx.Data.A.Session(h.Ctx.Data.Session)
	if !ok || m.Capturing() || s.Date != "2026-03-05" || s.Place != "Central control room" || s.Who() != "R. Patel (shift supervisor), J. Weber" {
		t.Fatalf("session %+v", s)
	}
	if h.Store.CurrentSession() != s.ID {
		t.Fatal("the current session is not remembered in the file")
	}
	h.Send(m, uitest.Key("e"))
	h.Send(m, uitest.Type("Checked with")...)
	h.Send(m, uitest.Key("enter"))
	h.Send(m, uitest.Type("the vendor")...)
	h.Send(m, uitest.Key("ctrl+s"))
	if got := h.Ctx.Data.Answers("control")["SR 3.1"].Note; got != "Checked with\nthe vendor" {
		t.Fatalf("note %q", got)
	}
	h.Send(m, uitest.Key("f"))
	if !h.Ctx.Data.Answers("control")["SR 3.1"].Flagged {
		t.Fatal("f did not flag")
	}
	h.Send(m, uitest.Key("n"))
	if got := h.Ctx.Data.Answers("control")["SR 3.1"]; got.Session != s.ID || got.Assessor != "A. Novak" {
		t.Fatalf("answer not linked to the session: %+v", got)
	}
}

// failing makes every answer fail as a full disk would.
type failing struct{ *store.Store }

func (failing) SaveAnswer(string, model.Answer) (model.Answer, error) {
	return model.Answer{}, &store.SaveError{Reason: "the disk is full; nothing was saved", Err: errors.New("SQLITE_FULL")}
}

func TestSaveErrorKeepsTheTypedText(t *testing.T) {
	h, m := onControlFR3(t)
	h.Ctx.Ops = common.NewOps(failing{h.Store}, false)
	m.ctx = h.Ctx
	h.Send(m, uitest.Key("e"))
	h.Send(m, uitest.Type("Important observation")...)
	h.Send(m, uitest.Key("ctrl+s"))
	if !m.Capturing() || m.editor.Value() != "Important observation" {
		t.Fatal("the editor closed or lost its text after a failed save")
	}
	if !strings.Contains(ansi.Strip(uitest.Render(t, m, 80, 21)), "disk is full") {
		t.Fatal("the failure is not shown in the editor")
	}
	// A one-key answer that fails does not pretend to be saved.
	h.Send(m, uitest.Key("esc"), uitest.Key("down"), uitest.Key("down"), uitest.Key("y"))
	if h.Ctx.Data.Answers("control")["SR 3.2 RE 1"].Status.Answered() || len(m.pending) != 0 {
		t.Fatal("a failed answer shows as saved or pending")
	}
}

func TestNavigation(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("]"))
	if m.fr != 4 {
		t.Fatalf("] went to FR%d", m.fr)
	}
	h.Send(m, uitest.Key("["), uitest.Key("["), uitest.Key("["))
	if m.fr != 1 {
		t.Fatalf("[ went to FR%d", m.fr)
	}
	h.Send(m, uitest.Key("["))
	if m.fr != 7 {
		t.Fatal("[ does not wrap to FR7")
	}
	h.Send(m, uitest.Key("}"))
	if m.target != "safety" {
		t.Fatalf("} went to %s", m.target)
	}
	h.Send(m, uitest.Key("{"), uitest.Key("{"))
	if m.target != "supervisory" {
		t.Fatalf("{ went to %s", m.target)
	}
	// Scope toggle: SL-T 2 asks 10 FR7 requirements of a zone, SL 4 asks 13.
	n := len(m.items)
	h.Send(m, uitest.Key("s"))
	if len(m.items) <= n {
		t.Fatalf("up-to-SL4 scope has %d items, was %d", len(m.items), n)
	}
	// By FR across all targets lists every target's requirements.
	h.Send(m, uitest.Key("s"), uitest.Key("]"), uitest.Key("]"), uitest.Key("]"), uitest.Key("]"), uitest.Key("]"), uitest.Key("o"))
	if m.fr != 5 || !m.byFR {
		t.Fatalf("fr %d byFR %v", m.fr, m.byFR)
	}
	targets := map[string]bool{}
	for _, it := range m.items {
		targets[it.target] = true
	}
	if len(targets) != 9 {
		t.Fatalf("by-FR list covers %d targets, want all 9", len(targets))
	}
	h.Send(m, uitest.Key("}"))
	if it, _ := m.current(); it.target == "supervisory" {
		t.Fatal("} in by-FR mode did not jump to the next target's rows")
	}
}

func TestSearchJumps(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("/"))
	h.Send(m, uitest.Type("backup verif")...)
	h.Send(m, uitest.Key("enter"))
	if m.fr != 7 || cur(m) != "SR 7.3 RE 1" {
		t.Fatalf("search went to FR%d %s", m.fr, cur(m))
	}
	// A requirement above SL-T widens the scope to SL 4.
	h.Send(m, uitest.Key("/"))
	h.Send(m, uitest.Type("SR 1.1 RE 3")...)
	h.Send(m, uitest.Key("enter"))
	if cur(m) != "SR 1.1 RE 3" || m.ctx.Data.Scope != model.ScopeSL4 {
		t.Fatalf("search for an SL4 requirement: %s scope %v", cur(m), m.ctx.Data.Scope)
	}
}

func TestGoToFromDrillDown(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "dmz", FR: 6, Requirement: "SR 6.2"})
	if m.target != "dmz" || cur(m) != "SR 6.2" {
		t.Fatalf("goto: %s %s", m.target, cur(m))
	}
}

func TestReadOnlyRefusesEdits(t *testing.T) {
	h, m := onControlFR3(t)
	h.Ctx.Data.ReadOnly = true
	h.Ctx.Ops = common.NewOps(h.Store, true)
	m.ctx = h.Ctx
	h.Send(m, uitest.Key("down"), uitest.Key("down"), uitest.Key("y"))
	if h.Ctx.Data.Answers("control")["SR 3.2 RE 1"].Status.Answered() {
		t.Fatal("read-only accepted an answer")
	}
	h.Send(m, uitest.Key("e"))
	if m.Capturing() || !h.Status.Error {
		t.Fatal("read-only opened an editor")
	}
}

func TestHostileTextIsStripped(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("e"))
	h.Send(m, uitest.Type("ok")...)
	h.Send(m, uitest.Key("ctrl+s"))
	// Notes imported or typed with escapes never reach the screen.
	a := h.Ctx.Data.Answers("control")["SR 3.1"]
	a.Note = "evil \x1b]0;title\x07\x1b[2J note"
	h.Ctx.Data.SetAnswer("control", a)
	out := uitest.Render(t, m, 80, 21)
	if strings.Contains(out, "\x1b]") || strings.Contains(out, "\x07") || strings.Contains(out, "[2J") {
		t.Fatalf("escape sequences reached the screen: %q", out)
	}
}

func TestRendersAtAnySize(t *testing.T) {
	h, m := onControlFR3(t)
	for _, s := range [][2]int{{80, 21}, {100, 30}, {200, 57}, {40, 10}, {20, 5}} {
		uitest.Render(t, m, s[0], s[1])
		// Every dialog drawn over the screen fits it too.
		for _, open := range []string{"c", "e", "b", "I"} {
			h.Send(m, uitest.Key(open))
			uitest.Render(t, m, s[0], s[1])
			h.Send(m, uitest.Key("esc"))
		}
		h.Send(m, uitest.Key("ctrl+d"))
		uitest.Render(t, m, s[0], s[1])
	}
}
