// Package ui is Slate's terminal interface (Bubble Tea v2). The root model
// in this file owns the shared data, routes messages to the screens (one
// sub-package each), draws the tab bar, status line and help bar, and turns
// committed store operations into changes of the in-memory assessment.
package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// App is the root model.
type App struct {
	ctx      *common.Context
	screens  []common.Screen
	active   int
	keys     common.GlobalKeys
	help     help.Model
	showHelp bool

	width, height int

	status    string
	statusErr bool
	// A notice that names a full path (a new file, the sample plant) is
	// shown whole: the status line wraps to as many as noticeLines lines
	// while it shows, and the screen gives up those rows.
	statusWraps bool
	statusRows  []string

	quitting    bool // waiting for pending saves before quitting
	confirmQuit *common.Confirm

	// upgrade offers a newer catalog when the session opens (upgrade.go).
	upgrade   *common.Confirm
	upgradeTo *model.Catalog

	outcome Outcome // what was and was not saved, told after quitting

	// A read-only session follows another Slate's commits: the file's data
	// version as last seen (polled every common.PollEvery), and the ticket
	// of the reload under way (0: none).
	dataVersion int64
	polledOnce  bool
	reloading   common.Ticket

	// The chrome is redrawn only when what it shows changes.
	chromeKey, tabs, helpBar string
}

// NewApp builds the root model over the given screens.
func NewApp(ctx *common.Context, screens ...common.Screen) *App {
	titles := make([]string, len(screens))
	for i, s := range screens {
		titles[i] = s.Title()
	}
	a := &App{ctx: ctx, screens: screens, keys: common.NewGlobalKeys(titles), help: help.New(), width: 80, height: 24}
	a.help.Styles = help.DefaultStyles(ctx.Styles.IsDark)
	a.keys.Reload.SetEnabled(ctx.Data.ReadOnly)
	if ctx.Data.ReadOnly {
		a.setStatus("Read-only: "+ctx.Data.ReadOnlyReason, false)
	} else {
		a.setStatus("Saved to "+filepath.Base(ctx.Data.Path)+" · every change is committed as you make it", false)
	}
	a.layout()
	return a
}

// Init asks the terminal for its background colour to pick the theme; a
// read-only session also notes the file's data version, to follow what
// another Slate commits.
func (a *App) Init() tea.Cmd {
	if a.ctx.Data.ReadOnly {
		return tea.Batch(tea.RequestBackgroundColor, a.ctx.Ops.PollNow)
	}
	return tea.RequestBackgroundColor
}

// polled follows the file in a read-only session: a data version other
// than the one last seen means another Slate committed, and the
// assessment is read again (once at a time); the next poll is scheduled
// either way. The version the session opened at is the one read with the
// load (Session.DataVersion); without it, the first poll notes it.
func (a *App) polled(p common.Polled) tea.Cmd {
	next := a.ctx.Ops.Poll()
	if p.Err != nil {
		return next // the file may be busy or gone for a moment: try again
	}
	changed := a.polledOnce && p.Version != a.dataVersion
	a.dataVersion, a.polledOnce = p.Version, true
	if !changed || a.reloading != 0 {
		return next
	}
	return tea.Batch(next, a.reload(true))
}

// reload reads the file again (ctrl+r, or a poll that saw a change).
func (a *App) reload(auto bool) tea.Cmd {
	var cmd tea.Cmd
	a.reloading, cmd = a.ctx.Ops.Reload(0, auto)
	return cmd
}

// noticeLines is the most lines a notice's status line takes.
const noticeLines = 3

// setStatus shows text on the status line (in the error style when isErr),
// on one line cut to the width.
func (a *App) setStatus(text string, isErr bool) {
	a.status, a.statusErr, a.statusWraps = text, isErr, false
	a.statusChanged()
}

