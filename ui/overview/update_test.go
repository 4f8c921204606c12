package overview_test

import (
	"charm.land/bubbles/v2/key"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
	"slate/ui/overview"
	"slate/ui/uitest"
)

func newDemo(t *testing.T) (*uitest.Harness, *overview.Model) {
	t.Helper()
	h := uitest.NewDemo(t)
	s := overview.New(h.Ctx)
	s.SetSize(80, 21)
	return h, s
}

// submit sends a key that may start store operations and waits for their
// results, applied the way the root does.
func submit(t *testing.T, h *uitest.Harness, s common.Screen, k tea.Msg) {
	t.Helper()
	h.Send(s, k)
}

// render returns the plain lines of the screen at w x h.
func render(t *testing.T, s common.Screen, w, h int) []string {
	t.Helper()
	out := uitest.Render(t, s, w, h)
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = ansi.Strip(l)
	}
	return lines
}

func find(lines []string, sub string) (string, bool) {
	for _, l := range lines {
		if strings.Contains(l, sub) {
			return l, true
		}
	}
	return "", false
}

func mustFind(t *testing.T, lines []string, sub string) string {
	t.Helper()
	l, ok := find(lines, sub)
	if !ok {
		t.Fatalf("no line contains %q in:\n%s", sub, strings.Join(lines, "\n"))
	}
	return l
}

// pair is how the screen writes SL-A/SL-T, with * on a provisional SL-A.
// pair is the cell as the FR picture shows it: the model's text.
func pair(s model.FRScore) string { return s.Text() }

func TestTitleAndInterface(t *testing.T) {
	_, s := newDemo(t)
	var _ common.Screen = s
	if s.Title() != "Overview" {
		t.Fatalf("Title() = %q", s.Title())
	}
	if s.Capturing() {
		t.Fatal("capturing without a form")
	}
}

func TestCursorSelectsTargetAndPicture(t *testing.T) {
	h, s := newDemo(t)
	rows := h.Ctx.Data.M.Rows
	if s.Selected() != rows[0].Target.Key {
		t.Fatalf("first selection %q, want %q", s.Selected(), rows[0].Target.Key)
	}
	check := func(i int) {
		t.Helper()
		r := rows[i]
		if got := s.Selected(); got != r.Target.Key {
			t.Fatalf("selected %q, want %q", got, r.Target.Key)
		}
		lines := render(t, s, 80, 21)
		mustFind(t, lines, "> "+r.Target.Name)
		mustFind(t, lines, "│ "+r.Target.Name+" · "+r.Target.Kind.String())
		for _, fr := range model.FRs {
			l := mustFind(t, lines, "│ "+fr.String()+" ")
			if want := pair(r.Score.At(fr)); !strings.Contains(l, want) {
				t.Errorf("%s %s: %q lacks %q", r.Target.Key, fr, l, want)
			}
		}
	}
	check(0)
	h.Send(s, uitest.Key("down"))
	check(1)
	h.Send(s, uitest.Key("j"), uitest.Key("j"))
	check(3)
	h.Send(s, uitest.Key("k"))
	check(2)
	h.Send(s, uitest.Key("up"), uitest.Key("up"), uitest.Key("up")) // stops at the top
	check(0)
	h.Send(s, uitest.Key("end"))
	check(len(rows) - 1)
	h.Send(s, uitest.Key("down")) // stops at the bottom
	check(len(rows) - 1)
	h.Send(s, uitest.Key("home"))
	check(0)
	h.Send(s, uitest.Key("pgdown"))
	if s.Selected() == rows[0].Target.Key {
		t.Fatal("pgdown did not move")
	}
	h.Send(s, uitest.Key("pgup"))
	check(0)
	h.Send(s, uitest.Key("G"))
	check(len(rows) - 1)
	h.Send(s, uitest.Key("g"))
	check(0)
}

