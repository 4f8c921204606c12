package interview

import (
	"fmt"
	"strings"
	"time"

	"slate/model"
	"slate/ui/common"
)

// sideWidth is the SL-A/SL-T panel on the right.
const sideWidth = 20

// View renders the screen.
func (m *Model) View() string {
	m.follow()
	st := m.ctx.Styles
	if m.target == "" && !m.site {
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
	case modeCompensating:
		return common.Center(m.w, m.h, m.comp.form.View(st))
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
	if m.site {
		return st.Title.Render(common.Line(m.siteHeader(), left) + scope)
	}
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
	marks := m.marks()
	var out []string
	for i := m.offset; i < len(m.items) && i < m.offset+lh; i++ {
		it := m.items[i]
		status, pending := m.status(it)
		a := m.answer(it)
		prefix := ""
		if m.byFR {
			prefix = common.Fit(m.ctx.Data.TargetName(it.target), 14) + " "
		}
		_, suggested := m.suggestion(it)
		files := it.req != nil && len(m.ctx.Data.Evidence.Of(it.target, it.req.ID)) > 0
		cell := suggestedCell(statusCell(status, pending, a.Flagged), suggested)
		if marks {
			cell += m.mark(it)
		}
		key := fmt.Sprintf("%s|%s|%v|%s|%v|%v|%s|%v", it.key(), status, pending, cell, it.gone, i == m.cursor, prefix, files)
		line, ok := m.cache.rows[key]
		if !ok {
			level := "   "
			if it.req != nil {
				level = fmt.Sprintf("SL%d", it.req.SL)
			}
			line = fmt.Sprintf("%s%s %s %s%s %s", prefix, common.Fit(it.id(), 12), level, cell, evidenceMark(files), it.title())
			line = common.Fit(line, w)
			switch {
			case i == m.cursor:
				line = st.Selected.Render(line)
			case it.gone:
				line = st.Muted.Render(line)
			case status.Satisfied():
				line = st.OK.Render(line)
			case status == model.No || status == model.Partial:
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

// detailHeight is the room the detail pane has when the list keeps its
// least: five rows and the pager under them.
func (m *Model) detailHeight() int {
	n := min(5, len(m.items))
	if len(m.items) > n {
		n++
	}
	return max(0, m.h-3-n)
}

// detailLines returns the current item's detail, each line padded to w,
// from a cache keyed by the data version and everything else it shows.
func (m *Model) detailLines(w int) []string {
	it, ok := m.current()
	if !ok {
		return nil
	}
	st, pending := m.status(it)
	a := m.answer(it)
	h := m.detailHeight()
	key := fmt.Sprintf("%s|%d|%s|%v|%v|%d|%d|%s", it.key(), m.ctx.Data.Version, st, pending,
		m.byFR, w, h, m.ctx.Today().Format(time.DateOnly)) + m.provenanceKeyOf(it, a)
	if m.cache.detailKey == key {
		return m.cache.detail
	}
	lines := m.detail(it, w, h)
	for i, l := range lines {
		lines[i] = common.PadStyled(l, w)
	}
	m.cache.detailKey, m.cache.detail = key, lines
	return lines
}

// detail lays out the paragraphs of the current item in h lines.
func (m *Model) detail(it item, w, h int) []string {
	if h <= 0 {
		return nil
	}
	var ps []para
	if it.site != nil {
		ps = m.siteParas(it)
	} else {
		ps = m.requirementParas(it)
	}
	return layoutParas(ps, w, h)
}

// requirementParas is the detail of a requirement of a target: the
// questions for its kind, what makes it met, who holds the evidence, the
// answer with its countermeasure, and what changed since an older catalog.
func (m *Model) requirementParas(it item) []para {
	st := m.ctx.Styles
	r := it.req
	title := fmt.Sprintf("%s · SL %d · %s", r.ID, r.SL, r.Title)
	if m.byFR {
		title = m.ctx.Data.TargetName(it.target) + " · " + title
	}
	ps := []para{{text: title, max: 1, min: 1, style: st.Header.Render}}
	t, _ := m.ctx.Data.Target(it.target)
	for _, q := range r.QuestionsFor(t.Kind) {
		ps = append(ps, para{text: q.Text, prefix: "? ", max: 3, min: 1, shrink: 3})
	}
	ps = append(ps, criteriaParas(st, r.MetWhen, r.LookFor, evidenceNote(r.EvidenceFrom))...)
	// What changed since an older catalog goes right under the answer it
	// puts in question.
	ans := m.answerParas(it)
	ps = append(ps, ans[0])
	ps = append(ps, m.reconfirmLines(it)...)
	return append(ps, ans[1:]...)
}

// evidenceNote says who must supply the evidence of a requirement that the
// plant's own staff cannot answer alone.
func evidenceNote(e model.EvidenceSource) string {
	switch e {
	case model.EvidenceVendor:
		return "Plant staff cannot answer this alone: ask the vendor for the document named under Look for."
	case model.EvidenceTest:
		return "Plant staff cannot answer this alone: it takes a technical test; ask for the test report named under Look for."
	}
	return ""
}

// criteriaParas are what makes the answer yes or partial, who holds the
// evidence, and what to ask to see.
func criteriaParas(st *common.Styles, metWhen, lookFor, evidence string) []para {
	var ps []para
	if metWhen != "" {
		ps = append(ps, para{text: "Met when: " + metWhen, max: 5, min: 1, shrink: 2})
	}
	if evidence != "" {
		ps = append(ps, para{text: evidence, max: 2, min: 1, style: st.Key.Render, shrink: 3})
	}
	if lookFor != "" {
		ps = append(ps, para{text: "Look for: " + lookFor, max: 3, min: 1, style: st.Muted.Render, shrink: 1})
	}
	return ps
}

// answerParas is the answer line, the countermeasure a compensating
// answer relies on, the justification and the note.
func (m *Model) answerParas(it item) []para {
	st := m.ctx.Styles
	a := m.answer(it)
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
	ps := []para{{text: ans, max: 1, min: 1, style: st.Label.Render}}
	ps = append(ps, m.provenanceParas(it, a)...)
	ps = append(ps, m.suggestionParas(it)...)
	if a.Status == model.Compensating && it.site == nil {
		ps = append(ps, m.countermeasureParas(it)...)
	}
	if a.Justification != "" {
		label := "Justification: "
		if a.Status == model.Compensating {
			label = "Why it meets the intent: "
		}
		ps = append(ps, para{text: label + a.Justification, max: 2, min: 1, shrink: 3})
	}
	if a.Note != "" {
		ps = append(ps, para{text: "Note: " + a.Note, max: 1 << 10, min: 1, shrink: 2})
	}
	return ps
}

// countermeasureParas shows the record a compensating answer relies on:
// its id, where it sits, who approved it, its review date (and that the
// date has passed, which changes neither the answer nor SL-A), the level
// it supports here and the control itself.
func (m *Model) countermeasureParas(it item) []para {
	st := m.ctx.Styles
	d := m.ctx.Data
	cm, link, ok := d.A.CountermeasureOf(it.target, it.req.ID)
	if !ok {
		return nil
	}
	parts := []string{fmt.Sprintf("Countermeasure %d", cm.ID)}
	if cm.Target != "" {
		parts = append(parts, "sits on "+d.TargetName(cm.Target))
	}
	if cm.ApprovedBy != (model.Person{}) {
		parts = append(parts, "approved by "+cm.ApprovedBy.String())
	}
	if cm.Review != "" {
		parts = append(parts, "review "+cm.Review)
	}
	if link.SL > 0 {
		parts = append(parts, fmt.Sprintf("supports SL %d", link.SL))
	}
	style := st.Label.Render
	if cm.ReviewPassed(m.ctx.Today()) {
		parts = append(parts, "review passed")
		style = st.Gap1.Render
	}
	return []para{
		{text: strings.Join(parts, " · "), max: 2, min: 1, style: style, shrink: 3},
		{text: "Control: " + cm.Control, max: 2, min: 1, shrink: 3},
	}
}

// para is one block of the detail pane: text wrapped to the pane's width
// (after prefix, with later lines indented under it), at most max lines,
// and down to min when the pane is short. Paragraphs give up lines in the
// order of shrink, lowest first (0 never).
type para struct {
	text     string
	prefix   string
	max, min int
	style    func(...string) string
	shrink   int
}

func (p para) wrap(w, n int) []string {
	if n <= 0 {
		return nil
	}
	pw := common.TextWidth(p.prefix)
	lines := common.Wrap(p.text, max(1, w-pw), n)
	for i, l := range lines {
		if i == 0 {
			l = p.prefix + l
		} else {
			l = strings.Repeat(" ", pw) + l
		}
		if p.style != nil {
			l = p.style(l)
		}
		lines[i] = l
	}
	return lines
}

// layoutParas wraps the paragraphs into at most h lines of w cells,
// shortening the least needed ones first and cutting what still does not
// fit at the bottom.
func layoutParas(ps []para, w, h int) []string {
	wrapped := make([][]string, len(ps))
	total := 0
	for i, p := range ps {
		wrapped[i] = p.wrap(w, p.max)
		total += len(wrapped[i])
	}
	for level := 1; level <= 4 && total > h; level++ {
		for i, p := range ps {
			if p.shrink != level || total <= h {
				continue
			}
			if keep := max(p.min, len(wrapped[i])-(total-h)); keep < len(wrapped[i]) {
				total -= len(wrapped[i]) - keep
				wrapped[i] = p.wrap(w, keep)
			}
		}
	}
	out := make([]string, 0, total)
	for _, l := range wrapped {
		out = append(out, l...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// sidePanel shows SL-A against SL-T for every FR of the current target;
// it is redrawn only when what it shows changes.
func (m *Model) sidePanel(w int) string {
	if m.site {
		key := fmt.Sprintf("site|%d|%d|%d", m.ctx.Data.Version, w, m.h)
		if m.cache.sideKey != key {
			m.cache.sideKey, m.cache.side = key, m.siteSidePanel(w)
		}
		return m.cache.side
	}
	row, ok := m.ctx.Data.Row(m.currentTarget())
	if !ok {
		return common.Block(nil, w, m.h)
	}
	key := fmt.Sprintf("%s|%q|%v|%d|%d|%d|%v", row.Target.Key, row.Target.Name, row.Score, m.fr, w, m.h, m.marks())
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
	legend := []string{"ok at target", "-N gap", "* provisional", "c compensating", "?/T not assessed"}
	if m.marks() {
		legend = append(legend, "r re-confirm (key r)", "x no longer applies")
	}
	for _, l := range legend {
		lines = append(lines, st.Muted.Render(common.Line(l, w)))
	}
	return common.Block(lines, w, m.h)
}
