package interview

import (
	"charm.land/bubbles/v2/key"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// search finds a requirement of the current target by id, title or question.
type search struct {
	m       *Model
	input   textinput.Model
	results []*model.Requirement
	cursor  int
}

const maxResults = 50

func newSearch(m *Model) *search {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = "id, title or words of the question"
	ti.SetWidth(max(20, m.w-10))
	s := &search{m: m, input: ti}
	s.filter()
	return s
}

func (s *search) focus() tea.Cmd { return s.input.Focus() }

func (s *search) filter() {
	s.results = s.results[:0]
	t, ok := s.m.ctx.Data.Target(s.m.target)
	if !ok {
		return
	}
	q := strings.ToLower(strings.TrimSpace(s.input.Value()))
	for _, fr := range model.FRs {
		for _, r := range s.m.ctx.Data.Cat.Applicable(t.Kind, fr) {
			if q == "" || matches(r, t.Kind, q) {
				s.results = append(s.results, r)
				if len(s.results) == maxResults {
					return
				}
			}
		}
	}
	s.cursor = min(s.cursor, max(0, len(s.results)-1))
}

// matches searches the questions the interview shows for kind k only: a
// word found in a conduit question must not lead to a zone's requirement.
func matches(r *model.Requirement, k model.TargetKind, q string) bool {
	if strings.Contains(strings.ToLower(r.ID), q) || strings.Contains(strings.ToLower(r.Title), q) {
		return true
	}
	for _, question := range r.QuestionsFor(k) {
		if strings.Contains(strings.ToLower(question.Text), q) {
			return true
		}
	}
	return false
}

func (m *Model) updateSearch(k tea.KeyPressMsg) tea.Cmd {
	s := m.search
	switch km := m.keys; {
	case key.Matches(k, km.SearchCancel):
		m.search, m.mode = nil, modeList
		return nil
	case key.Matches(k, km.SearchUp):
		s.cursor = max(0, s.cursor-1)
		return nil
	case key.Matches(k, km.SearchDown):
		s.cursor = min(len(s.results)-1, s.cursor+1)
		return nil
	case key.Matches(k, km.SearchGo):
		if s.cursor < len(s.results) {
			id := s.results[s.cursor].ID
			m.search, m.mode = nil, modeList
			m.byFR = false
			m.focusRequirement(id)
		}
		return nil
	}
	return s.updateInput(k)
}

func (s *search) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	before := s.input.Value()
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() != before {
		s.cursor = 0
		s.filter()
	}
	return cmd
}

func (s *search) view(st *common.Styles, w, h int) string {
	lines := []string{s.input.View(), ""}
	if len(s.results) == 0 {
		lines = append(lines, st.Muted.Render("No requirement matches."))
	}
	visible := max(1, h-3)
	start := max(0, min(s.cursor-visible/2, len(s.results)-visible))
	for i := start; i < len(s.results) && i < start+visible; i++ {
		r := s.results[i]
		line := common.Fit(r.ID, 13) + " SL" + string(rune('0'+r.SL)) + "  " + common.Line(r.Title, max(1, w-20))
		if i == s.cursor {
			line = st.Selected.Render(common.Fit(line, w))
		}
		lines = append(lines, line)
	}
	return common.Block(lines, w, h)
}