// The FR picture draws SL-A as # per level reached and SL-T as |.
func TestPictureBars(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("down"), uitest.Key("down")) // supervisory
	r, _ := h.Ctx.Data.Row("supervisory")
	lines := render(t, s, 80, 21)
	for _, fr := range model.FRs {
		sc := r.Score.At(fr)
		l := mustFind(t, lines, "│ "+fr.String()+" ")
		bar := l[strings.Index(l, fr.String())+4:]
		bar = bar[:9]
		if n := strings.Count(bar, "#"); n != int(sc.SLA) {
			t.Errorf("%s: bar %q has %d #, SL-A is %d", fr, bar, n, sc.SLA)
		}
		// The marker sits after SL-T levels: position 2*SLT.
		if i := strings.Index(bar, "|"); i != 2*int(sc.SLT) {
			t.Errorf("%s: bar %q has | at %d, SL-T is %d", fr, bar, i, sc.SLT)
		}
	}
}

func TestOverallAndTargetCompleteness(t *testing.T) {
	h, s := newDemo(t)
	lines := render(t, s, 120, 37)
	sum := h.Ctx.Data.M.Summary()
	a, p := sum.Answered, sum.Applicable
	l := mustFind(t, lines, "All targets")
	if want := fmt.Sprintf("%d/%d  %d%%", a, p, a*100/p); !strings.Contains(l, want) {
		t.Errorf("overall %q lacks %q", l, want)
	}
	nameW := 0
	for _, r := range h.Ctx.Data.M.Rows {
		nameW = max(nameW, len(r.Target.Name))
	}
	for i, r := range h.Ctx.Data.M.Rows {
		rs := r.Summary()
		a, p := rs.Answered, rs.Applicable
		marker := "  "
		if i == 0 {
			marker = "> "
		}
		l := mustFind(t, lines, marker+common.Fit(r.Target.Name, nameW)+" ")
		if want := fmt.Sprintf("%d/%d", a, p); !strings.Contains(l, want) {
			t.Errorf("%s: %q lacks %q", r.Target.Key, l, want)
		}
	}
	// Zones come before conduits, under their own headings.
	zi := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Zones (5)") })
	ci := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Conduits (4)") })
	if zi < 0 || ci < zi {
		t.Errorf("headings at %d and %d", zi, ci)
	}
}

// legendText is the start of the cells' legend.
const legendText = "# SL-A reached  | SL-T  -N gap"

func TestLargestGaps(t *testing.T) {
	h, s := newDemo(t)
	lines := render(t, s, 80, 21)
	head := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Largest gaps") })
	if head < 0 || head+1 >= len(lines) {
		t.Fatalf("no largest gaps:\n%s", strings.Join(lines, "\n"))
	}
	// The lines are the model's ranking, one cell each, in its order.
	p := h.Ctx.Data.M.Summary()
	if want := fmt.Sprintf("%d gap cells in %d of %d targets", p.GapCells, p.GapTargets, p.Targets); !strings.Contains(lines[head], want) {
		t.Errorf("heading %q lacks %q", lines[head], want)
	}
	worst := h.Ctx.Data.M.WorstGaps(0)
	shown := 0
	for i, l := range lines[head+1:] {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, legendText) {
			break
		}
		g := worst[i]
		for _, want := range []string{g.Target.Name, g.FR.String(), g.Score.Text()} {
			if !strings.Contains(l, want) {
				t.Errorf("gap line %d %q lacks %q", i, l, want)
			}
		}
		shown++
	}
	if shown == 0 {
		t.Fatal("no gap lines")
	}
	// At 80 columns the FR picture has no room for its legend: the cells'
	// notation is explained under the gaps.
	if l := lines[head+1+shown]; !strings.HasPrefix(l, legendText) {
		t.Errorf("no legend under the gaps: %q", l)
	}
	if !strings.Contains(lines[head+1], "Safety instrumented system") || !strings.Contains(lines[head+1], "0*/3 -3") {
		t.Errorf("first gap %q, want the safety system's -3", lines[head+1])
	}
}

