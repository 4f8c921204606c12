package interview

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// sideWidth is the SL-A/SL-T panel on the right.
const sideWidth = 20

// View renders the screen. Editors, forms and dialogs are drawn over it
// (common.Overlay), so what they are about stays readable: an answer's
// editor and forms sit at the bottom under the question (questionView).
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
		return m.underQuestion(m.editItem, m.editor.View(st))
	case modeSession:
		return m.overList(m.listView(), m.form.View(st))
	case modeCompensating:
		return m.underQuestion(m.comp.it, m.comp.form.View(st))
	case modeBulk, modeBulkSure:
		return m.underQuestion(m.bulk.it, m.bulkView())
	case modeRelated:
		return m.underQuestion(m.related.sr, m.relatedView())
	}
	return m.listView()
}

// overList draws a dialog in the middle of a view, on rows of its own: the
// rows above and below stay readable, and no cut-off text shows beside it.
func (m *Model) overList(view, box string) string {
	lines := common.FitLines(strings.Split(view, "\n"), m.w, m.h)
	n := strings.Count(box, "\n") + 1
	blank := strings.Repeat(" ", m.w)
	for i := max(0, (m.h-n)/2); i < min(m.h, (m.h-n)/2+n); i++ {
		lines[i] = blank
	}
	return common.Overlay(strings.Join(lines, "\n"), box, m.w, m.h, common.OverlayCenter)
}

// underQuestion draws a dialog about an item at the bottom of the screen,
// under the item's questions (questionView), which fill the rows above it.
func (m *Model) underQuestion(it item, box string) string {
	return common.Overlay(m.questionView(it, m.h-strings.Count(box, "\n")-1), box, m.w, m.h, common.OverlayBottom)
}

// listView is the screen itself: the header, the list, the detail of the
// requirement under the cursor and the SL-A panel.
func (m *Model) listView() string {
	st := m.ctx.Styles
	m.freshCache()
	mainW := m.mainWidth()
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
		lines = append(lines, m.separator(mainW))
		lines = append(lines, m.detailLines(mainW)...)
		blank := strings.Repeat(" ", mainW)
		for len(lines) < m.h {
			lines = append(lines, blank)
		}
		left = strings.Join(lines[:m.h], "\n")
	}
	return m.withSide(left, mainW)
}

// questionView is what an editor or a form of an item is drawn over: the
// header and the item's detail from the top (its questions first), with
// the SL-A panel, in the top rows; the rest is left blank for the dialog.
func (m *Model) questionView(it item, rows int) string {
	m.freshCache()
	mainW := m.mainWidth()
	lines := append([]string{common.PadStyled(m.header(mainW), mainW)}, m.fullDetail(it, mainW)...)
	top := strings.Split(m.withSide(common.Block(lines, mainW, m.h), mainW), "\n")
	return strings.Join(top[:max(0, min(rows, len(top)))], "\n")
}

