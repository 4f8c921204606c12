package matrix

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// View renders the body: the matrix or, when open, the drill-down.
func (m *Model) View() string {
	m.sync()
	if m.drill != nil {
		return m.drillView()
	}
	return m.matrixView()
}

// listHeight is the number of list lines between the title and sticky
// header and the footer (the cursor cell's detail line and the legend).
func (m *Model) listHeight() int {
	return max(1, m.height-2-m.footerHeight())
}

func (m *Model) footerHeight() int {
	switch {
	case m.height >= 6:
		return 2
	case m.height >= 4:
		return 1
	}
	return 0
}

func (m *Model) matrixView() string {
	c := &m.cache
	k := viewKey{version: c.version, width: m.width, height: m.height, row: m.row, col: m.col, offset: m.offset}
	if c.view != "" && c.viewKey == k {
		return c.view
	}
	w := m.width
	out := make([]string, 0, m.height)
	out = append(out, m.titleLine(), m.header())
	listH := m.listHeight()
	rows := m.rows()
	if len(rows) == 0 {
		out = append(out, c.blank, common.Fit("  No zones or conduits yet: add them on the zones & conduits screen.", w))
	}
	for i := range listH {
		li := m.offset + i
		if li >= len(c.lines) {
			break
		}
		switch r := c.lines[li]; {
		case r < 0:
			out = append(out, m.label(r))
		case r == m.row:
			out = append(out, m.renderRow(r, true))
		default:
			if c.rows[r] == "" {
				c.rows[r] = m.renderRow(r, false)
			}
			out = append(out, c.rows[r])
		}
	}
	for len(out) < 2+listH && len(out) < m.height {
		out = append(out, c.blank)
	}
	if f := m.footerHeight(); f > 0 {
		out = append(out, m.detail())
		if f > 1 {
			out = append(out, m.legend())
		}
	}
	c.view = join(out, c.blank, m.height)
	c.viewKey = k
	return c.view
}

// join stacks lines that are already exactly the body's width into exactly
// h lines (Block would measure every line again).
func join(lines []string, blank string, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, blank)
	}
	return strings.Join(lines, "\n")
}

// header is the sticky column heading; the cursor's FR is in the accent
// style (underline would make lipgloss style every letter separately).
func (m *Model) header() string {
	c := &m.cache
	if h := c.headers[m.col]; h != "" {
		return h
	}
	st := m.ctx.Styles
	sp := strings.Repeat(" ", c.lay.sep)
	var b strings.Builder
	b.WriteString(st.Header.Render(common.Fit("  Target", c.lay.nameW)))
	for i, fr := range model.FRs {
		b.WriteString(sp)
		label := common.Fit(fr.String(), cellW)
		if i == m.col {
			b.WriteString(st.Title.Render(label))
		} else {
			b.WriteString(st.Header.Render(label))
		}
	}
	if c.lay.done {
		b.WriteString(sp)
		b.WriteString(st.Header.Render("Done"))
	}
	c.headers[m.col] = common.Exact(b.String(), m.width)
	return c.headers[m.col]
}

// titleLine names the screen's scope (a view setting shared by every screen,
// toggled with s) and sums the plant: "N of M with a target at SL-T".
func (m *Model) titleLine() string {
	c := &m.cache
	if c.title == "" {
		st := m.ctx.Styles
		p := m.ctx.Data.M.Summary()
		left := st.Title.Render("Gap matrix") + st.Muted.Render(" · ") + st.Header.Render(m.ctx.Data.Scope.Label())
		right := fmt.Sprintf("%d of %d at SL-T · %s · %s answered", p.AtTarget, p.WithTarget,
			common.Plural(p.GapCells, "gap cell", "gap cells"), model.Percent(p.Answered, p.Applicable))
		c.title = common.Exact(left+st.Muted.Render(common.Line("  "+right, max(0, m.width-lipgloss.Width(left)))), m.width)
	}
	return c.title
}

// label is a section line: "Zones (5) · 1 of 4 at SL-T in every FR · 32% answered".
func (m *Model) label(which int) string {
	c := &m.cache
	i, text := 0, "Zones"
	if which == labelConduits {
		i, text = 1, "Conduits"
	}
	if c.labels[i] == "" {
		st := m.ctx.Styles
		ks := c.kinds[i]
		sum := fmt.Sprintf(" (%d) · %d of %d with a target at SL-T in every FR · %s answered", ks.targets, ks.atTarget,
			ks.withTarget, model.Percent(ks.answered, ks.applicable))
		c.labels[i] = common.Exact(st.Title.Render(text)+st.Muted.Render(common.Line(sum, max(0, m.width-len(text)))), m.width)
	}
	return c.labels[i]
}

