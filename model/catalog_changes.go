package model

import "slices"

// RequirementChange is what a catalog upgrade changes about one requirement
// id, as far as answers given under the old catalog are concerned.
type RequirementChange struct {
	ID      string
	Added   bool // only in the new catalog
	Removed bool // only in the old catalog
	// Questions holds the kinds of target whose questions changed (text or
	// per-kind tagging); 0 when none did.
	Questions Applicability
	MetWhen   bool // the criterion for yes and partial changed
	// Old and New are the applicability before and after (0 on the side
	// where the requirement does not exist).
	Old, New Applicability
}

// AppliesToChanged reports whether the requirement moved between kinds.
func (c RequirementChange) AppliesToChanged() bool { return c.Old != c.New }

// NoLongerApplies reports whether an answer on a target of kind k is left
// without a requirement that applies to it: the requirement was removed or
// no longer covers k. Such an answer is kept but no longer scored.
func (c RequirementChange) NoLongerApplies(k TargetKind) bool {
	return c.Old.Includes(k) && !c.New.Includes(k)
}

// Reconfirm reports whether an answer on a target of kind k should be
// confirmed again: the requirement still applies to k, but what the assessor
// asked (the questions for k) or scored against (met_when) changed.
func (c RequirementChange) Reconfirm(k TargetKind) bool {
	return c.Old.Includes(k) && c.New.Includes(k) && (c.Questions.Includes(k) || c.MetWhen)
}

// CatalogChanges lists the requirements whose questions, met_when or
// applicability differ between two catalogs, plus those added and removed:
// requirements of the new catalog in its order, then the removed ones in the
// old catalog's order. Titles, hints and estimates are left out: changing
// them does not change what an answer means.
func CatalogChanges(prev, next *Catalog) []RequirementChange {
	var out []RequirementChange
	for i := range next.Requirements {
		n := &next.Requirements[i]
		o, ok := prev.Requirement(n.ID)
		if !ok {
			out = append(out, RequirementChange{ID: n.ID, Added: true, New: n.AppliesTo})
			continue
		}
		c := RequirementChange{ID: n.ID, Old: o.AppliesTo, New: n.AppliesTo, MetWhen: o.MetWhen != n.MetWhen}
		for _, k := range []TargetKind{KindZone, KindConduit} {
			// Only kinds covered before and after: elsewhere there is no
			// answer to confirm, or it no longer applies at all.
			if o.AppliesTo.Includes(k) && n.AppliesTo.Includes(k) && !slices.Equal(questionTexts(o, k), questionTexts(n, k)) {
				c.Questions |= kindBit(k)
			}
		}
		if c.Questions != 0 || c.MetWhen || c.AppliesToChanged() {
			out = append(out, c)
		}
	}
	for i := range prev.Requirements {
		o := &prev.Requirements[i]
		if _, ok := next.Requirement(o.ID); !ok {
			out = append(out, RequirementChange{ID: o.ID, Removed: true, Old: o.AppliesTo})
		}
	}
	return out
}

// questionTexts is what an interview on kind k shows: tagging a question
// "zone" instead of "both" on a zone-only requirement changes nothing.
func questionTexts(r *Requirement, k TargetKind) []string {
	qs := r.QuestionsFor(k)
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Text
	}
	return out
}

// kindBit is the applicability that covers exactly kind k.
func kindBit(k TargetKind) Applicability {
	if k == KindConduit {
		return AppliesConduit
	}
	return AppliesZone
}
