package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Person names who did something and in which role ("R. Patel", "shift
// supervisor"): a risk acceptance is only as good as the authority of the
// person who accepted it.
type Person struct {
	Name string
	Role string
}

// String is "Name (role)", or the name alone.
func (p Person) String() string {
	switch {
	case p.Role == "":
		return p.Name
	case p.Name == "":
		return "(" + p.Role + ")"
	}
	return p.Name + " (" + p.Role + ")"
}

// Tracking is what the assessor records about an initiative: who owns it,
// when it is due, where it stands, a risk acceptance, and any override of
// the catalog's effort, outage and vendor estimates or of the planned
// phase. A record belongs to one (initiative, target) pair, or to the
// whole initiative when Target is empty; a per-target record overrides the
// whole-initiative one for its target (docs/roadmap.md).
type Tracking struct {
	Requirement   string
	Target        string // zone or conduit key; "" = the whole initiative
	Owner         string
	Due           string // YYYY-MM-DD or ""
	Status        TrackStatus
	Justification string // why the risk is accepted (required for risk accepted)

	// AcceptedBy and Review complete a risk acceptance: who accepted it in
	// which role, and when it must be looked at again. Past the review
	// date the gap reopens.
	AcceptedBy Person
	Review     string // YYYY-MM-DD or ""
	// Covers lists the targets a whole-initiative risk acceptance was made
	// for: those that had the gap when it was recorded. A target that
	// becomes unmet later is not covered.
	Covers []string

	Effort     *Effort
	Outage     *bool
	Vendor     *bool
	VendorName string // who the work depends on
	LeadDays   *int   // the vendor's lead time in days
	Phase      Phase  // PhaseAuto: planned
	UpdatedAt  time.Time
}

// TrackingKey is the key of a tracking record in Assessment.Tracking: the
// requirement id alone for a whole-initiative record, "id|target" for one
// target.
func TrackingKey(requirement, target string) string {
	if target == "" {
		return requirement
	}
	return requirement + "|" + target
}

// Key returns the record's TrackingKey.
func (t Tracking) Key() string { return TrackingKey(t.Requirement, t.Target) }

// dateOK checks a YYYY-MM-DD date.
func dateOK(what, s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return fmt.Errorf("%s %q: use YYYY-MM-DD", what, s)
	}
	return nil
}

// Validate checks the rules a tracking record must meet.
func (t Tracking) Validate() error {
	if _, err := ParseTrackStatus(string(t.Status)); err != nil {
		return err
	}
	if t.Status == TrackRiskAccepted && trimmedEmpty(t.Justification) {
		return fmt.Errorf("accepting the risk needs a justification")
	}
	if err := dateOK("due date", t.Due); err != nil {
		return err
	}
	if err := dateOK("review date", t.Review); err != nil {
		return err
	}
	if t.Phase < PhaseAuto || t.Phase > PhaseLater {
		return fmt.Errorf("unknown phase %d", t.Phase)
	}
	if t.LeadDays != nil && (*t.LeadDays < 0 || *t.LeadDays > 3650) {
		return fmt.Errorf("vendor lead time %d days: give 0 to 3650", *t.LeadDays)
	}
	if strings.Contains(t.Requirement, "|") || strings.Contains(t.Target, "|") {
		return fmt.Errorf("requirement and target ids cannot contain |")
	}
	return nil
}

// IsZero reports whether the record holds nothing but defaults.
func (t Tracking) IsZero() bool {
	return t.Owner == "" && t.Due == "" && t.Status.norm() == TrackOpen && t.Justification == "" &&
		t.AcceptedBy == (Person{}) && t.Review == "" && len(t.Covers) == 0 &&
		t.Effort == nil && t.Outage == nil && t.Vendor == nil && t.VendorName == "" && t.LeadDays == nil &&
		t.Phase == PhaseAuto
}

func (s TrackStatus) norm() TrackStatus { return s.Norm() }

// Norm maps the zero value to open.
func (s TrackStatus) Norm() TrackStatus {
	if s == "" {
		return TrackOpen
	}
	return s
}

// AcceptanceIncomplete reports whether a risk acceptance lacks who accepted
// it in which role, or a review date (records migrated from the time before
// both were asked for): `slate check` lists them until both are given.
func (t Tracking) AcceptanceIncomplete() bool {
	return t.Status == TrackRiskAccepted && (t.AcceptedBy.Name == "" || t.AcceptedBy.Role == "" || t.Review == "")
}

// ReviewPassed reports whether a risk acceptance's review date lies before
// the day of now: the acceptance no longer holds.
func (t Tracking) ReviewPassed(now time.Time) bool {
	if t.Status != TrackRiskAccepted || t.Review == "" {
		return false
	}
	r, err := time.Parse("2006-01-02", t.Review)
	return err == nil && r.Before(day(now))
}

// day is the UTC midnight of t: dates are whole days in UTC.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// SortedTracking lists the records by requirement then target, the order
// of exports and of the history.
func SortedTracking(all map[string]Tracking) []Tracking {
	out := make([]Tracking, 0, len(all))
	for _, t := range all {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Requirement != out[j].Requirement {
			return out[i].Requirement < out[j].Requirement
		}
		return out[i].Target < out[j].Target
	})
	return out
}

// ForgetTarget removes a deleted zone or conduit from the roadmap and the
// evidence: its own tracking records, and its key from risk acceptances,
// maintenance windows and evidence links (a new target that gets the same
// key later must not inherit them). The store does the same in the file.
func (a *Assessment) ForgetTarget(key string) {
	for k, t := range a.Tracking {
		switch {
		case t.Target == key:
			delete(a.Tracking, k)
		case slices.Contains(t.Covers, key):
			t.Covers = slices.DeleteFunc(slices.Clone(t.Covers), func(x string) bool { return x == key })
			a.Tracking[k] = t
		}
	}
	a.forgetTargetInCountermeasures(key)
	for k := range a.Confirmed {
		if t, _, _ := strings.Cut(k, "|"); t == key {
			delete(a.Confirmed, k)
		}
	}
	for i := range a.Windows {
		if slices.Contains(a.Windows[i].Targets, key) {
			a.Windows[i].Targets = slices.DeleteFunc(slices.Clone(a.Windows[i].Targets), func(x string) bool { return x == key })
		}
	}
	// Its evidence links go with it; the files stay, as the store keeps them.
	for i := range a.Evidence {
		e := &a.Evidence[i]
		if slices.ContainsFunc(e.Links, func(l EvidenceLink) bool { return l.Target == key }) {
			e.Links = slices.DeleteFunc(slices.Clone(e.Links), func(l EvidenceLink) bool { return l.Target == key })
		}
	}
}