// An FR with nothing answered is neither a gap nor counted as one.
func TestUnassessedCellsAreNotGaps(t *testing.T) {
	h := uitest.New(t, &model.Assessment{Name: "Fresh", CatalogID: questionnaires.Builtin().ID,
		Zones: []model.Zone{{Key: "z", Name: "Zone", SLT: model.Uniform(2)}}})
	s := overview.New(h.Ctx)
	lines := render(t, s, 120, 37)
	mustFind(t, lines, "No gaps found so far; 7 cells are not assessed yet.")
	if l := mustFind(t, lines, "> Zone"); !strings.Contains(l, "0%  ? ") {
		t.Errorf("target line %q, want ? (not assessed)", l)
	}
}

func TestEditSavesName(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("e"))
	if !s.Capturing() {
		t.Fatal("e did not open the form")
	}
	if got := s.Keys().ShortHelp(); !slices.ContainsFunc(got, func(b key.Binding) bool { return b.Help().Key == "ctrl+s" }) ||
		slices.ContainsFunc(got, func(b key.Binding) bool { return b.Help().Key == "e" }) {
		t.Errorf("help while editing is not the form's: %v", got)
	}
	// Keys that would navigate now go to the form.
	h.Send(s, uitest.Key("ctrl+u"))
	h.Send(s, uitest.Type("Unit 2 jk audit")...)
	submit(t, h, s, uitest.Key("ctrl+s"))
	if s.Capturing() {
		t.Fatalf("form still open after saving: %v", h.Done)
	}
	if got := h.Ctx.Data.A.Name; got != "Unit 2 jk audit" {
		t.Fatalf("data name %q", got)
	}
	loaded, err := h.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Name != "Unit 2 jk audit" || loaded.Site != "Northfield Chemical Works" {
		t.Fatalf("stored name %q site %q", loaded.Name, loaded.Site)
	}
	if len(h.Done) != 1 || h.Done[0].To != common.ScreenOverview || h.Done[0].Err != nil {
		t.Fatalf("saved %+v", h.Done)
	}
	mustFind(t, render(t, s, 80, 21), "Unit 2 jk audit")
}

func TestEditAllFields(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("e"), uitest.Key("tab"), uitest.Key("ctrl+u"))
	h.Send(s, uitest.Type("Southfield")...)
	h.Send(s, uitest.Key("tab"), uitest.Key("ctrl+u"))
	h.Send(s, uitest.Type("B. Ito")...)
	h.Send(s, uitest.Key("tab"), uitest.Key("ctrl+u"))
	h.Send(s, uitest.Type("Unit 2 only")...)
	submit(t, h, s, uitest.Key("enter")) // enter on the last field submits
	loaded, err := h.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	got := loaded.Meta()
	want := model.Meta{Name: "Gap assessment, Unit 1 ammonia plant", Site: "Southfield", Assessor: "B. Ito", Scope: "Unit 2 only"}
	if got != want || h.Ctx.Data.A.Meta() != want {
		t.Fatalf("stored %+v, data %+v, want %+v", got, h.Ctx.Data.A.Meta(), want)
	}
	lines := render(t, s, 80, 21)
	mustFind(t, lines, "Site      Southfield   Assessor  B. Ito")
	mustFind(t, lines, "Scope     Unit 2 only")
}

func TestEscCancels(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("e"), uitest.Key("ctrl+u"))
	h.Send(s, uitest.Type("Thrown away")...)
	h.Send(s, uitest.Key("esc"))
	if s.Capturing() {
		t.Fatal("esc left the form open")
	}
	if len(h.Done) != 0 {
		t.Fatalf("esc saved: %+v", h.Done)
	}
	if h.Ctx.Data.A.Name != "Gap assessment, Unit 1 ammonia plant" {
		t.Fatalf("name changed to %q", h.Ctx.Data.A.Name)
	}
	loaded, _ := h.Store.Load()
	if loaded.Name != "Gap assessment, Unit 1 ammonia plant" {
		t.Fatalf("stored name changed to %q", loaded.Name)
	}
	// Reopening shows the saved values again, not the abandoned ones.
	h.Send(s, uitest.Key("e"))
	mustFind(t, render(t, s, 80, 21), "Gap assessment, Unit 1 ammonia plant")
}

