package interview

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/common"
	"slate/ui/uitest"
)

// The screen's body in an 80x24 and a 120x40 terminal (the tab bar, the
// status line and the help bar take three rows).
var bodies = []struct{ w, h int }{{80, 21}, {120, 37}}

// The detail pane scrolled with ctrl+d: the separator says which lines
// show, the question has scrolled away and the note's end is in sight.
func TestGoldenDetailScrolled(t *testing.T) {
	for _, size := range bodies {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			h, m := on(t, "control", 3, "SR 3.2")
			var note []string
			for i := 1; i <= 30; i++ {
				note = append(note, fmt.Sprintf("Observation %d: USB port control checked on station ES-%02d.", i, i))
			}
			a := h.Ctx.Data.Answers("control")["SR 3.2"]
			a.Note = strings.Join(note, " ")
			saved, err := h.Store.SaveAnswer("control", a)
			if err != nil {
				t.Fatal(err)
			}
			h.Ctx.Data.SetAnswer("control", saved)
			m.SetSize(size.w, size.h)
			// At 80x24 the pane has 12 lines: ctrl+d moves by 6.
			h.Do(m, "ctrl+d")
			if plain := ansi.Strip(uitest.Render(t, m, size.w, size.h)); size.w == 80 && !strings.Contains(plain, "── detail 7-18 of") {
				t.Fatalf("ctrl+d did not scroll half a pane:\n%s", plain)
			}
			for range 10 {
				h.Do(m, "ctrl+d")
			}
			out := uitest.Render(t, m, size.w, size.h)
			plain := ansi.Strip(out)
			if !strings.Contains(plain, "ctrl+u back") || strings.Contains(plain, "ctrl+d more") || !strings.Contains(plain, "Observation 30") {
				t.Fatalf("not scrolled to the end:\n%s", plain)
			}
			golden.RequireEqual(t, out)
			// ctrl+u goes back to the top, with the question.
			for range 10 {
				h.Do(m, "ctrl+u")
			}
			if plain := ansi.Strip(uitest.Render(t, m, size.w, size.h)); !strings.Contains(plain, "? Do the Windows machines") {
				t.Fatalf("ctrl+u did not scroll back:\n%s", plain)
			}
		})
	}
}

// The editors and dialogs of an answer sit at the bottom, the question
// above them readable.
func TestGoldenDialogsUnderTheQuestion(t *testing.T) {
	for _, d := range []struct {
		name   string
		target string
		fr     model.FR
		req    string
		keys   []any
	}{
		{"note", "control", 3, "SR 3.7", []any{"e", uitest.Type("Vendor kiosk in the control room")}},
		{"justification", "control", 3, "SR 3.2 RE 1", []any{"a", uitest.Type("No removable media: the ports are epoxied")}},
		{"bulk", "supervisory", 1, "SR 1.5", []any{"b", "down", "space"}},
		{"bulk_confirm", "supervisory", 1, "SR 1.5", []any{"b", "down", "space", "down", "space", "enter"}},
		{"related", "control", 1, "SR 1.1", []any{"a", uitest.Type("Single operator station"), "ctrl+s"}},
	} {
		for _, size := range bodies {
			t.Run(fmt.Sprintf("%s_%dx%d", d.name, size.w, size.h), func(t *testing.T) {
				h, m := on(t, d.target, d.fr, d.req)
				m.SetSize(size.w, size.h)
				h.Do(m, d.keys...)
				out := uitest.Render(t, m, size.w, size.h)
				if plain := ansi.Strip(out); !strings.Contains(plain, "? ") {
					t.Fatalf("the question is hidden under the dialog:\n%s", plain)
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}

// A 60-character zone name: the header cuts the name, never the FR, the
// SL-T, the count or the scope.
func TestGoldenLongNameHeader(t *testing.T) {
	name := "Ammonia synthesis loop, compressor house and refrigeration 2"
	if len(name) != 60 {
		t.Fatalf("the name has %d characters", len(name))
	}
	a := model.SamplePlant(questionnaires.Builtin())
	for i := range a.Zones {
		if a.Zones[i].Key == "control" {
			a.Zones[i].Name = name
		}
	}
	for _, size := range bodies {
		for _, scope := range []model.Scope{model.ScopeSLT, model.ScopeSL4} {
			t.Run(fmt.Sprintf("%dx%d_%s", size.w, size.h, scope.Key()), func(t *testing.T) {
				h := uitest.New(t, a)
				h.Ctx.Data.SetScope(scope)
				m := New(h.Ctx)
				h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: "control", FR: 3})
				out := uitest.Render(t, m, size.w, size.h)
				header := strings.Split(ansi.Strip(out), "\n")[0]
				count := map[model.Scope]string{model.ScopeSLT: "6/10", model.ScopeSL4: "6/19"}[scope]
				for _, want := range []string{"FR3", "SL-T 2", count, scope.Label()} {
					if !strings.Contains(header, want) {
						t.Fatalf("the header lacks %q: %q", want, header)
					}
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}
