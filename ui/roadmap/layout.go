package roadmap

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// marker is the width of the cursor column ("> " on the selected row, so
// the selection reads without colour).
const marker = 2

// sideBySide is the body width from which the detail pane sits beside the
// list rather than below it.
const sideBySide = 150

// panes is the geometry of the list mode: the filter line on top, then the
// column header and the list, with the detail pane below or beside them.
type panes struct {
	listW, listH     int // list rows (below the column header)
	detailW, detailH int // 0 when there is no room for the pane
	side             bool
	legend           bool // a line under the list explains its marks
}

// panes works out the list mode's geometry for the body size.
func (m *Model) panes() panes {
	w, h := m.width, m.height
	body := max(1, h-2) // below the filter line and the column header
	if len(m.list.items) > 0 && body > 3 {
		body-- // the legend under the list
	}
	switch {
	case len(m.list.items) == 0:
		return panes{listW: w, listH: body}
	case w >= sideBySide && h >= 10:
		dw := w * 2 / 5
		return panes{listW: w - dw - 1, listH: body, detailW: dw, detailH: h - 1, side: true, legend: true}
	case h >= 14:
		// The detail takes 45% of the body, or more when the list is short.
		dh := max(h*45/100, body-len(m.list.lines))
		return panes{listW: w, listH: body - dh, detailW: w, detailH: dh, legend: true}
	}
	return panes{listW: w, listH: body, legend: body < h-2}
}

// scroll keeps the cursor's line (and its group heading where it fits) in
// the visible part of the list.
func (m *Model) scroll() {
	l := &m.list
	listH := m.panes().listH
	if len(l.items) == 0 {
		m.offset = 0
		return
	}
	line := l.itemLine[m.cursor]
	top := line
	if line > 0 && l.lines[line-1].kind == lineHeading {
		top = line - 1
	}
	if m.cursor == 0 {
		top = 0
	}
	if line-top >= listH {
		top = line
	}
	if top < m.offset {
		m.offset = top
	}
	if line >= m.offset+listH {
		m.offset = line - listH + 1
	}
	m.offset = max(0, min(m.offset, len(l.lines)-listH))
}

// page is how many initiatives pgup/pgdown skip.
func (m *Model) page() int { return max(1, m.panes().listH-2) }

// rule draws a heading line: "── text ─────", the text in the heading
// style and the rest muted.
func rule(st *paints, text, extra string, w int) string {
	if w <= 0 {
		return ""
	}
	if w < 6 {
		return st.Title.Render(common.Line(text, w))
	}
	text = common.Line(text, w-4)
	head := st.Muted.Render("── ") + st.Title.Render(text)
	used := 3 + ansi.StringWidth(text)
	if extra != "" && used+4 < w {
		e := common.Line(extra, w-used-2)
		head += st.Muted.Render(e)
		used += ansi.StringWidth(e)
	}
	if used < w {
		head += st.Muted.Render(" " + strings.Repeat("─", max(0, w-used-1)))
	}
	return head
}

// targetsText is the row's count of zones and conduits.
func targetsText(n int) string { return common.Plural(n, "target", "targets") }

// marks is the effort/outage/vendor column, readable without colour:
// "E:med O V" (medium effort, needs an outage, needs the vendor).
func marks(in *model.Initiative) string {
	e := [...]string{"E:low", "E:med", "E:hi "}[in.Effort-model.EffortLow]
	o, v := "  ", "  "
	if in.Outage {
		o = " O"
	}
	if in.Vendor {
		v = " V"
	}
	return e + o + v
}

// legendText explains the list's score and marks in w cells, in as many
// words as fit: each part gives way to a shorter form, the score first.
func legendText(cols columns, w int) string {
	parts := [][2]string{{"Score: risk, highest first", "Score: risk"}}
	if cols.marks > 0 {
		parts = append(parts, [2]string{"E:low/med/hi effort", "E effort"},
			[2]string{"O needs an outage", "O outage"}, [2]string{"V needs the vendor", "V vendor"})
	}
	if cols.due > 0 {
		parts = append(parts, [2]string{"! overdue", "! overdue"})
	}
	text := make([]string, len(parts))
	for i, p := range parts {
		text[i] = p[0]
	}
	for i := range parts {
		if s := strings.Join(text, " · "); common.Width(s) <= w {
			return s
		}
		text[i] = parts[i][1]
	}
	return common.Line(strings.Join(text, " · "), w)
}

// shortStatus is the status in at most 8 cells for narrow lists.
func shortStatus(s model.TrackStatus) string {
	switch s {
	case model.TrackInProgress:
		return "in prog."
	case model.TrackRiskAccepted:
		return "accepted"
	}
	return s.Label()
}

// groupTitle names a group of the list.
func groupTitle(g int) string {
	if g == groupClosed {
		return "Closed: done or risk accepted"
	}
	return phases[g].String()
}

// windowPhase is the phase a window's date falls in, as the planner counts
// (model.BuildPlan: 0-91 days now, then within a year, within two years,
// later), and whether the date has passed.
func windowPhase(now time.Time, w model.Window) (model.Phase, bool) {
	when, err := w.When()
	if err != nil {
		return model.PhaseLater, false
	}
	past := when.Before(now.Truncate(24 * time.Hour))
	return model.PhaseAt(now, when), past
}

// overdue reports whether an open initiative's due date has passed.
func overdue(in *model.Initiative, now time.Time) bool {
	if in.Tracking.Due == "" || in.Closed() {
		return false
	}
	due, err := time.Parse("2006-01-02", in.Tracking.Due)
	return err == nil && due.Before(now.Truncate(24*time.Hour))
}

// firstLine is the first line of a note.
func firstLine(s string) string {
	s = model.CleanText(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i]) + " …"
	}
	return s
}

// paint is a style as the SGR sequences before and after one line of
// text. lipgloss's Render is general (padding, borders, wrapping) and costs
// microseconds per call, more than a keypress on a large plan can spend on
// the dozens of styled lines it draws; the screen's styles only set
// attributes and colours, which a prefix and a suffix express exactly.
type paint struct{ pre, post string }

func paintOf(s lipgloss.Style) paint {
	out := s.Render("x") // SGR sequences never contain an x
	i := strings.IndexByte(out, 'x')
	if i < 0 {
		return paint{}
	}
	return paint{pre: out[:i], post: out[i+1:]}
}

// Render styles one line of text that carries no styles of its own.
func (p paint) Render(s string) string {
	if p.pre == "" || s == "" {
		return s
	}
	return p.pre + s + p.post
}

// paints are the theme's styles the screen draws with.
type paints struct {
	ok                                  bool
	Title, Header, Muted, Selected, Key paint
	Error, OK, Gap1                     paint
}

// paints returns the styles of the current theme. They live in the cache,
// which the root's theme change empties (it bumps the data version).
func (m *Model) paints() *paints {
	p := &m.cache.paints
	if !p.ok {
		st := m.ctx.Styles
		*p = paints{ok: true, Title: paintOf(st.Title), Header: paintOf(st.Header), Muted: paintOf(st.Muted),
			Selected: paintOf(st.Selected), Key: paintOf(st.Key), Error: paintOf(st.Error), OK: paintOf(st.OK),
			Gap1: paintOf(st.Gap1)}
	}
	return p
}
