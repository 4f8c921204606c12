package roadmap

import (
	"fmt"
	"slate/ui/common"
	"slices"
	"strings"

	"slate/model"
)

// timelineColumns is the body width from which the phases are columns
// (below it they are stacked as rows).
const timelineColumns = 100

// timelineCache holds the rendered timeline for one width and filter.
type timelineCache struct {
	ok     bool
	w      int
	filter filters
	sticky []string // column headings that do not scroll (columns only)
	lines  []string // the scrolling part
	footer string
}

// phaseBlock is one phase of the timeline: initiatives not tied to a
// window of the phase, then its windows by date with theirs.
type phaseBlock struct {
	phase   model.Phase
	loose   []*model.Initiative
	windows []windowBlock
	count   int
}

type windowBlock struct {
	w     model.Window
	past  bool
	items []*model.Initiative
}

// blocks sorts the open, filtered initiatives and every window into the
// phases.
func (m *Model) blocks() []phaseBlock {
	now := m.ctx.Today()
	out := make([]phaseBlock, len(phases))
	for i, p := range phases {
		out[i].phase = p
	}
	at := func(p model.Phase) *phaseBlock {
		if i := slices.Index(phases, p); i >= 0 {
			return &out[i]
		}
		return &out[len(out)-1]
	}
	for _, w := range m.plan.Windows { // sorted by date
		p, past := windowPhase(now, w)
		b := at(p)
		b.windows = append(b.windows, windowBlock{w: w, past: past})
	}
	for _, i := range m.list.items {
		in := m.plan.Initiatives[i]
		if in.Closed() {
			continue
		}
		b := at(in.Phase)
		b.count++
		placed := false
		if in.Window != nil {
			for j := range b.windows {
				if b.windows[j].w.Same(*in.Window) {
					b.windows[j].items = append(b.windows[j].items, in)
					placed = true
					break
				}
			}
		}
		if !placed {
			b.loose = append(b.loose, in)
		}
	}
	return out
}

// entry names an initiative in the timeline: id and short title.
func entry(in *model.Initiative) string {
	s := in.Requirement.ID + " " + model.CleanLine(in.Requirement.Title)
	if in.Vendor {
		// The vendor dependency is what the date waits for: shown up front.
		v := "vendor"
		if in.VendorName != "" {
			v = model.CleanLine(in.VendorName)
		}
		if in.LeadDays > 0 {
			v += fmt.Sprintf(" +%dd", in.LeadDays)
		}
		s = in.Requirement.ID + " [" + v + "] " + model.CleanLine(in.Requirement.Title)
	}
	return s
}

// windowText is a window's line: "◆ 2026-10-05 Autumn shutdown 2026".
func windowText(wb windowBlock) string {
	s := "◆ " + wb.w.Date + " " + model.CleanLine(wb.w.Name)
	if wb.w.Days > 1 {
		s += fmt.Sprintf(" (%d days)", wb.w.Days)
	}
	if wb.past {
		s += " (past)"
	}
	return s
}

// blockCount is a phase's summary: "2 initiatives, 1 window".
func blockCount(b phaseBlock) string {
	s := common.Plural(b.count, "initiative", "initiatives")
	if n := len(b.windows); n > 0 {
		s += ", " + common.Plural(n, "window", "windows")
	}
	return s
}

// timeline returns the rendered timeline for the width and filters.
func (m *Model) timeline() *timelineCache {
	c := &m.cache.timeline
	if c.ok && c.w == m.width && c.filter == m.filter {
		return c
	}
	*c = timelineCache{ok: true, w: m.width, filter: m.filter}
	blocks := m.blocks()
	if m.width >= timelineColumns {
		m.timelineAsColumns(c, blocks)
	} else {
		m.timelineAsRows(c, blocks)
	}
	var notes []string
	if n := m.list.counts[groupClosed]; n > 0 {
		notes = append(notes, fmt.Sprintf("%s not shown (done or risk accepted)", common.Plural(n, "closed initiative", "closed initiatives")))
	}
	if len(m.plan.Initiatives) == 0 {
		notes = append(notes, "No open gaps: every answered in-scope requirement is met")
	}
	if n := m.plan.Unanswered; n > 0 {
		notes = append(notes, unansweredText(n))
	}
	c.footer = strings.Join(notes, " · ")
	return c
}

