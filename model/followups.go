package model

import (
	"strings"
	"time"
)

// FollowUpReason is why an answer needs going back to.
type FollowUpReason string

// The reasons, in the order the follow-up list names them.
const (
	FollowFlagged      FollowUpReason = "flagged"
	FollowPartial      FollowUpReason = "partial"
	FollowReviewPast   FollowUpReason = "compensating past review"
	FollowNeedEvidence FollowUpReason = "no evidence"
)

// FollowUp is one answer on the follow-up list.
type FollowUp struct {
	Target      Target
	Requirement *Requirement
	Answer      Answer
	Reasons     []FollowUpReason
}

// Why lists the reasons in one line: "flagged, partial".
func (f FollowUp) Why() string {
	parts := make([]string, len(f.Reasons))
	for i, r := range f.Reasons {
		parts[i] = string(r)
		if r == FollowNeedEvidence {
			parts[i] = "no " + string(f.Requirement.EvidenceFrom) + " evidence"
		}
	}
	return strings.Join(parts, ", ")
}

// NeedsEvidence reports whether an answer claims something the catalog
// says plant staff cannot back alone (evidence_from: vendor or test) and
// no file backs it: a yes, partial or compensating answer with no
// evidence linked. A no or n/a claims nothing to back.
func NeedsEvidence(r *Requirement, a Answer, files int) bool {
	if r.EvidenceFrom == EvidenceStaff || files > 0 {
		return false
	}
	switch a.Status.Norm() {
	case Yes, Partial, Compensating:
		return true
	}
	return false
}

// FollowUps lists, in target order then catalog order, every answer to go
// back to: flagged, partial, compensating on a countermeasure past its
// review date, or without the evidence the catalog asks for.
func FollowUps(cat *Catalog, a *Assessment, ix EvidenceIndex, now time.Time) []FollowUp {
	var out []FollowUp
	for _, t := range a.Targets() {
		as := a.Answers[t.Key]
		if len(as) == 0 {
			continue
		}
		for i := range cat.Requirements {
			r := &cat.Requirements[i]
			ans, ok := as[r.ID]
			if !ok {
				continue
			}
			var why []FollowUpReason
			if ans.Flagged {
				why = append(why, FollowFlagged)
			}
			if ans.Status == Partial {
				why = append(why, FollowPartial)
			}
			if ans.Status == Compensating {
				if cm, _, ok := a.CountermeasureOf(t.Key, r.ID); ok && cm.ReviewPassed(now) {
					why = append(why, FollowReviewPast)
				}
			}
			if NeedsEvidence(r, ans, len(ix.Of(t.Key, r.ID))) {
				why = append(why, FollowNeedEvidence)
			}
			if len(why) > 0 {
				out = append(out, FollowUp{Target: t, Requirement: r, Answer: ans, Reasons: why})
			}
		}
	}
	return out
}
