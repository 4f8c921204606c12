package roadmap

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// cache holds what View needs so that a cursor move renders one row and
// the detail pane again. sync clears it when the data version changes
// (which includes a new theme); the width-dependent part is rebuilt when
// the list width changes, the filter-dependent part on every filter change.
type cache struct {
	width    int      // list width the rows were rendered for (0 = none)
	cols     columns  // column geometry for that width
	header   string   // the column header
	rows     []string // by plan index, without the cursor ("" = not yet)
	note     string   // the unanswered line
	headings [numGroups]string

	filterLine string // by filter and width ("" = not yet)
	filterW    int

	pane detailCache // the detail pane of the list mode
	full detailCache // the full detail

	timeline timelineCache
	paints   paints

	viewKey viewKey
	view    string
}

// viewKey is everything the last rendered view depends on.
type viewKey struct {
	mode          mode
	width, height int
	cursor        int
	selID         string
	offset        int
	scroll        int
	filter        filters
	win           int64
}

// View implements common.Screen: exactly height lines of width cells. A
// form or confirmation is drawn over the mode it was opened from, which
// stays visible around it with the initiative or window it is about
// (scrolled to the top of the list when the box leaves no room otherwise).
func (m *Model) View() string {
	m.sync()
	if m.dlg == noDialog {
		return m.modeView(m.offset)
	}
	box := m.dialogBox()
	boxH := strings.Count(box, "\n") + 1
	keep, off := -1, m.offset
	switch m.mode {
	case modeList:
		if m.selected() != nil {
			line := m.list.itemLine[m.cursor]
			if keep = 2 + line - off; !common.OverlayFits(boxH, m.height, keep) {
				off, keep = line, 2
			}
		}
	case modeDetail:
		keep = 1 // the initiative's title
	case modeWindows:
		if len(m.windows()) > 0 {
			keep = 2 + m.winCursor - m.winOffset
		}
	}
	return common.OverlayKeeping(m.modeView(off), box, m.width, m.height, keep)
}

// modeView renders the mode shown now, the list from line off.
func (m *Model) modeView(off int) string {
	k := viewKey{mode: m.mode, width: m.width, height: m.height, cursor: m.cursor, selID: m.selID,
		offset: off, filter: m.filter}
	switch m.mode {
	case modeDetail:
		k.scroll = m.detailOffset
	case modeTimeline:
		k.scroll = m.timelineOffset
	case modeWindows:
		k.scroll, k.win, k.cursor = m.winOffset, m.winID, m.winCursor
	}
	if m.cache.view != "" && m.cache.viewKey == k {
		return m.cache.view
	}
	var lines []string
	switch m.mode {
	case modeDetail:
		lines = m.fullDetailView()
	case modeTimeline:
		lines = m.timelineView()
	case modeWindows:
		lines = m.windowsView()
	default:
		lines = m.listView(off)
	}
	m.cache.view = strings.Join(common.FitLines(lines, m.width, m.height), "\n")
	m.cache.viewKey = k
	return m.cache.view
}

// dialogBox draws the open form or confirmation.
func (m *Model) dialogBox() string {
	st := m.ctx.Styles
	switch {
	case m.form != nil:
		return m.form.View(st)
	case m.confirm != nil:
		return m.confirm.View(st)
	}
	return ""
}

// filterLine is the top line: what is shown and how to filter it.
func (m *Model) filterLine() string {
	if m.cache.filterLine != "" && m.cache.filterW == m.width {
		return m.cache.filterLine
	}
	st := m.paints()
	l := &m.list
	total := len(m.plan.Initiatives)
	var s string
	if total == 0 {
		s = st.Muted.Render(common.Line("Roadmap: no initiatives · v timeline · w maintenance windows", m.width))
	} else if parts := m.filterParts(); len(parts) > 0 {
		text := strings.Join(parts, " · ")
		rest := fmt.Sprintf(" · %d of %d shown · X clears", len(l.items), total)
		s = st.Key.Render("Filter: ") + st.Header.Render(common.Line(text, max(0, m.width-8-len(rest)))) +
			st.Muted.Render(rest)
	} else {
		closed := total - m.openCount()
		text := fmt.Sprintf("%s: %d open, %d closed · filter: z zone, f FR, S status, o owner",
			common.Plural(total, "initiative", "initiatives"), total-closed, closed)
		s = st.Muted.Render(common.Line(text, m.width))
	}
	m.cache.filterLine, m.cache.filterW = s, m.width
	return s
}

