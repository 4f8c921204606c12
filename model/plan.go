package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// InitiativeTarget is one zone or conduit where the initiative's
// requirement is unmet: one (initiative, target) pair, tracked and
// scheduled on its own.
type InitiativeTarget struct {
	Target *Target // shared by every initiative of the plan
	Status Status  // the answer: no or partial
	SLT    Level   // SL-T of the requirement's FR in this target
	Note   string

	// Tracking is the pair's effective record: its own, else the
	// initiative's (docs/roadmap.md). Never nil in a plan.
	Tracking *Tracking
	// Closed: done, or a risk acceptance that covers this target and is
	// not past its review date.
	Closed bool
	// AcceptanceExpired: a risk acceptance covered this target but its
	// review date has passed, so the gap is open again.
	AcceptanceExpired bool
	Window            *Window // the maintenance window of outage work
}

// Initiative is the remediation of one requirement across every target
// where it is unmet.
type Initiative struct {
	Requirement *Requirement
	Project     *Project // the project it is funded in, nil when none
	Targets     []InitiativeTarget
	Score       int
	Factors     []Factor
	Effort      Effort
	Outage      bool
	Vendor      bool
	VendorName  string
	LeadDays    int
	Phase       Phase
	Group       Group
	PhaseWhy    string
	Window      *Window  // the latest window of its targets (outage work)
	Tracking    Tracking // the whole-initiative record (zero when none)
	Conflicts   []Conflict
}

// Why explains the score in plain words, one factor per line.
func (in *Initiative) Why() string {
	var b strings.Builder
	for _, f := range in.Factors {
		fmt.Fprintf(&b, "%+d  %s\n", f.Points, f.Why)
	}
	fmt.Fprintf(&b, "= %d  priority score (%s)\n", in.Score, in.Risk())
	if in.PhaseWhy != "" {
		b.WriteString(in.PhaseWhy + "\n")
	}
	return b.String()
}

// Risk names the score band: high risk from HighPriority on.
func (in *Initiative) Risk() string {
	if in.Score >= HighPriority {
		return "high risk"
	}
	return "lower risk"
}

// Status is where the initiative stands as a whole: risk accepted or done
// when every target is closed (risk accepted when any was accepted), else
// the whole-initiative record's status.
func (in *Initiative) Status() TrackStatus {
	if !in.Closed() {
		return in.Tracking.Status.Norm()
	}
	for _, t := range in.Targets {
		if t.Tracking.Status == TrackRiskAccepted {
			return TrackRiskAccepted
		}
	}
	return TrackDone
}

// Closed reports whether every target of the initiative is closed.
func (in *Initiative) Closed() bool {
	for _, t := range in.Targets {
		if !t.Closed {
			return false
		}
	}
	return len(in.Targets) > 0
}

// anyOpen reports whether a target of the initiative is still open.
func (in *Initiative) anyOpen() bool {
	for i := range in.Targets {
		if !in.Targets[i].Closed {
			return true
		}
	}
	return false
}

// InWindow reports whether work of an open target of the initiative is
// placed in window w.
func (in *Initiative) InWindow(w Window) bool {
	for _, t := range in.Targets {
		if !t.Closed && t.Window != nil && t.Window.Same(w) {
			return true
		}
	}
	return false
}

// ExpiredAcceptances lists the targets whose risk acceptance is past its
// review date.
func (in *Initiative) ExpiredAcceptances() []InitiativeTarget {
	var out []InitiativeTarget
	for _, t := range in.Targets {
		if t.AcceptanceExpired {
			out = append(out, t)
		}
	}
	return out
}

// Plan is the remediation roadmap.
type Plan struct {
	// Initiatives: open ones by phase, group, score and catalog order;
	// closed ones last.
	Initiatives []*Initiative
	Windows     []Window
	Projects    []Project // the projects in use, in order
	// Unanswered counts in-scope questions (a requirement of a zone or
	// conduit) not answered yet: they are not planned until the interview
	// says they are missing.
	Unanswered int
	At         time.Time
}