// withSide puts the SL-A panel right of the main column, when there is
// room for it.
func (m *Model) withSide(left string, mainW int) string {
	side := m.w - mainW - 1
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

// header names what is asked, in a line that never cuts the scope: the
// FR's title goes first, then the target's kind, then the name is cut.
func (m *Model) header(w int) string {
	st := m.ctx.Styles
	d := m.ctx.Data
	scope := d.Scope.Label()
	if m.site {
		return st.Title.Render(fitParts(w, []string{m.siteHeader(), scope}, 0))
	}
	frName := d.Cat.FRTitle[m.fr-1]
	if m.byFR {
		return st.Title.Render(fitParts(w, []string{fmt.Sprintf("%v %s", m.fr, frName), "all zones and conduits", scope}, 0))
	}
	t, _ := d.Target(m.target)
	row, _ := d.Row(m.target)
	s := row.Score.At(m.fr)
	name := model.CleanLine(t.Name)
	slt, count := fmt.Sprintf("SL-T %d", s.SLT), fmt.Sprintf("%d/%d", s.Answered, s.Applicable)
	for _, parts := range [][]string{
		{fmt.Sprintf("%s (%s)", name, t.Kind), fmt.Sprintf("%v %s", m.fr, frName), slt, count + " answered"},
		{fmt.Sprintf("%s (%s)", name, t.Kind), m.fr.String(), slt, count + " answered"},
		{name, m.fr.String(), slt, count + " answered"},
	} {
		if line := strings.Join(append(parts, scope), " · "); common.TextWidth(line) <= w {
			return st.Title.Render(line)
		}
	}
	return st.Title.Render(fitParts(w, []string{name, m.fr.String(), slt, count, scope}, 0))
}

// fitParts joins parts with " · " in w cells, cutting part i (with an
// ellipsis) to make room for the others, which stay whole.
func fitParts(w int, parts []string, i int) string {
	rest := 0
	for j, p := range parts {
		if j != i {
			rest += common.TextWidth(p) + 3
		}
	}
	parts = append([]string{}, parts...)
	parts[i] = common.Line(parts[i], max(1, w-rest))
	return common.Line(strings.Join(parts, " · "), w)
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

// detailLines returns the part of the current item's detail the pane
// shows: from the scroll offset (ctrl+d, ctrl+u), as many lines as fit.
func (m *Model) detailLines(w int) []string {
	it, ok := m.current()
	if !ok {
		return nil
	}
	all := m.fullDetail(it, w)
	from, to := m.detailWindow(it, len(all))
	return all[from:to]
}

// detailWindow is the range of detail lines shown for an item, which
// starts at the top whenever the cursor comes to another item.
func (m *Model) detailWindow(it item, total int) (from, to int) {
	if m.detailFor != it.key() {
		m.detailFor, m.detailOff = it.key(), 0
	}
	h := m.detailHeight()
	m.detailOff = max(0, min(m.detailOff, total-h))
	return m.detailOff, min(total, m.detailOff+h)
}

// detailScrolls reports whether the detail of the current item can
// scroll up (it is scrolled) and down (more lies below), for the help.
func (m *Model) detailScrolls() (up, down bool) {
	it, ok := m.current()
	if !ok {
		return false, false
	}
	total, h := len(m.fullDetail(it, m.mainWidth())), m.detailHeight()
	off := m.detailOff
	if m.detailFor != it.key() {
		off = 0
	}
	off = max(0, min(off, total-h))
	return off > 0, off+h < total
}

// scrollDetail moves the detail pane half its height down (dir 1) or up
// (-1).
func (m *Model) scrollDetail(dir int) tea.Cmd {
	it, ok := m.current()
	if !ok {
		return nil
	}
	m.freshCache()
	total, h := len(m.fullDetail(it, m.mainWidth())), m.detailHeight()
	if total <= h {
		return common.StatusCmd("The whole detail of "+it.id()+" is shown: nothing to scroll", false)
	}
	m.detailWindow(it, total)
	m.detailOff = max(0, min(total-h, m.detailOff+dir*max(1, h/2)))
	m.clampScroll()
	return nil
}

// separator is the rule between the list and the detail; when the detail
// is longer than its pane it says which lines show and how to scroll.
func (m *Model) separator(w int) string {
	st := m.ctx.Styles
	it, ok := m.current()
	if !ok {
		return st.Muted.Render(strings.Repeat("─", w))
	}
	total := len(m.fullDetail(it, w))
	from, to := m.detailWindow(it, total)
	if from == 0 && to >= total {
		return st.Muted.Render(strings.Repeat("─", w))
	}
	var keys string
	switch {
	case from == 0:
		keys = "ctrl+d more"
	case to >= total:
		keys = "ctrl+u back"
	default:
		keys = "ctrl+d more, ctrl+u back"
	}
	label := fmt.Sprintf("── detail %d-%d of %d · %s ", from+1, to, total, keys)
	return st.Muted.Render(common.Line(label+strings.Repeat("─", max(0, w-common.TextWidth(label))), w))
}

// fullDetail returns an item's whole detail, each line padded to w, from a
// cache keyed by the item's own answer and everything else it shows.
func (m *Model) fullDetail(it item, w int) []string {
	m.freshCache()
	st, pending := m.status(it)
	a := m.answer(it)
	// The detail shows this requirement's own answer (all of it is in the
	// key) and what other changes may alter (OthersVersion): an answer
	// saved elsewhere, the one just given above included, keeps it.
	key := fmt.Sprintf("%s|%d|%s|%s|%v|%v|%v|%d|%s", it.key(), m.ctx.Data.OthersVersion(), st, a.Status, pending,
		a.Flagged, m.byFR, w, m.ctx.Today().Format(time.DateOnly)) + m.provenanceKeyOf(it, a) + "|" + a.Note + "|" + a.Justification
	if c, ok := m.cache.details[it.key()]; ok && c.key == key {
		return c.lines
	}
	var ps []para
	if it.site != nil {
		ps = m.siteParas(it)
	} else {
		ps = m.requirementParas(it)
	}
	var lines []string
	for _, p := range ps {
		lines = append(lines, m.wrapped(p, w)...)
	}
	m.cache.details[it.key()] = cachedDetail{key, lines}
	return lines
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
	ps := []para{{text: title, style: st.Header.Render, catalog: paraCatalogHeader}}
	// A suggested n/a comes first: it may spare the questions.
	ps = append(ps, m.suggestionParas(it)...)
	t, _ := m.ctx.Data.Target(it.target)
	for _, q := range r.QuestionsFor(t.Kind) {
		ps = append(ps, para{text: q.Text, prefix: "? ", catalog: paraCatalogPlain})
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
		ps = append(ps, para{text: "Met when: " + metWhen, catalog: paraCatalogPlain})
	}
	if evidence != "" {
		ps = append(ps, para{text: evidence, style: st.Key.Render, catalog: paraCatalogKeyStyle})
	}
	if lookFor != "" {
		ps = append(ps, para{text: "Look for: " + lookFor, style: st.Muted.Render, catalog: paraCatalogMuted})
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
	ps := []para{{text: ans, style: st.Label.Render}}
	ps = append(ps, m.provenanceParas(it, a)...)
	if a.Status == model.Compensating && it.site == nil {
		ps = append(ps, m.countermeasureParas(it)...)
	}
	if a.Justification != "" {
		label := "Justification: "
		if a.Status == model.Compensating {
			label = "Why it meets the intent: "
		}
		ps = append(ps, para{text: label + a.Justification})
	}
	if a.Note != "" {
		ps = append(ps, para{text: "Note: " + a.Note})
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
		{text: strings.Join(parts, " · "), style: style},
		{text: "Control: " + cm.Control},
	}
}

// wrapped is p wrapped and padded to w; a catalog paragraph (named
// style) is wrapped once per width and theme.
func (m *Model) wrapped(p para, w int) []string {
	k := paraKey{text: p.text, prefix: p.prefix, style: p.catalog, w: w}
	if p.catalog != paraNotCatalog {
		if ls, ok := m.cache.paras[k]; ok {
			return ls
		}
	}
	ls := p.wrap(w)
	for i, l := range ls {
		ls[i] = common.PadStyled(l, w)
	}
	if p.catalog != paraNotCatalog {
		m.cache.paras[k] = ls
	}
	return ls
}

// paraStyle marks a paragraph whose text comes from the catalog (and so
// may be wrapped once), with the style it is drawn in. (A requirement's
// title counts: with the target's name in front in the by-FR order, the
// text says so.)
type paraStyle int

const (
	paraNotCatalog paraStyle = iota
	paraCatalogPlain
	paraCatalogKeyStyle
	paraCatalogMuted
	paraCatalogHeader
)

// para is one block of the detail pane: text wrapped to the pane's width
// after prefix, with later lines indented under it, in full (the pane
// scrolls).
type para struct {
	text    string
	prefix  string
	style   func(...string) string
	catalog paraStyle // paraNotCatalog unless the text is the catalog's
}

func (p para) wrap(w int) []string {
	pw := common.TextWidth(p.prefix)
	lines := common.Wrap(p.text, max(1, w-pw), 0)
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
