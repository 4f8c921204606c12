package model

import (
	"fmt"
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
