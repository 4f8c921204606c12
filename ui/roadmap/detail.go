package roadmap

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/report"
	"slate/ui/common"
)

// detailCache holds the detail lines of one initiative at one size; the
// whole cache is dropped when the data version changes.
type detailCache struct {
	ok    bool
	id    string
	w, h  int
	lines []string
}

// pane is the detail pane of the list mode: the selected initiative in h
// lines of w cells, cut with a hint to open the full detail.
func (m *Model) pane(w, h int) []string {
	in := m.selected()
	id := ""
	if in != nil {
		id = in.Requirement.ID
	}
	c := &m.cache.pane
	if c.ok && c.id == id && c.w == w && c.h == h {
		return c.lines
	}
	var lines []string
	if in != nil {
		var heads []int
		var more int
		lines, heads, more = m.detailLines(in, w, min(8, max(2, h/4)), h+1)
		if len(lines) > h {
			switch {
			case h >= 2 && more == h-2:
				lines = lines[:h-1] // "… and N more: enter lists them all" says it
			case h >= 3 && slices.Contains(heads, h-2):
				lines = lines[:h-1] // no heading without its lines
				lines[h-2] = m.paints().Muted.Render(common.Line("  … enter shows everything", w))
			default:
				lines = lines[:h]
				lines[h-1] = m.paints().Muted.Render(common.Line("  … enter shows everything", w))
			}
		}
	}
	*c = detailCache{ok: true, id: id, w: w, h: h, lines: lines}
	return lines
}

// fullLines is the whole detail of an initiative at the body width.
func (m *Model) fullLines(in *model.Initiative) []string {
	c := &m.cache.full
	if c.ok && c.id == in.Requirement.ID && c.w == m.width {
		return c.lines
	}
	*c = detailCache{ok: true, id: in.Requirement.ID, w: m.width}
	c.lines, _, _ = m.detailLines(in, m.width, -1, 0)
	return c.lines
}

// detailBodyH is the number of detail lines the full view shows.
func (m *Model) detailBodyH() int { return max(1, m.height-1) }

// clampDetail keeps the full detail's scroll inside its lines.
func (m *Model) clampDetail() {
	in := m.selected()
	if in == nil {
		m.detailOffset = 0
		return
	}
	m.detailOffset = max(0, min(m.detailOffset, len(m.fullLines(in))-m.detailBodyH()))
}

// fullDetailView is the detail mode: a navigation line and the detail of
// the selected initiative, scrolled.
func (m *Model) fullDetailView() []string {
	in := m.selected()
	if in == nil {
		return m.listView(m.offset)
	}
	st := m.paints()
	lines := m.fullLines(in)
	h := m.detailBodyH()
	nav := fmt.Sprintf("Initiative %d of %d · ←→ previous/next · ↑↓ scroll · esc back to the list",
		m.cursor+1, len(m.list.items))
	out := make([]string, 0, m.height)
	out = append(out, st.Muted.Render(common.Line(nav, m.width)))
	off := max(0, min(m.detailOffset, len(lines)-h))
	end := min(len(lines), off+h)
	out = append(out, lines[off:end]...)
	if end < len(lines) && h > 2 {
		out[len(out)-1] = st.Muted.Render(common.Line(fmt.Sprintf("  ↓ %d more lines: ↑↓ or pgdn scroll", len(lines)-end+1), m.width))
	}
	return out
}

