package interview

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"slate/model"
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

// provenanceParas is the detail's line about how the answer was
// established and what backs it.
func (m *Model) provenanceParas(it item, a model.Answer) []para {
	var parts []string
	if a.Method != model.MethodNone {
		parts = append(parts, "How: "+a.Method.Label())
	}
	if files := m.filesText(it); files != "" {
		parts = append(parts, files)
	} else if it.req != nil && model.NeedsEvidence(it.req, a, 0) {
		parts = append(parts, "no "+string(it.req.EvidenceFrom)+" evidence yet (x)")
	}
	if len(parts) == 0 {
		return nil
	}
	return []para{{text: strings.Join(parts, " · "), style: m.ctx.Styles.Muted.Render}}
}

// filesText names the evidence of an item: "Evidence: rules.txt, +1 (x)".
func (m *Model) filesText(it item) string {
	if it.req == nil {
		return "" // a site question: evidence belongs to a zone's or conduit's requirement
	}
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
