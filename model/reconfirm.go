package model

import "sort"

// AnswerKey names an answer of a target: "target|requirement".
func AnswerKey(target, requirement string) string { return target + "|" + requirement }

// Outdated is an answer given under an older catalog whose requirement
// changed since: its question, met_when or applicability differ now.
type Outdated struct {
	Target      Target
	Requirement string
	Answer      Answer
	// NoLongerApplies: the requirement no longer applies to the target's
	// kind (or was removed). The answer is kept, not scored, and exported
	// with "applies": false.
	NoLongerApplies bool
}

// Outdated lists the answers that need re-confirmation (r in the interview)
// or no longer apply after a catalog upgrade. An answer was given under the
// version it was re-confirmed under (Confirmed), else under CatalogBefore
// when its status was last set before the upgrade, else under the current
// catalog; older finds the catalogs Slate knows by version.
func (a *Assessment) Outdated(cat *Catalog, older func(version string) (*Catalog, bool)) []Outdated {
	if a.CatalogBefore == "" {
		return nil
	}
	changes := map[string]map[string]RequirementChange{} // version -> requirement -> change
	changesFrom := func(v string) map[string]RequirementChange {
		if m, ok := changes[v]; ok {
			return m
		}
		m := map[string]RequirementChange{}
		if prev, ok := older(v); ok {
			for _, c := range CatalogChanges(prev, cat) {
				m[c.ID] = c
			}
		}
		changes[v] = m
		return m
	}
	var out []Outdated
	for _, t := range a.Targets() {
		as := a.Answers[t.Key]
		ids := make([]string, 0, len(as))
		for id := range as {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			ans := as[id]
			if !ans.Status.Answered() {
				continue
			}
			v, ok := a.Confirmed[AnswerKey(t.Key, id)]
			if !ok {
				v = cat.Version
				if ans.UpdatedAt.Before(a.CatalogUpgraded) {
					v = a.CatalogBefore
				}
			}
			if v == "" || v == cat.Version {
				continue
			}
			c, changed := changesFrom(v)[id]
			switch {
			case !changed:
			case c.NoLongerApplies(t.Kind):
				out = append(out, Outdated{Target: t, Requirement: id, Answer: ans, NoLongerApplies: true})
			case c.Reconfirm(t.Kind):
				out = append(out, Outdated{Target: t, Requirement: id, Answer: ans})
			}
		}
	}
	return out
}

// Applies reports whether a requirement of the catalog applies to a target
// of kind k: an answer to one that does not is kept but never scored.
func (c *Catalog) Applies(id string, k TargetKind) bool {
	r, ok := c.Requirement(id)
	return ok && r.AppliesTo.Includes(k)
}
