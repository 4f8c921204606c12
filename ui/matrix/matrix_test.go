package matrix

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/common"
	"slate/ui/uitest"
)

// newPlant wraps an assessment in a context with no store behind it, for
// tests that only read (navigation, sizes, sanitising).
func newPlant(t testing.TB, a *model.Assessment) *uitest.Harness {
	t.Helper()
	data := common.NewData(questionnaires.Builtin(), a, "test.slate")
	ctx := &common.Context{Data: data, Styles: common.NewStyles(true), Ops: common.NewOps(nil, true)}
	return &uitest.Harness{T: t, Ctx: ctx}
}

func generated(t testing.TB, zones, conduits int) *uitest.Harness {
	return newPlant(t, model.GeneratePlant(questionnaires.Builtin(),
		model.PlantSpec{Zones: zones, Conduits: conduits, Answered: 0.6, Seed: 7}))
}

// plain renders a screen and drops every escape sequence.
func plain(t testing.TB, s *Model, w, h int) []string {
	t.Helper()
	return strings.Split(ansi.Strip(uitest.Render(t, s, w, h)), "\n")
}

// cursorLine returns the rendered line with the row cursor, or "".
func cursorLine(lines []string) string {
	for _, l := range lines {
		if strings.HasPrefix(l, "> ") {
			return l
		}
	}
	return ""
}

func TestTitleAndInterface(t *testing.T) {
	var s common.Screen = New(uitest.NewDemo(t).Ctx)
	if s.Title() != "Gap matrix" {
		t.Fatalf("title %q", s.Title())
	}
	if s.Capturing() {
		t.Fatal("the matrix has no text fields and must not capture keys")
	}
}

func TestCellText(t *testing.T) {
	// The screen only pads the model's one notation to a fixed width.
	for _, s := range []model.FRScore{
		{SLA: 2, SLT: 2, Assessed: true},
		{SLA: 1, SLT: 2, Gap: 1, Provisional: true, Compensated: true, Assessed: true},
		{SLA: 0, SLT: 2, Gap: 2},
		{SLA: 4, SLT: 2, AllNA: true, Assessed: true},
	} {
		got := cellText(s)
		if len(got) != cellW || strings.TrimRight(got, " ") != s.Text() {
			t.Errorf("cellText(%+v) = %q, want %q padded to %d", s, got, s.Text(), cellW)
		}
	}
}

// The gap must read without colour: every gap class has its own marker and
// the not-assessed cells their own notation.
func TestCellsReadWithoutColour(t *testing.T) {
	h := uitest.NewDemo(t)
	s := New(h.Ctx)
	lines := plain(t, s, 80, 21)
	for i, r := range h.Ctx.Data.M.Rows {
		var line string
		nameW := s.cache.lay.nameW - gutterW
		for _, l := range lines[2 : len(lines)-2] { // between the header and the footer
			if strings.TrimSpace(ansi.Cut(l, 2, 2+nameW)) == common.Line(r.Target.Name, nameW) {
				line = l
			}
		}
		if line == "" {
			t.Fatalf("row %d (%s) not shown", i, r.Target.Name)
		}
		for _, fr := range model.FRs {
			if c := cellText(r.Score.At(fr)); !strings.Contains(line, c) {
				t.Errorf("%s %s: cell %q not in %q", r.Target.Name, fr, c, line)
			}
		}
		if s.cache.lay.done {
			t.Errorf("at 80 columns the completeness column gives way to the names")
		}
	}
	if !strings.Contains(lines[len(lines)-1], "* provisional") || !strings.Contains(lines[len(lines)-1], "? not assessed") {
		t.Errorf("legend missing: %q", lines[len(lines)-1])
	}
}