// openCount is the number of open initiatives in the whole plan.
func (m *Model) openCount() int {
	n := 0
	for _, in := range m.plan.Initiatives {
		if !in.Closed() {
			n++
		}
	}
	return n
}

// listView is the list mode: filter line, column header, the rows from
// line off, and the detail pane below or beside them.
func (m *Model) listView(off int) []string {
	st := m.paints()
	out := make([]string, 0, m.height)
	out = append(out, m.filterLine())
	if len(m.plan.Initiatives) == 0 {
		return append(out, m.noGaps()...)
	}
	p := m.panes()
	left := make([]string, 0, p.listH+1)
	m.prepareRows(p.listW)
	left = append(left, m.cache.header)
	if len(m.list.items) == 0 {
		left = append(left, "", "  "+st.Muted.Render(common.Line("No initiative matches the filters: X or backspace clears them.", p.listW-2)))
	}
	end := min(len(m.list.lines), off+p.listH)
	for _, ln := range m.list.lines[min(off, end):end] {
		left = append(left, m.lineText(ln, p.listW))
	}
	if p.legend && len(m.list.items) > 0 {
		left = common.FitLines(left, p.listW, p.listH+1)
		left = append(left, st.Muted.Render(legendText(m.cache.cols, p.listW)))
	}
	switch {
	case p.side:
		left = common.FitLines(left, p.listW, m.height-1)
		right := common.FitLines(m.pane(p.detailW, p.detailH), p.detailW, m.height-1)
		bar := st.Muted.Render("│")
		for i := range left {
			out = append(out, left[i]+bar+right[i])
		}
	case p.detailH > 0:
		out = append(out, common.FitLines(left, p.listW, len(left))...)
		out = append(out, m.pane(p.detailW, p.detailH)...)
	default:
		out = append(out, left...)
	}
	return out
}

// noGaps is the friendly body of a plan without initiatives.
func (m *Model) noGaps() []string {
	st := m.paints()
	w := m.width - 2
	lines := []string{""}
	for _, l := range common.Wrap("No open gaps: every answered in-scope requirement is met.", w, 0) {
		lines = append(lines, "  "+st.OK.Render(l))
	}
	if n := m.plan.Unanswered; n > 0 {
		lines = append(lines, "")
		for _, l := range common.Wrap(unansweredText(n)+": answer them in the interview and any gap shows up here.", w, 0) {
			lines = append(lines, "  "+st.Muted.Render(l))
		}
	}
	lines = append(lines, "")
	for _, l := range common.Wrap(common.Plural(len(m.plan.Windows), "maintenance window", "maintenance windows")+" planned: w lists them.", w, 0) {
		lines = append(lines, "  "+st.Muted.Render(l))
	}
	return lines
}

// lineText renders one list line.
func (m *Model) lineText(ln listLine, w int) string {
	st := m.paints()
	switch ln.kind {
	case lineHeading:
		if h := m.cache.headings[ln.group]; h != "" {
			return h
		}
		h := rule(st, groupTitle(ln.group), " · "+common.Plural(m.list.counts[ln.group], "initiative", "initiatives"), w)
		m.cache.headings[ln.group] = h
		return h
	case lineNote:
		if m.cache.note == "" {
			m.cache.note = "  " + st.Muted.Render(common.Line(unansweredText(m.plan.Unanswered), w-2))
		}
		return m.cache.note
	}
	pi := m.list.items[ln.item]
	if ln.item == m.cursor {
		return st.Selected.Render(common.PadStyled("> "+m.rowText(pi, false), w))
	}
	if m.cache.rows[pi] == "" {
		m.cache.rows[pi] = "  " + m.rowText(pi, true)
	}
	return m.cache.rows[pi]
}

// columns is the list's geometry for one width. Narrow lists drop the due
// date, then shorten the status, then drop the owner (the detail pane
// shows them all).
type columns struct {
	id, title, targets, score, marks int
	owner, due, status               int // 0 = not shown
	shortStatus                      bool
}

const (
	scoreW   = 5
	marksW   = 9
	dueW     = 11 // YYYY-MM-DD and "!" when overdue
	statusW  = 13 // "risk accepted"
	shortW   = 8  // "accepted"
	minTitle = 20
)

