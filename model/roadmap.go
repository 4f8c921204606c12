package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Phase is a period of the remediation roadmap.
type Phase int

// Phases, in order. PhaseAuto is the zero value of an override: let the
// planner decide.
const (
	PhaseAuto  Phase = iota
	PhaseNow         // 0-3 months: quick wins and the most urgent
	PhaseMid         // 3-12 months
	PhaseLate        // 12-24 months
	PhaseLater       // beyond 24 months (a maintenance window that far out)
)

// Phases lists the plannable phases in order.
var Phases = []Phase{PhaseNow, PhaseMid, PhaseLate, PhaseLater}

// String returns the phase's label.
func (p Phase) String() string {
	switch p {
	case PhaseNow:
		return "Now (0-3 months)"
	case PhaseMid:
		return "3-12 months"
	case PhaseLate:
		return "12-24 months"
	case PhaseLater:
		return "Later (24+ months)"
	}
	return "automatic"
}

// Key returns the phase's stored name.
func (p Phase) Key() string {
	return [...]string{"", "now", "3-12", "12-24", "later"}[p]
}

// ParsePhase reads a stored phase name ("" is automatic).
func ParsePhase(s string) (Phase, error) {
	for p := PhaseAuto; p <= PhaseLater; p++ {
		if p.Key() == s {
			return p, nil
		}
	}
	return PhaseAuto, fmt.Errorf("phase %q must be now, 3-12, 12-24 or later", s)
}

// phaseStart is how far from now a phase begins.
func phaseStart(p Phase) time.Duration {
	switch p {
	case PhaseMid:
		return 91 * 24 * time.Hour
	case PhaseLate:
		return 365 * 24 * time.Hour
	case PhaseLater:
		return 730 * 24 * time.Hour
	}
	return 0
}

// PhaseAt is the phase a date falls in, seen from now.
func PhaseAt(now, t time.Time) Phase {
	d := t.Sub(now)
	switch {
	case d < phaseStart(PhaseMid):
		return PhaseNow
	case d < phaseStart(PhaseLate):
		return PhaseMid
	case d < phaseStart(PhaseLater):
		return PhaseLate
	}
	return PhaseLater
}

// TrackStatus is the state of an initiative's work.
type TrackStatus string

// Tracking statuses.
const (
	TrackOpen         TrackStatus = "open"
	TrackPlanned      TrackStatus = "planned"
	TrackInProgress   TrackStatus = "in_progress"
	TrackDone         TrackStatus = "done"
	TrackRiskAccepted TrackStatus = "risk_accepted"
)

// TrackStatuses lists the statuses in workflow order.
var TrackStatuses = []TrackStatus{TrackOpen, TrackPlanned, TrackInProgress, TrackDone, TrackRiskAccepted}

// Label is the human form.
func (s TrackStatus) Label() string {
	switch s {
	case TrackPlanned:
		return "planned"
	case TrackInProgress:
		return "in progress"
	case TrackDone:
		return "done"
	case TrackRiskAccepted:
		return "risk accepted"
	}
	return "open"
}

// ParseTrackStatus reads a stored status ("" is open).
func ParseTrackStatus(s string) (TrackStatus, error) {
	if s == "" {
		return TrackOpen, nil
	}
	for _, t := range TrackStatuses {
		if string(t) == s {
			return t, nil
		}
	}
	return TrackOpen, fmt.Errorf("status %q must be open, planned, in_progress, done or risk_accepted", s)
}

// Tracking is what the assessor records about an initiative (one per
// requirement): who owns it, when it is due, where it stands, and any
// override of the catalog's effort, outage and vendor estimates or of the
// planned phase.
type Tracking struct {
	Requirement   string
	Owner         string
	Due           string // YYYY-MM-DD or ""
	Status        TrackStatus
	Justification string // required for risk accepted
	Effort        *Effort
	Outage        *bool
	Vendor        *bool
	Phase         Phase // PhaseAuto: planned
	UpdatedAt     time.Time
}

