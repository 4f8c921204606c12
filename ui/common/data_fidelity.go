package common

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/model"
)

// The parts of Data that follow catalog fidelity: compensating
// countermeasures, site answers, re-confirmation after a catalog upgrade.
// Like the rest of Data they change only through committed store
// operations, and they mirror what the store did.

// outdatedCache holds model.Assessment.Outdated for one data version: the
// interview asks for it on every row it draws.
type outdatedCache struct {
	version uint64
	valid   bool
	list    []model.Outdated
	index   map[string]int // model.AnswerKey -> index in list
	changes map[string]map[string]model.RequirementChange
}

// Outdated lists the answers given under an older catalog whose
// requirement changed since (model.Assessment.Outdated): those to
// re-confirm and those that no longer apply. Without Catalogs, or on an
// assessment never upgraded, the list is empty.
func (d *Data) Outdated() []model.Outdated {
	c := &d.outdated
	if c.valid && c.version == d.Version {
		return c.list
	}
	*c = outdatedCache{version: d.Version, valid: true, index: map[string]int{}}
	if d.Catalogs == nil || d.A.CatalogBefore == "" {
		return nil
	}
	c.list = d.A.Outdated(d.Cat, d.older)
	for i, o := range c.list {
		c.index[model.AnswerKey(o.Target.Key, o.Requirement)] = i
	}
	return c.list
}

// OutdatedOf returns the entry of Outdated for one answer.
func (d *Data) OutdatedOf(target, requirement string) (model.Outdated, bool) {
	d.Outdated()
	i, ok := d.outdated.index[model.AnswerKey(target, requirement)]
	if !ok {
		return model.Outdated{}, false
	}
	return d.outdated.list[i], true
}

// older finds an older version of the catalog in use.
func (d *Data) older(version string) (*model.Catalog, bool) {
	if d.Catalogs == nil {
		return nil, false
	}
	return d.Catalogs(d.Cat.ID, version)
}

// GivenUnder is the catalog an outdated answer was given under, and what
// changed about its requirement since. Outdated lists only answers given
// under another version than the one in use: the version the answer was
// re-confirmed under when it was, else the one the assessment was upgraded
// from.
func (d *Data) GivenUnder(o model.Outdated) (*model.Catalog, model.RequirementChange, bool) {
	v, ok := d.A.Confirmed[model.AnswerKey(o.Target.Key, o.Requirement)]
	if !ok || v == d.Cat.Version {
		v = d.A.CatalogBefore
	}
	prev, ok := d.older(v)
	if !ok {
		return nil, model.RequirementChange{}, false
	}
	d.Outdated()
	c := &d.outdated
	if c.changes == nil {
		c.changes = map[string]map[string]model.RequirementChange{}
	}
	byID, ok := c.changes[v]
	if !ok {
		byID = map[string]model.RequirementChange{}
		for _, ch := range model.CatalogChanges(prev, d.Cat) {
			byID[ch.ID] = ch
		}
		c.changes[v] = byID
	}
	ch, ok := byID[o.Requirement]
	return prev, ch, ok
}

// SetConfirmed records a committed re-confirmation.
func (d *Data) SetConfirmed(target, requirement, version string) {
	if d.A.Confirmed == nil {
		d.A.Confirmed = map[string]string{}
	}
	d.A.Confirmed[model.AnswerKey(target, requirement)] = version
	d.Version++
}

// SwitchCatalog moves the session to the catalog an upgrade committed:
// every target is scored against it from now on.
func (d *Data) SwitchCatalog(cat *model.Catalog, before string, at time.Time) {
	d.Cat = cat
	d.A.CatalogID, d.A.CatalogVersion, d.A.CatalogHash = cat.ID, cat.Version, cat.Hash
	d.A.CatalogBefore, d.A.CatalogUpgraded = before, at
	d.Rebuild()
}

