package targets

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
	"slate/ui/diagram"
)

// The zone and conduit diagram as a view of the screen (v): the drawing of
// ui/diagram in the theme's colours by gap, with the findings of the model
// checks marked, scrolled with the list keys and left/right.

// diagramCache holds the drawn lines for one data version, width, day and
// theme: drawing lays the whole plant out, a keypress only scrolls.
type diagramCache struct {
	ok      bool
	version uint64
	width   int
	day     string
	dark    bool
	lines   []string
	wide    int // the widest line, for scrolling sideways
}

// diagramStyles maps the theme onto the drawing's meanings.
func diagramStyles(st *common.Styles) diagram.Styles {
	return diagram.Styles{
		Line: st.Muted, Muted: st.Muted,
		OK: st.GapNone, Gap1: st.Gap1, Gap2: st.Gap2, NotAssessed: st.NotAssessed, NoTarget: st.Muted,
		Error: st.Severity(model.SevError), Warning: st.Severity(model.SevWarning), Info: st.Severity(model.SevInfo),
	}
}

// diagramLines draws the diagram (cached).
func (m *Model) diagramLines() []string {
	d := m.ctx.Data
	now := m.ctx.Today()
	day := now.UTC().Format("2006-01-02")
	c := &m.diagCache
	if c.ok && c.version == d.Version && c.width == m.width && c.day == day && c.dark == m.ctx.Styles.IsDark {
		return c.lines
	}
	zm := model.NewZoneModel(d.A)
	dg := model.BuildDiagram(&zm, &d.M, d.Findings(now))
	lines := diagram.Render(&dg, m.width, diagramStyles(m.ctx.Styles))
	wide := 0
	for _, l := range lines {
		wide = max(wide, ansi.StringWidth(l))
	}
	*c = diagramCache{ok: true, version: d.Version, width: m.width, day: day, dark: m.ctx.Styles.IsDark, lines: lines, wide: wide}
	return lines
}

// diagramView is the header line and the visible part of the drawing.
func (m *Model) diagramView() []string {
	lines := m.diagramLines()
	h := max(1, m.height-1)
	m.clampDiagram()
	out := []string{m.headerLine("v: list · ↑↓←→ scroll")}
	for i := m.diagY; i < len(lines) && len(out) <= h; i++ {
		l := lines[i]
		if m.diagX > 0 {
			l = ansi.Cut(l, m.diagX, m.diagX+m.width)
		}
		out = append(out, common.PadStyled(ansi.Truncate(l, m.width, ""), m.width))
	}
	return out
}

// clampDiagram keeps the scroll offsets inside the drawing.
func (m *Model) clampDiagram() {
	c := &m.diagCache
	h := max(1, m.height-1)
	m.diagY = max(0, min(m.diagY, len(c.lines)-h))
	m.diagX = max(0, min(m.diagX, c.wide-m.width))
}

// updateDiagram scrolls the diagram; v goes back to the list.
func (m *Model) updateDiagram(k tea.KeyPressMsg) tea.Cmd {
	km := &m.keys
	m.diagramLines()
	h := max(1, m.height-1)
	if to, ok := km.Target(k, m.diagY, max(1, h-1), len(m.diagCache.lines)); ok {
		m.diagY = to
		if key.Matches(k, km.End) {
			m.diagY = len(m.diagCache.lines) - h
		}
		m.clampDiagram()
		return nil
	}
	switch {
	case key.Matches(k, km.Left):
		m.diagX -= max(4, m.width/4)
	case key.Matches(k, km.Right):
		m.diagX += max(4, m.width/4)
	case key.Matches(k, km.Diagram):
		m.diagram = false
	case key.Matches(k, km.Findings):
		m.openFindings()
	}
	m.clampDiagram()
	return nil
}

// headerLine is the first line of the list and the diagram: the findings
// count on the left, the view's keys on the right.
func (m *Model) headerLine(keys string) string {
	st := m.ctx.Styles
	fs := m.findingsNow()
	return common.Spread(st.FindingsCount(fs)+st.Muted.Render(" · f list"), st.Muted.Render(keys), m.width)
}

// openFindings opens the list of the model checks' findings.
func (m *Model) openFindings() {
	m.findings = common.NewFindingsList(m.findingsNow(), m.ctx.Data.TargetName, m.keys.List)
	m.dlg = findingsList
}

// updateFindings handles a key on the findings list: enter goes to the
// finding's zone or conduit here, or to its initiative on the roadmap.
func (m *Model) updateFindings(k tea.KeyPressMsg) tea.Cmd {
	switch m.findings.Update(k) {
	case common.Cancelled:
		m.closeDialog()
	case common.Submitted:
		f, ok := m.findings.Selected()
		m.closeDialog()
		if !ok {
			return nil
		}
		g := common.JumpTo(f)
		if g.Screen == m.ID() {
			m.diagram, m.inAssets = false, false
			m.selectKey(g.Target)
			return nil
		}
		return common.GoToCmd(g)
	}
	return nil
}
