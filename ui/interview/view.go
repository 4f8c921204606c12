package interview

import (
	"fmt"
	"strings"

	"slate/model"
	"slate/ui/common"
)

// sideWidth is the SL-A/SL-T panel on the right.
const sideWidth = 20

// View renders the screen.
func (m *Model) View() string {
	m.follow()
	st := m.ctx.Styles
	if m.target == "" {
		return common.Block([]string{"", st.Muted.Render("No zones or conduits yet: press 2 to add them, then come back here.")}, m.w, m.h)
	}
	if v, ok := m.provenanceView(); ok {
		return v
	}
	switch m.mode {
	case modeEditor:
		return common.Center(m.w, m.h, m.editor.View(st))
	case modeSession:
		return common.Center(m.w, m.h, m.form.View(st))
	}
	m.freshCache()
	mainW := m.mainWidth()
	side := m.w - mainW - 1
	var left string
	if m.mode == modeSearch {
		left = common.Block(append([]string{m.header(mainW)}, strings.Split(m.search.view(st, mainW, m.h-1), "\n")...), mainW, m.h)
	} else {
		// Rows and detail come from caches, already exactly mainW wide, so
		// the frame is assembled without measuring every line again.
		lines := make([]string, 0, m.h)
		lines = append(lines, common.PadStyled(m.header(mainW), mainW))
		lines = append(lines, m.sessionLine(mainW))
		lines = append(lines, m.list(mainW)...)
		lines = append(lines, st.Muted.Render(strings.Repeat("─", mainW)))
		lines = append(lines, m.detailLines(mainW)...)
		blank := strings.Repeat(" ", mainW)
		for len(lines) < m.h {
			lines = append(lines, blank)
		}
		left = strings.Join(lines[:m.h], "\n")
	}
	if side <= 0 {
		return left
	}
	return joinColumns(left, m.sidePanel(side))
}

// joinColumns puts two blocks of equal height side by side with a space;
// both are already padded to their widths.
func joinColumns(left, right string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	var b strings.Builder
	for i := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l[i])
		b.WriteByte(' ')
		if i < len(r) {
			b.WriteString(r[i])
		}
	}
	return b.String()
}

func (m *Model) header(w int) string {
	st := m.ctx.Styles
	d := m.ctx.Data
	// The scope is always shown whole: the rest is cut to make room for it.
	scope := " · " + d.Scope.Label()
	left := w - len([]rune(scope))
	frName := d.Cat.FRTitle[m.fr-1]
	if m.byFR {
		return st.Title.Render(common.Line(fmt.Sprintf("%v %s · all zones and conduits", m.fr, frName), left) + scope)
	}
	t, _ := d.Target(m.target)
	row, _ := d.Row(m.target)
	s := row.Score.At(m.fr)
	text := fmt.Sprintf("%s (%s) · %v %s · SL-T %d · %d/%d answered",
		t.Name, t.Kind, m.fr, frName, s.SLT, s.Answered, s.Applicable)
	return st.Title.Render(common.Line(text, left) + scope)
}

// statusCell is the fixed-width answer column, readable without colour.
func statusCell(st model.Status, pending, flagged bool) string {
	label := map[model.Status]string{
		model.Unanswered: "  ·  ", model.Yes: " yes ", model.Partial: "part ",
		model.No: " no  ", model.NA: " n/a ", model.Compensating: "comp ",
	}[st.Norm()]
	if pending {
		label = strings.TrimRight(label, " ") + "…"
	}
	flag := " "
	if flagged {
		flag = "!"
	}
	return common.Fit(label, 5) + flag
}

func (m *Model) list(w int) []string {
	st := m.ctx.Styles
	if len(m.items) == 0 {
		msg := fmt.Sprintf("Nothing in scope for %v at SL-T 0; press s to widen the scope to SL 4.", m.fr)
		return []string{st.Muted.Render(common.Fit(msg, w))} // padded: the side panel follows
	}
	lh := m.listHeight()
	var out []string
	for i := m.offset; i < len(m.items) && i < m.offset+lh; i++ {
		it := m.items[i]
		status, pending := m.status(it)
		a := m.answer(it)
		prefix := ""
		if m.byFR {
			prefix = common.Fit(m.ctx.Data.TargetName(it.target), 14) + " "
		}
		files := len(m.ctx.Data.Evidence.Of(it.target, it.req.ID)) > 0
		key := fmt.Sprintf("%s|%s|%v|%v|%v|%s|%v", it.key(), status, pending, a.Flagged, i == m.cursor, prefix, files)
		line, ok := m.cache.rows[key]
		if !ok {
			line = fmt.Sprintf("%s%s SL%d %s%s %s", prefix, common.Fit(it.req.ID, 12), it.req.SL,
				statusCell(status, pending, a.Flagged), evidenceMark(files), it.req.Title)
			line = common.Fit(line, w)
			if i == m.cursor {
				line = st.Selected.Render(line)
			} else if status.Satisfied() {
				line = st.OK.Render(line)
			} else if status == model.No || status == model.Partial {
				line = st.Gap1.Render(line)
			}
			m.cache.rows[key] = line
		}
		out = append(out, line)
	}
	if len(m.items) > lh {
		out = append(out, st.Muted.Render(common.Fit(fmt.Sprintf("  %d-%d of %d", m.offset+1, min(len(m.items), m.offset+lh), len(m.items)), w)))
	}
	return out
}