// SetSiteAnswer records a committed answer to a site question. The map is
// replaced, never changed in place, as SetAnswer does for a target's.
func (d *Data) SetSiteAnswer(a model.Answer) {
	as := make(model.Answers, len(d.A.SiteAnswers)+1)
	for id, ans := range d.A.SiteAnswers {
		as[id] = ans
	}
	if a.Status.Norm() == model.Unanswered && a.Note == "" && !a.Flagged {
		delete(as, a.Requirement)
	} else {
		as[a.Requirement] = a
	}
	d.A.SiteAnswers = as
	d.Version++
}

// PutCountermeasure records a committed countermeasure with its links (as
// the store returned them): a link it now holds leaves any other
// countermeasure, since an answer relies on one countermeasure only.
func (d *Data) PutCountermeasure(cm model.Countermeasure) {
	out := make([]model.Countermeasure, 0, len(d.A.Countermeasures)+1)
	placed := false
	for _, c := range d.A.Countermeasures {
		if c.ID == cm.ID {
			c, placed = cm, true
		} else {
			c.Links = slices.DeleteFunc(slices.Clone(c.Links), func(l model.CountermeasureLink) bool {
				return slices.ContainsFunc(cm.Links, func(m model.CountermeasureLink) bool {
					return m.Target == l.Target && m.Requirement == l.Requirement
				})
			})
		}
		out = append(out, c)
	}
	if !placed {
		out = append(out, cm)
	}
	d.A.Countermeasures = out
	d.Version++
}

// unlink drops the link of an answer that is no longer compensating; the
// countermeasure itself stays, with its approval.
func (d *Data) unlink(target, requirement string) {
	for i, c := range d.A.Countermeasures {
		j := slices.IndexFunc(c.Links, func(l model.CountermeasureLink) bool {
			return l.Target == target && l.Requirement == requirement
		})
		if j < 0 {
			continue
		}
		out := slices.Clone(d.A.Countermeasures)
		out[i].Links = slices.Delete(slices.Clone(c.Links), j, j+1)
		d.A.Countermeasures = out
		return
	}
}

// SiteTally counts the answers to the catalog's site questions by status.
type SiteTally struct {
	Questions, Answered int
	By                  map[model.Status]int
}

// SiteTally counts the site answers of the assessment; answers to a
// question the catalog no longer has are left out.
func (d *Data) SiteTally() SiteTally {
	t := SiteTally{Questions: len(d.Cat.SiteQuestions), By: map[model.Status]int{}}
	for _, q := range d.Cat.SiteQuestions {
		st := d.A.SiteAnswers.Status(q.ID)
		t.By[st]++
		if st.Answered() {
			t.Answered++
		}
	}
	return t
}

// Text is the tally in words, "3 partial, 1 no, 1 open", in the order of
// the answer keys.
func (t SiteTally) Text() string {
	var parts []string
	for _, st := range []model.Status{model.Yes, model.Partial, model.No, model.NA, model.Compensating} {
		if n := t.By[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st.Label()))
		}
	}
	if n := t.Questions - t.Answered; n > 0 {
		parts = append(parts, fmt.Sprintf("%d open", n))
	}
	return strings.Join(parts, ", ")
}

// UpgradePreview counts what upgrading to cat at now would list: answers to
// re-confirm and answers that would no longer apply. It asks the model the
// question the upgraded assessment will ask (Outdated), on a copy that
// records the upgrade without making it.
func UpgradePreview(d *Data, cat *model.Catalog, now time.Time) (reconfirm, gone int) {
	a := *d.A
	a.CatalogBefore, a.CatalogUpgraded = d.Cat.Version, now
	older := func(version string) (*model.Catalog, bool) {
		if version == d.Cat.Version {
			return d.Cat, true
		}
		return d.older(version)
	}
	return OutdatedCounts(a.Outdated(cat, older))
}

// OutdatedCounts splits a list of Outdated into the answers to re-confirm
// and those that no longer apply.
func OutdatedCounts(list []model.Outdated) (reconfirm, gone int) {
	for _, o := range list {
		if o.NoLongerApplies {
			gone++
		} else {
			reconfirm++
		}
	}
	return reconfirm, gone
}