func TestEmptyNameRefused(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("e"), uitest.Key("ctrl+u"))
	submit(t, h, s, uitest.Key("ctrl+s"))
	if !s.Capturing() {
		t.Fatal("form closed on an empty name")
	}
	if h.Ctx.Ops.LastTicket() != 0 {
		t.Fatal("an empty name was sent to the store")
	}
	mustFind(t, render(t, s, 80, 21), "needs a name")
}

// failingStore refuses to save the details, like a full disk.
type failingStore struct{ *store.Store }

func (failingStore) SetMeta(model.Meta) error { return errors.New("disk full") }

func TestSaveErrorKeepsForm(t *testing.T) {
	h, s := newDemo(t)
	real := h.Ctx.Ops
	h.Ctx.Ops = common.NewOps(failingStore{h.Store}, false)
	h.Send(s, uitest.Key("e"), uitest.Key("ctrl+u"))
	h.Send(s, uitest.Type("Kept text")...)
	submit(t, h, s, uitest.Key("ctrl+s"))
	if !s.Capturing() {
		t.Fatal("form closed although the save failed")
	}
	if len(h.Done) != 1 || h.Done[0].Err == nil {
		t.Fatalf("saved %+v", h.Done)
	}
	lines := render(t, s, 80, 21)
	mustFind(t, lines, "NOT SAVED: disk full")
	mustFind(t, lines, "Kept text")
	if h.Ctx.Data.A.Name != "Gap assessment, Unit 1 ammonia plant" {
		t.Fatalf("data changed to %q on a failed save", h.Ctx.Data.A.Name)
	}
	// Once the disk is back, the same typed text saves.
	h.Ctx.Ops = real
	submit(t, h, s, uitest.Key("ctrl+s"))
	if s.Capturing() {
		t.Fatal("form still open after the retry")
	}
	if loaded, _ := h.Store.Load(); loaded.Name != "Kept text" {
		t.Fatalf("stored %q after retry", loaded.Name)
	}
}

// Only the result of the form's own save closes it: not one of a request
// it did not make (another ticket), nor one while nothing is being saved.
func TestOtherResultsLeaveFormOpen(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("e"))
	s.Update(common.Result{Ticket: 12345, Label: "x"})
	s.Update(common.Result{Label: "x"}) // ticket 0: nothing asked yet
	if !s.Capturing() {
		t.Fatal("form closed by a save it did not ask for")
	}
	_ = h
}

func TestReadOnlyDoesNotOpenForm(t *testing.T) {
	h, s := newDemo(t)
	h.Ctx.Data.ReadOnly = true
	h.Send(s, uitest.Key("e"))
	if s.Capturing() {
		t.Fatal("form opened on a read-only file")
	}
	if !h.Status.Error || !strings.Contains(h.Status.Text, "Read-only") {
		t.Fatalf("status %+v", h.Status)
	}
	for _, b := range s.Keys().ShortHelp() {
		if b.Help().Key == "e" && b.Enabled() {
			t.Fatal("e offered in help on a read-only file")
		}
	}
}

func TestHostileTextIsStripped(t *testing.T) {
	h, s := newDemo(t)
	d := h.Ctx.Data
	d.A.Name = "Evil\x1b[31m plant\x07 \x1b]0;owned\x07name"
	d.A.Site = "Site\x1b[2J\r\nB"
	d.A.Scope = "Scope \x1b[31mred\x1b[0m\x9b1m and \u202eevil"
	d.A.Assessor = "\x1b[5mBlink"
	d.A.Zones[0].Name = "Zone\x1b[31m red\x07"
	d.Rebuild()
	raw := s.View()
	for _, bad := range []string{"\x1b[31m", "\x07", "\x1b]", "\x1b[2J", "\r", "\x9b", "\u202e", "\x1b[5m"} {
		if strings.Contains(raw, bad) {
			t.Errorf("view contains %q", bad)
		}
	}
	lines := render(t, s, 80, 21)
	mustFind(t, lines, "Evil plant name")
	mustFind(t, lines, "Site B")
	mustFind(t, lines, "> Zone red")
	mustFind(t, lines, "Blink")
}