func computeColumns(w int, p *model.Plan) columns {
	id, targets, owner := 3, 7, 5
	for _, in := range p.Initiatives {
		id = max(id, ansi.StringWidth(in.Requirement.ID))
		targets = max(targets, len(targetsText(len(in.Targets))))
		owner = max(owner, ansi.StringWidth(model.CleanLine(in.Tracking.Owner)))
	}
	id, owner = min(id, 16), min(owner, 16)
	// From the widest to the narrowest: each drops or shortens a column.
	options := []columns{
		{targets: targets, marks: marksW, owner: owner, due: dueW, status: statusW},
		{targets: targets, marks: marksW, owner: owner, due: dueW, status: shortW, shortStatus: true},
		{targets: targets, marks: marksW, owner: owner, status: shortW, shortStatus: true},
		{targets: targets, marks: marksW, status: shortW, shortStatus: true},
		{targets: targets, marks: marksW},
		{marks: marksW},
		{},
	}
	for i, o := range options {
		rest := w - (marker + id + 1 + 1 + scoreW)
		for _, x := range []int{o.targets, o.marks, o.owner, o.due, o.status} {
			if x > 0 {
				rest -= x + 1
			}
		}
		need := minTitle
		if i >= 4 {
			need = 12 // very narrow: keep some title rather than the columns
		}
		if rest >= need || i == len(options)-1 {
			o.id, o.score, o.title = id, scoreW, max(6, rest)
			return o
		}
	}
	panic("unreachable")
}

// prepareRows fits the row cache to the list width.
func (m *Model) prepareRows(w int) {
	c := &m.cache
	if c.width == w && c.rows != nil {
		return
	}
	c.width = w
	c.cols = computeColumns(w, &m.plan)
	c.rows = make([]string, len(m.plan.Initiatives))
	c.headings = [numGroups]string{}
	c.note = ""
	cols := c.cols
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", marker))
	b.WriteString(common.Fit("Req", cols.id) + " " + common.Fit("Title", cols.title))
	if cols.targets > 0 {
		b.WriteString(" " + common.Right("Where", cols.targets))
	}
	b.WriteString(" " + common.Right("Score", cols.score))
	if cols.marks > 0 {
		b.WriteString(" " + common.Fit("Effort", cols.marks))
	}
	if cols.owner > 0 {
		b.WriteString(" " + common.Fit("Owner", cols.owner))
	}
	if cols.due > 0 {
		b.WriteString(" " + common.Fit("Due", cols.due))
	}
	if cols.status > 0 {
		b.WriteString(" " + common.Fit("Status", cols.status))
	}
	c.header = m.paints().Header.Render(common.Line(b.String(), w))
}

// rowText renders an initiative's row without the cursor column; styled
// adds the muted look of closed rows and the overdue warning (the cursor
// row is rendered plain and then reversed as a whole).
func (m *Model) rowText(pi int, styled bool) string {
	st := m.paints()
	cols := m.cache.cols
	in := m.plan.Initiatives[pi]
	r := in.Requirement
	var b strings.Builder
	b.Grow(m.cache.width + 32)
	b.WriteString(common.Fit(r.ID, cols.id))
	b.WriteByte(' ')
	b.WriteString(common.Fit(r.Title, cols.title))
	if cols.targets > 0 {
		b.WriteByte(' ')
		b.WriteString(common.Right(targetsText(len(in.Targets)), cols.targets))
	}
	b.WriteByte(' ')
	b.WriteString(common.Right(strconv.Itoa(in.Score), cols.score))
	if cols.marks > 0 {
		b.WriteByte(' ')
		b.WriteString(marks(in))
	}
	if cols.owner > 0 {
		b.WriteByte(' ')
		b.WriteString(common.Fit(in.Tracking.Owner, cols.owner))
	}
	late := false
	if cols.due > 0 {
		b.WriteByte(' ')
		due := in.Tracking.Due
		if overdue(in, m.ctx.Today()) {
			due += "!"
			late = styled
		}
		if late {
			b.WriteString(st.Error.Render(common.Fit(due, cols.due)))
		} else {
			b.WriteString(common.Fit(due, cols.due))
		}
	}
	if cols.status > 0 {
		b.WriteByte(' ')
		if cols.shortStatus {
			b.WriteString(common.Fit(shortStatus(in.Status()), cols.status))
		} else {
			b.WriteString(common.Fit(in.Status().Label(), cols.status))
		}
	}
	s := b.String()
	if styled && in.Closed() && !late {
		s = st.Muted.Render(s)
	}
	if w := m.cache.width - marker; common.Width(s) > w {
		s = ansi.Truncate(s, w, "")
	}
	return s
}