func TestCursorMovesAndScrolls(t *testing.T) {
	h := generated(t, 30, 20) // 50 rows + 2 section labels: more than a screen
	s := New(h.Ctx)
	s.SetSize(80, 21)
	rows := h.Ctx.Data.M.Rows
	listH := 21 - 4

	lines := plain(t, s, 80, 21)
	if !strings.HasPrefix(lines[0], "Gap matrix · scope: up to SL-T") || !strings.HasPrefix(lines[1], "  Target") || !strings.HasPrefix(lines[2], "Zones (30) ") {
		t.Fatalf("top of the matrix:\n%s", strings.Join(lines[:3], "\n"))
	}
	if k, fr := s.Cursor(); k != rows[0].Target.Key || fr != 1 {
		t.Fatalf("cursor starts at %s %s", k, fr)
	}

	h.Send(s, uitest.Keys("right", "l", "down", "j")...)
	if k, fr := s.Cursor(); k != rows[2].Target.Key || fr != 3 {
		t.Fatalf("after right,l,down,j: %s %s", k, fr)
	}
	h.Send(s, uitest.Keys("left", "up", "k", "h", "h", "up")...) // clamps at the edges
	if k, fr := s.Cursor(); k != rows[0].Target.Key || fr != 1 {
		t.Fatalf("cursor did not clamp: %s %s", k, fr)
	}

	// Down past the bottom of the list area: the list scrolls, the header stays.
	for range 25 {
		h.Send(s, uitest.Key("down"))
	}
	lines = plain(t, s, 80, 21)
	nameW := s.cache.lay.nameW - gutterW
	if !strings.HasPrefix(lines[1], "  Target") {
		t.Errorf("header scrolled away: %q", lines[1])
	}
	if cl := cursorLine(lines); !strings.HasPrefix(cl, "> "+common.Fit(rows[25].Target.Name, nameW)) {
		t.Errorf("cursor line %q, want %s", cl, rows[25].Target.Name)
	}
	// The cursor is on the last line of the list area.
	if lines[listH+1] != cursorLine(lines) {
		t.Errorf("cursor not on the last list line:\n%s", strings.Join(lines, "\n"))
	}
	if strings.HasPrefix(lines[2], "Zones") {
		t.Error("list did not scroll")
	}

	h.Send(s, uitest.Key("end"))
	lines = plain(t, s, 80, 21)
	if cl := cursorLine(lines); !strings.HasPrefix(cl, "> "+common.Fit(rows[len(rows)-1].Target.Name, nameW)) {
		t.Errorf("end: cursor line %q", cl)
	}
	if lines[listH+1] != cursorLine(lines) {
		t.Errorf("end: the last target is not on the last list line:\n%s", strings.Join(lines, "\n"))
	}

	h.Send(s, uitest.Key("pgup"))
	if k, _ := s.Cursor(); k != rows[len(rows)-1-(listH-1)].Target.Key {
		t.Errorf("pgup moved to %s", k)
	}
	h.Send(s, uitest.Key("pgdown"))
	if k, _ := s.Cursor(); k != rows[len(rows)-1].Target.Key {
		t.Errorf("pgdown moved to %s", k)
	}

	h.Send(s, uitest.Key("home"))
	lines = plain(t, s, 80, 21)
	if !strings.HasPrefix(lines[2], "Zones (30) ") || !strings.HasPrefix(lines[3], "> "+common.Line(rows[0].Target.Name, nameW)) {
		t.Errorf("home did not scroll to the top:\n%s", strings.Join(lines[:4], "\n"))
	}
	h.Send(s, uitest.Key("G"))
	if k, _ := s.Cursor(); k != rows[len(rows)-1].Target.Key {
		t.Errorf("G moved to %s", k)
	}
	h.Send(s, uitest.Key("g"))
	if k, _ := s.Cursor(); k != rows[0].Target.Key {
		t.Errorf("g moved to %s", k)
	}

	// Moving up onto the first conduit from below shows its section label.
	h.Send(s, uitest.Key("end"))
	for range 19 {
		h.Send(s, uitest.Key("up"))
	}
	lines = plain(t, s, 80, 21)
	if k, _ := s.Cursor(); k != rows[30].Target.Key {
		t.Fatalf("cursor on %s, want the first conduit", k)
	}
	if !strings.HasPrefix(lines[2], "Conduits (20) ") {
		t.Errorf("first list line %q, want the conduits label", lines[2])
	}
}

