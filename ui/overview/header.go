package overview

import (
	"charm.land/lipgloss/v2"

	"slate/ui/common"
)

// headerLines renders the assessment's name, site, assessor and scope.
func (m *Model) headerLines(lay layout) []string {
	st := m.ctx.Styles
	a := m.ctx.Data.A
	w := lay.w

	hint := st.Key.Render("e") + st.Muted.Render(" edit details")
	if m.ctx.Data.ReadOnly {
		hint = st.Muted.Render("read-only")
	}
	// The model checks' count, f to list them: it stays when the edit
	// hint must go.
	count := st.FindingsCount(m.ctx.Data.Findings(m.ctx.Today())) + st.Muted.Render(" (") + st.Key.Render("f") + st.Muted.Render(")")
	if full := count + st.Muted.Render(" · ") + hint; common.Width(full)+25 <= w {
		hint = full
	} else {
		hint = count
	}
	// The name gives way to the hint down to 24 cells.
	nameW := max(min(24, w), w-common.Width(hint)-1)
	name := st.Title.Render(common.Line(a.Name, nameW))
	if a.Name == "" {
		name = st.Muted.Render(common.Line("Untitled assessment", nameW))
	}
	lines := []string{common.Spread(name, hint, w)}

	if lay.site {
		lines = append(lines, m.siteLine(w))
	}
	for i, l := range lay.scope {
		label := ""
		if i == 0 {
			label = "Scope"
		}
		if a.Scope == "" {
			l = st.Muted.Render("not set")
		}
		lines = append(lines, st.Label.Render(common.Fit(label, scopeIndent))+l)
	}
	if lay.siteQs {
		lines = append(lines, m.siteQuestionsLine(w))
	}
	if lay.catalog {
		lines = append(lines, m.catalogLine(w))
	}
	return lines
}

// siteLine is "Site  <site>   Assessor  <assessor>", cutting the site first
// when both do not fit.
func (m *Model) siteLine(w int) string {
	st := m.ctx.Styles
	a := m.ctx.Data.A
	value := func(s string, n int) string {
		if s == "" {
			return st.Muted.Render(common.Line("not set", n))
		}
		return common.Line(s, n)
	}
	const gap = "   "
	avail := max(0, w-scopeIndent)
	aLabel := "Assessor  "
	assessorW := lipgloss.Width(value(a.Assessor, 1<<20))
	siteW := lipgloss.Width(value(a.Site, 1<<20))
	rest := avail - lipgloss.Width(gap) - lipgloss.Width(aLabel)
	if siteW+assessorW > rest {
		// Share the room, giving unused width of one to the other.
		half := rest / 2
		switch {
		case siteW <= half:
			assessorW = rest - siteW
		case assessorW <= half:
			siteW = rest - assessorW
		default:
			siteW, assessorW = half, rest-half
		}
	}
	return st.Label.Render(common.Fit("Site", scopeIndent)) + value(a.Site, siteW) +
		gap + st.Label.Render(aLabel) + value(a.Assessor, assessorW)
}
