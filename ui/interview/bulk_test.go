package interview

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/store"
	"slate/ui/uitest"
)

// b lists every other zone and conduit the requirement applies to, none
// ticked, with its answer and scope; enter shows what would change; y
// copies status, note and method in one transaction, each target with its
// own history row, and each keeps its own flag.
func TestBulkCopy(t *testing.T) {
	h, m := on(t, "supervisory", 1, "SR 1.5")
	src := h.Ctx.Data.Answers("supervisory")["SR 1.5"]
	h.Do(m, "b")
	out := ansi.Strip(uitest.Render(t, m, 100, 30))
	for _, want := range []string{"[ ] Enterprise (zone)", "yes", "[ ] Industrial DMZ (zone)", "partial", "[ ] Safety instrumented system (zone)", "in scope", "Copied: status, note"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the list lacks %q:\n%s", want, out)
		}
	}
	h.Do(m, "enter")
	if m.mode != modeBulk || !strings.Contains(ansi.Strip(uitest.Render(t, m, 100, 30)), "Tick at least one") {
		t.Fatal("enter with nothing ticked went on")
	}
	h.Do(m, "down", "space", "down", "space", "enter") // Industrial DMZ, Control (Unit 1)
	out = ansi.Strip(uitest.Render(t, m, 100, 30))
	for _, want := range []string{"Copy SR 1.5: no to 2 zones and conduits?", "Industrial DMZ: partial → no, note replaced", "Control (Unit 1): unanswered → no, note added, how: seen"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the confirmation lacks %q:\n%s", want, out)
		}
	}
	if status(h, "dmz", "SR 1.5") != model.Partial {
		t.Fatal("something was copied before y")
	}
	h.Do(m, "y")
	if m.mode != modeList {
		t.Fatalf("the dialog stayed open: %d", m.mode)
	}
	a, _ := h.Store.Load()
	for _, key := range []string{"dmz", "control"} {
		got := a.Answers[key]["SR 1.5"]
		if got.Status != model.No || got.Note != src.Note || got.Method != src.Method {
			t.Fatalf("%s SR 1.5 in the file: %+v", key, got)
		}
		hist, _ := h.Store.AnswerHistory(key, "SR 1.5")
		if last := hist[len(hist)-1]; last.Kind != "answer" || !last.At.Equal(uitest.Clock()) {
			t.Fatalf("%s has no history row of its own: %+v", key, last)
		}
	}
	if !a.Answers["dmz"]["SR 1.5"].Flagged || a.Answers["control"]["SR 1.5"].Flagged {
		t.Fatal("the flags were copied, not kept")
	}
	if a.Answers["enterprise"]["SR 1.5"].Status != model.Yes {
		t.Fatal("an unticked target changed")
	}
	// The status line says "Saved: " and what the copy did.
	if last := h.Done[len(h.Done)-1]; status(h, "control", "SR 1.5") != model.No || last.Label != "SR 1.5 no copied to Industrial DMZ, Control (Unit 1)" {
		t.Fatalf("screen data %s, saved %q", status(h, "control", "SR 1.5"), last.Label)
	}
	// An unanswered requirement has nothing to copy.
	h.Do(m, "esc", "down", "down", "b") // SR 1.6 RE 1
	if m.mode != modeList || !strings.Contains(h.Status.Text, "Answer SR 1.6 RE 1 first") {
		t.Fatalf("b on an unanswered requirement: mode %d, %q", m.mode, h.Status.Text)
	}
}

// The evidence files and the countermeasure go with the copy only when
// their own rows are ticked; otherwise each compensating answer gets a
// countermeasure of its own, as one answered c would.
func TestBulkCopiesLinksOnlyWhenTicked(t *testing.T) {
	h, m := on(t, "control", 3, "SR 3.2")
	if _, _, err := h.Store.AddEvidence("control", "SR 3.2", store.EvidenceFile{Name: "allowlist.txt",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("allow-list export")), nil }}); err != nil {
		t.Fatal(err)
	}
	loaded, _ := h.Store.Load()
	h.Ctx.Data.A.Evidence = loaded.Evidence
	h.Ctx.Data.Evidence = model.IndexEvidence(loaded.Evidence)
	cm, _, _ := h.Ctx.Data.A.CountermeasureOf("control", "SR 3.2")
	h.Do(m, "b")
	out := ansi.Strip(uitest.Render(t, m, 100, 30))
	if !strings.Contains(out, "[ ] also link its 1 evidence file") || !strings.Contains(out, "[ ] also rely on countermeasure 1") {
		t.Fatalf("no link options:\n%s", out)
	}
	// Industrial DMZ with the countermeasure; the evidence not ticked.
	h.Do(m, "down", "space", "end", "space", "enter", "y")
	a, _ := h.Store.Load()
	if got, _, _ := a.CountermeasureOf("dmz", "SR 3.2"); a.Answers["dmz"]["SR 3.2"].Status != model.Compensating || got.ID != cm.ID {
		t.Fatalf("dmz SR 3.2 %+v relies on %+v", a.Answers["dmz"]["SR 3.2"], got)
	}
	if n := len(model.IndexEvidence(a.Evidence).Of("dmz", "SR 3.2")); n != 0 {
		t.Fatal("the evidence went with the copy without its tick")
	}
	// Safety with the evidence, without the countermeasure.
	h.Do(m, "b", "down", "down", "down", "space", "end", "up", "space", "enter", "y")
	a, _ = h.Store.Load()
	own, _, ok := a.CountermeasureOf("safety", "SR 3.2")
	if !ok || own.ID == cm.ID || own.Target != "safety" {
		t.Fatalf("safety SR 3.2 relies on %+v", own)
	}
	if files := model.IndexEvidence(a.Evidence).Of("safety", "SR 3.2"); len(files) != 1 || files[0].Name != "allowlist.txt" {
		t.Fatalf("safety SR 3.2 evidence %v", files)
	}
	// The screen's data follows: the new countermeasure and the link.
	if got, _, _ := h.Ctx.Data.A.CountermeasureOf("safety", "SR 3.2"); got.ID != own.ID || len(h.Ctx.Data.Evidence.Of("safety", "SR 3.2")) != 1 {
		t.Fatal("the screen did not take the copy's links")
	}
}

