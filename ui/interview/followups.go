package interview

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// The follow-up list (F): every answer to go back to, flagged, partial,
// compensating past its review, or without the evidence the catalog asks
// for (model.FollowUps), with jump-to. It is computed from the data in
// memory and follows it while it is open.

type followList struct {
	items  []model.FollowUp
	seen   uint64 // the Data.Version the list was made for
	cursor int
	offset int
}

func (m *Model) refreshFollowUps() {
	f := &m.prov.follow
	if f.seen == m.ctx.Data.Version && f.items != nil {
		return
	}
	d := m.ctx.Data
	f.items = model.FollowUps(d.Cat, d.A, d.Evidence, m.ctx.Today())
	if f.items == nil {
		f.items = []model.FollowUp{}
	}
	f.seen = d.Version
	f.cursor = max(0, min(f.cursor, len(f.items)-1))
}

func (m *Model) openFollowUps() tea.Cmd {
	m.prov.follow = followList{}
	m.refreshFollowUps()
	m.mode = modeFollowUps
	return nil
}

func (m *Model) followRows() int { return max(1, m.h-4) }

func (m *Model) updateFollowUps(k tea.KeyPressMsg) tea.Cmd {
	m.refreshFollowUps()
	f := &m.prov.follow
	if to, ok := m.keys.Nav.Target(k, f.cursor, m.followRows(), len(f.items)); ok {
		f.cursor = to
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Jump):
		if f.cursor < len(f.items) {
			it := f.items[f.cursor]
			m.mode = modeList
			m.target, m.byFR = it.Target.Key, false
			m.focusRequirement(it.Requirement.ID)
		}
	case key.Matches(k, m.keys.ListClose):
		m.mode = modeList
	}
	return nil
}

func (m *Model) followUpsView() string {
	m.refreshFollowUps()
	st, f := m.ctx.Styles, &m.prov.follow
	w := m.w
	lines := []string{st.Title.Render(common.Fit(fmt.Sprintf("Follow-ups · %d answers to go back to", len(f.items)), w))}
	if len(f.items) == 0 {
		lines = append(lines, st.Muted.Render(common.Fit("Nothing to follow up: no flagged or partial answer, and every claim the catalog wants backed has its evidence.", w)))
		return common.Block(lines, w, m.h)
	}
	rows := m.followRows()
	if f.cursor < f.offset {
		f.offset = f.cursor
	}
	if f.cursor >= f.offset+rows {
		f.offset = f.cursor - rows + 1
	}
	nameW := min(22, max(8, w/4))
	for i := f.offset; i < len(f.items) && i < f.offset+rows; i++ {
		it := f.items[i]
		text := fmt.Sprintf("%s %s %-12s %s", common.Fit(it.Target.Name, nameW), common.Fit(it.Requirement.ID, 12),
			it.Answer.Status.Label(), it.Why())
		text = common.Fit(text, w)
		if i == f.cursor {
			text = st.Selected.Render(text)
		}
		lines = append(lines, text)
	}
	for len(lines) < m.h-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:m.h-1], st.Muted.Render(common.Fit("enter goes to the requirement · esc closes", w)))
	return common.Block(lines, w, m.h)
}
