package interview

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
	"slate/ui/uitest"
)

// pump hands the file picker's messages (its steps and folder listings,
// which commands return) back to the screen, as the root does.
func pump(t *testing.T, h *uitest.Harness, m *Model) {
	t.Helper()
	h.Redeliver(m, func(msg tea.Msg) bool {
		_, step := msg.(pickerStep)
		return step || fromPicker(msg)
	})
}

func provScreen(t *testing.T, m *Model) string {
	t.Helper()
	return ansi.Strip(uitest.Render(t, m, 140, 30))
}

// m cycles how an answer was established; like a note it keeps the
// answer's time, and the detail shows it.
func TestMethodKeepsTheAnswersTime(t *testing.T) {
	h, m := onControlFR3(t)
	before := h.Ctx.Data.Answers("control")["SR 3.1"]
	h.Send(m, uitest.Key("m"))
	got := h.Ctx.Data.Answers("control")["SR 3.1"]
	if got.Method != model.Seen || !got.UpdatedAt.Equal(before.UpdatedAt) || got.Session != before.Session {
		t.Fatalf("after m: %+v (before %+v)", got, before)
	}
	if !strings.Contains(provScreen(t, m), "How: seen (document or screen)") {
		t.Fatal("the detail does not show how the answer was established")
	}
	h.Send(m, uitest.Keys("m", "m")...)
	if got := h.Ctx.Data.Answers("control")["SR 3.1"].Method; got != model.MethodNone {
		t.Fatalf("m cycles to %q, want back to none", got)
	}
}

// x opens the evidence of the requirement; a file is attached by picking
// it in the assessment's folder or by typing its path, exported to a
// folder, removed from the requirement, and deleted when nothing else uses
// it (after asking).
func TestEvidencePanel(t *testing.T) {
	h, m := onControlFR3(t)
	dir := filepath.Dir(h.Path)
	photo := []byte("\xff\xd8\xff a photo of the PLC cabinet")
	os.WriteFile(filepath.Join(dir, "a-cabinet.jpg"), photo, 0o600)
	h.Send(m, uitest.Key("x"))
	if !m.Capturing() || !strings.Contains(provScreen(t, m), "No file yet: a attaches one") {
		t.Fatalf("panel:\n%s", provScreen(t, m))
	}
	// Pick the first file of the folder (folders first, then names).
	h.Send(m, uitest.Key("a"))
	pump(t, h, m)
	if s := provScreen(t, m); !strings.Contains(s, "a-cabinet.jpg") || !strings.Contains(s, "plant.slate") {
		t.Fatalf("picker:\n%s", s)
	}
	h.Send(m, uitest.Key("enter"))
	pump(t, h, m)
	h.Send(m, uitest.Type("door label")...)
	h.Send(m, uitest.Key("ctrl+s"))
	files := h.Ctx.Data.Evidence.Of("control", "SR 3.1")
	if len(files) != 1 || files[0].Name != "a-cabinet.jpg" || files[0].Caption != "door label" || m.mode != modeEvidence {
		t.Fatalf("attached %+v, mode %d:\n%s", files, m.mode, provScreen(t, m))
	}
	// Typing a path works too; a relative one is read from the assessment's folder.
	other := filepath.Join(t.TempDir(), "rules.txt")
	os.WriteFile(other, []byte("deny ip any any\n"), 0o600)
	h.Send(m, uitest.Keys("a", "tab")...)
	pump(t, h, m)
	h.Send(m, uitest.Type(other)...)
	h.Send(m, uitest.Key("ctrl+s"))
	if n := len(h.Ctx.Data.Evidence.Of("control", "SR 3.1")); n != 2 {
		t.Fatalf("%d files after typing a path:\n%s", n, provScreen(t, m))
	}
	// Export the selected file (the photo, first by name) to a folder.
	out := t.TempDir()
	h.Send(m, uitest.Keys("home", "o", "ctrl+a", "ctrl+k")...)
	h.Send(m, uitest.Type(out)...)
	h.Send(m, uitest.Key("enter"))
	if got, _ := os.ReadFile(filepath.Join(out, "a-cabinet.jpg")); !bytes.Equal(got, photo) {
		t.Fatalf("exported %q:\n%s", got, provScreen(t, m))
	}
	if !strings.Contains(provScreen(t, m), "Exported to "+filepath.Join(out, "a-cabinet.jpg")) {
		t.Fatal("the panel does not say where the file went")
	}
	// The requirement's row is marked as having evidence.
	h.Send(m, uitest.Key("esc"))
	if !strings.Contains(provScreen(t, m), "SR 3.1       SL1  yes  + Communication integrity") {
		t.Fatalf("no evidence mark:\n%s", provScreen(t, m))
	}
	// Removing the last link asks; k keeps the file unlinked, y deletes it.
	h.Send(m, uitest.Keys("x", "d")...)
	if !strings.Contains(provScreen(t, m), "Delete the file from the assessment too?") {
		t.Fatalf("no question:\n%s", provScreen(t, m))
	}
	h.Send(m, uitest.Key("k"))
	a, _ := h.Store.Load()
	if len(a.Evidence) != 2 || len(h.Ctx.Data.Evidence.Of("control", "SR 3.1")) != 1 {
		t.Fatal("k did not keep the file unlinked")
	}
	h.Send(m, uitest.Keys("d", "y")...)
	a, _ = h.Store.Load()
	if len(a.Evidence) != 1 || len(h.Ctx.Data.A.Evidence) != 1 {
		t.Fatalf("y did not delete the file: %d in the file, %d on screen", len(a.Evidence), len(h.Ctx.Data.A.Evidence))
	}
}

