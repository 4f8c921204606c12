package interview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
	"slate/ui/uitest"
)

// On a firewall conduit SR 1.6 is "N/A suggested": shown, not saved, not
// scored; a opens the justification with the suggested text and ctrl+s
// saves it. A wireless conduit gets no suggestion.
func TestNASuggestedOnConduits(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "enterprise-dmz", FR: 1, Requirement: "SR 1.6"})
	if cur(m) != "SR 1.6" {
		t.Fatalf("on %s", cur(m))
	}
	scoreBefore := h.Ctx.Data.M.Rows[5].Score
	out := ansi.Strip(uitest.Render(t, m, 80, 21))
	if !strings.Contains(out, "SR 1.6       SL1  n/a?") || !strings.Contains(out, "N/A suggested (not saved, not scored): The conduit") || !strings.Contains(out, "(firewall) has no wireless") {
		t.Fatalf("no suggestion:\n%s", out)
	}
	if a, _ := h.Store.Load(); a.Answers["enterprise-dmz"]["SR 1.6"].Status.Answered() {
		t.Fatal("a suggestion was saved")
	}
	if h.Ctx.Data.M.Rows[5].Score != scoreBefore {
		t.Fatal("a suggestion changed the score")
	}
	h.Send(m, uitest.Key("a"))
	if m.mode != modeEditor || !strings.Contains(m.editor.Value(), "no wireless or cellular segment") {
		t.Fatalf("the editor is not pre-filled: %q", m.editor.Value())
	}
	h.Send(m, uitest.Key("ctrl+s"))
	a, _ := h.Store.Load()
	got := a.Answers["enterprise-dmz"]["SR 1.6"]
	if got.Status != model.NA || !strings.Contains(got.Justification, "no wireless or cellular segment") {
		t.Fatalf("confirmed answer %+v", got)
	}
	if out := ansi.Strip(uitest.Render(t, m, 80, 21)); strings.Contains(out, "N/A suggested") && strings.Contains(out, "SR 1.6 ·") {
		t.Fatalf("the suggestion stays after the answer:\n%s", out)
	}

	// A wireless conduit: no suggestion.
	c, _ := h.Ctx.Data.A.Conduit("dmz-supervisory")
	wc := *c
	wc.Kind = model.ConduitWireless
	h.Ctx.Data.PutConduit(wc)
	h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "dmz-supervisory", FR: 1, Requirement: "SR 1.6"})
	if out := ansi.Strip(uitest.Render(t, m, 80, 21)); strings.Contains(out, "N/A suggested") || strings.Contains(out, "n/a?") {
		t.Fatalf("suggestion on a wireless conduit:\n%s", out)
	}
}
