package ui

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
	"slate/ui/uitest"
)

// spy is a screen that records the store results it is handed, under
// another tab title when title is set.
type spy struct {
	common.Screen
	title   string
	mu      sync.Mutex
	results []common.Result
}

func (s *spy) Title() string {
	if s.title != "" {
		return s.title
	}
	return s.Screen.Title()
}

func (s *spy) Update(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(common.Result); ok {
		s.mu.Lock()
		s.results = append(s.results, r)
		s.mu.Unlock()
	}
	return s.Screen.Update(msg)
}

// spiedRoot builds the root over every screen wrapped in a spy; titles,
// when given, rename the tabs in order.
func spiedRoot(t *testing.T, titles ...string) (*uitest.Harness, root, map[common.ScreenID]*spy) {
	t.Helper()
	h := uitest.NewDemo(t)
	h.Root = true
	spies := map[common.ScreenID]*spy{}
	var screens []common.Screen
	for i, s := range Screens(h.Ctx) {
		sp := &spy{Screen: s}
		if i < len(titles) {
			sp.title = titles[i]
		}
		spies[s.ID()] = sp
		screens = append(screens, sp)
	}
	return h, root{NewApp(h.Ctx, screens...)}, spies
}

// press sends keys to the root without running the commands they return,
// which it collects: the store operations they request stay outstanding.
func press(r root, cmds *[]tea.Cmd, items ...any) {
	for _, m := range uitest.Msgs(items...) {
		if c := r.Update(m); c != nil {
			*cmds = append(*cmds, c)
		}
	}
}

// finish runs the collected commands concurrently and hands the root each
// finished store operation as it arrives, until want of them came back.
// Other messages (a cursor blink) are dropped.
func finish(t *testing.T, r root, cmds []tea.Cmd, want int) []common.Done {
	t.Helper()
	msgs := make(chan tea.Msg, 64)
	var launch func(c tea.Cmd)
	launch = func(c tea.Cmd) {
		if c != nil {
			go func() { msgs <- c() }()
		}
	}
	for _, c := range cmds {
		launch(c)
	}
	var done []common.Done
	deadline := time.After(10 * time.Second)
	for len(done) < want {
		select {
		case m := <-msgs:
			switch m := m.(type) {
			case tea.BatchMsg:
				for _, c := range m {
					launch(c)
				}
			case common.Done:
				done = append(done, m)
				r.Update(m)
			}
		case <-deadline:
			t.Fatalf("%d of %d store operations finished", len(done), want)
		}
	}
	return done
}

// Three screens ask the store for something before any of it has finished:
// the interview an answer, the reports screen a report, the zones screen a
// new zone. Each result reaches the screen that asked, and no other.
func TestResultsReachOnlyTheirRequester(t *testing.T) {
	h, r, spies := spiedRoot(t)
	var cmds []tea.Cmd
	press(r, &cmds, "3", "y")                                          // interview: answer the first requirement
	press(r, &cmds, "6", "down", "enter")                              // reports: write the Markdown report
	press(r, &cmds, "2", "n", uitest.Type("Packaging line"), "ctrl+s") // zones: a new zone
	if n := h.Ctx.Ops.Pending(); n != 3 {
		t.Fatalf("%d operations outstanding, want 3", n)
	}
	done := finish(t, r, cmds, 3)

	asked := map[common.ScreenID]common.Ticket{}
	for _, d := range done {
		if d.Err != nil {
			t.Fatalf("%v: %v", d.To, d.Err)
		}
		asked[d.To] = d.Ticket
	}
	for _, id := range []common.ScreenID{common.ScreenInterview, common.ScreenReports, common.ScreenTargets} {
		if asked[id] == 0 {
			t.Fatalf("no operation of %v finished: %+v", id, done)
		}
	}
	for id, sp := range spies {
		var got []common.Ticket
		for _, res := range sp.results {
			got = append(got, res.Ticket)
		}
		want := asked[id]
		if want == 0 && len(got) != 0 || want != 0 && (len(got) != 1 || got[0] != want) {
			t.Errorf("%v received results %v, want only its own (%d)", id, got, want)
		}
	}

	// Each screen acted on its own result: the zone form closed with the new
	// zone selected, the report is listed as written, the answer is saved.
	if r.Active().Capturing() {
		t.Fatal("the zone form is still open")
	}
	if out := ansi.Strip(frame(t, r, 120, 40)); !strings.Contains(out, "> Packaging line") {
		t.Fatalf("the new zone is not selected:\n%s", out)
	}
	if got := h.Ctx.Data.Answers("enterprise")["SR 1.1"].Status; got != model.Yes {
		t.Fatalf("the answer is %v", got)
	}
	r.Update(uitest.Key("6"))
	if out := ansi.Strip(frame(t, r, 120, 40)); !strings.Contains(out, "wrote ") {
		t.Fatalf("the reports screen does not show its report:\n%s", out)
	}
}

// Navigation names screens by ID: with every tab renamed, and the matrix and
// the interview even swapping titles, each jump lands on the right screen.
func TestNavigationSurvivesRenamedTabs(t *testing.T) {
	titles := []string{"Home", "Plant", "Gap matrix", "Interview", "Plan", "Output"}
	h, r, _ := spiedRoot(t, titles...)
	for i, title := range titles {
		h.Send(r, uitest.Key(string(rune('1'+i))))
		if r.Active().Title() != title {
			t.Fatalf("key %d shows %q", i+1, r.Active().Title())
		}
	}
	if out := ansi.Strip(frame(t, r, 120, 40)); !strings.Contains(out, "1 Home") || strings.Contains(out, "Overview") {
		t.Fatalf("the tab bar does not show the new titles:\n%s", out)
	}

	jump := func(keys ...string) {
		t.Helper()
		before := len(h.GoTos)
		h.Send(r, uitest.Keys(keys...)...)
		if len(h.GoTos) != before+1 {
			t.Fatalf("%v asked for %d jumps", keys, len(h.GoTos)-before)
		}
		h.Send(r, h.GoTos[before])
		if id := r.Active().ID(); id != common.ScreenInterview {
			t.Fatalf("%v landed on %v (titled %q)", keys, id, r.Active().Title())
		}
	}
	// The matrix's drill-down (tab "Interview" now) to the interview (tab
	// "Gap matrix").
	jump("4", "down", "down", "enter", "enter")
	if out := ansi.Strip(frame(t, r, 120, 40)); !strings.Contains(out, "Supervisory (zone) · FR1") || !strings.Contains(out, "SR 1.1 RE 1 · SL 2") {
		t.Fatalf("the interview is not on the drilled requirement:\n%s", out)
	}
	jump("1", "enter") // the overview's target
	jump("5", "i")     // the roadmap's initiative
	r.Update(common.GoTo{Screen: common.ScreenMatrix, Target: "control", FR: 3})
	if id := r.Active().ID(); id != common.ScreenMatrix || r.Active().Title() != "Interview" {
		t.Fatalf("GoTo the matrix shows %v (%q)", id, r.Active().Title())
	}
}
