package model

import (
	"fmt"
	"strings"
	"time"
)

// Group orders the work inside a phase (docs/roadmap.md): quick wins first,
// then visibility, then the IT/OT and safety boundaries, then the rest.
type Group int

// The groups, in order.
const (
	GroupQuickWin   Group = iota // low effort, no outage, no vendor
	GroupVisibility              // SR 7.8 (inventory) and SR 6.2 (monitoring) with their REs
	GroupBoundary                // a target at the IT/OT boundary or in a safety system
	GroupRest
)

// Groups lists the groups in order.
var Groups = []Group{GroupQuickWin, GroupVisibility, GroupBoundary, GroupRest}

// Key is the group's JSON spelling.
func (g Group) Key() string {
	return [...]string{"quick_win", "visibility", "boundary", "other"}[g]
}

// String is the group's label.
func (g Group) String() string {
	return [...]string{"quick win", "visibility", "IT/OT and safety boundary", "other"}[g]
}

// visibility lists the requirements that give the plant sight of its own
// assets and traffic: practice is to start with them, because every later
// measure is planned and checked against what they show.
var visibility = []string{"SR 7.8", "SR 6.2"}

func isVisibility(r *Requirement) bool {
	for _, v := range visibility {
		if r.ID == v || r.Parent == v {
			return true
		}
	}
	return false
}

// nowTags are the common findings whose fixes belong in the first phase
// whenever they need no outage and no vendor, whatever their effort:
// default or shared passwords and uncontrolled remote access are what
// attackers try first.
var nowTags = []string{"shared-credentials", "uncontrolled-remote-access"}

func hasNowTag(r *Requirement) bool {
	for _, t := range nowTags {
		if r.HasTag(t) {
			return true
		}
	}
	return false
}

// Conflict is a problem of the schedule the assessor must resolve, e.g. an
// outage initiative whose due date comes before the first window that
// covers one of its targets.
type Conflict struct {
	Rule    string // "due-window-conflict"
	Target  string // zone or conduit key
	Message string
}

// DueWindowConflict names the conflict of a due date before every window.
const DueWindowConflict = "due-window-conflict"

// feasibility applies the tracking overrides to the catalog's estimates.
func feasibility(in *Initiative) {
	r, tr := in.Requirement, in.Tracking
	in.Effort, in.Outage, in.Vendor = r.Effort, r.Outage, r.Vendor
	if tr.Effort != nil {
		in.Effort = *tr.Effort
	}
	if tr.Outage != nil {
		in.Outage = *tr.Outage
	}
	if tr.Vendor != nil {
		in.Vendor = *tr.Vendor
	}
	in.VendorName, in.LeadDays = tr.VendorName, 0
	if in.Vendor && tr.LeadDays != nil {
		in.LeadDays = *tr.LeadDays
	}
}

// QuickWin reports whether the initiative is low effort with no outage and
// no vendor.
func (in *Initiative) QuickWin() bool {
	return in.Effort == EffortLow && !in.Outage && !in.Vendor
}

