package interview

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
	"slate/ui/uitest"
)

func status(h *uitest.Harness, target, req string) model.Status {
	return h.Ctx.Data.Answers(target).Status(req)
}

// Control FR3 in the demo: SR 3.1 yes, 3.2 compensating, 3.2 RE 1 open,
// 3.3 to 3.6 answered, 3.7, 3.8 and 3.9 open. An answer in the middle
// moves the cursor down to the next unanswered row, past the answered
// ones, and never up.
func TestAnswerInTheMiddleMovesDown(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2 RE 1")
	h.Send(m, uitest.Key("y"))
	if cur(m) != "SR 3.7" || status(h, "control", "SR 3.2 RE 1") != model.Yes {
		t.Fatalf("after y on SR 3.2 RE 1 the cursor is on %s (answer %s), want SR 3.7", cur(m), status(h, "control", "SR 3.2 RE 1"))
	}
	if !strings.Contains(h.Status.Text, "Saved: control SR 3.2 RE 1: yes") || !strings.Contains(h.Status.Text, "next e/f/m/x is for SR 3.2 RE 1") {
		t.Fatalf("status %q", h.Status.Text)
	}
	// Re-answering an answered row above moves down from it, to the first
	// open row below it: SR 3.7, not back to the top.
	h.Send(m, uitest.Keys("home", "n")...)
	if cur(m) != "SR 3.7" || status(h, "control", "SR 3.1") != model.No {
		t.Fatalf("after n on SR 3.1 the cursor is on %s", cur(m))
	}
	h.Send(m, uitest.Keys("p", "n")...)
	if cur(m) != "SR 3.9" || status(h, "control", "SR 3.7") != model.Partial || status(h, "control", "SR 3.8") != model.No {
		t.Fatalf("cursor %s, SR 3.7 %s, SR 3.8 %s", cur(m), status(h, "control", "SR 3.7"), status(h, "control", "SR 3.8"))
	}
}

// The last open row of an FR, answered: the cursor stays, the status line
// says the FR is complete, and a second answer key changes nothing until
// the cursor moves.
func TestAnswerAtTheEndOfAnFRHolds(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2 RE 1")
	h.Send(m, uitest.Keys("y", "y", "y", "y")...) // SR 3.2 RE 1, 3.7, 3.8, 3.9
	if cur(m) != "SR 3.9" || status(h, "control", "SR 3.9") != model.Yes {
		t.Fatalf("cursor %s, SR 3.9 %s", cur(m), status(h, "control", "SR 3.9"))
	}
	if !strings.Contains(h.Status.Text, "Saved: control SR 3.9: yes · FR3 complete · ] next FR") {
		t.Fatalf("status %q", h.Status.Text)
	}
	for _, k := range []string{"n", "p", "u", "N", "a", "c"} {
		h.Send(m, uitest.Key(k))
		if m.Capturing() || status(h, "control", "SR 3.9") != model.Yes || cur(m) != "SR 3.9" {
			t.Fatalf("%s on the held row: capturing %v, SR 3.9 %s, cursor %s", k, m.Capturing(), status(h, "control", "SR 3.9"), cur(m))
		}
		if h.Status.Text != "FR3 complete · ] next FR" {
			t.Fatalf("%s on the held row says %q", k, h.Status.Text)
		}
	}
	// Moving away and back lets the answer be changed.
	h.Send(m, uitest.Keys("up", "down", "n")...)
	if status(h, "control", "SR 3.9") != model.No {
		t.Fatal("the row takes no answer after the cursor moved")
	}
	// ] goes on, to the next FR's first open requirement.
	h.Send(m, uitest.Key("]"))
	if m.fr != 4 || cur(m) != "SR 4.1" {
		t.Fatalf("] went to FR%d %s", m.fr, cur(m))
	}
}

// With open rows above, the held row says how many and g goes to the
// first of them.
func TestAnswerAtTheEndWithOpenRowsAbove(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2 RE 1")
	h.Send(m, uitest.Keys("end", "y")...) // SR 3.9
	if cur(m) != "SR 3.9" || !strings.HasSuffix(h.Status.Text, "· 3 unanswered above · g to go") {
		t.Fatalf("cursor %s, status %q", cur(m), h.Status.Text)
	}
	h.Send(m, uitest.Key("y"))
	if h.Status.Text != "3 unanswered above · g to go" {
		t.Fatalf("a second y says %q", h.Status.Text)
	}
	h.Send(m, uitest.Key("g"))
	if cur(m) != "SR 3.2 RE 1" {
		t.Fatalf("g went to %s, want the first unanswered above, SR 3.2 RE 1", cur(m))
	}
	// Without a held row g is the first row, as everywhere.
	h.Send(m, uitest.Key("g"))
	if cur(m) != "SR 3.1" {
		t.Fatalf("g went to %s", cur(m))
	}
}

