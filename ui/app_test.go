package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"slate/model"
	"slate/ui/common"
	"slate/ui/uitest"
)

// root adapts the App to the harness (which drives Update(msg) tea.Cmd).
type root struct{ *App }

func (r root) Update(msg tea.Msg) tea.Cmd {
	_, cmd := r.App.Update(msg)
	return cmd
}

func newRoot(t *testing.T) (*uitest.Harness, root) {
	h := uitest.NewDemo(t)
	h.Root = true
	app := NewApp(h.Ctx, Screens(h.Ctx)...)
	return h, root{app}
}

func frame(t *testing.T, r root, w, h int) string {
	r.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return uitest.Check(t, r.View().Content, w, h)
}

// maskFolder replaces the assessment's folder, a temporary one of varying
// length, with "/plant" (and the padding after it, which depends on that
// length, before or after the style's end), for golden files.
func maskFolder(h *uitest.Harness, out string) string {
	return regexp.MustCompile(regexp.QuoteMeta(filepath.Dir(h.Path))+"( *)((?:\x1b\\[[0-9;]*m)*) *").ReplaceAllString(out, "/plant $2")
}

// Every screen, whole frame (tab bar, body, status line, help bar).
func TestGoldenScreens(t *testing.T) {
	for i, name := range []string{"overview", "targets", "interview", "matrix", "roadmap", "reports"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				h, r := newRoot(t)
				h.Send(r, uitest.Key(string(rune('1'+i))))
				golden.RequireEqual(t, maskFolder(h, frame(t, r, size[0], size[1])))
			})
		}
	}
}

// The zone and conduit diagram on the Zones & conduits screen (v), whole
// frame, readable at 80x24 (scrolled with the list keys) and at 120x40,
// and the findings list (f).
func TestGoldenDiagram(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
		w, h int
	}{
		{"80x24", []string{"2", "v"}, 80, 24},
		{"80x24_scrolled", []string{"2", "v", "pgdown", "pgdown"}, 80, 24},
		{"120x40", []string{"2", "v"}, 120, 40},
		{"findings_80x24", []string{"2", "f", "j"}, 80, 24},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, r := newRoot(t)
			r.Update(tea.WindowSizeMsg{Width: tc.w, Height: tc.h})
			h.Send(r, uitest.Keys(tc.keys...)...)
			golden.RequireEqual(t, frame(t, r, tc.w, tc.h))
		})
	}
}

func TestScreenKeysAndTabs(t *testing.T) {
	h, r := newRoot(t)
	want := []string{"Overview", "Zones & conduits", "Interview", "Gap matrix", "Roadmap", "Reports"}
	for i, title := range want {
		h.Send(r, uitest.Key(string(rune('1'+i))))
		if r.Active().Title() != title {
			t.Fatalf("key %d shows %s", i+1, r.Active().Title())
		}
	}
	h.Send(r, uitest.Key("tab"))
	if r.Active().Title() != "Overview" {
		t.Fatal("tab does not wrap to the first screen")
	}
	h.Send(r, uitest.Key("shift+tab"))
	if r.Active().Title() != "Reports" {
		t.Fatal("shift+tab does not go back")
	}
}

func TestHelpOverlay(t *testing.T) {
	h, r := newRoot(t)
	h.Send(r, uitest.Key("3"), uitest.Key("?"))
	out := ansi.Strip(frame(t, r, 80, 24))
	for _, want := range []string{"Interview: keys", "yes: requirement met", "search requirements", "quit"} {
		if !strings.Contains(out, want) {
			t.Fatalf("full help lacks %q:\n%s", want, out)
		}
	}
	h.Send(r, uitest.Key("x"))
	if strings.Contains(ansi.Strip(frame(t, r, 80, 24)), "Interview: keys") {
		t.Fatal("help did not close")
	}
}

func TestDigitsGoToTheEditorNotTheTabs(t *testing.T) {
	h, r := newRoot(t)
	h.Send(r, uitest.Key("3"), uitest.Key("e"))
	h.Send(r, uitest.Type("Zone 2 and 4")...)
	if r.Active().Title() != "Interview" {
		t.Fatal("typing digits in the note editor switched screens")
	}
	h.Send(r, uitest.Key("ctrl+s"))
	// The interview opens on the first requirement left to answer.
	if got := h.Ctx.Data.Answers("enterprise")["SR 2.1"].Note; !strings.HasSuffix(got, "Zone 2 and 4") {
		t.Fatalf("note %q", got)
	}
}

func TestCtrlCInEditorAsksFirst(t *testing.T) {
	h, r := newRoot(t)
	h.Send(r, uitest.Key("3"), uitest.Key("e"))
	h.Send(r, uitest.Type("unsaved")...)
	if cmd := r.Update(uitest.Key("ctrl+c")); cmd != nil {
		t.Fatal("ctrl+c in an editor quit at once")
	}
	if !strings.Contains(ansi.Strip(frame(t, r, 80, 24)), "discard") {
		t.Fatal("no confirmation shown")
	}
	h.Send(r, uitest.Key("n"))
	if !r.Active().Capturing() {
		t.Fatal("declining closed the editor")
	}
	cmd := r.Update(uitest.Key("ctrl+c"))
	r.Update(uitest.Key("y"))
	_ = cmd
}

func TestQuitKey(t *testing.T) {
	_, r := newRoot(t)
	cmd := r.Update(uitest.Key("q"))
	if cmd == nil {
		t.Fatal("q returned no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q does not quit")
	}
}