func TestEnterOpensInterview(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("down"), uitest.Key("enter"))
	want := common.GoTo{Screen: common.ScreenInterview, Target: "dmz"}
	if len(h.GoTos) != 1 || h.GoTos[0] != want {
		t.Fatalf("GoTos %+v, want %+v", h.GoTos, want)
	}
}

func TestGoToSelectsTarget(t *testing.T) {
	_, s := newDemo(t)
	s.Update(common.GoTo{Screen: common.ScreenOverview, Target: "control-safety"})
	if s.Selected() != "control-safety" {
		t.Fatalf("selected %q", s.Selected())
	}
	mustFind(t, render(t, s, 80, 21), "> Control - Safety")
}

// A target deleted on another screen: the cursor stays on its target. The
// screen is told nothing; it follows Data.Version.
func TestSelectionFollowsDataChanges(t *testing.T) {
	h, s := newDemo(t)
	s.Update(common.GoTo{Screen: common.ScreenOverview, Target: "control"})
	h.Ctx.Data.RemoveTarget("dmz")
	if s.Selected() != "control" {
		t.Fatalf("selected %q after deleting another target", s.Selected())
	}
	h.Ctx.Data.RemoveTarget("control")
	if _, ok := h.Ctx.Data.Row(s.Selected()); !ok {
		t.Fatalf("selected %q no longer exists", s.Selected())
	}
	render(t, s, 80, 21)
}

func TestEmptyAssessment(t *testing.T) {
	h := uitest.New(t, &model.Assessment{Name: "Fresh", CatalogID: questionnaires.Builtin().ID})
	s := overview.New(h.Ctx)
	lines := render(t, s, 80, 21)
	mustFind(t, lines, "No zones yet: press 2 to add zones")
	if _, ok := find(lines, "Largest gaps"); ok {
		t.Error("largest gaps shown without targets")
	}
	h.Send(s, uitest.Key("down"), uitest.Key("end"), uitest.Key("pgdown"), uitest.Key("enter"))
	if len(h.GoTos) != 0 {
		t.Fatalf("enter without targets navigated: %+v", h.GoTos)
	}
	if s.Selected() != "" {
		t.Fatalf("selected %q", s.Selected())
	}
}

func TestSizes(t *testing.T) {
	sizes := [][2]int{{80, 21}, {100, 30}, {120, 37}, {200, 57}, {64, 21}, {63, 21}, {60, 20}, {40, 10}, {20, 5}, {1, 1}}
	h, s := newDemo(t)
	empty := uitest.New(t, &model.Assessment{Name: "Fresh", CatalogID: questionnaires.Builtin().ID})
	es := overview.New(empty.Ctx)
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			uitest.Render(t, s, sz[0], sz[1])
			uitest.Render(t, es, sz[0], sz[1])
		})
	}
	// The same with the cursor at the end, and with the form open.
	h.Send(s, uitest.Key("end"))
	for _, sz := range sizes {
		uitest.Render(t, s, sz[0], sz[1])
	}
	h.Send(s, uitest.Key("e"))
	for _, sz := range sizes {
		if sz[0] >= 76 {
			uitest.Render(t, s, sz[0], sz[1])
		} else { // the dialog is cut, but the view keeps its size
			s.SetSize(sz[0], sz[1])
			out := s.View()
			if n := strings.Count(out, "\n") + 1; n != sz[1] {
				t.Errorf("%dx%d with form: %d lines", sz[0], sz[1], n)
			}
		}
	}
}

// A large plant scrolls: every cursor position stays on screen.
func TestScrollKeepsCursorVisible(t *testing.T) {
	cat := questionnaires.Builtin()
	h := uitest.New(t, model.GeneratePlant(cat, model.PlantSpec{Zones: 30, Conduits: 30, Answered: 0.4, Seed: 7}))
	s := overview.New(h.Ctx)
	rows := h.Ctx.Data.M.Rows
	for _, size := range [][2]int{{80, 21}, {120, 37}} {
		s.SetSize(size[0], size[1])
		h.Send(s, uitest.Key("home"))
		for i := range rows {
			lines := render(t, s, size[0], size[1])
			if _, ok := find(lines, "> "+rows[i].Target.Name+" "); !ok {
				t.Fatalf("%v: cursor on %q not visible:\n%s", size, rows[i].Target.Name, strings.Join(lines, "\n"))
			}
			h.Send(s, uitest.Key("j"))
		}
		h.Send(s, uitest.Key("pgup"))
		page := slices.IndexFunc(rows, func(r model.MatrixRow) bool { return r.Target.Key == s.Selected() })
		if page <= 0 || page >= len(rows)-1 {
			t.Fatalf("pgup from the end went to %d", page)
		}
		mustFind(t, render(t, s, size[0], size[1]), "> "+rows[page].Target.Name+" ")
	}
}

