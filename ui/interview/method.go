package interview

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// How an answer was established: m cycles told, seen, tested and not
// recorded. Like a note, it keeps the answer's time and session; the
// history records when and in which session it was set.
func (m *Model) cycleMethod(it item) tea.Cmd {
	a := m.answer(it)
	a.Method = a.Method.Next()
	_, cmd := m.save(it, a)
	return cmd
}

// provenanceDetail is the detail's line about how the answer was
// established and what backs it.
func (m *Model) provenanceDetail(it item, a model.Answer, w int) []string {
	var parts []string
	if a.Method != model.MethodNone {
		parts = append(parts, "How: "+a.Method.Label())
	}
	if files := m.filesText(it); files != "" {
		parts = append(parts, files)
	} else if model.NeedsEvidence(it.req, a, 0) {
		parts = append(parts, "no "+string(it.req.EvidenceFrom)+" evidence yet (x)")
	}
	if len(parts) == 0 {
		return nil
	}
	return []string{m.ctx.Styles.Muted.Render(common.Line(strings.Join(parts, " · "), w))}
}

// filesText names the evidence of an item: "Evidence: rules.txt, +1 (x)".
func (m *Model) filesText(it item) string {
	files := m.ctx.Data.Evidence.Of(it.target, it.req.ID)
	switch len(files) {
	case 0:
		return ""
	case 1:
		return "Evidence: " + files[0].Name + " (x)"
	}
	return "Evidence: " + files[0].Name + " and " + strconv.Itoa(len(files)-1) + " more (x)"
}

// evidenceMark is the list's mark of a requirement with evidence.
func evidenceMark(files bool) string {
	if files {
		return "+"
	}
	return " "
}
