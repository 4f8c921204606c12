// Package uitest drives TUI screens in tests: a sample plant in a real
// store, key messages by name, commands run the way the root runs them, and
// renders at a fixed size in the ASCII colour profile for golden files.
package uitest

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
)

// Updater is a screen, or the root model adapted with AsUpdater.
type Updater interface {
	Update(msg tea.Msg) tea.Cmd
}

// Harness holds a sample plant opened in a real store.
type Harness struct {
	T testing.TB
	// Root is set when Send drives the root model, which applies Saved
	// results itself; otherwise the harness applies them as the root would.
	Root   bool
	Ctx    *common.Context
	Store  *store.Store
	Path   string
	Status common.Status  // the last status message a screen asked for
	GoTos  []common.GoTo  // navigation requests seen
	Saved  []common.Saved // store results seen
	Other  []tea.Msg      // other messages commands returned
}

// Screens show times in local time; tests render in UTC so golden files do
// not depend on the machine's time zone.
func init() { time.Local = time.UTC }

// Clock is the fixed time of every change made through a harness.
var Clock = func() time.Time { return time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC) }

// NewDemo opens the sample plant (model.SamplePlant) in a temporary file.
func NewDemo(t testing.TB) *Harness {
	t.Helper()
	return New(t, model.SamplePlant(questionnaires.Builtin()))
}

// New opens the given assessment in a temporary file.
func New(t testing.TB, a *model.Assessment) *Harness {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plant.slate")
	st, err := store.Create(path, a, store.Options{Clock: Clock, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	data := common.NewData(questionnaires.Builtin(), loaded, path)
	ctx := &common.Context{Data: data, Styles: common.NewStyles(true), Ops: common.NewOps(st, false), Now: Clock}
	return &Harness{T: t, Ctx: ctx, Store: st, Path: path}
}

// Key builds a key press from its name as tea.KeyPressMsg.String() spells it:
// "y", "K", "enter", "esc", "tab", "shift+tab", "up", "ctrl+s", "space", ...
func Key(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "up": tea.KeyUp,
		"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "space": tea.KeySpace,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "pgup": tea.KeyPgUp,
		"pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	var mod tea.KeyMod
	base := name
	for {
		switch {
		case strings.HasPrefix(base, "ctrl+") && len(base) > 5:
			mod |= tea.ModCtrl
			base = base[5:]
			continue
		case strings.HasPrefix(base, "alt+") && len(base) > 4:
			mod |= tea.ModAlt
			base = base[4:]
			continue
		case strings.HasPrefix(base, "shift+") && len(base) > 6:
			mod |= tea.ModShift
			base = base[6:]
			continue
		}
		break
	}
	if r, ok := special[base]; ok {
		k := tea.KeyPressMsg{Code: r, Mod: mod}
		if r == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k
	}
	r := []rune(base)[0]
	k := tea.KeyPressMsg{Code: r, Mod: mod}
	if mod == 0 || mod == tea.ModShift {
		k.Text = base
	}
	return k
}

// Type returns one key press per character of s (for text fields).
func Type(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		if r == ' ' {
			out = append(out, Key("space"))
		} else {
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	return out
}

// Keys turns key names into messages.
func Keys(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		out[i] = Key(n)
	}
	return out
}

// Do is Send with shorthand: strings are key names ("ctrl+s") and message
// lists (Type) are expanded.
func (h *Harness) Do(s Updater, items ...any) {
	h.T.Helper()
	var out []tea.Msg
	for _, it := range items {
		switch it := it.(type) {
		case []tea.Msg:
			out = append(out, it...)
		case string:
			out = append(out, Key(it))
		default:
			out = append(out, it)
		}
	}
	h.Send(s, out...)
}

// Send delivers messages to a screen and runs the commands it returns the
// way the root would: Saved results are applied to the data and then passed
// back to the screen. Timers (cursor blink) are not waited for.
func (h *Harness) Send(s Updater, msgs ...tea.Msg) {
	h.T.Helper()
	for _, m := range msgs {
		// Update may already request a store operation: count from before it.
		before := h.Ctx.Ops.Issued()
		h.run(s, s.Update(m), before)
	}
}

func (h *Harness) run(s Updater, cmd tea.Cmd, before uint64) {
	h.T.Helper()
	if cmd == nil {
		return
	}
	results := make(chan tea.Msg, 64)
	var launch func(c tea.Cmd)
	pending := 0
	launch = func(c tea.Cmd) {
		if c == nil {
			return
		}
		pending++
		go func() { results <- c() }()
	}
	launch(cmd)
	wantSaved := func() uint64 { return h.Ctx.Ops.Issued() - before }
	var gotSaved uint64
	var follow []followUp
	deadline := time.After(10 * time.Second)
	quiet := time.NewTimer(10 * time.Millisecond)
	defer quiet.Stop()
	for {
		select {
		case m := <-results:
			pending--
			switch m := m.(type) {
			case tea.BatchMsg:
				for _, c := range m {
					launch(c)
				}
			case common.Saved:
				gotSaved++
				h.Saved = append(h.Saved, m)
				if m.Err == nil && m.Apply != nil && !h.Root {
					m.Apply(h.Ctx.Data)
				}
				b := h.Ctx.Ops.Issued()
				follow = append(follow, followUp{s.Update(m), b})
			case common.Status:
				h.Status = m
			case common.GoTo:
				h.GoTos = append(h.GoTos, m)
			case nil:
			default:
				h.Other = append(h.Other, m)
			}
			quiet.Reset(10 * time.Millisecond)
		case <-quiet.C:
			if gotSaved >= wantSaved() {
				for _, f := range follow {
					h.run(s, f.cmd, f.before)
				}
				return
			}
			quiet.Reset(10 * time.Millisecond)
		case <-deadline:
			h.T.Fatalf("store operations did not finish: %d of %d results", gotSaved, wantSaved())
		}
	}
}

// followUp is a command a screen returned on a store result, with the
// operation count from before it.
type followUp struct {
	cmd    tea.Cmd
	before uint64
}

// Render sizes the screen and returns its view in the ASCII colour profile
// (attributes kept, colours dropped), checking it fills exactly w x h.
func Render(t testing.TB, s common.Screen, w, h int) string {
	t.Helper()
	s.SetSize(w, h)
	return Check(t, s.View(), w, h)
}

// Check converts a rendered string to the ASCII profile and checks its size.
func Check(t testing.TB, out string, w, h int) string {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, lw, w, l)
		}
	}
	var buf bytes.Buffer
	cw := colorprofile.NewWriter(&buf, nil)
	cw.Profile = colorprofile.ASCII
	cw.Write([]byte(out))
	return buf.String()
}