// notice shows text on the status line whole, wrapped to at most
// noticeLines lines: a full path must not be cut.
func (a *App) notice(text string) {
	a.status, a.statusErr, a.statusWraps = text, false, true
	a.statusChanged()
}

// statusChanged lays the status line out again, and the screens when the
// rows it takes changed.
func (a *App) statusChanged() {
	n := len(a.statusRows)
	a.statusRows = a.wrapStatus()
	if n != 0 && n != len(a.statusRows) {
		a.layout()
	}
}

// wrapStatus is the status line's rows at the width.
func (a *App) wrapStatus() []string {
	if a.statusWraps {
		if rows := common.Wrap(a.status, a.width, noticeLines); len(rows) > 0 {
			return rows
		}
	}
	return []string{common.Fit(a.status, a.width)}
}

// chromeHeight is the rows taken by the tab bar, banner, status and help.
func (a *App) chromeHeight() int {
	h := 2 + max(1, len(a.statusRows))
	if a.ctx.Data.ReadOnly {
		h++
	}
	return h
}

func (a *App) layout() {
	a.statusRows = a.wrapStatus()
	a.help.SetWidth(a.width)
	for _, s := range a.screens {
		s.SetSize(a.width, max(1, a.height-a.chromeHeight()))
	}
}

// openOnQuestion shows, at start, the first screen with a question for the
// user (the interview, when the current session is from an earlier day).
func (a *App) openOnQuestion() {
	for i, s := range a.screens {
		if q, ok := s.(interface{ NeedsAttention() bool }); ok && q.NeedsAttention() {
			a.show(i)
			return
		}
	}
}

// Active returns the screen shown now.
func (a *App) Active() common.Screen { return a.screens[a.active] }

func (a *App) show(i int) tea.Cmd {
	if i < 0 || i >= len(a.screens) || i == a.active {
		return nil
	}
	// The screen left hears it: a status line about its cursor ends there.
	left := a.screens[a.active].Update(common.Hidden{})
	a.active = i
	return left
}

// Update routes messages.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.layout()
		return a, nil
	case tea.BackgroundColorMsg:
		*a.ctx.Styles = *common.NewStyles(msg.IsDark())
		a.help.Styles = help.DefaultStyles(msg.IsDark())
		a.ctx.Data.Version++ // cached renderings carry the old theme
		return a, nil
	case common.Done:
		return a, a.done(msg)
	case common.Status:
		a.setStatus(msg.Text, msg.Error)
		return a, nil
	case common.Polled:
		return a, a.polled(msg)
	case common.GoTo:
		if i, ok := a.index(msg.Screen); ok {
			left := a.show(i)
			return a, tea.Batch(left, a.screens[i].Update(msg))
		}
		return a, nil
	case tea.KeyPressMsg:
		return a, a.key(msg)
	}
	return a, a.Active().Update(msg)
}

// Outcome is what a session saved and did not save: quitting says it.
type Outcome struct {
	Saved    int      // changes reported saved
	NotSaved []string // changes refused, each with why
}

// Outcome returns what this session saved and did not save.
func (a *App) Outcome() Outcome { return a.outcome }

// count adds a finished operation to the outcome; reads (reports, exports,
// histories, import previews) are not changes.
func (a *App) count(r common.Result) {
	if _, preview := r.Value.(common.AssetPreview); r.Read || preview {
		return
	}
	if r.Err != nil {
		a.outcome.NotSaved = append(a.outcome.NotSaved, common.Line(r.Label, 60)+" ("+common.ErrorText(r.Err)+")")
	} else {
		a.outcome.Saved++
	}
}

// index finds a screen by its ID.
func (a *App) index(id common.ScreenID) (int, bool) {
	for i, s := range a.screens {
		if s.ID() == id {
			return i, true
		}
	}
	return 0, false
}