// cell returns a styled cell, rendered once per score and data version.
func (m *Model) cell(s model.FRScore) string {
	if v, ok := m.cache.cells[s]; ok {
		return v
	}
	v := m.ctx.Styles.CellStyle(s).Render(cellText(s))
	m.cache.cells[s] = v
	return v
}

// renderRow renders one target, exactly m.width cells wide. The cursor row
// has a marker, a bold name and the selected cell in reverse video.
func (m *Model) renderRow(i int, cursor bool) string {
	st := m.ctx.Styles
	lay := m.cache.lay
	r := &m.rows()[i]
	var b strings.Builder
	b.Grow(lay.rowW + 160)
	name := common.Fit(r.Target.Name, lay.nameW-gutterW)
	if cursor {
		b.WriteString("> ")
		b.WriteString(st.Header.Render(name))
	} else {
		b.WriteString("  ")
		b.WriteString(name)
	}
	for j := range model.NumFR {
		for range lay.sep {
			b.WriteByte(' ')
		}
		s := r.Score[j]
		if cursor && j == m.col {
			b.WriteString(selectedStyle(st, s).Render(cellText(s)))
		} else {
			b.WriteString(m.cell(s))
		}
	}
	if lay.done {
		for range lay.sep {
			b.WriteByte(' ')
		}
		b.WriteString(done(r))
	}
	if lay.rowW > m.width {
		return common.Exact(b.String(), m.width)
	}
	b.WriteString(strings.Repeat(" ", m.width-lay.rowW))
	return b.String()
}

// detail describes the cursor's cell in words.
func (m *Model) detail() string {
	rows := m.rows()
	if len(rows) == 0 {
		return m.cache.blank
	}
	r := &rows[m.row]
	fr := model.FR(m.col + 1)
	return m.ctx.Styles.Muted.Render(common.Fit(common.Line(r.Target.Name, 32)+" "+fr.String()+": "+
		sentence(r.Score.At(fr))+" · "+m.ctx.Data.Cat.FRTitle[fr-1], m.width))
}

// sentence puts a cell in words: its text and state from model, what its
// markers mean, and its counts.
func sentence(s model.FRScore) string { return s.Text() + " " + sentenceAfter(s) }

// sentenceAfter is the sentence without the cell's text, for lines that show
// the text in the cell's colour first.
func sentenceAfter(s model.FRScore) string {
	out := s.State().Describe()
	if s.Compensated && s.ShowsLevel() {
		out += ", relies on a compensating countermeasure"
	}
	if s.Provisional && s.ShowsLevel() {
		out += ", provisional: an open question could still raise SL-A"
	}
	return out + fmt.Sprintf(", %d/%d answered", s.Answered, s.Applicable)
}

// legend explains the notation in one line, in the cells' own colours; the
// long form when it fits.
func (m *Model) legend() string {
	c := &m.cache
	st := m.ctx.Styles
	if c.legend != "" && c.legendFor.w == m.width && c.legendFor.dark == st.IsDark {
		return c.legend
	}
	c.legendFor.w, c.legendFor.dark = m.width, st.IsDark
	mu := st.Muted.Render
	long := mu("SL-A/SL-T · ") + st.GapNone.Render("ok") + mu(" at target · ") + st.Gap2.Render("-N") + mu(" gap · ") +
		st.Header.Render("*") + mu(" provisional · ") + st.Header.Render("c") + mu(" compensating · ") +
		st.NotAssessed.Render("?/T") + mu(" not assessed · ") + st.Muted.Render("A/-") + mu(" no target · ") +
		st.GapNone.Render("n/a") + mu(" nothing required")
	short := mu("A/T · ") + st.GapNone.Render("ok") + mu(" · ") + st.Gap2.Render("-N") + mu(" gap · ") +
		st.Header.Render("*") + mu(" provisional · ") + st.Header.Render("c") + mu(" comp. · ") +
		st.NotAssessed.Render("?") + mu(" not assessed · ? help")
	if ansi.StringWidth(long) <= m.width {
		c.legend = common.Exact(long, m.width)
	} else {
		c.legend = common.Exact(short, m.width)
	}
	return c.legend
}
