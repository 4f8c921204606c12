package roadmap

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Update implements common.Screen. Changes from any screen have been
// applied to ctx.Data by the root, which bumped its Version; the plan is
// rebuilt on the next key or View (not on every answer saved while another
// screen is shown: a large plan takes milliseconds).
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.Result:
		if m.wait == 0 || msg.Ticket != m.wait {
			return nil
		}
		m.syncMode()
		return m.saved(msg)
	case common.GoTo:
		if msg.Screen == m.ID() && m.dlg == noDialog {
			m.syncMode()
			m.goTo(msg)
		}
		return nil
	case tea.KeyPressMsg:
		m.syncMode()
		if m.dlg != noDialog {
			return m.updateDialog(msg)
		}
		switch m.mode {
		case modeDetail:
			return m.detailKey(msg)
		case modeTimeline:
			return m.timelineKey(msg)
		case modeWindows:
			return m.windowsKey(msg)
		}
		return m.listKey(msg)
	}
	if m.form != nil {
		_, cmd := m.form.Update(msg) // cursor blink and the like
		return cmd
	}
	return nil
}

// syncMode re-plans if the data changed, and leaves the full detail when
// its initiative is gone.
func (m *Model) syncMode() {
	m.sync()
	if m.mode == modeDetail && m.selected() == nil {
		m.mode = modeList
	}
}

// saved closes the dialog that waited for a committed change, or shows the
// refusal in it with everything typed kept.
func (m *Model) saved(msg common.Result) tea.Cmd {
	m.wait = 0
	if msg.Err != nil {
		text := common.ErrorText(msg.Err)
		switch {
		case m.form != nil:
			m.form.SetError(text)
		case m.confirm != nil:
			m.confirm.Warning = text
		}
		return nil // the root shows it in the status line as well
	}
	if w, ok := msg.Value.(model.Window); ok && m.dlg == windowForm {
		m.selectWindow(w.ID)
	}
	m.closeDialog()
	return nil
}

// goTo selects an initiative asked for by another screen (GoTo{Screen:
// ScreenRoadmap, Requirement}), clearing filters that hide it.
func (m *Model) goTo(g common.GoTo) {
	if g.Requirement == "" {
		return
	}
	if !m.selectID(g.Requirement) && m.filter.active() {
		m.selID = g.Requirement
		m.clearFilters()
	}
	if m.mode != modeTimeline {
		m.mode = modeList
	}
}

// updateDialog sends a key to the open form or confirmation.
func (m *Model) updateDialog(k tea.KeyPressMsg) tea.Cmd {
	if m.form != nil {
		out, cmd := m.form.Update(k)
		switch out {
		case common.Cancelled:
			m.closeDialog()
			return nil
		case common.Submitted:
			if m.wait != 0 {
				return cmd // already saving; the result decides
			}
			switch m.dlg {
			case windowForm:
				return tea.Batch(cmd, m.submitWindow())
			case estimatesForm:
				return tea.Batch(cmd, m.submitEstimates())
			}
			return tea.Batch(cmd, m.submitTracking())
		}
		return cmd
	}
	if m.confirm != nil {
		switch m.confirm.Update(k) {
		case common.Cancelled:
			m.closeDialog()
		case common.Submitted:
			if m.wait == 0 {
				return m.confirmDelete()
			}
		}
	}
	return nil
}

// filterKey handles the filter keys of the list and the timeline.
func (m *Model) filterKey(k tea.KeyPressMsg) bool {
	km := &m.keys
	switch {
	case key.Matches(k, km.Zone):
		m.cycleTarget(1)
	case key.Matches(k, km.ZoneBack):
		m.cycleTarget(-1)
	case key.Matches(k, km.FR):
		m.cycleFR()
	case key.Matches(k, km.Status):
		m.cycleStatus()
	case key.Matches(k, km.Owner):
		m.cycleOwner()
	case key.Matches(k, km.Clear):
		m.clearFilters()
	default:
		return false
	}
	m.timelineOffset = 0
	return true
}

// listKey handles a key on the list of initiatives.
func (m *Model) listKey(k tea.KeyPressMsg) tea.Cmd {
	km := &m.keys
	if m.filterKey(k) {
		return nil
	}
	if to, ok := km.Target(k, m.cursor, m.page(), len(m.list.items)); ok {
		m.selectItem(to)
		return nil
	}
	if cmd, ok := common.RefuseReadOnly(m.ctx.Data, k, m.editKeys()...); ok {
		return cmd
	}
	switch {
	case key.Matches(k, km.Detail):
		if m.selected() != nil {
			m.mode, m.detailOffset = modeDetail, 0
		}
	case key.Matches(k, km.Edit):
		m.openTrackingForm()
	case key.Matches(k, km.Estimates):
		m.openEstimatesForm()
	case key.Matches(k, km.Interview):
		return m.interview()
	case key.Matches(k, km.Timeline):
		m.mode, m.timelineOffset = modeTimeline, 0
	case key.Matches(k, km.Windows):
		m.openWindows()
	}
	return nil
}

// openWindows shows the windows list; esc comes back to the mode shown.
func (m *Model) openWindows() {
	m.back, m.mode = m.mode, modeWindows
	m.syncWindows()
}

// scrollEnd stands for "the bottom" of the detail and timeline scrolls;
// their views clamp the offset to what there is.
const scrollEnd = 1<<30 + 1

// detailKey handles a key in the full detail.
func (m *Model) detailKey(k tea.KeyPressMsg) tea.Cmd {
	km := &m.keys
	if to, ok := km.Target(k, m.detailOffset, m.detailBodyH()-1, scrollEnd); ok {
		m.detailOffset = to
		m.clampDetail()
		return nil
	}
	if cmd, ok := common.RefuseReadOnly(m.ctx.Data, k, m.editKeys()...); ok {
		return cmd
	}
	switch {
	case key.Matches(k, km.PrevItem):
		m.selectItem(m.cursor - 1)
		m.detailOffset = 0
	case key.Matches(k, km.NextItem):
		m.selectItem(m.cursor + 1)
		m.detailOffset = 0
	case key.Matches(k, km.Edit):
		m.openTrackingForm()
	case key.Matches(k, km.Estimates):
		m.openEstimatesForm()
	case key.Matches(k, km.Interview):
		return m.interview()
	case key.Matches(k, km.DetailBack):
		m.mode = modeList
	}
	m.clampDetail()
	return nil
}

// timelineKey handles a key on the timeline.
func (m *Model) timelineKey(k tea.KeyPressMsg) tea.Cmd {
	km := &m.keys
	if m.filterKey(k) {
		return nil
	}
	if to, ok := km.Target(k, m.timelineOffset, m.timelineBodyH()-1, scrollEnd); ok {
		m.timelineOffset = to
		m.clampTimeline()
		return nil
	}
	switch {
	case key.Matches(k, km.TimelineBack):
		m.mode = modeList
	case key.Matches(k, km.Windows):
		m.openWindows()
	}
	m.clampTimeline()
	return nil
}

// interview asks the root to show the interview at the selected
// initiative's requirement, on its first target (or the filtered one).
func (m *Model) interview() tea.Cmd {
	in := m.selected()
	if in == nil || len(in.Targets) == 0 {
		return nil
	}
	target := in.Targets[0].Target.Key
	for _, t := range in.Targets {
		if t.Target.Key == m.filter.target {
			target = t.Target.Key
		}
	}
	return common.GoToCmd(common.GoTo{Screen: common.ScreenInterview, Target: target, FR: in.Requirement.FR, Requirement: in.Requirement.ID})
}
