package interview

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// sideWidth is the SL-A/SL-T panel on the right.
const sideWidth = 20

// View renders the screen.
func (m *Model) View() string {
	st := m.ctx.Styles
	if m.target == "" {
		return common.Block([]string{"", st.Muted.Render("No zones or conduits yet: press 2 to add them, then come back here.")}, m.w, m.h)
	}
	switch m.mode {
	case modeEditor:
		return common.Center(m.w, m.h, m.editor.View(st))
	case modeInterviewee:
		return common.Center(m.w, m.h, m.form.View(st))
	}
	mainW := m.mainWidth()
	side := m.w - mainW - 1
	var left string
	if m.mode == modeSearch {
		left = common.Block(append([]string{m.header(mainW)}, strings.Split(m.search.view(st, mainW, m.h-1), "\n")...), mainW, m.h)
	} else {
		lines := []string{m.header(mainW)}
		lines = append(lines, m.list(mainW)...)
		lines = append(lines, st.Muted.Render(strings.Repeat("─", mainW)))
		lines = append(lines, m.detail(mainW, m.h-len(lines))...)
		left = common.Block(lines, mainW, m.h)
	}
	if side <= 0 {
		return left
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, left, " ", m.sidePanel(side))
}

func (m *Model) header(w int) string {
	st := m.ctx.Styles
	d := m.ctx.Data
	scope := "to SL-T"
	if m.upto4 {
		scope = "to SL 4"
	}
	frName := d.Cat.FRTitle[m.fr-1]
	if m.byFR {
		return st.Title.Render(common.Line(fmt.Sprintf("%v %s · all zones and conduits · %s", m.fr, frName, scope), w))
	}
	t, _ := d.Target(m.target)
	row, _ := d.Row(m.target)
	s := row.Score.At(m.fr)
	text := fmt.Sprintf("%s (%s) · %v %s · SL-T %d · %d/%d answered · %s",
		t.Name, t.Kind, m.fr, frName, s.SLT, s.Answered, s.Applicable, scope)
	return st.Title.Render(common.Line(text, w))
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
		msg := fmt.Sprintf("Nothing in scope for %v at SL-T 0; press s to ask up to SL 4.", m.fr)
		return []string{st.Muted.Render(common.Line(msg, w))}
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
		line := fmt.Sprintf("%s%s SL%d %s %s", prefix, common.Fit(it.req.ID, 12), it.req.SL,
			statusCell(status, pending, a.Flagged), it.req.Title)
		line = common.Fit(line, w)
		if i == m.cursor {
			line = st.Selected.Render(line)
		} else if status.Satisfied() {
			line = st.OK.Render(line)
		} else if status == model.No || status == model.Partial {
			line = st.Gap1.Render(line)
		}
		out = append(out, line)
	}
	if len(m.items) > lh {
		out = append(out, st.Muted.Render(common.Line(fmt.Sprintf("  %d-%d of %d", m.offset+1, min(len(m.items), m.offset+lh), len(m.items)), w)))
	}
	return out
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
	for _, q := range r.Questions {
		for i, l := range common.Wrap(q, w-2, 3) {
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
		who := ""
		if a.Interviewee != "" {
			who = a.Interviewee + ", "
		}
		ans += " (" + who + a.UpdatedAt.Local().Format("2006-01-02 15:04") + ")"
	}
	if a.Flagged {
		ans += " · ! flagged for follow-up"
	}
	out = append(out, st.Label.Render(common.Line(ans, w)))
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
	if who := m.ctx.Data.Interviewee; who != "" && len(out) < h {
		out = append(out, st.Muted.Render(common.Line("Interviewee now: "+who+" (i to change)", w)))
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// sidePanel shows SL-A against SL-T for every FR of the current target.
func (m *Model) sidePanel(w int) string {
	st := m.ctx.Styles
	key := m.currentTarget()
	row, ok := m.ctx.Data.Row(key)
	if !ok {
		return common.Block(nil, w, m.h)
	}
	lines := []string{st.Header.Render(common.Line(row.Target.Name, w)), st.Muted.Render(common.Line("SL-A / SL-T", w))}
	for _, fr := range model.FRs {
		s := row.Score.At(fr)
		sla := fmt.Sprint(s.SLA)
		if s.Provisional {
			sla += "*"
		}
		gap := "  ="
		if s.Gap > 0 {
			gap = fmt.Sprintf(" -%d", s.Gap)
		}
		cell := fmt.Sprintf("%-2s %2s/%d%s", fmt.Sprint(fr), sla, s.SLT, gap)
		mark := "  "
		if fr == m.fr {
			mark = "> "
		}
		line := mark + common.Fit(cell, w-2)
		style := st.GapStyle(int(s.Gap), s.Answered > 0)
		if fr == m.fr {
			style = style.Bold(true)
		}
		lines = append(lines, style.Render(line))
	}
	answered, applicable := row.Completeness()
	lines = append(lines, "", st.Muted.Render(common.Line(fmt.Sprintf("%d/%d answered", answered, applicable), w)))
	lines = append(lines, st.Muted.Render(common.Line("* provisional", w)))
	return common.Block(lines, w, m.h)
}
