package interview

import (
	"fmt"

	"slate/model"
	"slate/ui/common"
)

// The site questions (patch management, incident response, the asset
// inventory, ...) are asked once per assessment, not per zone or conduit:
// the interview shows them as one more entry after the conduits ({ and }
// reach it, as does s on the Overview). They take the same answer keys and
// notes, except c, and never count towards SL-A.

// siteHeader is the header line on the site questions.
func (m *Model) siteHeader() string {
	t := m.ctx.Data.SiteTally()
	return fmt.Sprintf("Site questions · %d/%d answered · asked once, not scored", t.Answered, t.Questions)
}

// siteParas is the detail of a site question.
func (m *Model) siteParas(it item) []para {
	st := m.ctx.Styles
	q := it.site
	ps := []para{{text: q.ID + " · " + q.Title, style: st.Header.Render}}
	for _, text := range q.Questions {
		ps = append(ps, para{text: text, prefix: "? "})
	}
	ps = append(ps, criteriaParas(st, q.MetWhen, q.LookFor, "")...)
	return append(ps, m.answerParas(it)...)
}

// siteSidePanel tallies the site answers by status in place of the SL-A
// picture: site questions have no security level.
func (m *Model) siteSidePanel(w int) string {
	st := m.ctx.Styles
	t := m.ctx.Data.SiteTally()
	lines := []string{st.Header.Render(common.Line("Site questions", w)), st.Muted.Render(common.Line("not scored", w))}
	for _, s := range []model.Status{model.Yes, model.Partial, model.No, model.NA, model.Unanswered} {
		label := s.Label()
		if s == model.Unanswered {
			label = "open"
		}
		lines = append(lines, common.Fit(fmt.Sprintf("  %-8s %d", label, t.By[s]), w))
	}
	lines = append(lines, "", st.Muted.Render(common.Line(fmt.Sprintf("%d/%d answered", t.Answered, t.Questions), w)))
	for _, l := range []string{"Used by the common", "findings of the", "Overview and reports"} {
		lines = append(lines, st.Muted.Render(common.Line(l, w)))
	}
	return common.Block(lines, w, m.h)
}
