package ui

import (
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
	"slate/ui/uitest"
)

// helpMode is one state of a screen, reached from the sample plant by
// keys: a mode of the screen, one of its forms or dialogs, and whether the
// session is read-only.
type helpMode struct {
	name     string
	readOnly bool
	keys     []any
	// alt, when set, reaches the same mode in another state (the other
	// end of a list too short to be entered in its middle): a key works
	// when it does something in either.
	alt []any
	// prep, when set, changes the plant before the session opens.
	prep func(t *testing.T, h *uitest.Harness)
}

// emptyPlant replaces the sample plant with an assessment without zones.
func emptyPlant(t *testing.T, h *uitest.Harness) {
	cat := questionnaires.Builtin()
	e := uitest.New(t, &model.Assessment{Name: "New site", CatalogID: cat.ID, CatalogVersion: cat.Version, CatalogHash: cat.Hash})
	e.Root = true
	*h = *e
}

// thirdWindow adds a maintenance window before the demo's two, so that
// the windows list can be entered in its middle.
func thirdWindow(t *testing.T, h *uitest.Harness) {
	w, err := h.Store.PutWindow(model.Window{Name: "Spring outage", Date: "2026-06-01", Days: 2})
	if err != nil {
		t.Fatal(err)
	}
	h.Ctx.Data.A.Windows = append(h.Ctx.Data.A.Windows, w)
}

// twoFiles attaches two evidence files to enterprise SR 2.2 (the row
// under the cursor after "3", "down"), so that the evidence panel has a
// file to remove or export and a choice between two.
func twoFiles(t *testing.T, h *uitest.Harness) {
	for _, name := range []string{"firewall-rules.txt", "wifi-survey.pdf"} {
		if _, _, err := h.Store.AddEvidence("enterprise", "SR 2.2", store.EvidenceFile{Name: name,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("contents of " + name)), nil }}); err != nil {
			t.Fatal(err)
		}
	}
	reloadPlant(t, h)
}

// longHistory changes enterprise SR 2.2 thirty times, more than its
// history view shows at once.
func longHistory(t *testing.T, h *uitest.Harness) {
	for i := range 30 {
		if _, err := h.Store.SaveAnswer("enterprise", model.Answer{Requirement: "SR 2.2", Status: []model.Status{model.Yes, model.No}[i%2]}); err != nil {
			t.Fatal(err)
		}
	}
	reloadPlant(t, h)
}

func reloadPlant(t *testing.T, h *uitest.Harness) {
	a, err := h.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	h.Ctx.Data.Replace(a)
}