func TestDetailLineNamesTheCell(t *testing.T) {
	h := uitest.NewDemo(t)
	s := New(h.Ctx)
	h.Send(s, uitest.Keys("down", "down")...) // Supervisory FR1
	lines := plain(t, s, 120, 30)
	sc := h.Ctx.Data.M.Rows[2].Score.At(1)
	want := fmt.Sprintf("Supervisory FR1: %s gap, %d/%d answered · Identification and authentication control",
		sc.Text(), sc.Answered, sc.Applicable)
	if got := strings.TrimRight(lines[len(lines)-2], " "); got != want {
		t.Errorf("detail line\n got %q\nwant %q", got, want)
	}
}

func unmetIDs(h *uitest.Harness, key string, fr model.FR, scope model.Scope) []string {
	d := h.Ctx.Data
	t, _ := d.Target(key)
	var ids []string
	for _, r := range d.Cat.Unmet(t, fr, d.Answers(key), scope) {
		ids = append(ids, r.ID)
	}
	return ids
}

func drillIDs(s *Model) []string {
	var ids []string
	for _, it := range s.drill.items {
		ids = append(ids, it.id)
	}
	return ids
}

func TestDrillDown(t *testing.T) {
	h := uitest.NewDemo(t)
	s := New(h.Ctx)
	h.Send(s, uitest.Keys("down", "down", "enter")...) // Supervisory FR1
	if !s.InDrill() {
		t.Fatal("enter did not open the drill-down")
	}
	want := unmetIDs(h, "supervisory", 1, model.ScopeSLT)
	if len(want) == 0 {
		t.Fatal("the sample plant should have unmet requirements in Supervisory FR1")
	}
	if got := drillIDs(s); !slices.Equal(got, want) {
		t.Fatalf("drill-down lists %v, want Cat.Unmet %v", got, want)
	}
	text := strings.Join(plain(t, s, 120, 40), "\n")
	for _, id := range want {
		if !strings.Contains(text, id+" ") {
			t.Errorf("%s not shown", id)
		}
	}
	row, _ := h.Ctx.Data.Row("supervisory")
	for _, wantText := range []string{"Supervisory (zone) · FR1 Identification and authentication control",
		row.Score.At(1).Text() + "  " + sentenceAfter(row.Score.At(1)), "scope: up to SL-T", "unanswered", "partial",
		"Two HMI panels still use the vendor default password"} {
		if !strings.Contains(text, wantText) {
			t.Errorf("drill-down lacks %q:\n%s", wantText, text)
		}
	}

	// Up to SL 4 and back: the view's scope, shared by every screen.
	h.Send(s, uitest.Key("s"))
	if got, want := drillIDs(s), unmetIDs(h, "supervisory", 1, model.ScopeSL4); !slices.Equal(got, want) || h.Ctx.Data.Scope != model.ScopeSL4 {
		t.Fatalf("up to SL 4: %v, want %v (scope %v)", got, want, h.Ctx.Data.Scope)
	}
	h.Send(s, uitest.Key("s"))
	if got := drillIDs(s); !slices.Equal(got, want) {
		t.Fatalf("back in scope: %v", got)
	}

	// enter on a requirement asks the root for the interview there.
	h.Send(s, uitest.Keys("down", "enter")...)
	wantGo := common.GoTo{Screen: common.ScreenInterview, Target: "supervisory", FR: 1, Requirement: want[1]}
	if len(h.GoTos) != 1 || h.GoTos[0] != wantGo {
		t.Fatalf("GoTos %+v, want %+v", h.GoTos, wantGo)
	}
	h.Send(s, uitest.Keys("end", "enter")...)
	if last := h.GoTos[len(h.GoTos)-1]; last.Requirement != want[len(want)-1] {
		t.Errorf("end+enter went to %s", last.Requirement)
	}

	// Another FR with the arrows; esc returns to that FR's cell.
	h.Send(s, uitest.Key("right"))
	if got, want := drillIDs(s), unmetIDs(h, "supervisory", 2, model.ScopeSLT); !slices.Equal(got, want) {
		t.Fatalf("FR2: %v, want %v", got, want)
	}
	h.Send(s, uitest.Key("esc"))
	if s.InDrill() {
		t.Fatal("esc did not close the drill-down")
	}
	if k, fr := s.Cursor(); k != "supervisory" || fr != 2 {
		t.Errorf("back on %s %s, want supervisory FR2", k, fr)
	}
	if lines := plain(t, s, 80, 21); !strings.HasPrefix(lines[1], "  Target") {
		t.Errorf("matrix not shown after esc: %q", lines[1])
	}
}

