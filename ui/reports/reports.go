// Package reports is the Reports screen: pick a format and Slate writes the
// report next to the assessment file, showing progress and where it went.
package reports

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"slate/report"
	"slate/ui/common"
)

// formats are the report package's registry, read when the screen is
// drawn: the list, its order and the descriptions live there only.
func formats() []report.Format { return report.Formats() }

// Model is the Reports screen.
type Model struct {
	ctx     *common.Context
	w, h    int
	cursor  int
	busy    string        // format being written
	writing common.Ticket // its store operation
	spin    spinner.Model
	results map[string]result
	keys    keyMap
	signOff signOffForm // the sign-off form (signoff.go)
}

type result struct {
	written common.Written
	err     error
}

type keyMap struct {
	Up, Down, Write, SignOff key.Binding
	Form                     common.FormKeys
	m                        *Model
}

// ShortHelp is the help bar: the sign-off form's keys while it is open;
// a read-only session is not offered the sign-off.
func (k keyMap) ShortHelp() []key.Binding {
	if k.m != nil && k.m.signOff.form != nil {
		return k.m.signOff.form.ShortHelp()
	}
	d := common.Describe
	return k.forHelp([]key.Binding{d("↑↓", "format", k.Up, k.Down), d("enter", "write", k.Write), d("S", "sign-off", k.SignOff)})
}

// FullHelp lists the screen's keys in titled groups.
func (k keyMap) FullHelp() []common.KeyGroup {
	gs := []common.KeyGroup{{Title: "Formats", Keys: []key.Binding{k.Up, k.Down, k.Write}},
		{Title: "Sign-off", Keys: []key.Binding{k.SignOff}}}
	if k.m == nil {
		return gs
	}
	return common.GroupsForHelp(k.m.ctx.Data, gs, k.SignOff)
}

func (k keyMap) forHelp(bs []key.Binding) []key.Binding {
	if k.m == nil {
		return bs
	}
	return common.ForHelp(k.m.ctx.Data, bs, k.SignOff)
}

// New builds the screen.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, w: 80, h: 21, results: map[string]result{},
		spin: spinner.New(spinner.WithSpinner(spinner.Line)),
		keys: keyMap{
			Up:      common.Bind("↑/k", "previous format", "up", "k"),
			Down:    common.Bind("↓/j", "next format", "down", "j"),
			Write:   common.Bind("enter/w", "write the report", "enter", "w"),
			SignOff: common.Bind("S", "record the sign-off of the assessment as it stands", "S"),
			Form:    common.NewFormKeys(),
		}}
	m.keys.m = m
	return m
}

// ID names the screen in messages.
func (m *Model) ID() common.ScreenID { return common.ScreenReports }

// Title names the screen.
func (m *Model) Title() string { return "Reports" }

// Keys returns the key map.
func (m *Model) Keys() common.KeyMap { return m.keys }

// Capturing is true while the sign-off form is open.
func (m *Model) Capturing() bool { return m.signOff.form != nil }

// SetSize sets the body area.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Update handles keys, the spinner and the write results.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if cmd, ok := m.updateSignOff(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case common.Result:
		if m.busy == "" || msg.Ticket != m.writing {
			return nil
		}
		w, _ := msg.Value.(common.Written)
		m.results[m.busy] = result{w, msg.Err}
		m.busy, m.writing = "", 0
		return nil
	case spinner.TickMsg:
		if m.busy == "" {
			return nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return cmd
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(len(formats())-1, m.cursor+1)
		case key.Matches(msg, m.keys.Write):
			return m.write()
		case key.Matches(msg, m.keys.SignOff):
			return m.openSignOff()
		}
	}
	return nil
}

// write snapshots the assessment (the interview may continue meanwhile) and
// starts writing the chosen format.
func (m *Model) write() tea.Cmd {
	if m.busy != "" {
		return common.StatusCmd("A report is being written; wait for it to finish.", false)
	}
	fs := formats()
	if m.cursor >= len(fs) {
		return nil
	}
	f := fs[m.cursor]
	m.busy = f.Key
	d := m.ctx.Data
	var write tea.Cmd
	m.writing, write = m.ctx.Ops.WriteReport(m.ID(), f, d.A.Snapshot(), d.Cat, d.Path, m.ctx.Today(), d.Scope)
	return tea.Batch(write, m.spin.Tick)
}

// View renders the list of formats and what was written; the sign-off
// form is drawn over it, above the line that says which sign-off is on
// record.
func (m *Model) View() string {
	st := m.ctx.Styles
	lines := m.lines()
	body := common.Block(lines, m.w, m.h)
	if f := m.signOff.form; f != nil {
		return common.OverlayKeeping(body, f.View(st), m.w, m.h, len(lines)-1)
	}
	return body
}

func (m *Model) lines() []string {
	st := m.ctx.Styles
	scope := " · " + m.ctx.Data.Scope.Label()
	lines := []string{st.Title.Render("Write a report next to "+common.Line(baseName(m.ctx.Data.Path), max(10, m.w-26-len(scope)))) + st.Muted.Render(scope)}
	// The folder in full: where the files go is what the screen is for.
	for _, l := range common.Wrap("in "+filepath.Dir(m.ctx.Data.Path), m.w, 0) {
		lines = append(lines, st.Muted.Render(l))
	}
	lines = append(lines, "")
	for i, f := range formats() {
		marker := "  "
		if i == m.cursor {
			marker = "> "
		}
		head := marker + common.Fit(f.Title, 9) + " " + common.Line(strings.Join(f.Paths(report.DefaultPath(baseName(m.ctx.Data.Path), f)), ", "), m.w-14)
		if i == m.cursor {
			head = st.Selected.Render(common.Fit(head, m.w))
		}
		lines = append(lines, head)
		for _, l := range common.Wrap(f.Description, m.w-14, 2) {
			lines = append(lines, "            "+st.Muted.Render(l))
		}
		lines = append(lines, m.status(f)...)
	}
	lines = append(lines, "", st.Muted.Render(common.Line("Files are created readable by you only (0600); an older report of the same name is replaced.", m.w)))
	return append(lines, m.signOffLines()...)
}

func (m *Model) status(f report.Format) []string {
	st := m.ctx.Styles
	if m.busy == f.Key {
		return []string{"            " + m.spin.View() + " writing…"}
	}
	r, ok := m.results[f.Key]
	if !ok {
		return nil
	}
	if r.err != nil {
		return []string{"            " + st.Error.Render(common.Line(common.ErrorText(r.err), m.w-12))}
	}
	// Each path in full, wrapped rather than cut: where the files went is
	// what the screen is for.
	var out []string
	for i, p := range r.written.Paths {
		for _, l := range common.Wrap(fmt.Sprintf("wrote %s (%s)", p, size(r.written.Bytes[i])), m.w-12, 0) {
			out = append(out, "            "+st.OK.Render(l))
		}
	}
	return out
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return common.Plural(n, "byte", "bytes")
}
