package interview

import (
	"slate/model"
	"slate/ui/common"
)

// N/A suggestions: on a conduit whose kind carries no radio link, the
// wireless requirements (SR 1.6, SR 2.2 and their REs) are suggested not
// applicable (model.NASuggestion). A suggestion never answers: the row
// shows "n/a?", the detail says why, and a opens the justification editor
// with the suggested text, saved only when the assessor confirms it.

// suggestion is the suggested n/a justification of an unanswered item.
func (m *Model) suggestion(it item) (string, bool) {
	if st, _ := m.status(it); st.Answered() {
		return "", false
	}
	c, ok := m.ctx.Data.A.Conduit(it.target)
	if !ok {
		return "", false
	}
	return model.NASuggestion(c, it.req)
}

// prefill is the text the justification editor opens with: the answer's
// own, else for n/a the suggestion.
func (m *Model) prefill(it item, st model.Status, value string) string {
	if value != "" || st != model.NA {
		return value
	}
	if s, ok := m.suggestion(it); ok {
		return s
	}
	return value
}

// suggestionParas are the detail's paragraphs about a suggestion.
func (m *Model) suggestionParas(it item) []para {
	s, ok := m.suggestion(it)
	if !ok {
		return nil
	}
	muted := m.ctx.Styles.Muted.Render
	return []para{
		{text: "N/A suggested (not saved, not scored): " + s, style: muted},
		{text: "a: confirm it in the justification editor (ctrl+s saves)", style: muted},
	}
}

// suggestedCell marks an unanswered row whose n/a is suggested.
func suggestedCell(cell string, suggested bool) string {
	if !suggested {
		return cell
	}
	return common.Fit(" n/a?", 5) + cell[len(cell)-1:]
}