// Validate checks the rules a tracking record must meet.
func (t Tracking) Validate() error {
	if _, err := ParseTrackStatus(string(t.Status)); err != nil {
		return err
	}
	if t.Status == TrackRiskAccepted && trimmedEmpty(t.Justification) {
		return fmt.Errorf("accepting the risk needs a justification")
	}
	if t.Due != "" {
		if _, err := time.Parse("2006-01-02", t.Due); err != nil {
			return fmt.Errorf("due date %q: use YYYY-MM-DD", t.Due)
		}
	}
	if t.Phase < PhaseAuto || t.Phase > PhaseLater {
		return fmt.Errorf("unknown phase %d", t.Phase)
	}
	return nil
}

// IsZero reports whether the record holds nothing but defaults.
func (t Tracking) IsZero() bool {
	return t.Owner == "" && t.Due == "" && t.Status.norm() == TrackOpen && t.Justification == "" &&
		t.Effort == nil && t.Outage == nil && t.Vendor == nil && t.Phase == PhaseAuto
}

func (s TrackStatus) norm() TrackStatus {
	if s == "" {
		return TrackOpen
	}
	return s
}

// Window is a planned maintenance window (a shutdown or turnaround) in
// which work that needs an outage can be done.
type Window struct {
	ID   int64
	Name string
	Date string // YYYY-MM-DD
}

// When parses the window's date.
func (w Window) When() (time.Time, error) { return time.Parse("2006-01-02", w.Date) }

// Factor is one documented reason in an initiative's priority score.
type Factor struct {
	Points int
	Why    string
}

// InitiativeTarget is one zone or conduit where the requirement is unmet.
type InitiativeTarget struct {
	Target Target
	Status Status // the answer: no or partial
	SLT    Level  // SL-T of the requirement's FR in this target
	Note   string
}

// Initiative is the remediation of one requirement across every target
// where it is unmet.
type Initiative struct {
	Requirement *Requirement
	Targets     []InitiativeTarget
	Score       int
	Factors     []Factor
	Effort      Effort
	Outage      bool
	Vendor      bool
	Phase       Phase
	PhaseWhy    string
	Window      *Window // the maintenance window an outage item is placed in
	Tracking    Tracking
}

// Why explains the score in plain words, one factor per line.
func (in *Initiative) Why() string {
	var b strings.Builder
	for _, f := range in.Factors {
		fmt.Fprintf(&b, "%+d  %s\n", f.Points, f.Why)
	}
	fmt.Fprintf(&b, "= %d  priority score\n", in.Score)
	if in.PhaseWhy != "" {
		b.WriteString(in.PhaseWhy + "\n")
	}
	return b.String()
}

// Closed reports whether the initiative needs no more planning.
func (in *Initiative) Closed() bool {
	s := in.Tracking.Status.norm()
	return s == TrackDone || s == TrackRiskAccepted
}

// Plan is the remediation roadmap.
type Plan struct {
	Initiatives []*Initiative // open ones by phase, then score; closed ones last
	Windows     []Window
	// Unanswered counts in-scope questions (a requirement of a zone or
	// conduit) not answered yet: they are not planned until the interview
	// says they are missing.
	Unanswered int
	At         time.Time
}

// Scoring weights; docs/roadmap.md explains them for assessors.
const (
	pointsPerBasicLevel = 10 // per level the requirement sits below the target's SL-T, plus one
	pointsPerSLT        = 5  // per level of the highest SL-T among the targets
	pointsBoundary      = 15 // an IT/OT boundary or a DMZ
	pointsSafety        = 15 // a safety zone or a conduit into one
	pointsCommonFinding = 10 // tagged with one of the seven common findings
	pointsPerExtra      = 2  // per further target with the same gap (at most 10)
	pointsPartial       = -5 // partly in place already
	pointsEffort        = 10 // minus this per effort step above low
	pointsOutage        = 10 // minus, when closing it needs an outage
	pointsVendor        = 5  // minus, when it depends on the vendor
)

// QuickWinScore is the score at or above which a feasible initiative goes
// into the first phase even when it is not low effort.
const QuickWinScore = 50