func TestDrillAllMet(t *testing.T) {
	h := uitest.NewDemo(t)
	s := New(h.Ctx)
	h.Send(s, uitest.Key("enter")) // Enterprise FR1: at target
	text := strings.Join(plain(t, s, 80, 21), "\n")
	if !strings.Contains(text, "All in-scope requirements of FR1 are met") {
		t.Errorf("no all-met message:\n%s", text)
	}
	h.Send(s, uitest.Key("enter")) // nothing to open
	if len(h.GoTos) != 0 {
		t.Errorf("enter on an empty list navigated: %+v", h.GoTos)
	}
}

func TestSavedAnswerChangesCell(t *testing.T) {
	h := uitest.NewDemo(t)
	s := New(h.Ctx)
	h.Send(s, uitest.Keys("down", "right")...) // Industrial DMZ FR2: nothing answered
	before := cursorLine(plain(t, s, 80, 21))
	if !strings.Contains(before, "?/2") {
		t.Fatalf("expected a not-assessed cell: %q", before)
	}
	// Saved on the interview: the root applies it and tells the matrix
	// nothing; the matrix follows the data's version.
	_, cmd := h.Ctx.Ops.SaveAnswer(common.ScreenInterview, "dmz", model.Answer{Requirement: "SR 2.1", Status: model.Yes, Note: "RBAC on the jump host"})
	done, ok := cmd().(common.Done)
	if !ok || done.Err != nil {
		t.Fatalf("save: %+v", done)
	}
	done.ApplyTo(h.Ctx.Data)
	after := cursorLine(plain(t, s, 80, 21))
	row, _ := h.Ctx.Data.Row("dmz")
	if want := cellText(row.Score.At(2)); !strings.Contains(after, want) || want == cellText(model.FRScore{SLT: 2, Applicable: 1}) {
		t.Fatalf("cell after the save: %q, want %q", after, want)
	}
	if before == after {
		t.Fatal("the rendered row did not change")
	}

	// With the drill-down open, a requirement answered elsewhere leaves it.
	h.Send(s, uitest.Keys("left", "down", "enter")...) // Supervisory FR1
	if !slices.Contains(drillIDs(s), "SR 1.5") {
		t.Fatal("SR 1.5 should be unmet")
	}
	h.Send(s, uitest.Key("down"), uitest.Key("down")) // cursor on SR 1.5
	_, cmd = h.Ctx.Ops.SaveAnswer(common.ScreenInterview, "supervisory", model.Answer{Requirement: "SR 1.5", Status: model.Yes})
	cmd().(common.Done).ApplyTo(h.Ctx.Data)
	text := strings.Join(plain(t, s, 80, 21), "\n")
	if slices.Contains(drillIDs(s), "SR 1.5") || strings.Contains(text, "SR 1.5 ") {
		t.Errorf("SR 1.5 still listed after it was met:\n%s", text)
	}
	if got, want := drillIDs(s), unmetIDs(h, "supervisory", 1, model.ScopeSLT); !slices.Equal(got, want) {
		t.Errorf("drill-down %v, want %v", got, want)
	}
}