func TestKeyMap(t *testing.T) {
	_, s := newDemo(t)
	seen := map[string]bool{}
	for _, g := range append(s.Keys().FullHelp(), common.DialogGroups()...) {
		for _, b := range g.Keys {
			if b.Help().Key == "" || b.Help().Desc == "" || len(b.Keys()) == 0 {
				t.Errorf("binding without help: %+v", b.Help())
			}
			for _, k := range b.Keys() {
				seen[k] = true
			}
		}
	}
	for _, k := range []string{"up", "k", "down", "j", "pgup", "pgdown", "home", "end", "g", "G", "enter", "e", "ctrl+s", "esc"} {
		if !seen[k] {
			t.Errorf("key %q missing from the full help", k)
		}
	}
}

// Non-key messages such as the cursor blink reach the open form.
func TestFormGetsOtherMessages(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("e"))
	s.Update(tea.FocusMsg{})
	if !s.Capturing() {
		t.Fatal("form closed")
	}
	if w := lipgloss.Width(s.View()); w > 80 {
		t.Fatalf("width %d", w)
	}
}

// c shows the seven common findings instead of the largest gaps: found
// where a tagged requirement is answered no or partial, with the work that
// removes it.
func TestCommonFindings(t *testing.T) {
	h, s := newDemo(t)
	h.Send(s, uitest.Key("c"))
	lines := render(t, s, 120, 37)
	head := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Common findings") })
	if head < 0 {
		t.Fatalf("no common findings:\n%s", strings.Join(lines, "\n"))
	}
	got := strings.Join(lines[head:], "\n")
	for _, want := range []string{"found        shared or default credentials", "Industrial DMZ, Supervisory", "SR 1.5",
		"found        no patch management            SITE 1", "found        uncontrolled remote access"} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
	h.Send(s, uitest.Key("c"))
	if lines := render(t, s, 120, 37); slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Largest gaps") }) < 0 {
		t.Fatal("c did not switch back to the largest gaps")
	}
}

// The Overview counts the findings of slate check; f lists them and enter
// jumps to the finding's zone or conduit, or to its initiative.
func TestChecksCountAndJump(t *testing.T) {
	h := uitest.New(t, model.FlawedSamplePlant(questionnaires.Builtin()))
	s := overview.New(h.Ctx)
	s.SetSize(80, 21)
	mustFind(t, render(t, s, 80, 21), "checks: 4 errors, 13 warnings, 9 notes (f)")
	h.Send(s, uitest.Key("f"))
	if !s.Capturing() {
		t.Fatal("the findings list does not have the keyboard")
	}
	mustFind(t, render(t, s, 80, 21), "> error   it-ot-bypass")
	h.Send(s, uitest.Keys("j", "j", "enter")...)
	if s.Capturing() || len(h.GoTos) != 1 || h.GoTos[0].Screen != common.ScreenRoadmap || h.GoTos[0].Requirement != "SR 5.1" {
		t.Fatalf("go-tos %+v", h.GoTos)
	}
	h.Send(s, uitest.Keys("f", "enter")...)
	if len(h.GoTos) != 2 || h.GoTos[1].Screen != common.ScreenTargets || h.GoTos[1].Target != "erp-plc" {
		t.Fatalf("go-tos %+v", h.GoTos)
	}
	h.Send(s, uitest.Keys("f", "esc")...)
	if s.Capturing() || len(h.GoTos) != 2 {
		t.Fatal("esc should close the list and go nowhere")
	}
}
