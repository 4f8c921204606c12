package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"slate/model"
	"slate/ui/common"
	"slate/ui/uitest"
)

// pumpRoot hands the messages commands returned (the file picker's steps
// and folder listings) back to the root, as the program does.
func pumpRoot(t *testing.T, h *uitest.Harness, r root) {
	t.Helper()
	h.Redeliver(r, func(m tea.Msg) bool {
		name := fmt.Sprintf("%T", m)
		return strings.Contains(name, "interview.pickerStep") || strings.Contains(name, "filepicker.")
	})
}

// withProvenance starts an interview session, answers in it, attaches two
// files to control SR 3.1 and leaves the cursor there.
func withProvenance(t *testing.T, h *uitest.Harness, r root) {
	t.Helper()
	src := t.TempDir()
	png := filepath.Join(src, "plc-101-protection.png")
	txt := filepath.Join(src, "firewall-export.txt")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n a screenshot of the TIA Portal protection settings"), 0o600)
	os.WriteFile(txt, []byte("permit tcp 192.168.20.0/24 192.168.30.0/24 eq 102\ndeny ip any any log\n"), 0o600)
	h.Send(r, uitest.Key("3"), common.GoTo{Screen: common.ScreenInterview, Target: "control", FR: 3, Requirement: "SR 3.1"})
	// The operations the session form and the evidence panel ask for (their
	// keys are tested in ui/interview).
	ops := h.Ctx.Ops
	_, start := ops.StartSession(common.ScreenInterview, model.Session{Date: "2026-03-05", Place: "Central control room",
		Attendees: []model.Attendee{{Name: "R. Patel", Role: "shift supervisor"}, {Name: "J. Weber", Role: "control engineer"}}})
	_, first := ops.AttachEvidence(common.ScreenInterview, "control", "SR 3.1", png, "Protection level not set")
	_, second := ops.AttachEvidence(common.ScreenInterview, "control", "SR 3.1", txt, "")
	h.Send(r, start(), first(), second())
	h.Do(r, "m", "down", "p", "home")
}

// Goldens of the provenance views, whole frames at 80x24 and 120x40.
func TestGoldenProvenance(t *testing.T) {
	views := []struct {
		name string
		keys []any
	}{
		{"interview_session", nil},
		{"evidence", []any{"x"}},
		{"unlink", []any{"x", "d"}},
		{"attach", []any{"x", "a"}},
		{"history", []any{"h"}},
		{"followups", []any{"F"}},
		{"session_form", []any{"I"}},
		{"signoff_form", []any{"6", "S"}},
	}
	for _, v := range views {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, size[0], size[1]), func(t *testing.T) {
				h, r := newRoot(t)
				withProvenance(t, h, r)
				frame(t, r, size[0], size[1])
				h.Do(r, v.keys...)
				pumpRoot(t, h, r)
				out := frame(t, r, size[0], size[1])
				golden.RequireEqual(t, maskFolder(h, out))
			})
		}
	}
}

// The question at start about a session from an earlier day.
func TestGoldenSessionAsk(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := uitest.NewDemo(t)
			h.Root = true
			s, err := h.Store.StartSession(model.Session{Date: "2026-03-04", Place: "Engineering office",
				Attendees: []model.Attendee{{Name: "J. Weber", Role: "control engineer"}}})
			if err != nil {
				t.Fatal(err)
			}
			h.Ctx.Data.A.Sessions = append(h.Ctx.Data.A.Sessions, s)
			h.Ctx.Data.Session = s.ID
			app := NewApp(h.Ctx, Screens(h.Ctx)...)
			app.openOnQuestion()
			r := root{app}
			if r.Active().Title() != "Interview" {
				t.Fatalf("opens on %s", r.Active().Title())
			}
			golden.RequireEqual(t, frame(t, r, size[0], size[1]))
		})
	}
}
