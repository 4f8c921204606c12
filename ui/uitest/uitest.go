// Package uitest drives TUI screens in tests: a sample plant in a real
// store, key messages by name, commands run the way the root runs them, and
// renders at a fixed size in the ASCII colour profile for golden files.
package uitest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	// Root is set when Send drives the root model, which applies finished
	// store operations itself; otherwise the harness does as the root would.
	Root   bool
	Ctx    *common.Context
	Store  *store.Store
	Path   string
	Status common.Status // the last status message a screen asked for
	GoTos  []common.GoTo // navigation requests seen
	Done   []common.Done // finished store operations seen, whoever asked
	Other  []tea.Msg     // other messages commands returned
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
	return over(t, st, path)
}

// demoFile holds the sample plant's file, written once for the tests that
// need many fresh copies (NewDemoCopy).
var demoFile struct {
	once  sync.Once
	bytes []byte
	err   error
}

// NewDemoCopy is NewDemo for tests that open the sample plant many times:
// the file is written once and copied, which is ten times faster.
func NewDemoCopy(t testing.TB) *Harness {
	t.Helper()
	demoFile.once.Do(func() {
		dir, err := os.MkdirTemp("", "slate-demo-")
		if err != nil {
			demoFile.err = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "plant.slate")
		st, err := store.Create(path, model.SamplePlant(questionnaires.Builtin()), store.Options{Clock: Clock, Actor: "test"})
		if err == nil {
			err = st.Close()
		}
		if err == nil {
			demoFile.bytes, err = os.ReadFile(path)
		}
		demoFile.err = err
	})
	if demoFile.err != nil {
		t.Fatal(demoFile.err)
	}
	path := filepath.Join(t.TempDir(), "plant.slate")
	if err := os.WriteFile(path, demoFile.bytes, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{Clock: Clock, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return over(t, st, path)
}

// over builds the harness over an open store.
func over(t testing.TB, st *store.Store, path string) *Harness {
	t.Helper()
	loaded, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cat, ok := Catalogs(loaded.CatalogID, loaded.CatalogVersion)
	if !ok {
		cat = questionnaires.Builtin()
	}
	data := common.NewData(cat, loaded, path)
	data.Catalogs = Catalogs
	ctx := &common.Context{Data: data, Styles: common.NewStyles(true), Ops: common.NewOps(st, false), Now: Clock}
	return &Harness{T: t, Ctx: ctx, Store: st, Path: path}
}

// Catalogs finds a built-in catalog by id and version, as a session's
// catalog library does.
func Catalogs(id, version string) (*model.Catalog, bool) {
	for _, c := range questionnaires.Builtins() {
		if c.ID == id && c.Version == version {
			return c, true
		}
	}
	return nil, false
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

// Msgs expands shorthand into messages: strings are key names ("ctrl+s"),
// message lists (Type, Keys) are spliced in, anything else is a message.
func Msgs(items ...any) []tea.Msg {
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
	return out
}

// Do is Send with the shorthand of Msgs.
func (h *Harness) Do(s Updater, items ...any) {
	h.T.Helper()
	h.Send(s, Msgs(items...)...)
}

// Send delivers messages to a screen and runs the commands it returns the
// way the root would (see deliver), until every store operation requested
// meanwhile has finished. Timers (cursor blink) are not waited for.
func (h *Harness) Send(s Updater, msgs ...tea.Msg) {
	h.T.Helper()
	for _, m := range msgs {
		// Update may already request a store operation: count from before it.
		before := h.Ctx.Ops.LastTicket()
		h.run(s, s.Update(m), before)
	}
}

// deliver hands a finished store operation on as the root does: to the
// root itself when it is driven; otherwise the committed change is applied
// to the data and the Result goes to the screen only if it asked.
func (h *Harness) deliver(s Updater, m common.Done) tea.Cmd {
	if h.Root {
		return s.Update(m)
	}
	m.ApplyTo(h.Ctx.Data)
	if scr, ok := s.(common.Screen); ok && scr.ID() != m.To {
		return nil
	}
	return s.Update(m.Result)
}

func (h *Harness) run(s Updater, cmd tea.Cmd, before common.Ticket) {
	h.T.Helper()
	if cmd == nil {
		return
	}
	results := make(chan tea.Msg, 64)
	var launch func(c tea.Cmd)
	// lastLaunch is when the newest command started: a command that
	// answers at once (a GoTo, a status) is waited for even when the
	// machine is slow; one still running after settle is a timer (the
	// cursor's blink) and is not.
	var lastLaunch time.Time
	running := 0
	launch = func(c tea.Cmd) {
		if c == nil {
			return
		}
		lastLaunch = time.Now()
		running++
		go func() { results <- c() }()
	}
	launch(cmd)
	// Every request takes a ticket and ends in one Done.
	wantDone := func() uint64 { return uint64(h.Ctx.Ops.LastTicket() - before) }
	var gotDone uint64
	var follow []followUp
	deadline := time.After(10 * time.Second)
	quiet := time.NewTimer(10 * time.Millisecond)
	defer quiet.Stop()
	for {
		select {
		case m := <-results:
			running--
			switch m := m.(type) {
			case tea.BatchMsg:
				for _, c := range m {
					launch(c)
				}
			case common.Done:
				gotDone++
				h.Done = append(h.Done, m)
				b := h.Ctx.Ops.LastTicket()
				follow = append(follow, followUp{h.deliver(s, m), b})
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
			if gotDone >= wantDone() && (running == 0 || time.Since(lastLaunch) >= settle) {
				for _, f := range follow {
					h.run(s, f.cmd, f.before)
				}
				return
			}
			quiet.Reset(10 * time.Millisecond)
		case <-deadline:
			h.T.Fatalf("store operations did not finish: %d of %d results", gotDone, wantDone())
		}
	}
}

// settle is how long a command may take to answer before the harness takes
// it for a timer.
const settle = 30 * time.Millisecond

// followUp is a command a screen returned on a store result, with the
// last ticket from before it.
type followUp struct {
	cmd    tea.Cmd
	before common.Ticket
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

// Redeliver hands the messages that commands returned and match (a
// widget's own, such as a file picker's folder listings) back to s, as the
// program would, until none is left.
func (h *Harness) Redeliver(s Updater, match func(tea.Msg) bool) {
	h.T.Helper()
	for range 50 {
		var mine []tea.Msg
		for _, m := range h.Other {
			if match(m) {
				mine = append(mine, m)
			}
		}
		h.Other = nil
		if len(mine) == 0 {
			return
		}
		h.Send(s, mine...)
	}
	h.T.Fatal("the widget's messages never settled")
}