// Feasibility says effort, outage and vendor in words, for screens and
// reports: "high effort · needs outage · vendor ACME, 90 days".
func (in *Initiative) Feasibility() string {
	parts := []string{in.Effort.String() + " effort"}
	if in.Outage {
		parts = append(parts, "needs outage")
	}
	if in.Vendor {
		v := "vendor"
		if in.VendorName != "" {
			v += " " + in.VendorName
		}
		if in.LeadDays > 0 {
			v += ", " + Plural(in.LeadDays, "day's", "days'") + " lead time"
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, " · ")
}

// schedule decides the initiative's group, phase and windows.
func schedule(in *Initiative, f zoneFacts, windows []Window, now time.Time) {
	today := day(now)
	switch {
	case in.QuickWin():
		in.Group = GroupQuickWin
	case isVisibility(in.Requirement):
		in.Group = GroupVisibility
	case in.touchesBoundary(f):
		in.Group = GroupBoundary
	default:
		in.Group = GroupRest
	}
	feasibleNow := !in.Outage && !in.Vendor
	high := in.Score >= HighPriority
	switch {
	case feasibleNow && hasNowTag(in.Requirement):
		in.Phase, in.PhaseWhy = PhaseNow, "credentials or remote access, feasible without an outage or the vendor: do it now"
	case feasibleNow && in.Effort == EffortLow:
		in.Phase, in.PhaseWhy = PhaseNow, "quick win: low effort, no outage, no vendor needed"
	case high:
		in.Phase, in.PhaseWhy = PhaseMid, fmt.Sprintf("high priority (score %d ≥ %d), not feasible right away: %s", in.Score, HighPriority, in.Feasibility())
	default:
		in.Phase, in.PhaseWhy = PhaseLate, fmt.Sprintf("lower priority (score %d < %d): %s", in.Score, HighPriority, in.Feasibility())
	}
	start := today.AddDate(0, 0, in.LeadDays)
	if in.LeadDays > 0 {
		if p := PhaseAt(today, start); p > in.Phase {
			in.Phase = p
			in.PhaseWhy += "; the vendor needs " + Plural(in.LeadDays, "day", "days")
		}
	}
	overridden := in.Tracking.Phase != PhaseAuto
	if overridden {
		in.Phase, in.PhaseWhy = in.Tracking.Phase, "phase set by the assessor"
	}
	if !in.Outage {
		return
	}
	// Outage work goes into a maintenance window that covers its targets,
	// each (initiative, target) pair on its own: high priority into the
	// first such window after today plus the vendor's lead time, the rest
	// into the first of its phase; never after a due date without saying so.
	earliest := start
	if !high && in.Phase > PhaseMid && !overridden {
		earliest = maxTime(earliest, today.Add(phaseStart(in.Phase)))
	}
	var latest *Window
	missing := 0
	for i := range in.Targets {
		t := &in.Targets[i]
		if t.Closed {
			continue
		}
		from := earliest
		due, hasDue := parseDay(t.Tracking.Due)
		if hasDue && due.Before(from) && !due.Before(start) {
			from = start // a due date pulls low-priority work forward
		}
		t.Window = firstWindow(windows, t.Target.Key, f.ends(t.Target.Key), from)
		if t.Window == nil {
			missing++
			if hasDue {
				in.Conflicts = append(in.Conflicts, Conflict{DueWindowConflict, t.Target.Key,
					fmt.Sprintf("%s needs an outage by %s, but no maintenance window covering %s is planned", in.Requirement.ID, t.Tracking.Due, t.Target.Name)})
			}
			continue
		}
		if when, _ := t.Window.When(); hasDue && when.After(due) {
			in.Conflicts = append(in.Conflicts, Conflict{DueWindowConflict, t.Target.Key,
				fmt.Sprintf("%s is due on %s for %s, but the first maintenance window covering it is %s", in.Requirement.ID, t.Tracking.Due, t.Target.Name, t.Window.Label())})
		}
		if latest == nil || t.Window.Date > latest.Date {
			latest = t.Window
		}
	}
	if latest != nil {
		in.Window = latest
		if when, err := latest.When(); err == nil && !overridden {
			in.Phase = PhaseAt(today, when)
		}
		in.PhaseWhy += "; needs an outage: maintenance window " + latest.Label()
	}
	if missing > 0 {
		in.PhaseWhy += fmt.Sprintf("; needs an outage, but no maintenance window after %s covers %s", earliest.Format("2006-01-02"),
			Plural(missing, "of its targets", "of its targets"))
	}
}

// firstWindow is the first window on or after from that covers a target.
func firstWindow(windows []Window, target string, ends []string, from time.Time) *Window {
	for i := range windows {
		when, err := windows[i].When()
		if err != nil || when.Before(from) || !windows[i].Covers(target, ends...) {
			continue
		}
		return &windows[i]
	}
	return nil
}

func (in *Initiative) touchesBoundary(f zoneFacts) bool {
	for _, t := range in.Targets {
		if f.isBoundary(t.Target.Key) || f.isSafety(t.Target.Key) {
			return true
		}
	}
	return false
}

func parseDay(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
