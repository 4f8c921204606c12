package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Method says how an answer was established (docs/evidence.md): what an
// auditor weighs first when reading a finding.
type Method string

// The methods; the zero value means "not recorded".
const (
	MethodNone Method = ""
	Told       Method = "told"   // said in the interview
	Seen       Method = "seen"   // a document or screen was observed
	Tested     Method = "tested" // technically verified
)

// Methods lists the methods in the order the interview's key cycles them.
var Methods = []Method{Told, Seen, Tested}

// ParseMethod reads the exchange spelling ("" = not recorded).
func ParseMethod(s string) (Method, error) {
	switch m := Method(s); m {
	case MethodNone, Told, Seen, Tested:
		return m, nil
	}
	return MethodNone, fmt.Errorf("method %q must be told, seen or tested", s)
}

// Next is the method after m in the interview's cycle: told, seen, tested,
// then not recorded again.
func (m Method) Next() Method {
	for i, x := range Methods {
		if x == m {
			if i+1 < len(Methods) {
				return Methods[i+1]
			}
			return MethodNone
		}
	}
	return Methods[0]
}

// Label is the human form: "told (interview)".
func (m Method) Label() string {
	switch m {
	case Told:
		return "told (interview)"
	case Seen:
		return "seen (document or screen)"
	case Tested:
		return "tested (technically verified)"
	}
	return "not recorded"
}

// Attendee is one person in an interview session, in a role ("operator",
// "OT engineer").
type Attendee struct {
	Name string
	Role string
}

// String is "Name (role)", or the name alone.
func (a Attendee) String() string { return Person(a).String() }

// Session is an interview session: a date, a place and the people who
// answered. An answer records the session of its latest status change.
type Session struct {
	ID        int64  // assigned by the store; the exchange document's id
	Date      string // YYYY-MM-DD, the UTC day
	Place     string
	Attendees []Attendee
}

// Validate checks a session before it is saved.
func (s Session) Validate() error {
	if s.Date == "" {
		return fmt.Errorf("a session needs a date")
	}
	if err := dateOK("date", s.Date); err != nil {
		return err
	}
	for _, a := range s.Attendees {
		if strings.TrimSpace(a.Name) == "" {
			return fmt.Errorf("every attendee needs a name")
		}
	}
	return nil
}

// Who lists the attendees: "J. Weber (shift supervisor), R. Patel".
func (s Session) Who() string {
	parts := make([]string, len(s.Attendees))
	for i, a := range s.Attendees {
		parts[i] = a.String()
	}
	return strings.Join(parts, ", ")
}

// Label names the session in one line: "2026-03-05 · Control room ·
// J. Weber (shift supervisor)".
func (s Session) Label() string {
	parts := []string{s.Date}
	if s.Place != "" {
		parts = append(parts, s.Place)
	}
	if who := s.Who(); who != "" {
		parts = append(parts, who)
	}
	return strings.Join(parts, " · ")
}

// Day is the UTC day of t as a session date.
func Day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// StaleOn reports whether a session took place before the day of now: a
// session started yesterday is not silently continued today.
func (s Session) StaleOn(now time.Time) bool { return s.Date < Day(now) }

// Session returns the session with the given id.
func (a *Assessment) Session(id int64) (Session, bool) {
	if id == 0 {
		return Session{}, false
	}
	for _, s := range a.Sessions {
		if s.ID == id {
			return s, true
		}
	}
	return Session{}, false
}

// AnsweredBy is who gave an answer: the attendees of the session of its
// latest status change ("" when none is recorded).
func (a *Assessment) AnsweredBy(ans Answer) string {
	s, _ := a.Session(ans.Session)
	return s.Who()
}

// SessionSource is one answer to place in a derived session: when its
// status last changed and the free-text interviewee it carried.
type SessionSource struct {
	Key string // the caller's name for the answer
	At  time.Time
	Who string
}

// DeriveSessions turns the free-text interviewee of older answers into
// sessions: one per (UTC day of the answer's time, interviewee text), the
// text its one attendee with no role. Answers without an interviewee get
// no session (nothing says who was there). Sessions are numbered from
// first after the given id, by day then name; assign maps each source's
// key to its session. Migration and import both use it, so a file and a
// document make the same sessions.
func DeriveSessions(sources []SessionSource, first int64) (sessions []Session, assign map[string]int64) {
	type key struct{ day, who string }
	seen := map[key]bool{}
	var keys []key
	for _, s := range sources {
		who := strings.TrimSpace(s.Who)
		if who == "" {
			continue
		}
		k := key{Day(s.At), who}
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].day != keys[j].day {
			return keys[i].day < keys[j].day
		}
		return keys[i].who < keys[j].who
	})
	ids := map[key]int64{}
	for i, k := range keys {
		id := first + int64(i) + 1
		ids[k] = id
		sessions = append(sessions, Session{ID: id, Date: k.day, Attendees: []Attendee{{Name: k.who}}})
	}
	assign = map[string]int64{}
	for _, s := range sources {
		if who := strings.TrimSpace(s.Who); who != "" {
			assign[s.Key] = ids[key{Day(s.At), who}]
		}
	}
	return sessions, assign
}

// FormatAttendees writes attendees as the session form shows them:
// "J. Weber (control engineer); R. Patel".
func FormatAttendees(list []Attendee) string {
	parts := make([]string, len(list))
	for i, a := range list {
		parts[i] = a.String()
	}
	return strings.Join(parts, "; ")
}

// ParseAttendees reads what FormatAttendees writes: people separated by
// ";", each a name with an optional "(role)" at its end.
func ParseAttendees(s string) []Attendee {
	var out []Attendee
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		a := Attendee{Name: part}
		if strings.HasSuffix(part, ")") {
			if i := strings.LastIndex(part, "("); i > 0 {
				a = Attendee{Name: strings.TrimSpace(part[:i]), Role: strings.TrimSpace(part[i+1 : len(part)-1])}
			}
		}
		out = append(out, a)
	}
	return out
}