// n/a on an SR offers each of its REs that applies to the target, in
// scope or not, with its level; enter marks the ticked ones n/a with the
// SR's justification in one transaction, and the cursor moves on past
// them.
func TestNAOnAnSROffersItsREs(t *testing.T) {
	h, m := on(t, "control", 1, "SR 1.1")
	h.Do(m, "a", uitest.Type("Single operator station, no user accounts"), "ctrl+s")
	if m.mode != modeRelated {
		t.Fatalf("no offer after n/a on SR 1.1: mode %d", m.mode)
	}
	out := ansi.Strip(uitest.Render(t, m, 100, 30))
	for _, want := range []string{"SR 1.1 is not applicable here. Its enhancements too?",
		"[x] SR 1.1 RE 1 · SL 2 · in scope", "[x] SR 1.1 RE 2 · SL 3 · out of scope", "[x] SR 1.1 RE 3 · SL 4 · out of scope"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the offer lacks %q:\n%s", want, out)
		}
	}
	h.Do(m, "end", "space", "enter") // all but RE 3
	a, _ := h.Store.Load()
	for id, want := range map[string]model.Status{"SR 1.1": model.NA, "SR 1.1 RE 1": model.NA, "SR 1.1 RE 2": model.NA, "SR 1.1 RE 3": model.Unanswered} {
		got := a.Answers["control"][id]
		if got.Status.Norm() != want || want == model.NA && got.Justification != "Single operator station, no user accounts" {
			t.Fatalf("%s: %+v, want %s", id, got, want)
		}
	}
	if m.mode != modeList || cur(m) != "SR 1.2" {
		t.Fatalf("after the offer: mode %d, cursor %s (want SR 1.2, past the REs)", m.mode, cur(m))
	}
	// esc leaves the REs; an RE itself offers nothing.
	h.Do(m, "/", uitest.Type("SR 1.13"), "enter", "a", uitest.Type("No remote access at all"), "ctrl+s", "esc")
	if status(h, "control", "SR 1.13 RE 1") != model.Unanswered || m.mode != modeList || cur(m) != "SR 1.13 RE 1" {
		t.Fatalf("esc: SR 1.13 RE 1 %s, mode %d, cursor %s", status(h, "control", "SR 1.13 RE 1"), m.mode, cur(m))
	}
	h.Do(m, "a", uitest.Type("No remote access at all"), "ctrl+s")
	if m.mode != modeList || status(h, "control", "SR 1.13 RE 1") != model.NA {
		t.Fatalf("n/a on an RE: mode %d", m.mode)
	}
}

// The offer leaves an RE already answered unticked (its answer shown), so
// enter does not overwrite it; the unanswered ones come ticked.
func TestNAOnAnSRLeavesAnAnsweredREUnticked(t *testing.T) {
	h, m := on(t, "control", 1, "SR 1.1 RE 1")
	h.Do(m, "y")
	for cur(m) != "SR 1.1" {
		h.Do(m, "up")
	}
	h.Do(m, "a", uitest.Type("Single operator station, no user accounts"), "ctrl+s")
	if m.mode != modeRelated {
		t.Fatalf("no offer after n/a on SR 1.1: mode %d", m.mode)
	}
	out := ansi.Strip(uitest.Render(t, m, 100, 30))
	for _, want := range []string{"[ ] SR 1.1 RE 1 · SL 2 · in scope · yes",
		"[x] SR 1.1 RE 2 · SL 3 · out of scope · unanswered", "[x] SR 1.1 RE 3 · SL 4 · out of scope · unanswered"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the offer lacks %q:\n%s", want, out)
		}
	}
	h.Do(m, "enter")
	a, _ := h.Store.Load()
	for id, want := range map[string]model.Status{"SR 1.1 RE 1": model.Yes, "SR 1.1 RE 2": model.NA, "SR 1.1 RE 3": model.NA} {
		if got := a.Answers["control"][id].Status.Norm(); got != want {
			t.Fatalf("%s: %s after enter, want %s", id, got, want)
		}
	}
}

// An n/a copied to another zone keeps its justification (and the copy
// shows it in the file).
func TestBulkCopyKeepsTheJustification(t *testing.T) {
	h, m := on(t, "control", 1, "SR 1.1")
	const why = "Single operator station, no user accounts"
	h.Do(m, "a", uitest.Type(why), "ctrl+s", "esc") // leave the REs as they are
	for cur(m) != "SR 1.1" {
		h.Do(m, "up")
	}
	h.Do(m, "b", "space", "enter", "y") // the first zone or conduit listed
	a, _ := h.Store.Load()
	copied := 0
	for key, as := range a.Answers {
		if got := as["SR 1.1"]; key != "control" && got.Status == model.NA {
			copied++
			if got.Justification != why {
				t.Errorf("%s SR 1.1 was copied without its justification: %+v", key, got)
			}
		}
	}
	if copied != 1 {
		t.Fatalf("%d copies of the n/a, want 1", copied)
	}
}