// timelineAsColumns draws the phases side by side under sticky headings.
func (m *Model) timelineAsColumns(c *timelineCache, blocks []phaseBlock) {
	st := m.paints()
	n := len(blocks)
	colW := (m.width - (n - 1)) / n
	cols := make([][]string, n)
	heads := [3][]string{}
	for i, b := range blocks {
		heads[0] = append(heads[0], st.Title.Render(common.Fit(b.phase.String(), colW)))
		heads[1] = append(heads[1], st.Muted.Render(common.Fit(blockCount(b), colW)))
		heads[2] = append(heads[2], st.Muted.Render(strings.Repeat("─", colW)))
		var col []string
		for _, in := range b.loose {
			col = append(col, common.Fit(entry(in), colW))
		}
		for _, wb := range b.windows {
			if len(col) > 0 {
				col = append(col, strings.Repeat(" ", colW))
			}
			col = append(col, st.Key.Render(common.Fit(windowText(wb), colW)))
			for _, in := range wb.items {
				col = append(col, "  "+common.Fit(entry(in), colW-2))
			}
			if len(wb.items) == 0 {
				col = append(col, st.Muted.Render(common.Fit("  nothing placed", colW)))
			}
		}
		if len(col) == 0 {
			col = append(col, st.Muted.Render(common.Fit("nothing planned", colW)))
		}
		cols[i] = col
	}
	for _, h := range heads {
		c.sticky = append(c.sticky, strings.Join(h, " "))
	}
	rows := 0
	for _, col := range cols {
		rows = max(rows, len(col))
	}
	blank := strings.Repeat(" ", colW)
	parts := make([]string, n)
	for r := range rows {
		for i, col := range cols {
			parts[i] = blank
			if r < len(col) {
				parts[i] = col[r]
			}
		}
		c.lines = append(c.lines, strings.Join(parts, " "))
	}
}

// timelineAsRows stacks the phases, packing the initiatives into as many
// columns as the width allows.
func (m *Model) timelineAsRows(c *timelineCache, blocks []phaseBlock) {
	st := m.paints()
	w := m.width
	pack := func(ins []*model.Initiative, indent int) {
		k := max(1, (w-indent+2)/36)
		ew := max(4, (w-indent-2*(k-1))/k)
		pad := strings.Repeat(" ", indent)
		for i := 0; i < len(ins); i += k {
			var b strings.Builder
			b.WriteString(pad)
			for j := i; j < min(i+k, len(ins)); j++ {
				if j > i {
					b.WriteString("  ")
				}
				b.WriteString(common.Fit(entry(ins[j]), ew))
			}
			c.lines = append(c.lines, b.String())
		}
	}
	for _, b := range blocks {
		c.lines = append(c.lines, rule(st, b.phase.String(), " · "+blockCount(b), w))
		if b.count == 0 && len(b.windows) == 0 {
			c.lines = append(c.lines, "  "+st.Muted.Render("nothing planned"))
		}
		pack(b.loose, 2)
		for _, wb := range b.windows {
			text := windowText(wb)
			placed := " · nothing placed"
			if len(wb.items) > 0 {
				placed = " · " + fmt.Sprintf("%d placed", len(wb.items))
			}
			text = common.Line(text, max(0, w-2-len(placed)))
			c.lines = append(c.lines, "  "+st.Key.Render(text)+st.Muted.Render(placed))
			pack(wb.items, 4)
		}
	}
}

// timelineBodyH is the height of the timeline's scrolling part.
func (m *Model) timelineBodyH() int {
	tl := m.timeline()
	return max(1, m.height-2-len(tl.sticky)) // filter line and footer
}

// clampTimeline keeps the timeline's scroll inside its lines.
func (m *Model) clampTimeline() {
	m.timelineOffset = max(0, min(m.timelineOffset, len(m.timeline().lines)-m.timelineBodyH()))
}

// timelineView is the timeline mode: filter line, sticky headings, the
// visible part and a footer.
func (m *Model) timelineView() []string {
	st := m.paints()
	tl := m.timeline()
	h := m.timelineBodyH()
	out := make([]string, 0, m.height)
	out = append(out, m.filterLine())
	out = append(out, tl.sticky...)
	off := max(0, min(m.timelineOffset, len(tl.lines)-h))
	end := min(len(tl.lines), off+h)
	out = append(out, tl.lines[off:end]...)
	for len(out) < m.height-1 {
		out = append(out, "")
	}
	footer := tl.footer
	if len(tl.lines) > h {
		footer = strings.TrimSuffix(fmt.Sprintf("↑↓ scroll: lines %d-%d of %d · ", off+1, end, len(tl.lines))+footer, " · ")
	}
	return append(out, st.Muted.Render(common.Line(footer, m.width)))
}