// detailLines returns the current requirement's detail, each line padded
// to w, from a cache keyed by everything the detail shows.
func (m *Model) detailLines(w int) []string {
	it, ok := m.current()
	if !ok {
		return nil
	}
	a := m.answer(it)
	st, pending := m.status(it)
	key := fmt.Sprintf("%s|%s|%v|%q|%q|%d|%v|%v|%d|%d", it.key(), st, pending, a.Note, a.Justification,
		a.UpdatedAt.UnixMilli(), a.Flagged, m.byFR, w, m.h) + m.provenanceKeyOf(it, a)
	if m.cache.detailKey == key {
		return m.cache.detail
	}
	lines := m.detail(w, m.h)
	for i, l := range lines {
		lines[i] = common.PadStyled(l, w)
	}
	m.cache.detailKey, m.cache.detail = key, lines
	return lines
}

func (m *Model) detail(w, h int) []string {
	st := m.ctx.Styles
	it, ok := m.current()
	if !ok || h <= 0 {
		return nil
	}
	r := it.req
	a := m.answer(it)
	var out []string
	title := fmt.Sprintf("%s · SL %d · %s", r.ID, r.SL, r.Title)
	if m.byFR {
		title = m.ctx.Data.TargetName(it.target) + " · " + title
	}
	out = append(out, st.Header.Render(common.Line(title, w)))
	t, _ := m.ctx.Data.Target(it.target)
	for _, q := range r.QuestionsFor(t.Kind) {
		for i, l := range common.Wrap(q.Text, w-2, 3) {
			if i == 0 {
				out = append(out, "? "+l)
			} else {
				out = append(out, "  "+l)
			}
		}
	}
	if r.LookFor != "" {
		for _, l := range common.Wrap("Look for: "+r.LookFor, w, 2) {
			out = append(out, st.Muted.Render(l))
		}
	}
	status, pending := m.status(it)
	ans := "Answer: " + status.Label()
	if pending {
		ans += " (saving…)"
	} else if a.Status.Answered() && !a.UpdatedAt.IsZero() {
		ans += " (" + m.answeredWhen(a) + ")"
	}
	if a.Flagged {
		ans += " · ! flagged for follow-up"
	}
	out = append(out, st.Label.Render(common.Line(ans, w)))
	out = append(out, m.provenanceDetail(it, a, w)...)
	if a.Justification != "" {
		label := "Justification: "
		if a.Status == model.Compensating {
			label = "Compensating control: "
		}
		out = append(out, common.Wrap(label+a.Justification, w, 2)...)
	}
	if a.Note != "" {
		out = append(out, common.Wrap("Note: "+a.Note, w, max(1, h-len(out)))...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// sidePanel shows SL-A against SL-T for every FR of the current target;
// it is redrawn only when what it shows changes.
func (m *Model) sidePanel(w int) string {
	row, ok := m.ctx.Data.Row(m.currentTarget())
	if !ok {
		return common.Block(nil, w, m.h)
	}
	key := fmt.Sprintf("%s|%q|%v|%d|%d|%d", row.Target.Key, row.Target.Name, row.Score, m.fr, w, m.h)
	if m.cache.sideKey != key {
		m.cache.sideKey, m.cache.side = key, m.renderSidePanel(row, w)
	}
	return m.cache.side
}

func (m *Model) renderSidePanel(row *model.MatrixRow, w int) string {
	st := m.ctx.Styles
	lines := []string{st.Header.Render(common.Line(row.Target.Name, w)), st.Muted.Render(common.Line("SL-A/SL-T", w))}
	for _, fr := range model.FRs {
		s := row.Score.At(fr)
		mark := "  "
		if fr == m.fr {
			mark = "> "
		}
		line := mark + common.Fit(fr.String()+" "+s.Text(), w-2)
		style := st.CellStyle(s)
		if fr == m.fr {
			style = style.Bold(true)
		}
		lines = append(lines, style.Render(line))
	}
	sum := row.Summary()
	lines = append(lines, "", st.Muted.Render(common.Line(fmt.Sprintf("%d/%d answered", sum.Answered, sum.Applicable), w)))
	for _, l := range []string{"ok at target", "-N gap", "* provisional", "c compensating", "?/T not assessed"} {
		lines = append(lines, st.Muted.Render(common.Line(l, w)))
	}
	return common.Block(lines, w, m.h)
}