// helpModes are the states whose help is checked: every screen in its
// modes, read-only and writable, and the forms and dialogs each opens.
// Lists are entered away from their ends, so that every move key moves.
var helpModes = []helpMode{
	{"overview", false, []any{"1", "down"}, nil, nil},
	{"overview read-only", true, []any{"1", "down"}, nil, nil},
	{"overview without zones", false, []any{"1"}, nil, emptyPlant},
	{"overview details form", false, []any{"1", "e", "tab"}, nil, nil},
	{"overview checks", false, []any{"1", "f", "down"}, nil, nil},

	{"zones list", false, []any{"2", "down", "down"}, nil, nil},
	{"zones list read-only", true, []any{"2", "down", "down"}, nil, nil},
	{"zones without zones", false, []any{"2"}, nil, emptyPlant},
	{"zones without zones read-only", true, []any{"2"}, nil, emptyPlant},
	{"roadmap without zones", false, []any{"5"}, nil, emptyPlant},
	{"zones diagram", false, []any{"2", "v", "down", "right"}, nil, nil},
	{"zones diagram read-only", true, []any{"2", "v", "down", "right"}, nil, nil},
	{"zones assets", false, []any{"2", "down", "down", "a", "down"}, nil, nil},
	{"zones assets read-only", true, []any{"2", "down", "down", "a", "down"}, nil, nil},
	{"zone form on a text field", false, []any{"2", "n", "tab", "tab"}, nil, nil},
	{"zone form on a choice", false, []any{"2", "n", "tab"}, nil, nil},
	{"zone form on the SL-T", false, []any{"2", "n", "tab", "tab", "tab", "tab", "tab", "right"}, nil, nil},
	{"SL-T form", false, []any{"2", "t", "right"}, nil, nil},
	{"conduit form on From", false, []any{"2", "c", "tab"}, nil, nil},
	{"rationale form", false, []any{"2", "r"}, nil, nil},
	{"asset form", false, []any{"2", "a", "n", "tab"}, nil, nil},
	{"import form", false, []any{"2", "I"}, nil, nil},
	{"delete confirmation", false, []any{"2", "x"}, nil, nil},
	{"template confirmation", false, []any{"2", "T"}, nil, nil},
	{"zones checks", false, []any{"2", "f", "down"}, nil, nil},

	{"interview", false, []any{"3", "down"}, nil, nil},
	{"interview read-only", true, []any{"3", "down"}, nil, nil},
	// On an answer (b copies it) with the detail scrolled (ctrl+d and
	// ctrl+u both move it).
	{"interview on an answer", false, []any{"3", "down", "y", "up", "ctrl+d"}, nil, nil},
	// Enterprise FR2 answered to its end: the cursor holds on the last row
	// (the moves down are tried two rows up).
	{"interview at the end of an FR", false, []any{"3", "y", "y", "y", "y", "y", "y", "y", "y"},
		[]any{"3", "y", "y", "y", "y", "y", "y", "y", "y", "up", "up"}, nil},

	// The interview's editors, lists, panels and forms.
	{"interview note editor", false, []any{"3", "down", "e"}, nil, nil},
	{"interview justification editor", false, []any{"3", "down", "a"}, nil, nil},
	{"interview search", false, []any{"3", "/", uitest.Type("control"), "down"}, nil, nil},
	{"interview bulk list", false, []any{"3", "y", "up", "b", "down"}, nil, nil},
	{"interview bulk confirmation", false, []any{"3", "y", "up", "b", "space", "enter"}, nil, nil},
	{"interview SR to RE n/a offer", false, []any{"3", "a", uitest.Type("No user accounts here"), "ctrl+s", "down"}, nil, nil},
	{"interview compensating form", false, []any{"3", "down", "c"}, nil, nil},
	{"interview evidence panel", false, []any{"3", "down", "x"}, nil, nil},
	{"interview evidence panel with files", false, []any{"3", "down", "x"}, []any{"3", "down", "x", "down"}, twoFiles},
	{"interview evidence panel read-only", true, []any{"3", "down", "x"}, []any{"3", "down", "x", "down"}, twoFiles},
	{"interview history", false, []any{"3", "down", "h"}, nil, nil},
	{"interview long history", false, []any{"3", "down", "h", "up"}, nil, longHistory},
	{"interview history read-only", true, []any{"3", "down", "h", "up"}, nil, longHistory},
	{"interview follow-ups", false, []any{"3", "F", "down"}, nil, nil},
	{"interview follow-ups read-only", true, []any{"3", "F", "down"}, nil, nil},
	{"interview session form", false, []any{"3", "I"}, nil, nil},
	{"interview by FR", false, []any{"3", "o", "down"}, nil, nil},
	{"interview by FR read-only", true, []any{"3", "o", "down"}, nil, nil},
	{"interview site questions", false, []any{"3", "}", "}", "}", "}", "}", "}", "}", "}", "}", "up"}, nil, nil},
	{"interview site questions read-only", true, []any{"3", "}", "}", "}", "}", "}", "}", "}", "}", "}", "up"}, nil, nil},
	// ctrl+c while the note editor holds unsaved text asks first.
	{"quit confirmation over an editor", false, []any{"3", "down", "e", uitest.Type("unsaved"), "ctrl+c"}, nil, nil},

	{"matrix", false, []any{"4", "down", "right"}, nil, nil},
	{"matrix read-only", true, []any{"4", "down", "right"}, nil, nil},
	{"matrix drill-down", false, []any{"4", "down", "down", "right", "enter", "down"}, nil, nil},
	{"matrix drill-down up to SL 4", true, []any{"4", "down", "down", "right", "enter", "s", "down"}, nil, nil},

	{"roadmap", false, []any{"5", "down"}, nil, nil},
	{"roadmap read-only", true, []any{"5", "down"}, nil, nil},
	{"roadmap filtered", false, []any{"5", "down", "z"}, nil, nil},
	{"roadmap detail", false, []any{"5", "down", "enter", "down"}, nil, nil},
	{"roadmap detail read-only", true, []any{"5", "down", "enter", "down"}, nil, nil},
	{"roadmap timeline", false, []any{"5", "v", "down"}, nil, nil},
	{"roadmap windows", false, []any{"5", "w", "down"}, nil, thirdWindow},
	{"roadmap windows read-only", true, []any{"5", "w", "down"}, nil, thirdWindow},
	{"tracking form", false, []any{"5", "e"}, nil, nil},
	{"tracking form on a text field", false, []any{"5", "e", "tab"}, nil, nil},
	{"window form", false, []any{"5", "w", "n", "tab"}, nil, nil},
	{"window delete", false, []any{"5", "w", "x"}, nil, nil},

	{"reports", false, []any{"6", "down"}, nil, nil},
	{"reports read-only", true, []any{"6", "down"}, nil, nil},
	{"sign-off form", false, []any{"6", "S", "tab"}, nil, nil},
}