// done applies a finished store operation to the data (only a committed
// one: nothing shows as saved before the store has it) and hands its
// Result to the screen that asked, and to no other. The other screens see
// the change through Data.Version when they next update or draw.
func (a *App) done(msg common.Done) tea.Cmd {
	a.count(msg.Result)
	if msg.Ticket == a.reloading {
		a.reloading = 0
	}
	if r, ok := msg.Value.(common.Reloaded); ok && msg.Err == nil {
		msg.ApplyTo(a.ctx.Data)
		a.setStatus(reloadedText(r, a.ctx.Today()), false)
		return nil
	}
	if msg.Err != nil {
		a.setStatus(common.ErrorText(msg.Err), true)
	} else {
		msg.ApplyTo(a.ctx.Data)
		switch _, preview := msg.Value.(common.AssetPreview); {
		case preview:
			a.setStatus("Read "+common.Line(msg.Label, 60)+": nothing is imported before you confirm", false)
		case msg.Read && !wrote(msg.Result):
			a.setStatus("Done: "+common.Line(msg.Label, 60), false)
		default:
			a.setStatus(savedText(msg.Result), false)
		}
	}
	var cmd tea.Cmd
	if i, ok := a.index(msg.To); ok {
		cmd = a.screens[i].Update(msg.Result)
	}
	if a.quitting && a.ctx.Ops.Pending() == 0 {
		return tea.Batch(cmd, tea.Quit)
	}
	return cmd
}

// savedText is the status line after a committed operation: what was
// saved, or for a report the full path of every file written.
// wrote reports whether an operation wrote files (a report, an export):
// the status names them.
func wrote(r common.Result) bool {
	_, ok := r.Value.(common.Written)
	return ok
}

// reloadedText is the status line after the file was read again.
func reloadedText(r common.Reloaded, now time.Time) string {
	if r.Auto {
		return "Another Slate saved changes: shown as of " + now.Format("15:04:05")
	}
	return "Read the file again: shown as of " + now.Format("15:04:05")
}

func savedText(r common.Result) string {
	if w, ok := r.Value.(common.Written); ok && len(w.Paths) > 0 {
		return "Wrote " + strings.Join(w.Paths, ", ")
	}
	return "Saved: " + common.Line(r.Label, 60)
}

func (a *App) key(k tea.KeyPressMsg) tea.Cmd {
	if a.upgrade != nil {
		return a.keyUpgrade(k)
	}
	if a.confirmQuit != nil {
		switch a.confirmQuit.Update(k) {
		case common.Submitted:
			return a.quit()
		case common.Cancelled:
			a.confirmQuit = nil
		}
		return nil
	}
	if a.showHelp {
		a.showHelp = false // any key closes the full help
		return nil
	}
	scr := a.Active()
	if scr.Capturing() {
		if key.Matches(k, a.keys.Interrupt) {
			a.confirmQuit = common.NewConfirm("Quit and discard what you are typing?",
				"The text in the open editor has not been saved.", min(60, a.width-4), a.keys.Confirm)
			return nil
		}
		return scr.Update(k)
	}
	switch {
	case key.Matches(k, a.keys.Quit):
		return a.quit()
	case key.Matches(k, a.keys.Reload):
		if a.reloading != 0 {
			return nil
		}
		return a.reload(false)
	case key.Matches(k, a.keys.Help):
		a.showHelp = true
		return nil
	case key.Matches(k, a.keys.Next):
		return a.show((a.active + 1) % len(a.screens))
	case key.Matches(k, a.keys.Prev):
		return a.show((a.active + len(a.screens) - 1) % len(a.screens))
	}
	for i, b := range a.keys.Screens {
		if key.Matches(k, b) {
			return a.show(i)
		}
	}
	return scr.Update(k)
}

// quit leaves once every requested save has finished.
func (a *App) quit() tea.Cmd {
	if a.ctx.Ops.Pending() == 0 {
		return tea.Quit
	}
	a.quitting = true
	a.setStatus("Finishing saves before quitting…", false)
	return nil
}

