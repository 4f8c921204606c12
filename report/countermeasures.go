package report

import (
	"fmt"
	"strings"

	"slate/model"
)

// cmView is a compensating countermeasure as every report shows it: the
// record (control, where it sits, approval, review) and each answer that
// relies on it with the cell whose SL-A depends on it (the cell text with
// its c marker, from model, like everywhere else).
type cmView struct {
	ID, Control, Where, Approved, Review string
	ReviewPassed                         bool
	ReviewLine                           string // the review date as printed
	Links                                []cmLinkView
}

type cmLinkView struct {
	Target, Requirement, SL, Cell, Why string
}

// countermeasureViews lists the assessment's countermeasures, in id order.
// Text is cleaned here; each format escapes it for its own output.
func (in *Input) countermeasureViews() []cmView {
	var out []cmView
	for _, c := range in.A.Countermeasures {
		v := cmView{ID: fmt.Sprint(c.ID), Control: model.CleanText(c.Control), Approved: model.CleanLine(c.ApprovedBy.String()),
			Review: c.Review, ReviewPassed: c.ReviewPassed(in.At), Where: "not tied to one zone or conduit"}
		if c.Target != "" {
			v.Where = model.CleanLine(in.A.TargetName(c.Target))
		}
		for _, l := range c.Links {
			lv := cmLinkView{Target: model.CleanLine(in.A.TargetName(l.Target)), Requirement: l.Requirement, SL: "not stated"}
			if l.SL > 0 {
				lv.SL = fmt.Sprintf("SL %d", l.SL)
			}
			if r, ok := in.Cat.Requirement(l.Requirement); ok {
				if row, ok := in.Matrix.Row(l.Target); ok {
					lv.Cell = row.Score.At(r.FR).Text()
				}
			}
			lv.Why = model.CleanText(in.A.Answers[l.Target][l.Requirement].Justification)
			v.Links = append(v.Links, lv)
		}
		v.ReviewLine = v.reviewText()
		out = append(out, v)
	}
	return out
}

// reviewText is a countermeasure's review date as reports print it.
func (v cmView) reviewText() string {
	switch {
	case v.Review == "":
		return "no review date"
	case v.ReviewPassed:
		return v.Review + " (passed: review it)"
	}
	return v.Review
}

// siteView is the answer to one of the catalog's site questions.
type siteView struct {
	ID, Title, Status, StClass, Note, Justification, Interviewee string
}

// siteViews lists the catalog's site questions with their answers, in
// catalog order, unanswered ones included.
func (in *Input) siteViews() []siteView {
	var out []siteView
	for _, q := range in.Cat.SiteQuestions {
		a := in.A.SiteAnswers[q.ID]
		out = append(out, siteView{ID: q.ID, Title: model.CleanLine(q.Title), Status: a.Status.Norm().Label(),
			StClass: htmlStatusClass(a.Status), Note: model.CleanText(a.Note),
			Justification: model.CleanText(a.Justification), Interviewee: model.CleanLine(in.answeredBy(a))})
	}
	return out
}

func mdCountermeasures(b *strings.Builder, in *Input) {
	views := in.countermeasureViews()
	if len(views) == 0 {
		return
	}
	b.WriteString("## Compensating countermeasures\n\n")
	b.WriteString("Alternative controls that meet the intent of requirements a zone or conduit cannot meet as written. " +
		"A cell whose SL-A depends on one carries a `c`. A passed review date changes no answer and no SL-A; it asks for a review.\n\n")
	var rows, links [][]string
	for _, v := range views {
		rows = append(rows, []string{v.ID, mdCell(v.Control), md(v.Where), md(v.Approved), md(v.ReviewLine), fmt.Sprint(len(v.Links))})
		for _, l := range v.Links {
			links = append(links, []string{md(l.Target), l.Requirement, l.SL, mdCode(l.Cell), mdCell(l.Why), v.ID})
		}
	}
	mdTable(b, []string{"#", "Alternative control", "Sits on", "Approved by", "Review", "Answers"}, rows)
	if len(links) > 0 {
		mdTable(b, []string{"Zone or conduit", "Requirement", "Supports", "Cell", "Why it meets the intent", "Countermeasure"}, links)
	}
}

func mdSiteQuestions(b *strings.Builder, in *Input) {
	views := in.siteViews()
	if len(views) == 0 {
		return
	}
	b.WriteString("## Site questions\n\n")
	b.WriteString("Asked once for the whole site; they never count towards SL-A, and feed the common findings.\n\n")
	var rows [][]string
	for _, v := range views {
		text := v.Note
		if v.Justification != "" {
			text = strings.TrimSpace(v.Justification + "\n" + v.Note)
		}
		rows = append(rows, []string{v.ID, md(v.Title), v.Status, mdCell(text), md(v.Interviewee)})
	}
	mdTable(b, []string{"Question", "Topic", "Answer", "Notes", "Answered by"}, rows)
}
