package interview

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// The history of a requirement (h): every change of its answer and
// evidence, from the chained history, with when, who and in which session.
// It is read in an operation's command; the view shows what came back.

type historyView struct {
	item    item
	ticket  common.Ticket // the read asked for (0: done)
	changes []model.Change
	err     string
	offset  int
}

func (m *Model) openHistory(it item) tea.Cmd {
	m.prov.hist = historyView{item: it}
	m.mode = modeHistory
	var cmd tea.Cmd
	m.prov.hist.ticket, cmd = m.ctx.Ops.AnswerHistory(m.ID(), it.target, it.req.ID)
	return cmd
}

func (m *Model) historyRead(r common.Result) {
	h := &m.prov.hist
	h.ticket = 0
	if r.Err != nil {
		h.err = common.ErrorText(r.Err)
		return
	}
	h.changes, _ = r.Value.([]model.Change)
	// Newest at the bottom, in view.
	h.offset = max(0, len(h.changes)-m.historyRows())
}

func (m *Model) historyRows() int { return max(1, m.h-4) }

func (m *Model) updateHistory(k tea.KeyPressMsg) tea.Cmd {
	h := &m.prov.hist
	if to, ok := m.keys.Nav.Target(k, h.offset, m.historyRows(), len(h.changes)); ok {
		h.offset = max(0, min(to, len(h.changes)-m.historyRows()))
		return nil
	}
	if key.Matches(k, m.keys.ListClose) {
		m.mode = modeList
	}
	return nil
}

func (m *Model) historyView() string {
	st, h := m.ctx.Styles, &m.prov.hist
	w := m.w
	it := h.item
	lines := []string{st.Title.Render(common.Fit("History · "+m.ctx.Data.TargetName(it.target)+" · "+it.req.ID+" "+it.req.Title, w))}
	switch {
	case h.ticket != 0:
		lines = append(lines, st.Muted.Render("Reading the history…"))
	case h.err != "":
		lines = append(lines, st.Error.Render(common.Fit(h.err, w)))
	case len(h.changes) == 0:
		lines = append(lines, st.Muted.Render(common.Fit("No change recorded for this requirement yet.", w)))
	default:
		lines = append(lines, st.Header.Render(common.Fit(fmt.Sprintf("%-16s  %-14s  %s", "When", "Who", "Change · session"), w)))
		for i := h.offset; i < len(h.changes) && i < h.offset+m.historyRows(); i++ {
			c := h.changes[i]
			text := fmt.Sprintf("%-16s  %-14s  %s", c.At.Local().Format("2006-01-02 15:04"), common.Fit(c.Actor, 14), c.Summary())
			if s, ok := m.ctx.Data.A.Session(c.Session); ok {
				text += " · " + s.Label()
			}
			lines = append(lines, common.Fit(text, w))
		}
	}
	lines = append(lines, "")
	footer := fmt.Sprintf("%d changes, from the chained history (slate verify checks it) · esc closes", len(h.changes))
	return common.Block(append(lines[:min(len(lines), m.h-1)], st.Muted.Render(common.Fit(footer, w))), w, m.h)
}