// View draws the whole terminal.
func (a *App) View() tea.View {
	st := a.ctx.Styles
	bodyH := max(1, a.height-a.chromeHeight())
	body := a.Active().View()
	a.refreshChrome() // after the body: a screen's keys may depend on what it just drew
	rows := make([]string, 0, 5)
	rows = append(rows, a.tabs)
	if a.ctx.Data.ReadOnly {
		rows = append(rows, st.Banner.Render(a.banner()))
	}
	switch {
	case a.upgrade != nil:
		body = common.Center(a.width, bodyH, a.upgrade.View(st))
	case a.confirmQuit != nil:
		body = common.Center(a.width, bodyH, a.confirmQuit.View(st))
	case a.showHelp:
		body = a.fullHelp(bodyH)
	}
	rows = append(rows, body)
	statusStyle := st.Status
	if a.statusErr {
		statusStyle = st.Error
	}
	for _, l := range a.statusRows {
		rows = append(rows, statusStyle.Render(common.Fit(l, a.width)))
	}
	rows = append(rows, a.helpBar)
	v := tea.NewView(strings.Join(rows, "\n"))
	v.AltScreen = true
	v.WindowTitle = "Slate · " + common.Line(a.ctx.Data.A.Name, 60)
	return v
}

// banner is the read-only banner: why, and that ctrl+r reloads, which
// stays in sight at 80 columns (a long reason is cut instead).
func (a *App) banner() string {
	const tail = " · nothing is saved · ctrl+r reloads"
	room := a.width - common.Width(" READ-ONLY: ") - common.Width(tail)
	return common.Fit(" READ-ONLY: "+common.Line(a.ctx.Data.ReadOnlyReason, max(1, room))+tail, a.width)
}

// refreshChrome redraws the tab bar and help bar when the screen, its mode,
// the width, the theme or the assessment name changed.
func (a *App) refreshChrome() {
	bindings := a.shortHelp()
	var key strings.Builder
	fmt.Fprintf(&key, "%d|%d|%v|%v|%s", a.active, a.width, a.ctx.Styles.IsDark, a.Active().Capturing(), a.ctx.Data.A.Name)
	for _, b := range bindings {
		h := b.Help()
		key.WriteString("|" + h.Key + "=" + h.Desc)
	}
	if key.String() == a.chromeKey {
		return
	}
	a.chromeKey = key.String()
	a.tabs = a.tabBar()
	a.helpBar = ansi.Truncate(a.help.ShortHelpView(bindings), a.width, "…")
}

func (a *App) tabBar() string {
	st := a.ctx.Styles
	var parts []string
	for i, s := range a.screens {
		label := " " + string(rune('1'+i)) + " " + s.Title() + " "
		if i == a.active {
			parts = append(parts, st.Selected.Render(label))
		} else {
			parts = append(parts, st.Muted.Render(label))
		}
	}
	bar := strings.Join(parts, "")
	if lipgloss.Width(bar)+1 > a.width {
		// Narrow terminal: numbers only, the active screen by name.
		parts = parts[:0]
		for i, s := range a.screens {
			label := " " + string(rune('1'+i)) + " "
			if i == a.active {
				parts = append(parts, st.Selected.Render(label+s.Title()+" "))
			} else {
				parts = append(parts, st.Muted.Render(label))
			}
		}
		bar = strings.Join(parts, "")
	}
	if room := a.width - lipgloss.Width(bar) - 1; room >= 8 {
		bar += " " + st.Title.Render(common.Line("Slate · "+a.ctx.Data.A.Name, room))
	}
	return common.PadStyled(ansi.Truncate(bar, a.width, ""), a.width)
}

func (a *App) shortHelp() []key.Binding {
	switch {
	case a.upgrade != nil:
		return a.upgrade.ShortHelp()
	case a.confirmQuit != nil:
		return a.confirmQuit.ShortHelp()
	}
	b := append([]key.Binding{}, a.Active().Keys().ShortHelp()...)
	if !a.Active().Capturing() {
		b = append(b, a.keys.Help, a.keys.Quit)
	}
	return b
}

