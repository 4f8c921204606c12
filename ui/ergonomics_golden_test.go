package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"slate/ui/common"
	"slate/ui/uitest"
)

// goldenSizes are the smallest supported terminal and a common larger one.
var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// screenNames name the screens in golden files, in tab order.
var screenNames = []string{"overview", "targets", "interview", "matrix", "roadmap", "reports"}

// The demo's Overview at 80x24 scrolled to the end of its list: all four
// conduits are on screen (the list scrolls with the cursor; its heading
// line says when there is more below).
func TestGoldenOverviewConduits(t *testing.T) {
	_, r := helpRoot(t, helpMode{keys: []any{"1"}})
	if out := ansi.Strip(frame(t, r, 80, 24)); !strings.Contains(out, "Conduits (4) · ↓ to see them") || !strings.Contains(out, "target 1 of 9 ↓") {
		t.Fatalf("the first frame does not say the list goes on:\n%s", out)
	}
	h, r := helpRoot(t, helpMode{keys: []any{"1"}})
	h.Do(r, "end")
	out := frame(t, r, 80, 24)
	for _, c := range []string{"Enterprise - DMZ", "DMZ - Supervisory", "Supervisory - Control", "Control - Safety"} {
		if !strings.Contains(ansi.Strip(out), "  "+c) && !strings.Contains(ansi.Strip(out), "> "+c) {
			t.Errorf("conduit %s is not shown:\n%s", c, ansi.Strip(out))
		}
	}
	golden.RequireEqual(t, out)
}

// A form opened on each screen outside the interview, drawn over the
// screen: what it edits stays in sight around it.
func TestGoldenOverlayForms(t *testing.T) {
	for _, c := range []struct {
		name  string
		keys  []any
		title string
		kept  string // a line of the screen the form must leave visible
	}{
		{"overview_details", []any{"1", "e"}, "Assessment details", "Gap assessment, Unit 1 ammonia plant"},
		{"targets_zone", []any{"2", "down", "e"}, "Edit zone Industrial DMZ", "> Industrial DMZ"},
		{"targets_conduit", []any{"2", "end", "e"}, "Edit conduit Control - Safety", "> Control - Safe"},
		{"roadmap_tracking", []any{"5", "down", "e"}, "Tracking of SR 1.13 RE 1", "> SR 1.13 RE 1"},
		{"roadmap_window", []any{"5", "w", "e"}, "Edit maintenance window", "> 2026-"},
		{"reports_signoff", []any{"6", "S"}, "Record the sign-off", "No sign-off recorded"},
	} {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				h, r := helpRoot(t, helpMode{})
				frame(t, r, size[0], size[1])
				h.Do(r, c.keys...)
				out := frame(t, r, size[0], size[1])
				plain := ansi.Strip(out)
				if !strings.Contains(plain, c.title) || !strings.Contains(plain, c.kept) {
					t.Fatalf("want the form %q over the screen with %q in sight:\n%s", c.title, c.kept, plain)
				}
				golden.RequireEqual(t, maskFolder(h, out))
			})
		}
	}
}

// Every screen of a read-only session: the banner, the help bar without
// the keys it refuses.
func TestGoldenReadOnlyScreens(t *testing.T) {
	for i, name := range screenNames {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				h, r := helpRoot(t, helpMode{readOnly: true})
				frame(t, r, size[0], size[1])
				h.Do(r, string(rune('1'+i)))
				out := frame(t, r, size[0], size[1])
				if !strings.Contains(ansi.Strip(out), "READ-ONLY: another Slate has the file open") {
					t.Fatalf("no banner:\n%s", ansi.Strip(out))
				}
				golden.RequireEqual(t, maskFolder(h, out))
			})
		}
	}
}

// The full help (?) of every screen, its keys in titled groups and the
// keys that work everywhere on one line.
func TestGoldenGroupedHelp(t *testing.T) {
	for i, name := range screenNames {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				h, r := helpRoot(t, helpMode{})
				frame(t, r, size[0], size[1])
				h.Do(r, string(rune('1'+i)), "?")
				out := frame(t, r, size[0], size[1])
				if !strings.Contains(ansi.Strip(out), r.Active().Title()+": keys") {
					t.Fatalf("no help:\n%s", ansi.Strip(out))
				}
				// No entry is cut (the tab bar, line 1, may cut the title).
				for _, l := range strings.Split(ansi.Strip(out), "\n")[1:] {
					if strings.Contains(l, "…") {
						t.Errorf("a help line is cut: %q", l)
					}
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}

// The interview in the whole terminal at both sizes: the tab bar, status
// and help around the scrolled detail, the editors drawn over the
// question, and a 60-character zone name with the whole scope in the
// header.
func TestGoldenInterviewInTheTerminal(t *testing.T) {
	long := "Ammonia synthesis loop, compressor house and refrigeration 2"
	rename := func(t *testing.T, h *uitest.Harness) {
		for i := range h.Ctx.Data.A.Zones {
			if h.Ctx.Data.A.Zones[i].Key == "control" {
				h.Ctx.Data.A.Zones[i].Name = long
			}
		}
		h.Ctx.Data.Rebuild()
	}
	for _, c := range []struct {
		name string
		prep func(t *testing.T, h *uitest.Harness)
		keys []any
		want []string // on the frame, tags stripped
	}{
		{"detail_scrolled", nil, []any{"ctrl+d"}, []string{"SR 3.2 RE 1"}},
		{"note_editor", nil, []any{"e"}, []string{"Note for SR 3.2 RE 1", "? Is data entering this zone"}},
		{"justification_editor", nil, []any{"a"}, []string{"SR 3.2 RE 1", "? Is data entering this zone"}},
		// The name gives way (…); FR, SL-T, progress and scope never do.
		{"long_name", rename, nil, []string{"Ammonia synthesi", "· FR3 · SL-T 2 · 6/10 · scope: up to SL-T"}},
	} {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				h, r := helpRoot(t, helpMode{prep: c.prep})
				frame(t, r, size[0], size[1])
				h.Send(r, common.GoTo{Screen: common.ScreenInterview, Target: "control", FR: 3})
				h.Do(r, c.keys...)
				out := frame(t, r, size[0], size[1])
				plain := ansi.Strip(out)
				want := c.want
				if c.name == "detail_scrolled" && size[1] == 24 {
					// 80x24 cannot show the whole detail: ctrl+d moved it.
					want = append(want, "── detail ", "ctrl+u back")
				}
				for _, w := range want {
					if !strings.Contains(plain, w) {
						t.Fatalf("%q is not on the frame:\n%s", w, plain)
					}
				}
				golden.RequireEqual(t, maskFolder(h, out))
			})
		}
	}
}
