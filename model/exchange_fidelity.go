package model

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// DocCountermeasure is a compensating countermeasure in the exchange
// document: the alternative control, where it sits, who approved it in
// which role, its review date, and the compensating answers that rely on
// it. Why it meets a requirement's intent is that answer's justification.
type DocCountermeasure struct {
	ID         int64       `json:"id"`
	Control    string      `json:"control"`
	Target     string      `json:"target,omitempty"`
	ApprovedBy *DocPerson  `json:"approved_by,omitempty"`
	Review     string      `json:"review,omitempty"`
	Links      []DocCMLink `json:"links"`
}

// DocCMLink is one compensating answer relying on a countermeasure, with
// the security level the countermeasure supports there (0: not stated).
type DocCMLink struct {
	Target      string `json:"target"`
	Requirement string `json:"requirement"`
	SL          int    `json:"sl"`
}

// DocSiteAnswer is the answer to one of the catalog's site questions.
type DocSiteAnswer struct {
	Question      string `json:"question"`
	Status        string `json:"status"`
	Note          string `json:"note"`
	Justification string `json:"justification,omitempty"`
	Method        string `json:"method,omitempty"`
	Session       int64  `json:"session,omitempty"`
	Assessor      string `json:"assessor,omitempty"`
	Flagged       bool   `json:"flagged,omitempty"`
	At            string `json:"at,omitempty"`
}

func countermeasuresDoc(a *Assessment) []DocCountermeasure {
	var out []DocCountermeasure
	for _, c := range a.Countermeasures {
		dc := DocCountermeasure{ID: c.ID, Control: c.Control, Target: c.Target, Review: c.Review, Links: []DocCMLink{}}
		if c.ApprovedBy != (Person{}) {
			dc.ApprovedBy = &DocPerson{Name: c.ApprovedBy.Name, Role: c.ApprovedBy.Role}
		}
		for _, l := range c.Links {
			dc.Links = append(dc.Links, DocCMLink{Target: l.Target, Requirement: l.Requirement, SL: int(l.SL)})
		}
		out = append(out, dc)
	}
	return out
}

func siteAnswersDoc(a *Assessment, c *Catalog) []DocSiteAnswer {
	ids := make([]string, 0, len(a.SiteAnswers))
	for id := range a.SiteAnswers {
		ids = append(ids, id)
	}
	order := map[string]int{}
	for i, q := range c.SiteQuestions {
		order[q.ID] = i + 1
	}
	sort.Slice(ids, func(i, j int) bool {
		oi, oj := order[ids[i]], order[ids[j]]
		if oi != oj {
			return oi < oj
		}
		return ids[i] < ids[j]
	})
	var out []DocSiteAnswer
	for _, id := range ids {
		ans := a.SiteAnswers[id]
		out = append(out, DocSiteAnswer{Question: id, Status: string(ans.Status.Norm()), Note: ans.Note,
			Justification: ans.Justification, Method: string(ans.Method), Session: ans.Session, Assessor: ans.Assessor,
			Flagged: ans.Flagged, At: formatTime(ans.UpdatedAt)})
	}
	return out
}

// fidelityFields sets what an answer says about the catalog it was given
// under: whether its requirement still applies to the target's kind, and
// the catalog version it was re-confirmed under.
func fidelityFields(da *DocAnswer, a *Assessment, c *Catalog, t Target) {
	if !c.Applies(da.Requirement, t.Kind) {
		no := false
		da.Applies = &no
	}
	da.Confirmed = a.Confirmed[AnswerKey(t.Key, da.Requirement)]
}