// fullHelp lists the active screen's keys and the global ones, group by
// group under their titles, in as many columns as the height requires.
func (a *App) fullHelp(h int) string {
	st := a.ctx.Styles
	// The keys that work everywhere take one line under the screen's own
	// groups, so that those keep their columns wide enough to read at 80.
	global := helpLines(st, a.keys.HelpGroup(), a.width)
	rows := max(1, h-3-len(global))
	groups := a.Active().Keys().FullHelp()
	// A blank line between groups reads better, unless it costs a column.
	cols := helpColumns(st, groups, rows, true)
	if tight := helpColumns(st, groups, rows, false); len(tight) < len(cols) {
		cols = tight
	}
	// Each column as wide as its longest entry; equal shares if that is too wide.
	widths := make([]int, len(cols))
	total := 0
	for c, col := range cols {
		for _, e := range col {
			widths[c] = max(widths[c], lipgloss.Width(e)+2)
		}
		total += widths[c]
	}
	if total > a.width {
		for c := range widths {
			widths[c] = max(12, a.width/len(cols))
		}
	}
	lines := make([]string, rows)
	for c, col := range cols {
		for r := range rows {
			e := ""
			if r < len(col) {
				e = col[r]
			}
			if lipgloss.Width(e) > widths[c]-1 {
				e = ansi.Truncate(e, widths[c]-2, "…")
			}
			lines[r] += common.PadStyled(e, widths[c])
		}
	}
	out := append([]string{st.Title.Render(a.Active().Title() + ": keys"), ""}, lines...)
	out = append(append(out, global...), st.Muted.Render("any key closes this help"))
	return common.Block(out, a.width, h)
}

// helpLines lays a group out as running text: its title, then each key
// with what it does, wrapped at width.
func helpLines(st *common.Styles, g common.KeyGroup, width int) []string {
	var lines []string
	line, w := st.Header.Render(g.Title+":"), len(g.Title)+1
	for _, b := range g.Keys {
		if !b.Enabled() {
			continue
		}
		hp := b.Help()
		pw := common.TextWidth(hp.Key) + 1 + common.TextWidth(hp.Desc)
		if w+2+pw > width && w > 0 {
			lines, line, w = append(lines, line), "", -2
		}
		line += "  " + st.Key.Render(hp.Key) + " " + hp.Desc
		w += 2 + pw
	}
	return append(lines, line)
}

// helpColumns flows the groups into columns of at most rows lines: each
// group's title, then its keys, with a blank line between groups when gaps
// is set. A title never ends a column: it starts the next one.
func helpColumns(st *common.Styles, groups []common.KeyGroup, rows int, gaps bool) [][]string {
	var cols [][]string
	var col []string
	flush := func() {
		for len(col) > 0 && col[len(col)-1] == "" {
			col = col[:len(col)-1]
		}
		cols, col = append(cols, col), nil
	}
	for _, g := range groups {
		var entries []string
		for _, b := range g.Keys {
			if b.Enabled() {
				hp := b.Help()
				entries = append(entries, st.Key.Render(common.Fit(hp.Key, 10))+" "+hp.Desc)
			}
		}
		if len(entries) == 0 {
			continue
		}
		if gaps && len(col) > 0 {
			col = append(col, "")
		}
		if len(col) > rows-2 { // no room for the title and a key under it
			flush()
		}
		title := st.Header.Render(g.Title)
		col = append(col, title)
		for _, e := range entries {
			if len(col) == rows {
				flush()
				// A group that goes on in the next column keeps its
				// title there, so that no key stands without one.
				if rows > 1 {
					col = append(col, title)
				}
			}
			col = append(col, e)
		}
	}
	if len(col) > 0 {
		flush()
	}
	return cols
}