// helpRoot opens a fresh copy of the sample plant and reaches a mode.
func helpRoot(t *testing.T, m helpMode) (*uitest.Harness, root) {
	t.Helper()
	h := uitest.NewDemoCopy(t)
	h.Root = true
	if m.prep != nil {
		m.prep(t, h)
	}
	if m.readOnly {
		h.Ctx.Data.ReadOnly, h.Ctx.Data.ReadOnlyReason = true, "another Slate has the file open"
		h.Ctx.Ops = common.NewOps(h.Store, true)
	}
	r := root{NewApp(h.Ctx, Screens(h.Ctx)...)}
	frame(t, r, 80, 24)
	h.Do(r, m.keys...)
	for _, g := range h.GoTos {
		h.Send(r, g)
	}
	h.GoTos, h.Status = nil, common.Status{}
	return h, r
}

// listedKeys are the keys the help of the active screen lists now: the
// help bar's, and the full help's when it can be opened (no dialog has
// the keyboard), each key once.
func listedKeys(r root) (keys []string, labels map[string]string) {
	labels = map[string]string{}
	bs := r.Active().Keys().ShortHelp()
	if r.confirmQuit != nil || r.upgrade != nil {
		bs = r.shortHelp() // the root's dialog has the keyboard
	} else if !r.Active().Capturing() {
		for _, g := range r.Active().Keys().FullHelp() {
			bs = append(bs, g.Keys...)
		}
	}
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		for _, k := range b.Keys() {
			if _, ok := labels[k]; !ok {
				keys = append(keys, k)
				labels[k] = b.Help().Key + " " + b.Help().Desc
			}
		}
	}
	return keys, labels
}

// pressIn reaches the mode by keys on a fresh copy of the plant and
// presses k: it reports the refusal shown, if any, and whether the key
// did something (the screen changed, it went to another screen, or a store
// operation succeeded).
func pressIn(t *testing.T, m helpMode, keys []any, k string) (refused string, works bool) {
	t.Helper()
	m.keys = keys
	h, r := helpRoot(t, m)
	before := body(t, r)
	done := len(h.Done)
	h.Send(r, uitest.Key(k))
	if h.Status.Error {
		return h.Status.Text, false
	}
	ok := false
	for _, d := range h.Done[done:] {
		ok = ok || d.Err == nil
	}
	for _, m := range h.Other {
		_, quit := m.(tea.QuitMsg)
		ok = ok || quit
	}
	return "", ok || len(h.GoTos) > 0 || body(t, r) != before
}

// body is the frame without the status line, where a refusal shows.
func body(t *testing.T, r root) string {
	lines := strings.Split(frame(t, r, 80, 24), "\n")
	return strings.Join(append(lines[:len(lines)-2:len(lines)-2], lines[len(lines)-1]), "\n")
}

// Every key the help lists in a mode does something there: the screen
// changes, it goes to another screen, or a store operation succeeds. None
// is refused (a read-only session lists no edit key), and no key does
// nothing.
func TestEveryListedKeyWorks(t *testing.T) {
	for _, m := range helpModes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel() // most of the time goes to waiting for commands to settle
			_, r := helpRoot(t, m)
			keys, labels := listedKeys(r)
			if len(keys) == 0 {
				t.Fatal("the help lists no key")
			}
			for _, k := range keys {
				refused, works := pressIn(t, m, m.keys, k)
				if !works && refused == "" && m.alt != nil {
					refused, works = pressIn(t, m, m.alt, k)
				}
				switch {
				case refused != "":
					t.Errorf("%s (%q) is listed but refused: %s", k, labels[k], refused)
				case !works:
					t.Errorf("%s (%q) is listed but does nothing", k, labels[k])
				}
			}
		})
	}
}