// BuildPlan turns every in-scope requirement answered no or partial into
// roadmap work, one initiative per requirement across its targets.
func BuildPlan(c *Catalog, a *Assessment, tracking map[string]Tracking, windows []Window, now time.Time) Plan {
	plan := Plan{At: now, Windows: sortedWindows(windows)}
	byReq := map[string]*Initiative{}
	var order []*Initiative
	zones := map[string]*Zone{}
	for i := range a.Zones {
		zones[a.Zones[i].Key] = &a.Zones[i]
	}
	conduits := map[string]*Conduit{}
	for i := range a.Conduits {
		conduits[a.Conduits[i].Key] = &a.Conduits[i]
	}
	for _, t := range a.Targets() {
		as := a.Answers[t.Key]
		for _, fr := range FRs {
			slt := t.SLT.At(fr)
			for _, j := range c.byKindFR[t.Kind][fr-1] {
				r := &c.Requirements[j]
				if r.SL > slt {
					continue
				}
				ans := as[r.ID]
				switch ans.Status.Norm() {
				case No, Partial:
				case Unanswered:
					plan.Unanswered++
					continue
				default:
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
	for _, in := range order {
		tr := tracking[in.Requirement.ID]
		tr.Requirement = in.Requirement.ID
		tr.Status = tr.Status.norm()
		in.Tracking = tr
		score(in, zones, conduits)
		schedule(in, plan.Windows, now)
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.Closed() != b.Closed() {
			return !a.Closed()
		}
		if a.Phase != b.Phase {
			return a.Phase < b.Phase
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return c.index[a.Requirement.ID] < c.index[b.Requirement.ID]
	})
	plan.Initiatives = order
	return plan
}

func sortedWindows(ws []Window) []Window {
	out := append([]Window(nil), ws...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// score computes the documented priority of an initiative.
func score(in *Initiative, zones map[string]*Zone, conduits map[string]*Conduit) {
	r := in.Requirement
	add := func(p int, format string, args ...any) {
		in.Factors = append(in.Factors, Factor{p, fmt.Sprintf(format, args...)})
		in.Score += p
	}
	// How basic: the deepest shortfall among the targets.
	var basic InitiativeTarget
	maxSLT := Level(0)
	allPartial := true
	for _, t := range in.Targets {
		if t.SLT-r.SL > basic.SLT-r.SL || basic.Target.Key == "" {
			basic = t
		}
		maxSLT = max(maxSLT, t.SLT)
		allPartial = allPartial && t.Status == Partial
	}
	depth := int(basic.SLT-r.SL) + 1
	add(pointsPerBasicLevel*depth, "basic: an SL %d requirement missing where SL-T is %d (%s)", r.SL, basic.SLT, basic.Target.Name)
	add(pointsPerSLT*int(maxSLT), "highest SL-T among its targets is %d", maxSLT)
	if name, ok := boundaryTarget(in, zones, conduits); ok {
		add(pointsBoundary, "IT/OT boundary: %s", name)
	}
	if name, ok := safetyTarget(in, zones, conduits); ok {
		add(pointsSafety, "safety system: %s", name)
	}
	for _, tag := range r.Tags {
		if f, ok := CommonFindings[tag]; ok {
			add(pointsCommonFinding, "common finding: %s", f)
			break
		}
	}
	if n := len(in.Targets) - 1; n == 1 {
		add(pointsPerExtra, "the same gap in 1 more zone or conduit")
	} else if n > 1 {
		add(min(10, pointsPerExtra*n), "the same gap in %d more zones or conduits", n)
	}
	if allPartial {
		add(pointsPartial, "already partly in place everywhere")
	}
	tr := in.Tracking
	in.Effort, in.Outage, in.Vendor = r.Effort, r.Outage, r.Vendor
	overridden := ""
	if tr.Effort != nil {
		in.Effort, overridden = *tr.Effort, " (your estimate)"
	}
	if e := int(in.Effort - EffortLow); e > 0 {
		add(-pointsEffort*e, "%s effort%s", in.Effort, overridden)
	}
	overridden = ""
	if tr.Outage != nil {
		in.Outage, overridden = *tr.Outage, " (your estimate)"
	}
	if in.Outage {
		add(-pointsOutage, "needs a production outage%s", overridden)
	}
	overridden = ""
	if tr.Vendor != nil {
		in.Vendor, overridden = *tr.Vendor, " (your estimate)"
	}
	if in.Vendor {
		add(-pointsVendor, "depends on the system vendor%s", overridden)
	}
}

// boundaryTarget finds a target at the IT/OT interface: a DMZ zone, or a
// conduit that touches an enterprise or DMZ zone.
func boundaryTarget(in *Initiative, zones map[string]*Zone, conduits map[string]*Conduit) (string, bool) {
	for _, t := range in.Targets {
		if z, ok := zones[t.Target.Key]; ok && z.Type == "dmz" {
			return z.Name, true
		}
		if c, ok := conduits[t.Target.Key]; ok {
			for _, end := range []string{c.From, c.To} {
				if z, ok := zones[end]; ok && (z.Type == "enterprise" || z.Type == "dmz") {
					return c.Name, true
				}
			}
		}
	}
	return "", false
}

// safetyTarget finds a safety zone, or a conduit into one.
func safetyTarget(in *Initiative, zones map[string]*Zone, conduits map[string]*Conduit) (string, bool) {
	for _, t := range in.Targets {
		if z, ok := zones[t.Target.Key]; ok && z.Type == "safety" {
			return z.Name, true
		}
		if c, ok := conduits[t.Target.Key]; ok {
			for _, end := range []string{c.From, c.To} {
				if z, ok := zones[end]; ok && z.Type == "safety" {
					return c.Name, true
				}
			}
		}
	}
	return "", false
}

// hurdles says what keeps an initiative out of the first phase.
func hurdles(in *Initiative) string {
	var h []string
	if in.Effort != EffortLow {
		h = append(h, in.Effort.String()+" effort")
	}
	if in.Outage {
		h = append(h, "needs an outage")
	}
	if in.Vendor {
		h = append(h, "depends on the vendor")
	}
	if in.Score < QuickWinScore {
		h = append(h, fmt.Sprintf("score %d below %d", in.Score, QuickWinScore))
	}
	return strings.Join(h, ", ")
}

// schedule places an initiative in a phase: feasible quick wins and urgent
// feasible work now, other high-priority work within a year, the rest
// later. Work that needs an outage goes into a maintenance window: the next
// one for high-priority work, the first one of its phase otherwise, and the
// window's date then decides the phase.
func schedule(in *Initiative, windows []Window, now time.Time) {
	feasible := !in.Outage && !in.Vendor
	switch {
	case feasible && in.Effort == EffortLow:
		in.Phase, in.PhaseWhy = PhaseNow, "quick win: low effort, no outage, no vendor needed"
	case feasible && in.Effort == EffortMedium && in.Score >= QuickWinScore:
		in.Phase, in.PhaseWhy = PhaseNow, fmt.Sprintf("urgent (score %d >= %d) and feasible without an outage or the vendor", in.Score, QuickWinScore)
	case in.Score >= QuickWinScore-20:
		in.Phase, in.PhaseWhy = PhaseMid, "high priority, not a quick win: "+hurdles(in)
	default:
		in.Phase, in.PhaseWhy = PhaseLate, "lower priority: "+hurdles(in)
	}
	if in.Tracking.Phase != PhaseAuto {
		in.Phase, in.PhaseWhy = in.Tracking.Phase, "phase set by the assessor"
	}
	if !in.Outage {
		return
	}
	// Urgent work waits only for the next window; lower-priority work goes
	// into the first window of its phase.
	earliest := now
	if in.Phase > PhaseMid {
		earliest = now.Add(phaseStart(in.Phase))
	}
	for i := range windows {
		when, err := windows[i].When()
		if err != nil || when.Before(earliest.Truncate(24*time.Hour)) {
			continue
		}
		in.Window = &windows[i]
		if in.Tracking.Phase == PhaseAuto {
			in.Phase = PhaseAt(now, when)
		}
		in.PhaseWhy += fmt.Sprintf("; needs an outage: placed in the maintenance window %q on %s", windows[i].Name, windows[i].Date)
		return
	}
	in.PhaseWhy += "; needs an outage, but no maintenance window is planned after " + earliest.Format("2006-01-02")
}