// detailLines describes an initiative in lines of w cells: what it is,
// its tracking and window, where the requirement is missing, why it comes
// where it does, and what to do. maxTargets limits the target lines (-1:
// all of them); limit stops once that many lines are made (0: all). heads
// are the indexes of the section headings, more the index of the line
// counting the targets left out (-1 if none).
func (m *Model) detailLines(in *model.Initiative, w, maxTargets, limit int) (out []string, heads []int, more int) {
	more = -1
	if w <= 0 {
		return nil, nil, more
	}
	st := m.paints()
	r := in.Requirement
	now := m.ctx.Today()
	done := func() bool { return limit > 0 && len(out) >= limit }
	// add wraps text; a nil style leaves it plain (Render costs even then).
	add := func(style *paint, indent, text string, maxLines int) {
		for _, l := range common.Wrap(text, w-len(indent), maxLines) {
			if style != nil {
				l = style.Render(l)
			}
			out = append(out, indent+l)
		}
	}
	head := func(text string) {
		heads = append(heads, len(out))
		out = append(out, st.Header.Render(common.Line(text, w)))
	}

	out = append(out, rule(st, r.ID+"  "+model.CleanLine(r.Title), "", w))
	frTitle := ""
	if r.FR.Valid() {
		frTitle = " " + m.ctx.Data.Cat.FRTitle[r.FR-1]
	}
	out = append(out, common.Line(fmt.Sprintf("SL %d · %s%s", r.SL, r.FR, frTitle), w))
	add(nil, "", fmt.Sprintf("Score %d: %s", in.Score, report.Beside(in)), 2)
	order := phaseText(in) + " · order: " + in.Group.String()
	if in.Project != nil {
		order += " · project: " + model.CleanLine(in.Project.Title)
	}
	add(nil, "", order, 2)
	add(&st.Muted, "", estimates(in), 2)

	// Tracking.
	t := in.Tracking
	owner := "Owner: none yet"
	if strings.TrimSpace(model.CleanLine(t.Owner)) != "" {
		owner = "Owner: " + model.CleanLine(t.Owner)
	}
	due := "no due date"
	if t.Due != "" {
		due = "due " + t.Due
		if overdue(in, now) {
			due += " (! overdue)"
		}
	}
	add(nil, "", "Whole initiative: "+owner+" · "+due+" · status: "+t.Status.Label(), 2)
	if strings.TrimSpace(t.Justification) != "" {
		label := "Justification: "
		if t.Status == model.TrackRiskAccepted {
			label = "Risk accepted"
			if t.AcceptedBy.Name != "" {
				label += " by " + t.AcceptedBy.String()
			}
			if t.Review != "" {
				label += ", review " + t.Review
			}
			label += ": "
		}
		lim := 3
		if maxTargets < 0 {
			lim = 0
		}
		add(nil, "", label+t.Justification, lim)
	}
	switch {
	case in.Window != nil:
		add(nil, "", "Maintenance window: "+model.CleanLine(in.Window.Label()), 2)
	case in.Outage:
		add(&st.Gap1, "", common.EditHint(m.ctx.Data, "Maintenance window: ! none covering its targets is planned (w adds one)",
			"Maintenance window: ! none covering its targets is planned"), 2)
	}
	for _, c := range in.Conflicts {
		add(&st.Error, "", "! "+c.Message, 3)
	}

	// Where the requirement is missing.
	if done() {
		return out, heads, more
	}
	head(fmt.Sprintf("Where it is missing (%d):", len(in.Targets)))
	n := len(in.Targets)
	if maxTargets >= 0 && n > maxTargets {
		n = maxTargets
		if n == len(in.Targets)-1 {
			n++ // "1 more" takes the line the target would
		}
	}
	nameW := 4
	for _, it := range in.Targets[:n] {
		nameW = max(nameW, ansi.StringWidth(model.CleanLine(it.Target.Name)))
	}
	nameW = min(nameW, max(8, w/3))
	for _, it := range in.Targets[:n] {
		if done() {
			return out, heads, more
		}
		s := "  " + common.Fit(it.Target.Name, nameW) + "  " + strings.TrimPrefix(report.TargetLine(it), model.CleanLine(it.Target.Name)+": ")
		if it.Closed {
			out = append(out, st.Muted.Render(common.Line(s, w)))
		} else {
			out = append(out, common.Line(s, w))
		}
		if note := firstLine(it.Note); note != "" && maxTargets < 0 {
			out = append(out, st.Muted.Render(common.Line("    "+note, w)))
		}
	}
	if left := len(in.Targets) - n; left > 0 {
		more = len(out)
		out = append(out, st.Muted.Render(common.Line(fmt.Sprintf("  … and %d more: enter lists them all", left), w)))
	}

	// Why it comes where it does.
	if done() {
		return out, heads, more
	}
	head("Why this priority:")
	for _, l := range strings.Split(strings.TrimRight(in.Why(), "\n"), "\n") {
		if done() {
			return out, heads, more
		}
		add(nil, "  ", l, 0)
	}

	// What to do.
	if done() {
		return out, heads, more
	}
	if rem := strings.TrimSpace(r.Remediation); rem != "" {
		head("Remediation:")
		add(nil, "  ", rem, 0)
	}
	return out, heads, more
}

// phaseText is where an initiative stands: its phase, or closed.
func phaseText(in *model.Initiative) string {
	if in.Closed() {
		return "closed: done or risk accepted everywhere"
	}
	return in.Phase.String()
}

// estimates puts effort, outage and vendor in words, marking the
// assessor's overrides: "effort medium · needs an outage (O) (your
// estimate) · no vendor".
func estimates(in *model.Initiative) string {
	t := in.Tracking
	yours := func(set bool) string {
		if set {
			return " (your estimate)"
		}
		return ""
	}
	s := "effort " + in.Effort.String() + yours(t.Effort != nil)
	if in.Outage {
		s += " · needs an outage (O)"
	} else {
		s += " · no outage"
	}
	s += yours(t.Outage != nil)
	if in.Vendor {
		s += " · needs the vendor (V)"
		if in.VendorName != "" {
			s += " " + in.VendorName
		}
		if in.LeadDays > 0 {
			s += fmt.Sprintf(", %d days' lead time", in.LeadDays)
		}
	} else {
		s += " · no vendor"
	}
	return s + yours(t.Vendor != nil)
}