func TestDataChangeInvalidatesCaches(t *testing.T) {
	h := generated(t, 5, 3)
	s := New(h.Ctx)
	s.SetSize(80, 21)
	first := s.View()
	if again := s.View(); again != first {
		t.Fatal("a second View without changes differs")
	}
	// Change a score behind the screen's back, as SetAnswer does.
	r := &h.Ctx.Data.M.Rows[1]
	r.Score[0] = model.FRScore{SLA: 3, SLT: 4, Gap: 1, Answered: 1, Applicable: 2, Assessed: true}
	if s.View() != first {
		t.Fatal("rendered rows must be cached until the version changes")
	}
	h.Ctx.Data.Version++
	if !strings.Contains(ansi.Strip(s.View()), "3/4 -1") {
		t.Fatal("the new score is not shown after the version changed")
	}
}

func TestTargetsChangeKeepsCursor(t *testing.T) {
	h := uitest.NewDemo(t)
	s := New(h.Ctx)
	h.Send(s, uitest.Keys("down", "down", "down")...) // Control (Unit 1)
	h.Ctx.Data.RemoveTarget("dmz")                    // also removes its conduits
	_ = s.View()
	if k, _ := s.Cursor(); k != "control" {
		t.Errorf("cursor on %q after a deletion above it, want control", k)
	}
	h.Send(s, uitest.Key("enter"))
	h.Ctx.Data.RemoveTarget("control")
	lines := plain(t, s, 80, 21)
	if s.InDrill() {
		t.Error("drill-down of a deleted target still open")
	}
	if !strings.HasPrefix(lines[1], "  Target") {
		t.Errorf("matrix not shown: %q", lines[1])
	}
	if cursorLine(lines) == "" {
		t.Error("no cursor row")
	}
}

func TestGoToFromAnotherScreen(t *testing.T) {
	h := uitest.NewDemo(t)
	s := New(h.Ctx)
	s.Update(common.GoTo{Screen: common.ScreenMatrix, Target: "control", FR: 3})
	if k, fr := s.Cursor(); k != "control" || fr != 3 || s.InDrill() {
		t.Fatalf("GoTo: %s %s drill=%v", k, fr, s.InDrill())
	}
	s.Update(common.GoTo{Screen: common.ScreenMatrix, Target: "supervisory", FR: 1, Requirement: "SR 1.5"})
	if !s.InDrill() || s.drill.items[s.drill.cursor].id != "SR 1.5" {
		t.Fatal("GoTo with a requirement should open the drill-down on it")
	}
	s.Update(common.GoTo{Screen: common.ScreenInterview, Target: "dmz"})
	if k, _ := s.Cursor(); k != "supervisory" {
		t.Error("a GoTo for another screen moved the cursor")
	}
}

func TestUserTextIsStripped(t *testing.T) {
	a := model.SamplePlant(questionnaires.Builtin())
	a.Zones[2].Name = "Evil\x1b]0;pwned\x07 zone\x1b[31m red\x9b2J\u202e"
	ans := a.Answers["supervisory"]["SR 1.5"]
	ans.Note = "note\x1b[2J\x1b]8;;http://x\x07link\x1b]8;;\x07 end\nsecond line"
	a.Answers["supervisory"]["SR 1.5"] = ans
	h := newPlant(t, a)
	s := New(h.Ctx)
	h.Send(s, uitest.Keys("down", "down")...)
	for _, size := range [][2]int{{80, 21}, {200, 57}} {
		out := uitest.Render(t, s, size[0], size[1])
		assertNoInjected(t, out)
		if !strings.Contains(ansi.Strip(out), "Evil zone red") {
			t.Errorf("cleaned name not shown:\n%s", ansi.Strip(out))
		}
	}
	h.Send(s, uitest.Key("enter"))
	out := uitest.Render(t, s, 100, 30)
	assertNoInjected(t, out)
	text := ansi.Strip(out)
	if !strings.Contains(text, "notelink end") || strings.Contains(text, "second line") {
		t.Errorf("note not cleaned to its first line:\n%s", text)
	}
}