// In a complete FR (enterprise FR1) an answer re-answers the row and the
// cursor stays: the next key does not overwrite it.
func TestAnswerInACompleteFR(t *testing.T) {
	h, m := on(t, "enterprise", 1, "SR 1.4")
	h.Send(m, uitest.Keys("p", "y")...)
	if cur(m) != "SR 1.4" || status(h, "enterprise", "SR 1.4") != model.Partial {
		t.Fatalf("cursor %s, SR 1.4 %s", cur(m), status(h, "enterprise", "SR 1.4"))
	}
	if h.Status.Text != "FR1 complete · ] next FR" {
		t.Fatalf("status %q", h.Status.Text)
	}
	// The site questions and the by-FR list say it their way.
	h.Send(m, uitest.Key("o"), uitest.Key("y"))
	if !m.byFR || cur(m) != "SR 1.4" || !strings.Contains(h.Status.Text, "FR1 of Enterprise complete · } next zone or conduit") {
		t.Fatalf("by FR: cursor %s, status %q", cur(m), h.Status.Text)
	}
}

// e, f, m and x act on the requirement just answered for one key press,
// wherever the cursor went; any other key ends that.
func TestKeysAfterAnAnswer(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2 RE 1")
	h.Send(m, uitest.Keys("y", "f")...)
	as := h.Ctx.Data.Answers("control")
	if !as["SR 3.2 RE 1"].Flagged || as["SR 3.7"].Flagged || cur(m) != "SR 3.7" {
		t.Fatalf("f after y flagged SR 3.2 RE 1 %v, SR 3.7 %v; cursor %s", as["SR 3.2 RE 1"].Flagged, as["SR 3.7"].Flagged, cur(m))
	}
	if h.Status.Text != "SR 3.2 RE 1 flagged for follow-up" {
		t.Fatalf("status %q", h.Status.Text)
	}
	// Only one key: the next f is the cursor's.
	h.Send(m, uitest.Key("f"))
	if !h.Ctx.Data.Answers("control")["SR 3.7"].Flagged {
		t.Fatal("a second f did not flag the row under the cursor")
	}
	h.Send(m, uitest.Keys("n", "e")...) // SR 3.7 no, the cursor on SR 3.8
	if !m.Capturing() || m.editItem.id() != "SR 3.7" || !strings.Contains(m.editor.Title, "Note for SR 3.7") {
		t.Fatalf("e after n opened the editor on %s", m.editItem.id())
	}
	h.Send(m, uitest.Type("no scanning kiosk")...)
	h.Send(m, uitest.Key("ctrl+s"))
	if got := h.Ctx.Data.Answers("control")["SR 3.7"]; got.Note != "no scanning kiosk" || got.Status != model.No {
		t.Fatalf("SR 3.7 %+v", got)
	}
	// m after an answer; any other key in between ends it.
	h.Send(m, uitest.Keys("y", "m")...) // SR 3.8 yes, the cursor on SR 3.9
	if h.Ctx.Data.Answers("control")["SR 3.8"].Method != model.Told || h.Ctx.Data.Answers("control")["SR 3.9"].Method != "" {
		t.Fatal("m after y did not record the method of SR 3.8")
	}
	h.Send(m, uitest.Keys("home", "end", "x")...)
	if m.mode != modeEvidence || m.prov.ev.item.id() != "SR 3.9" {
		t.Fatalf("x after other keys opened the evidence of %s", m.prov.ev.item.id())
	}
	h.Send(m, uitest.Key("esc"))
	h.Send(m, uitest.Keys("up", "y", "x")...) // SR 3.8 again: held, then x for it
	if m.mode != modeEvidence || m.prov.ev.item.id() != "SR 3.8" {
		t.Fatalf("x after y opened the evidence of %s", m.prov.ev.item.id())
	}
}

// Y, P and N answer and open the note editor on the answered requirement.
func TestAnswerWithANote(t *testing.T) {
	for k, want := range map[string]model.Status{"Y": model.Yes, "P": model.Partial, "N": model.No} {
		h, m := on(t, "control", 3, "SR 3.2 RE 1")
		h.Send(m, uitest.Key(k))
		if status(h, "control", "SR 3.2 RE 1") != want || !m.Capturing() || m.editItem.id() != "SR 3.2 RE 1" || cur(m) != "SR 3.7" {
			t.Fatalf("%s: %s, capturing %v on %s, cursor %s", k, status(h, "control", "SR 3.2 RE 1"), m.Capturing(), m.editItem.id(), cur(m))
		}
		h.Send(m, uitest.Type("kiosk only in the control room")...)
		h.Send(m, uitest.Key("ctrl+s"))
		if got := h.Ctx.Data.Answers("control")["SR 3.2 RE 1"]; got.Note != "kiosk only in the control room" || got.Status != want {
			t.Fatalf("after %s and the note: %+v", k, got)
		}
	}
}

