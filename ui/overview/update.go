package overview

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/ui/common"
)

// Update handles a message routed to the screen.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.Result:
		m.saved(msg)
		return nil
	case common.GoTo:
		if msg.Screen == m.ID() && msg.Target != "" {
			m.selectKey(msg.Target)
		}
		return nil
	}
	if m.form != nil {
		return m.updateForm(msg)
	}
	if m.checks != nil {
		return m.updateChecks(msg)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return m.key(k)
	}
	return nil
}

// key handles a key press while no form is open.
func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	m.sync()
	page := max(1, m.layout().listRows-1)
	if to, ok := m.keys.Target(k, m.cursor, page, len(m.ctx.Data.M.Rows)); ok {
		m.move(to - m.cursor)
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Open):
		if m.selKey == "" {
			return common.StatusCmd("No zones yet: press 2 to add zones", false)
		}
		return common.GoToCmd(common.GoTo{Screen: common.ScreenInterview, Target: m.selKey})
	case key.Matches(k, m.keys.Edit):
		return m.openForm()
	case key.Matches(k, m.keys.Findings):
		m.findings = !m.findings
	case key.Matches(k, m.keys.Checks):
		m.checks = common.NewFindingsList(m.ctx.Data.Findings(m.ctx.Today()), m.ctx.Data.TargetName, m.keys.List)
	case key.Matches(k, m.keys.Site):
		if len(m.ctx.Data.Cat.SiteQuestions) == 0 {
			return common.StatusCmd("This catalog has no site questions", false)
		}
		return common.GoToCmd(common.GoTo{Screen: common.ScreenInterview, Site: true})
	}
	return nil
}

// updateChecks handles a key on the findings list: enter goes to the
// finding's zone or conduit, or to its initiative on the roadmap.
func (m *Model) updateChecks(msg tea.Msg) tea.Cmd {
	switch m.checks.Update(msg) {
	case common.Cancelled:
		m.checks = nil
	case common.Submitted:
		f, ok := m.checks.Selected()
		m.checks = nil
		if ok {
			return common.GoToCmd(common.JumpTo(f))
		}
	}
	return nil
}
