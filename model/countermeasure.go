package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Countermeasure is a compensating countermeasure (IEC 62443-3-3 clause 4.3
// practice): an alternative control that meets the intent of requirements a
// zone or conduit cannot meet as written. It is a record of its own, with
// where it sits (often a conduit: the firewall in front of a PLC that
// cannot authenticate), who approved it in which role, and when it must be
// reviewed; compensating answers link to it.
type Countermeasure struct {
	ID         int64  // assigned by the store; 0 for a new one
	Control    string // the alternative control, described
	Target     string // zone or conduit key where it sits; "" = not tied to one
	ApprovedBy Person
	Review     string // YYYY-MM-DD or ""
	Links      []CountermeasureLink
}

// CountermeasureLink is one compensating answer relying on a
// countermeasure: the requirement it meets on a target and the security
// level it supports (0: not stated). Why it meets the requirement's intent
// is the answer's justification: one text, kept in one place.
type CountermeasureLink struct {
	Target      string
	Requirement string
	SL          Level
}

// Validate checks a countermeasure before it is saved.
func (c Countermeasure) Validate() error {
	if trimmedEmpty(c.Control) {
		return fmt.Errorf("a compensating countermeasure needs the alternative control described")
	}
	if err := dateOK("review date", c.Review); err != nil {
		return err
	}
	seen := map[[2]string]bool{}
	for _, l := range c.Links {
		if l.Target == "" || l.Requirement == "" {
			return fmt.Errorf("a countermeasure link names a zone or conduit and a requirement")
		}
		if !l.SL.Valid() {
			return fmt.Errorf("level %d is not in 0..4", l.SL)
		}
		k := [2]string{l.Target, l.Requirement}
		if seen[k] {
			return fmt.Errorf("%s of %s is linked twice", l.Requirement, l.Target)
		}
		seen[k] = true
	}
	return nil
}

// ReviewPassed reports whether the countermeasure's review date lies before
// the day of now. A passed review changes neither the answers nor SL-A (SL-A
// never changes with the clock): it raises a finding and puts the answers on
// the follow-up list.
func (c Countermeasure) ReviewPassed(now time.Time) bool {
	r, ok := parseDay(c.Review)
	return ok && r.Before(day(now))
}

// Label is the countermeasure in one line: its control, cut to n runes.
func (c Countermeasure) Label(n int) string {
	s := CleanLine(c.Control)
	if r := []rune(s); len(r) > n {
		s = string(r[:max(1, n-1)]) + "…"
	}
	return s
}

// CountermeasureOf returns the countermeasure a compensating answer of a
// target relies on, if any.
func (a *Assessment) CountermeasureOf(target, requirement string) (*Countermeasure, *CountermeasureLink, bool) {
	for i := range a.Countermeasures {
		c := &a.Countermeasures[i]
		for j := range c.Links {
			if l := &c.Links[j]; l.Target == target && l.Requirement == requirement {
				return c, l, true
			}
		}
	}
	return nil, nil, false
}

// ExpiredCountermeasures lists the countermeasures past their review date.
func (a *Assessment) ExpiredCountermeasures(now time.Time) []Countermeasure {
	var out []Countermeasure
	for _, c := range a.Countermeasures {
		if c.ReviewPassed(now) {
			out = append(out, c)
		}
	}
	return out
}

// forgetTargetInCountermeasures drops a deleted target's links and the
// place of countermeasures that sat on it.
func (a *Assessment) forgetTargetInCountermeasures(key string) {
	for i := range a.Countermeasures {
		c := &a.Countermeasures[i]
		if c.Target == key {
			c.Target = ""
		}
		if slices.ContainsFunc(c.Links, func(l CountermeasureLink) bool { return l.Target == key }) {
			c.Links = slices.DeleteFunc(slices.Clone(c.Links), func(l CountermeasureLink) bool { return l.Target == key })
		}
	}
}

// ReviewExpiredRule is the id of the model check that lists compensating
// countermeasures past their review date.
const ReviewExpiredRule = "compensating-review-expired"

const reviewExpiredAdvice = "Review the countermeasure with whoever approves it, then record the new review date, or answer the requirements that rely on it again."

// CompensatingReviewExpired is the check behind ReviewExpiredRule on an
// assessment: one warning per countermeasure whose review date lies before
// the day of now, naming the answers that rely on it. The answers and SL-A
// stay as they are.
func CompensatingReviewExpired(a *Assessment, now time.Time) []Finding {
	return compensatingReviewExpired(a.Countermeasures, a.TargetName, now)
}

func checkCompensatingReviewExpired(in *CheckInput) []Finding {
	return compensatingReviewExpired(in.Countermeasures, in.Model.Name, in.At)
}

func compensatingReviewExpired(cms []Countermeasure, name func(string) string, now time.Time) []Finding {
	var out []Finding
	for _, c := range cms {
		if !c.ReviewPassed(now) {
			continue
		}
		f := Finding{Rule: ReviewExpiredRule, Severity: SevWarning, Advice: reviewExpiredAdvice}
		if c.Target != "" {
			f.Targets = append(f.Targets, c.Target)
		}
		var relies []string
		for _, l := range c.Links {
			if !slices.Contains(f.Targets, l.Target) {
				f.Targets = append(f.Targets, l.Target)
			}
			if f.Requirement == "" {
				f.Requirement = l.Requirement
			}
			relies = append(relies, fmt.Sprintf("%s of %q", l.Requirement, name(l.Target)))
		}
		who := ""
		if c.ApprovedBy.Name != "" {
			who = ", approved by " + c.ApprovedBy.String()
		}
		f.Message = fmt.Sprintf("Compensating countermeasure %d (%s)%s was due for review on %s", c.ID, c.Label(60), who, c.Review)
		switch len(relies) {
		case 0:
			f.Message += "; no answer relies on it any more."
		case 1:
			f.Message += "; " + relies[0] + " relies on it."
		default:
			f.Message += "; " + strings.Join(relies, ", ") + " rely on it."
		}
		out = append(out, f)
	}
	return out
}