// BuildPlan turns every in-scope requirement answered no or partial into
// roadmap work, one initiative per requirement across its targets, as of
// now. tracking is keyed by TrackingKey.
func BuildPlan(c *Catalog, a *Assessment, tracking map[string]Tracking, windows []Window, now time.Time) Plan {
	plan := Plan{At: now, Windows: sortedWindows(windows)}
	byReq := map[string]*Initiative{}
	var order []*Initiative
	targets := a.Targets()
	for ti := range targets {
		t := &targets[ti]
		as := a.Answers[t.Key]
		for _, fr := range FRs {
			slt := t.SLT.At(fr)
			for _, j := range c.byKindFR[t.Kind][fr-1] {
				r := &c.Requirements[j]
				if r.SL > slt {
					continue
				}
				ans, ok := as[r.ID]
				switch st := ans.Status.Norm(); {
				case !ok || st == Unanswered:
					plan.Unanswered++
					continue
				case st != No && st != Partial:
					continue
				}
				in := byReq[r.ID]
				if in == nil {
					in = &Initiative{Requirement: r}
					byReq[r.ID] = in
					order = append(order, in)
				}
				in.Targets = append(in.Targets, InitiativeTarget{Target: t, Status: ans.Status, SLT: slt, Note: ans.Note})
			}
		}
	}
	whole, perTarget := indexTracking(tracking)
	facts := newZoneFacts(a)
	projects := ProjectsOf(c, a)
	for _, in := range order {
		in.Tracking = whole[in.Requirement.ID]
		in.Tracking.Requirement = in.Requirement.ID
		in.Tracking.Status = in.Tracking.Status.norm()
		applyTracking(in, perTarget[in.Requirement.ID], now)
		feasibility(in)
		score(in, facts)
		schedule(in, facts, plan.Windows, now)
		in.Project = projects.of(in.Requirement.ID)
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.Closed() != b.Closed() {
			return !a.Closed()
		}
		if a.Phase != b.Phase {
			return a.Phase < b.Phase
		}
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return c.index[a.Requirement.ID] < c.index[b.Requirement.ID]
	})
	plan.Initiatives = order
	plan.Projects = projects.used(order)
	return plan
}

// indexTracking splits the records into whole-initiative ones by
// requirement and per-target ones by requirement and target.
func indexTracking(all map[string]Tracking) (whole map[string]Tracking, perTarget map[string]map[string]Tracking) {
	whole, perTarget = map[string]Tracking{}, map[string]map[string]Tracking{}
	for _, t := range all {
		if t.Target == "" {
			whole[t.Requirement] = t
			continue
		}
		if perTarget[t.Requirement] == nil {
			perTarget[t.Requirement] = map[string]Tracking{}
		}
		perTarget[t.Requirement][t.Target] = t
	}
	return whole, perTarget
}

// applyTracking gives every pair its effective record and decides whether
// it is closed: done, or a valid risk acceptance that covers it.
func applyTracking(in *Initiative, own map[string]Tracking, now time.Time) {
	for i := range in.Targets {
		t := &in.Targets[i]
		tr := &in.Tracking
		rec, isOwn := own[t.Target.Key]
		if isOwn {
			rec.Requirement, rec.Status = in.Requirement.ID, rec.Status.norm()
			tr = new(Tracking)
			*tr = rec
		}
		t.Tracking = tr
		switch tr.Status {
		case TrackDone:
			t.Closed = true
		case TrackRiskAccepted:
			// A whole-initiative acceptance covers the targets that had the
			// gap when it was made, not those that became unmet later.
			covered := isOwn || slices.Contains(tr.Covers, t.Target.Key)
			switch {
			case covered && tr.ReviewPassed(now):
				t.AcceptanceExpired = true
			case covered:
				t.Closed = true
			}
		}
	}
}
