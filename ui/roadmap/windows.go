package roadmap

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// The windows mode lists the maintenance windows (the plan's copy, sorted
// by date) with the initiatives placed in the selected one.

func (m *Model) windows() []model.Window { return m.plan.Windows }

// syncWindows keeps the windows cursor on the same window after a change.
func (m *Model) syncWindows() {
	ws := m.windows()
	for i, w := range ws {
		if w.ID == m.winID && m.winID != 0 {
			m.winCursor = i
			break
		}
	}
	m.selectWindowAt(m.winCursor)
}

// selectWindowAt moves the windows cursor (clamped).
func (m *Model) selectWindowAt(i int) {
	ws := m.windows()
	m.winCursor = max(0, min(i, len(ws)-1))
	m.winID = 0
	if len(ws) > 0 {
		m.winID = ws[m.winCursor].ID
	}
	m.scrollWindows()
}

// selectWindow moves the windows cursor to a window by id.
func (m *Model) selectWindow(id int64) {
	for i, w := range m.windows() {
		if w.ID == id {
			m.selectWindowAt(i)
			return
		}
	}
}

// windowsListH is the number of window rows shown: the rest of the body
// lists the initiatives placed in the selected window.
func (m *Model) windowsListH() int {
	h := m.height - 2 // title and column header
	if m.height >= 12 {
		h = min(h, max(3, (m.height-2)/2))
	}
	return max(1, h)
}

func (m *Model) scrollWindows() {
	listH := m.windowsListH()
	if m.winCursor < m.winOffset {
		m.winOffset = m.winCursor
	}
	if m.winCursor >= m.winOffset+listH {
		m.winOffset = m.winCursor - listH + 1
	}
	m.winOffset = max(0, min(m.winOffset, len(m.windows())-listH))
}

// placed lists the open initiatives placed in a window, in plan order.
func (m *Model) placed(w model.Window) []*model.Initiative {
	var out []*model.Initiative
	for _, in := range m.plan.Initiatives {
		if in.InWindow(w) {
			out = append(out, in)
		}
	}
	return out
}

// selectedWindow returns the window under the cursor.
func (m *Model) selectedWindow() (model.Window, bool) {
	ws := m.windows()
	if m.winCursor < 0 || m.winCursor >= len(ws) {
		return model.Window{}, false
	}
	return ws[m.winCursor], true
}

// windowsKey handles a key in the windows mode.
func (m *Model) windowsKey(k tea.KeyPressMsg) tea.Cmd {
	km := &m.keys
	if to, ok := km.Target(k, m.winCursor, m.windowsListH()-1, len(m.windows())); ok {
		m.selectWindowAt(to)
		return nil
	}
	if cmd, ok := common.RefuseReadOnly(m.ctx.Data, k, m.editKeys()...); ok {
		return cmd
	}
	switch {
	case key.Matches(k, km.NewWindow):
		m.openWindowForm(nil)
	case key.Matches(k, km.EditWindow):
		if w, ok := m.selectedWindow(); ok {
			m.openWindowForm(&w)
		}
	case key.Matches(k, km.DeleteWindow):
		if w, ok := m.selectedWindow(); ok {
			m.openWindowDelete(w)
		}
	case key.Matches(k, km.WindowsBack):
		m.mode = m.back
	}
	return nil
}

// windowsView is the windows mode.
func (m *Model) windowsView() []string {
	st := m.paints()
	w := m.width
	ws := m.windows()
	out := make([]string, 0, m.height)
	head := fmt.Sprintf("Maintenance windows (%d)", len(ws))
	out = append(out, st.Title.Render(common.Line(head, w))+
		st.Muted.Render(common.Line(" · outage work goes into the first window that covers its zones", max(0, w-len(head)))))
	if len(ws) == 0 {
		out = append(out, "")
		for _, l := range common.Wrap(common.EditHint(m.ctx.Data, "No maintenance windows yet: press n to add the next shutdown or turnaround. ", "No maintenance windows yet. ")+
			"Work that needs a production outage is placed in the first window that covers its zones and conduits; "+
			"without one it waits in its phase.", w-2, 0) {
			out = append(out, "  "+st.Muted.Render(l))
		}
		return out
	}
	now := m.ctx.Today()
	const phaseW = 18 // "Later (24+ months)"
	nameW := 4
	for _, win := range ws {
		nameW = max(nameW, ansi.StringWidth(model.CleanLine(win.Name)))
	}
	nameW = max(8, min(nameW, w-marker-10-2-phaseW-2-len("12 initiatives")-2))
	out = append(out, st.Header.Render(common.Line("  "+common.Fit("Date", 10)+"  "+common.Fit("Name", nameW)+"  "+
		common.Fit("Phase", phaseW)+"  Placed", w)))
	listH := m.windowsListH()
	end := min(len(ws), m.winOffset+listH)
	for i := m.winOffset; i < end; i++ {
		win := ws[i]
		p, past := windowPhase(now, win)
		phase := p.String()
		if past {
			phase = "past"
		}
		row := common.Fit(win.Date, 10) + "  " + common.Fit(win.Name, nameW) + "  " + common.Fit(phase, phaseW) + "  " +
			common.Plural(len(m.placed(win)), "initiative", "initiatives")
		if i == m.winCursor {
			out = append(out, st.Selected.Render(common.PadStyled("> "+common.Line(row, w-marker), w)))
		} else {
			out = append(out, "  "+common.Line(row, w-marker))
		}
	}
	sel, ok := m.selectedWindow()
	if !ok || m.height < 12 {
		return out
	}
	ins := m.placed(sel)
	out = append(out, "")
	covers := "the whole plant"
	if len(sel.Targets) > 0 {
		var names []string
		for _, k := range sel.Targets {
			names = append(names, m.ctx.Data.TargetName(k))
		}
		covers = strings.Join(names, ", ")
	}
	length := ""
	if sel.Days > 0 {
		length = fmt.Sprintf(", %s", common.Plural(sel.Days, "day", "days"))
	}
	for _, l := range common.Wrap(model.CleanLine(sel.Name)+length+": covers "+covers, w, 2) {
		out = append(out, st.Muted.Render(l))
	}
	if len(ins) == 0 {
		out = append(out, st.Muted.Render(common.Line("Nothing placed in "+model.CleanLine(sel.Name)+
			": only open work that needs an outage goes into a window.", w)))
		return out
	}
	out = append(out, st.Header.Render(common.Line(fmt.Sprintf("Placed in %s (%d):", model.CleanLine(sel.Name), len(ins)), w)))
	room := m.height - len(out)
	for i, in := range ins {
		if i == room-1 && len(ins) > room {
			out = append(out, st.Muted.Render(common.Line(fmt.Sprintf("  … and %d more", len(ins)-i), w)))
			break
		}
		out = append(out, "  "+common.Line(entry(in), w-2))
	}
	return out
}