func assertNoInjected(t *testing.T, out string) {
	t.Helper()
	for _, bad := range []string{"\x1b]", "\x1b[31m", "\x1b[2J", "\x9b", "\x07", "pwned", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("view contains %q", bad)
		}
	}
}

func TestSizes(t *testing.T) {
	for _, size := range [][2]int{{80, 21}, {100, 30}, {200, 57}, {40, 10}, {20, 4}, {1, 1}, {81, 2}} {
		w, ht := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, ht), func(t *testing.T) {
			h := generated(t, 40, 30)
			s := New(h.Ctx)
			uitest.Render(t, s, w, ht)
			h.Send(s, uitest.Keys("end", "right", "right", "right", "right", "right", "right", "right")...)
			uitest.Render(t, s, w, ht)
			h.Send(s, uitest.Keys("pgup", "enter")...)
			uitest.Render(t, s, w, ht)
			h.Send(s, uitest.Keys("s", "end", "down", "pgup", "left")...)
			uitest.Render(t, s, w, ht)
			// Resize while open, then back to the matrix.
			uitest.Render(t, s, 80, 21)
			uitest.Render(t, s, w, ht)
			h.Send(s, uitest.Key("esc"))
			uitest.Render(t, s, w, ht)
		})
	}
	t.Run("empty", func(t *testing.T) {
		h := newPlant(t, &model.Assessment{Name: "empty"})
		s := New(h.Ctx)
		h.Send(s, uitest.Keys("down", "enter", "end")...)
		lines := plain(t, s, 80, 21)
		if s.InDrill() || !strings.Contains(strings.Join(lines, "\n"), "No zones or conduits yet") {
			t.Errorf("empty matrix:\n%s", strings.Join(lines, "\n"))
		}
	})
}

func TestKeyMap(t *testing.T) {
	h := uitest.NewDemo(t)
	s := New(h.Ctx)
	helpKeys := func(bs []key.Binding) string {
		var out []string
		for _, b := range bs {
			out = append(out, b.Help().Key+" "+b.Help().Desc)
		}
		return strings.Join(out, "; ")
	}
	full := func() string {
		var out []string
		for _, g := range s.Keys().FullHelp() {
			out = append(out, g.Title+": "+helpKeys(g.Keys))
		}
		return strings.Join(out, "\n")
	}
	// Each mode's full help lists its own keys only: esc is the
	// drill-down's.
	for _, mode := range []struct {
		keys []string
		want []string
		not  string
	}{
		{nil, []string{"Matrix: ", "↑↓/jk", "←→/hl", "pgup/pgdn", "home/end", "enter", "s scope: widen to up to SL 4"}, "esc"},
		{[]string{"enter", "s"}, []string{"Unmet requirements of a cell: ", "↑↓/jk", "←→/hl", "enter", "s scope: back to up to SL-T", "esc"}, "Matrix"},
	} {
		h.Send(s, uitest.Keys(mode.keys...)...)
		all := full()
		for _, k := range mode.want {
			if !strings.Contains(all, k) {
				t.Errorf("full help lacks %q:\n%s", k, all)
			}
		}
		if strings.Contains(all, mode.not) {
			t.Errorf("full help lists %q:\n%s", mode.not, all)
		}
	}
	// The help bar follows the mode, and s says where it goes from the
	// scope shown (in the drill-down up to SL 4: back to SL-T).
	drillShort := helpKeys(s.Keys().ShortHelp())
	h.Send(s, uitest.Keys("s", "esc")...)
	matrixShort := helpKeys(s.Keys().ShortHelp())
	if matrixShort == drillShort || !strings.Contains(drillShort, "esc back") || !strings.Contains(drillShort, "s back to SL-T") ||
		!strings.Contains(matrixShort, "s up to SL 4") {
		t.Errorf("short help does not follow the mode and scope: %q / %q", matrixShort, drillShort)
	}
}