// In a read-only session every key that edits is refused at once with the
// reason, on every screen, before any form opens.
func TestReadOnlyRefusesEditKeysAtOnce(t *testing.T) {
	for _, c := range []struct {
		setup []any
		keys  []string
	}{
		{[]any{"1"}, []string{"e"}},
		{[]any{"2", "down"}, []string{"n", "c", "e", "enter", "t", "r", "x", "K", "J", "T", "I"}},
		{[]any{"2", "a"}, []string{"n", "e", "m", "x"}},
		{[]any{"3", "down"}, []string{"y", "p", "n", "Y", "P", "N", "a", "c", "u", "e", "enter", "f", "m", "b", "r", "I", "i"}},
		// The evidence panel: attach and unlink.
		{[]any{"3", "down", "x"}, []string{"a", "d", "delete"}},
		{[]any{"5"}, []string{"e", "E"}},
		{[]any{"5", "w"}, []string{"n", "e", "x"}},
		{[]any{"6"}, []string{"S"}},
	} {
		for _, k := range c.keys {
			h, r := helpRoot(t, helpMode{readOnly: true, keys: c.setup})
			before, capturing := body(t, r), r.Active().Capturing() // a panel has the keyboard before
			h.Send(r, uitest.Key(k))
			if !h.Status.Error || !strings.Contains(h.Status.Text, "Read-only (another Slate has the file open)") ||
				r.Active().Capturing() != capturing || body(t, r) != before {
				t.Errorf("%v %s: status %+v, capturing %v", c.setup, k, h.Status, r.Active().Capturing())
			}
		}
	}
}

// The full help of every screen lists its keys under group titles, at
// 80x24 as at 120x40: every column starts with a title (a group that goes
// on in the next column repeats it), and no key is listed twice.
func TestFullHelpIsGrouped(t *testing.T) {
	for _, m := range helpModes {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			_, r := helpRoot(t, m)
			if r.Active().Capturing() {
				continue // a dialog's keys are in its help bar
			}
			r.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			groups := r.Active().Keys().FullHelp()
			titles := map[string]bool{}
			var seen []string
			for _, g := range groups {
				if g.Title == "" {
					t.Errorf("%s: a group without a title", m.name)
				}
				titles[g.Title] = true
				for _, b := range g.Keys {
					entry := b.Help().Key + " " + b.Help().Desc
					if slices.Contains(seen, entry) {
						t.Errorf("%s: %q listed twice", m.name, entry)
					}
					seen = append(seen, entry)
				}
			}
			st := r.ctx.Styles
			global := helpLines(st, r.keys.HelpGroup(), size[0])
			rows := max(1, size[1]-r.chromeHeight()-3-len(global))
			for _, gaps := range []bool{true, false} {
				for c, col := range helpColumns(st, groups, rows, gaps) {
					if !titles[ansi.Strip(col[0])] {
						t.Errorf("%s at %dx%d: column %d starts with %q, not a title", m.name, size[0], size[1], c+1, ansi.Strip(col[0]))
					}
				}
			}
		}
	}
}

// The help bar fits 80 columns in every mode, "? help" and "q quit"
// included where they apply: nothing listed is cut off.
func TestHelpBarFits(t *testing.T) {
	for _, m := range helpModes {
		_, r := helpRoot(t, m)
		lines := strings.Split(ansi.Strip(frame(t, r, 80, 24)), "\n")
		if bar := lines[len(lines)-1]; strings.HasSuffix(strings.TrimSpace(bar), "…") {
			t.Errorf("%s: the help bar is cut: %q", m.name, bar)
		}
	}
}

// offeredKey finds the keys a screen's text offers ("press n to add one",
// "I starts one", "(r to review)", "· r SL-T rationale").
var offeredKey = regexp.MustCompile(`\bpress ([A-Za-z])\b|(?:[:·(,]|\bor) ([A-Za-z]) (?:to|starts|adds|records|attaches|imports|lists|SL-T)\b`)

// offeredKeys lists the keys the body of the frame offers at 80x24 and
// 120x40 (a hint cut at 80 columns is whole at 120), each once.
func offeredKeys(t *testing.T, r root) []string {
	var keys []string
	for _, size := range goldenSizes {
		text := ansi.Strip(frame(t, r, size[0], size[1]))
		lines := strings.Split(text, "\n")
		// The body only: the help bar lists keys, which
		// TestEveryListedKeyWorks checks; the status line is a message.
		for _, l := range lines[1 : len(lines)-2] {
			for _, m := range offeredKey.FindAllStringSubmatch(l, -1) {
				if k := m[1] + m[2]; !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// A read-only session offers, in the text of its screens, panels and
// dialogs, no key it refuses: "No interview session", not "I starts one".
func TestReadOnlyOffersNoRefusedKey(t *testing.T) {
	modes := []helpMode{}
	for i := range screenNames {
		modes = append(modes, helpMode{name: screenNames[i], readOnly: true, keys: []any{string(rune('1' + i))}})
	}
	for _, m := range helpModes {
		if m.readOnly {
			modes = append(modes, m)
		}
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			_, r := helpRoot(t, m)
			for _, k := range offeredKeys(t, r) {
				if refused, _ := pressIn(t, m, m.keys, k); refused != "" {
					t.Errorf("the screen offers %s, which is refused: %s", k, refused)
				}
			}
		})
	}
}
