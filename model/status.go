package model

import (
	"fmt"
	"time"
)

// Status is the answer given for one requirement of one target.
type Status string

// The answer statuses (docs/scoring.md). The zero value reads as Unanswered.
const (
	Unanswered   Status = "unanswered"
	Yes          Status = "yes"
	Partial      Status = "partial"
	No           Status = "no"
	NA           Status = "na"
	Compensating Status = "compensating"
)

// Statuses lists every status in display order.
var Statuses = []Status{Unanswered, Yes, Partial, No, NA, Compensating}

// Norm maps the zero value to Unanswered so callers never special-case "".
func (s Status) Norm() Status {
	if s == "" {
		return Unanswered
	}
	return s
}

// Valid reports whether s is a known status (or the zero value).
func (s Status) Valid() bool {
	switch s.Norm() {
	case Unanswered, Yes, Partial, No, NA, Compensating:
		return true
	}
	return false
}

// Satisfied reports whether the status meets the requirement: yes, not
// applicable (justified) or an accepted compensating control. Partial does not.
func (s Status) Satisfied() bool {
	return s == Yes || s == NA || s == Compensating
}

// Answered reports whether any answer has been given.
func (s Status) Answered() bool { return s.Norm() != Unanswered }

// NeedsJustification reports whether the status is only valid with a written
// justification (the reason for N/A, or the alternative control).
func (s Status) NeedsJustification() bool { return s == NA || s == Compensating }

// Label is the human form used in screens and reports.
func (s Status) Label() string {
	switch s.Norm() {
	case Yes:
		return "yes"
	case Partial:
		return "partial"
	case No:
		return "no"
	case NA:
		return "n/a"
	case Compensating:
		return "compensating"
	}
	return "unanswered"
}

// ParseStatus accepts the exchange-format names.
func ParseStatus(s string) (Status, error) {
	st := Status(s)
	if s == "" || !st.Valid() {
		return "", fmt.Errorf("unknown status %q (want unanswered, yes, partial, no, na or compensating)", s)
	}
	return st, nil
}

// Answer is what the assessor recorded for one requirement of one target.
// UpdatedAt and Session are those of the latest status change: a note,
// flag, method or evidence edit keeps them (its own time and session are
// in the history only).
type Answer struct {
	Requirement   string
	Status        Status
	Note          string
	Justification string
	Method        Method // how it was established
	Session       int64  // the interview session of the latest status change (0: none)
	Assessor      string
	Flagged       bool
	UpdatedAt     time.Time
}

// Validate checks the rules an answer must meet before it is saved.
func (a Answer) Validate() error {
	if !a.Status.Valid() {
		return fmt.Errorf("unknown status %q", a.Status)
	}
	if _, err := ParseMethod(string(a.Method)); err != nil {
		return err
	}
	if a.Status.NeedsJustification() && trimmedEmpty(a.Justification) {
		return fmt.Errorf("status %s needs a justification", a.Status)
	}
	return nil
}

// Empty reports whether an answer records nothing worth keeping: no
// status, note, justification, method or flag. Its evidence is kept apart
// (links name the requirement, not the answer).
func (a Answer) Empty() bool {
	return !a.Status.Answered() && a.Note == "" && a.Justification == "" && a.Method == "" && !a.Flagged
}

// Answers holds one target's answers by requirement id.
type Answers map[string]Answer

// Status returns the status for a requirement, Unanswered when absent.
func (as Answers) Status(id string) Status {
	return as[id].Status.Norm()
}

func trimmedEmpty(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}
