package model

import (
	"fmt"
	"strings"
	"time"
)

// SignOff records that the assessor and the asset owner's representative
// agreed with the assessment as it stood: the history head at that moment
// pins what they saw. Reports call it a "recorded sign-off", never a
// signature: nothing here is cryptographically bound to the people named.
// A later sign-off supersedes an earlier one; both are kept.
type SignOff struct {
	ID       int64
	Assessor Person
	Owner    Person // the asset owner's representative
	Date     string // YYYY-MM-DD, the day they agreed
	Head     string // the history head when it was recorded
	Rows     int64  // the number of history rows then
	At       time.Time
}

// Validate checks a sign-off before it is saved.
func (s SignOff) Validate() error {
	if strings.TrimSpace(s.Assessor.Name) == "" {
		return fmt.Errorf("a sign-off needs the assessor's name")
	}
	if strings.TrimSpace(s.Owner.Name) == "" || strings.TrimSpace(s.Owner.Role) == "" {
		return fmt.Errorf("a sign-off needs the name and role of the asset owner's representative")
	}
	if s.Date == "" {
		return fmt.Errorf("a sign-off needs a date")
	}
	return dateOK("date", s.Date)
}

// LatestSignOff is the sign-off in force: the last one recorded.
func (a *Assessment) LatestSignOff() (SignOff, bool) {
	if len(a.SignOffs) == 0 {
		return SignOff{}, false
	}
	return a.SignOffs[len(a.SignOffs)-1], true
}

// Change is one entry of the chained history, as people read it: when,
// who, in which session, what. The store derives it from the history's
// row images; the interview's history view and the reports' "after
// sign-off" list show it.
type Change struct {
	Seq         int64
	At          time.Time
	Actor       string
	Session     int64 // the session the change was made in (0: none)
	Kind        string
	Target      string // for answer and evidence changes
	Requirement string
	Subject     string // what else it concerns: a zone's id, a window's name
	Fields      []FieldChange
}

// FieldChange is one changed field of a change.
type FieldChange struct {
	Field    string // status, note, justification, flag, method, evidence, ...
	Old, New string
}

// Summary says what a change did in one line: "status partial → yes; note
// edited".
func (c Change) Summary() string {
	var parts []string
	for _, f := range c.Fields {
		parts = append(parts, f.describe())
	}
	if len(parts) > 0 {
		return strings.Join(parts, "; ")
	}
	switch {
	case c.Kind == "signoff":
		return "sign-off recorded"
	case c.Kind == "session":
		return "interview session " + c.Subject + " recorded"
	case strings.HasSuffix(c.Kind, ".delete"):
		return strings.TrimSuffix(c.Kind, ".delete") + " " + c.Subject + " deleted"
	case c.Subject != "":
		return c.Kind + " " + c.Subject + " changed"
	}
	return c.Kind + " changed"
}

func (f FieldChange) describe() string {
	switch f.Field {
	case "note", "justification", "caption":
		switch {
		case f.Old == "":
			return f.Field + " added"
		case f.New == "":
			return f.Field + " removed"
		}
		return f.Field + " edited"
	case "evidence":
		if f.New == "" {
			return "evidence " + f.Old + " removed"
		}
		return "evidence " + f.New + " attached"
	case "evidence deleted":
		return "file " + f.Old + " deleted (its bytes; the hash stays in the history)"
	case "flag":
		if f.New == "flagged" {
			return "flagged for follow-up"
		}
		return "flag cleared"
	case "method":
		return "established: " + orNone(f.New)
	}
	return f.Field + " " + orNone(f.Old) + " → " + orNone(f.New)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// What names what a change concerns: "control SR 1.1", "zone control".
func (c Change) What() string {
	if c.Requirement != "" {
		return c.Target + " " + c.Requirement
	}
	if c.Subject != "" {
		return c.Kind + " " + c.Subject
	}
	return c.Kind
}