// h shows the requirement's history from the chained history: who changed
// what, when, in which session.
func TestHistoryView(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("I"), uitest.Key("tab"))
	h.Send(m, uitest.Type("Control room")...)
	h.Send(m, uitest.Key("tab"))
	h.Send(m, uitest.Type("R. Patel (shift supervisor)")...)
	h.Send(m, uitest.Keys("enter", "home", "p", "home", "f", "h")...)
	s := provScreen(t, m)
	for _, want := range []string{"History · Control (Unit 1) · SR 3.1", "status unanswered → yes", "status yes → partial",
		"flagged for follow-up", "2026-03-05 · Control room · R. Patel (shift supervisor)", "3 changes"} {
		if !strings.Contains(s, want) {
			t.Fatalf("history lacks %q:\n%s", want, s)
		}
	}
	h.Send(m, uitest.Key("esc"))
	if m.Capturing() {
		t.Fatal("esc did not close the history")
	}
}

// F lists what to go back to, and enter goes there.
func TestFollowUpsJump(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("F"))
	s := provScreen(t, m)
	for _, want := range []string{"DMZ", "SR 1.5", "partial", "flagged, partial", "Supervisory"} {
		if !strings.Contains(s, want) {
			t.Fatalf("follow-ups lack %q:\n%s", want, s)
		}
	}
	// The first is the DMZ's SR 1.5, flagged and partial.
	h.Send(m, uitest.Key("enter"))
	if it, _ := m.current(); it.target != "dmz" || it.req.ID != "SR 1.5" || m.Capturing() {
		t.Fatalf("enter went to %s %s", it.target, it.req.ID)
	}
	// A yes the catalog wants vendor evidence for, without a file, is listed.
	for i := range h.Ctx.Data.Cat.Requirements {
		r := &h.Ctx.Data.Cat.Requirements[i]
		if r.EvidenceFrom != model.EvidenceStaff && r.AppliesTo.Includes(model.KindZone) {
			h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "control", Requirement: r.ID})
			h.Send(m, uitest.Keys("y", "F")...)
			if !strings.Contains(provScreen(t, m), "no "+string(r.EvidenceFrom)+" evidence") {
				t.Fatalf("a yes to %s without evidence is not listed:\n%s", r.ID, provScreen(t, m))
			}
			return
		}
	}
	t.Fatal("the catalog marks no requirement evidence_from")
}

// Starting on a later day than the current session's asks whether to
// continue it or start a new one, from the data loaded at start and the
// context's clock.
func TestSessionFromAnEarlierDayAsks(t *testing.T) {
	h := uitest.NewDemo(t)
	s, err := h.Store.StartSession(model.Session{Date: "2026-03-04", Place: "Control room", Attendees: []model.Attendee{{Name: "J. Weber"}}})
	if err != nil {
		t.Fatal(err)
	}
	h.Ctx.Data.A.Sessions = append(h.Ctx.Data.A.Sessions, s)
	h.Ctx.Data.Session = s.ID
	m := New(h.Ctx)
	if !m.NeedsAttention() || !strings.Contains(provScreen(t, m), "Continue the interview session of 2026-03-04?") {
		t.Fatalf("no question:\n%s", provScreen(t, m))
	}
	h.Send(m, uitest.Key("c"))
	if m.Capturing() || h.Ctx.Data.Session != s.ID {
		t.Fatal("c did not continue the session")
	}
	m2 := New(h.Ctx)
	h.Send(m2, uitest.Key("n"))
	h.Send(m2, uitest.Keys("tab", "tab")...)
	h.Send(m2, uitest.Type("K. Brandt (plant manager)")...)
	h.Send(m2, uitest.Key("enter"))
	if cur, _ := h.Ctx.Data.A.Session(h.Ctx.Data.Session); cur.Date != "2026-03-05" || cur.Who() != "K. Brandt (plant manager)" {
		t.Fatalf("new session %+v", cur)
	}
	// Today's session is not asked about.
	if New(h.Ctx).NeedsAttention() {
		t.Fatal("asked about today's session")
	}
}

// i edits the current session's attendees; without a session it says how
// to start one.
func TestEditAttendees(t *testing.T) {
	h, m := onControlFR3(t)
	h.Send(m, uitest.Key("i"))
	if m.Capturing() || !strings.Contains(h.Status.Text, "press I to start one") {
		t.Fatalf("i without a session: %q", h.Status.Text)
	}
	h.Send(m, uitest.Keys("I", "tab", "tab")...)
	h.Send(m, uitest.Type("R. Patel")...)
	h.Send(m, uitest.Key("enter"))
	h.Send(m, uitest.Keys("i", "tab", "tab", "end")...)
	h.Send(m, uitest.Type("; J. Weber (control engineer)")...)
	h.Send(m, uitest.Key("enter"))
	cur, _ := h.Ctx.Data.A.Session(h.Ctx.Data.Session)
	if cur.Who() != "R. Patel, J. Weber (control engineer)" || len(h.Ctx.Data.A.Sessions) != 5 {
		t.Fatalf("session %+v (%d sessions)", cur, len(h.Ctx.Data.A.Sessions))
	}
	if !strings.Contains(provScreen(t, m), "Session 2026-03-05 · R. Patel, J. Weber (control engineer)") {
		t.Fatalf("header:\n%s", provScreen(t, m))
	}
}