// A drill-down in the matrix jumps to the requirement in the interview.
func TestMatrixDrillDownJumpsToInterview(t *testing.T) {
	h, r := newRoot(t)
	h.Send(r, uitest.Key("4"), uitest.Key("down"), uitest.Key("down"), uitest.Key("enter"), uitest.Key("enter"))
	for _, g := range h.GoTos {
		h.Send(r, g)
	}
	if r.Active().Title() != "Interview" {
		t.Fatalf("active screen %s", r.Active().Title())
	}
	out := ansi.Strip(frame(t, r, 120, 40))
	if !strings.Contains(out, "Supervisory (zone) · FR1") || !strings.Contains(out, "SR 1.1 RE 1 · SL 2") {
		t.Fatalf("interview is not on the drilled requirement:\n%s", out)
	}
	// Answering it updates the matrix at once.
	h.Send(r, uitest.Key("y"))
	if got := h.Ctx.Data.Answers("supervisory")["SR 1.1 RE 1"].Status; got != model.Yes {
		t.Fatalf("drilled requirement is %s after y", got)
	}
}

func TestReadOnlyBanner(t *testing.T) {
	h := uitest.NewDemo(t)
	h.Root = true
	h.Ctx.Data.ReadOnly, h.Ctx.Data.ReadOnlyReason = true, "the file is read-only"
	h.Ctx.Ops = common.NewOps(h.Store, true)
	r := root{NewApp(h.Ctx, Screens(h.Ctx)...)}
	out := ansi.Strip(frame(t, r, 80, 24))
	if !strings.Contains(out, "READ-ONLY") {
		t.Fatalf("no banner:\n%s", out)
	}
	// At 80 columns the banner says how to reload, whatever the reason
	// (a long one is cut instead).
	for _, why := range []string{"another Slate has the file open", "the file has 2 names (hard links); copy it to a file of its own to edit it"} {
		h.Ctx.Data.ReadOnlyReason = why
		if banner := strings.Split(ansi.Strip(frame(t, r, 80, 24)), "\n")[1]; !strings.HasSuffix(strings.TrimSpace(banner), "ctrl+r reloads") {
			t.Errorf("the banner does not end with ctrl+r reloads at 80 columns: %q", banner)
		}
	}
	h.Ctx.Data.ReadOnlyReason = "the file is read-only"
	// The interview opens on enterprise SR 2.1, its first unanswered requirement.
	h.Send(r, uitest.Key("3"), uitest.Key("y"))
	if strings.Contains(ansi.Strip(frame(t, r, 80, 24)), "Saved:") || h.Ctx.Data.Answers("enterprise").Status("SR 2.1").Answered() {
		t.Fatal("a read-only session saved an answer")
	}
	golden.RequireEqual(t, frame(t, r, 80, 24))
}

func TestResizeNeverOverflows(t *testing.T) {
	h, r := newRoot(t)
	for i := range 6 {
		h.Send(r, uitest.Key(string(rune('1'+i))))
		for _, s := range [][2]int{{80, 24}, {81, 25}, {100, 30}, {132, 43}, {200, 60}, {60, 20}} {
			frame(t, r, s[0], s[1])
		}
	}
}

func TestEmptyAssessment(t *testing.T) {
	h := uitest.New(t, &model.Assessment{Name: "New site", CatalogID: "iec62443-3-3", CatalogVersion: "2013+COR1:2014"})
	h.Root = true
	r := root{NewApp(h.Ctx, Screens(h.Ctx)...)}
	for i := range 4 {
		h.Send(r, uitest.Key(string(rune('1'+i))))
		out := ansi.Strip(frame(t, r, 80, 24))
		if !strings.Contains(out, "No zones") && !strings.Contains(out, "no zones") {
			t.Errorf("screen %d gives no hint on an empty assessment:\n%s", i+1, out)
		}
	}
}

func TestLightBackgroundSwitchesTheme(t *testing.T) {
	h, r := newRoot(t)
	dark := *h.Ctx.Styles
	r.Update(tea.BackgroundColorMsg{Color: color.White})
	if h.Ctx.Styles.IsDark || h.Ctx.Styles.Title.GetForeground() == dark.Title.GetForeground() {
		t.Fatal("a light background did not switch to the light theme")
	}
	r.Update(tea.BackgroundColorMsg{Color: color.Black})
	if !h.Ctx.Styles.IsDark {
		t.Fatal("a dark background did not switch back")
	}
}

// Row 6: what quitting reports comes from what was really saved: a change
// refused because the file moved is counted as not saved.
func TestOutcomeCountsRefusedSaves(t *testing.T) {
	h, r := newRoot(t)
	h.Send(r, uitest.Key("3"), uitest.Key("y"))
	if out := r.Outcome(); out.Saved != 1 || len(out.NotSaved) != 0 {
		t.Fatalf("after one answer: %+v", out)
	}
	if err := os.Rename(h.Path, h.Path+".moved"); err != nil {
		t.Fatal(err)
	}
	h.Send(r, uitest.Key("n"))
	out := r.Outcome()
	if out.Saved != 1 || len(out.NotSaved) != 1 || !strings.Contains(out.NotSaved[0], "NOT SAVED: the assessment file was moved") {
		t.Fatalf("after a refused answer: %+v", out)
	}
	if status := ansi.Strip(frame(t, r, 100, 30)); !strings.Contains(status, "NOT SAVED") {
		t.Fatalf("the status line does not say NOT SAVED:\n%s", status)
	}
}