// A flag asked for before the answer under it is committed builds on that
// answer: the two saves commit in order and the flag does not undo it.
func TestFlagRightAfterAnAnswerKeepsIt(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2 RE 1")
	yes := m.Update(uitest.Key("y"))
	flag := m.Update(uitest.Key("f"))
	if a := m.pending[item{target: "control", req: m.items[2].req}.key()]; a.Status != model.Yes || !a.Flagged {
		t.Fatalf("pending %+v", a)
	}
	for _, c := range []tea.Cmd{yes, flag} {
		deliver(h, m, c)
	}
	got := h.Ctx.Data.Answers("control")["SR 3.2 RE 1"]
	if got.Status != model.Yes || !got.Flagged || len(m.pending) != 0 {
		t.Fatalf("after both saves: %+v, pending %v", got, m.pending)
	}
	a, _ := h.Store.Load()
	if a.Answers["control"]["SR 3.2 RE 1"].Status != model.Yes {
		t.Fatal("the flag undid the answer in the file")
	}
}

// deliver runs a command as the program would, store results included.
func deliver(h *uitest.Harness, m *Model, c tea.Cmd) {
	if c == nil {
		return
	}
	switch msg := c().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			deliver(h, m, c)
		}
	case common.Done:
		msg.ApplyTo(h.Ctx.Data)
		deliver(h, m, m.Update(msg.Result))
	}
}

// The interview opens on the first target and FR, in matrix order, with
// an unanswered requirement in scope: in the demo enterprise FR1 is
// complete, so FR2 and its first requirement.
func TestOpensOnTheFirstOpenRequirement(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	if m.target != "enterprise" || m.fr != 2 || cur(m) != "SR 2.1" {
		t.Fatalf("opens on %s FR%d %s", m.target, m.fr, cur(m))
	}
	h.Send(m, uitest.Keys("y", "y", "n")...)
	for id, want := range map[string]model.Status{"SR 2.1": model.Yes, "SR 2.2": model.Yes, "SR 2.3": model.No, "SR 2.4": model.Unanswered} {
		if got := status(h, "enterprise", id); got != want {
			t.Fatalf("%s is %s, want %s", id, got, want)
		}
	}
}

// Resume opens where a session left the interview, when anything is left
// to answer there; the answer rules then apply from there.
func TestResume(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.7")
	place := m.Place()
	if place != `{"target":"control","fr":3,"requirement":"SR 3.7"}` {
		t.Fatalf("place %s", place)
	}
	again := New(h.Ctx)
	if !again.Resume(place) || again.target != "control" || again.fr != 3 || cur(again) != "SR 3.7" {
		t.Fatalf("resumed on %s FR%d %s", again.target, again.fr, cur(again))
	}
	h.Send(again, uitest.Keys("y", "y")...)
	if cur(again) != "SR 3.9" || status(h, "control", "SR 3.8") != model.Yes {
		t.Fatalf("after resume and y y: cursor %s", cur(again))
	}
	h.Send(again, uitest.Keys("y", "home", "y", "y")...) // SR 3.9; SR 3.1 again, then SR 3.2 RE 1
	// Nothing left in control FR3: a new session opens where there is.
	if status(h, "control", "SR 3.2 RE 1") != model.Yes {
		t.Fatal("setup: control FR3 is not complete")
	}
	third := New(h.Ctx)
	if third.Resume(place) || third.target != "enterprise" || third.fr != 2 {
		t.Fatalf("a complete FR was resumed: %s FR%d", third.target, third.fr)
	}
	for _, bad := range []string{"", "{", `{"target":"nowhere","fr":3}`, `{"target":"control","fr":9}`} {
		if third.Resume(bad) {
			t.Fatalf("resumed %q", bad)
		}
	}
	// The site questions, while one is open.
	h.Send(third, common.GoTo{Screen: common.ScreenInterview, Site: true})
	site := third.Place()
	if !New(h.Ctx).Resume(site) || site != `{"site":true,"requirement":"SITE 5"}` {
		t.Fatalf("site place %s", site)
	}
}

// The status line's tail after an answer ("next e/f/m/x is for …") ends
// with the one key it speaks of: a move, or leaving the screen, puts the
// plain "Saved: …" back, so it never names a row the next key misses.
func TestStatusTailEndsWithItsKey(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2 RE 1")
	h.Send(m, uitest.Key("y"))
	if !strings.Contains(h.Status.Text, "next e/f/m/x is for SR 3.2 RE 1") {
		t.Fatalf("status %q", h.Status.Text)
	}
	h.Send(m, uitest.Key("down"))
	if h.Status.Text != "Saved: control SR 3.2 RE 1: yes" {
		t.Fatalf("after a move the status is %q", h.Status.Text)
	}
	h.Send(m, uitest.Key("n"))
	if !strings.Contains(h.Status.Text, "next e/f/m/x is for") {
		t.Fatalf("status %q", h.Status.Text)
	}
	h.Send(m, common.Hidden{})
	if !strings.HasPrefix(h.Status.Text, "Saved: control SR") || strings.Contains(h.Status.Text, "e/f/m/x") {
		t.Fatalf("after leaving the screen the status is %q", h.Status.Text)
	}
}