func (d *decoder) siteAnswers(a *Assessment, cat *Catalog, raws []json.RawMessage) error {
	known := map[string]bool{}
	for _, q := range cat.SiteQuestions {
		known[q.ID] = true
	}
	for i, raw := range raws {
		path := fmt.Sprintf("$.site_answers[%d]", i)
		var ds DocSiteAnswer
		if err := strict(raw, &ds, path, d.data); err != nil {
			return err
		}
		if !known[ds.Question] {
			return docErr(path+".question", "unknown site question %q in catalog %s %s", ds.Question, cat.ID, cat.Version)
		}
		st, err := ParseStatus(ds.Status)
		if err != nil {
			return docErr(path+".status", "%s", err)
		}
		ans := Answer{Requirement: ds.Question, Status: st, Flagged: ds.Flagged, Session: ds.Session}
		if ans.Note, err = text(path+".note", ds.Note); err != nil {
			return err
		}
		if ans.Justification, err = text(path+".justification", ds.Justification); err != nil {
			return err
		}
		if ans.Method, err = ParseMethod(ds.Method); err != nil {
			return docErr(path+".method", "%s", err)
		}
		if err := d.session(path+".session", ds.Session); err != nil {
			return err
		}
		if ans.Assessor, err = line(path+".assessor", ds.Assessor); err != nil {
			return err
		}
		if ans.UpdatedAt, err = parseTime(path+".at", ds.At); err != nil {
			return err
		}
		if err := ans.Validate(); err != nil {
			return docErr(path+".justification", "required (non-empty) for status %s", st)
		}
		if !st.NeedsJustification() && strings.TrimSpace(ans.Justification) != "" {
			return docErr(path+".justification", "only na and compensating answers carry a justification; put other text in note")
		}
		if a.SiteAnswers == nil {
			a.SiteAnswers = Answers{}
		}
		if _, dup := a.SiteAnswers[ds.Question]; dup {
			return docErr(path+".question", "a second answer to %s", ds.Question)
		}
		a.SiteAnswers[ds.Question] = ans
	}
	return nil
}

func (d *decoder) countermeasures(a *Assessment, raws []json.RawMessage) error {
	ids := map[int64]bool{}
	linked := map[string]string{}
	for i, raw := range raws {
		path := fmt.Sprintf("$.countermeasures[%d]", i)
		var dc DocCountermeasure
		if err := strict(raw, &dc, path, d.data); err != nil {
			return err
		}
		if dc.ID <= 0 {
			return docErr(path+".id", "give a positive number")
		}
		if ids[dc.ID] {
			return docErr(path+".id", "countermeasure %d is listed twice", dc.ID)
		}
		ids[dc.ID] = true
		c := Countermeasure{ID: dc.ID, Target: dc.Target, Review: dc.Review}
		var err error
		if c.Control, err = text(path+".control", dc.Control); err != nil {
			return err
		}
		if trimmedEmpty(c.Control) {
			return docErr(path+".control", "missing: describe the alternative control")
		}
		if c.Target != "" {
			if _, ok := d.keys[c.Target]; !ok {
				return docErr(path+".target", "unknown zone or conduit %q", c.Target)
			}
		}
		if err := dateOK("review date", c.Review); err != nil {
			return docErr(path+".review", "%s", err)
		}
		if dc.ApprovedBy != nil {
			if c.ApprovedBy.Name, err = line(path+".approved_by.name", dc.ApprovedBy.Name); err != nil {
				return err
			}
			if c.ApprovedBy.Role, err = line(path+".approved_by.role", dc.ApprovedBy.Role); err != nil {
				return err
			}
		}
		for j, dl := range dc.Links {
			lp := fmt.Sprintf("%s.links[%d]", path, j)
			if _, ok := d.keys[dl.Target]; !ok {
				return docErr(lp+".target", "unknown zone or conduit %q", dl.Target)
			}
			if st := a.Answers[dl.Target].Status(dl.Requirement); st != Compensating {
				return docErr(lp, "%s of %s is answered %s; only a compensating answer relies on a countermeasure", dl.Requirement, dl.Target, st)
			}
			if dl.SL < 0 || dl.SL > 4 {
				return docErr(lp+".sl", "level %d is not in 0..4", dl.SL)
			}
			k := AnswerKey(dl.Target, dl.Requirement)
			if other, dup := linked[k]; dup {
				return docErr(lp, "%s of %s already relies on %s", dl.Requirement, dl.Target, other)
			}
			linked[k] = path
			c.Links = append(c.Links, CountermeasureLink{Target: dl.Target, Requirement: dl.Requirement, SL: Level(dl.SL)})
		}
		a.Countermeasures = append(a.Countermeasures, c)
	}
	return nil
}
