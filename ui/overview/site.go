package overview

import (
	"fmt"

	"slate/ui/common"
)

// siteQuestionsLine tallies the site questions (asked once per
// assessment, not scored): how many are answered, and how.
func (m *Model) siteQuestionsLine(w int) string {
	st := m.ctx.Styles
	t := m.ctx.Data.SiteTally()
	hint := st.Key.Render("s") + st.Muted.Render(" interview them")
	text := fmt.Sprintf("%d/%d answered", t.Answered, t.Questions)
	if s := t.Text(); s != "" {
		text += ": " + s
	}
	room := max(0, w-common.TextWidth("Site questions  ")-common.TextWidth(" s interview them")-1)
	return common.Spread(st.Label.Render("Site questions  ")+common.Line(text, room), hint, w)
}

// catalogLine says, after a catalog upgrade, how many answers still need
// re-confirmation and how many no longer apply (kept, not scored).
func (m *Model) catalogLine(w int) string {
	st := m.ctx.Styles
	d := m.ctx.Data
	reconfirm, gone := common.OutdatedCounts(d.Outdated())
	text := fmt.Sprintf("upgraded from %s: ", d.A.CatalogBefore)
	switch {
	case reconfirm > 0 && gone > 0:
		text += common.Plural(reconfirm, "answer", "answers") + " to re-confirm (r in the interview), " +
			common.Plural(gone, "no longer applies", "no longer apply") + " (kept, not scored)"
	case reconfirm > 0:
		text += common.Plural(reconfirm, "answer", "answers") + " to re-confirm (r in the interview)"
	default:
		text += common.Plural(gone, "answer no longer applies", "answers no longer apply") + " (kept, not scored)"
	}
	return st.Label.Render(common.Fit("Catalog", scopeIndent)) + st.Gap1.Render(common.Line(text, max(0, w-scopeIndent)))
}
