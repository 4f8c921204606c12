// Package model holds Slate's domain: the requirement catalog, zones and
// conduits, answers, and the scoring of IEC 62443-3-3 security levels. It is
// pure Go with no I/O so every rule can be tested in isolation.
package model

import (
	"fmt"
	"strings"
)

// Level is a security level, 0..4. Level 0 as a target means "no target".
type Level int

// MaxLevel is the highest security level of IEC 62443.
const MaxLevel Level = 4

// FR is a foundational requirement number, 1..7.
type FR int

// NumFR is the number of foundational requirements.
const NumFR = 7

// FRs lists FR1..FR7 in order, for loops that read better than index maths.
var FRs = [NumFR]FR{1, 2, 3, 4, 5, 6, 7}

// Valid reports whether fr is one of FR1..FR7.
func (fr FR) Valid() bool { return fr >= 1 && fr <= NumFR }

// String returns "FR1".."FR7".
func (fr FR) String() string { return fmt.Sprintf("FR%d", int(fr)) }

// FRNames are the short names of the seven foundational requirements.
var FRNames = [NumFR]string{
	"Identification and authentication control",
	"Use control",
	"System integrity",
	"Data confidentiality",
	"Restricted data flow",
	"Timely response to events",
	"Resource availability",
}

// Valid reports whether l is within 0..4.
func (l Level) Valid() bool { return l >= 0 && l <= MaxLevel }

// SLVector holds one level per FR, FR1 first.
type SLVector [NumFR]Level

// Uniform returns a vector with every FR at l, the common "SL-T 2" case.
func Uniform(l Level) SLVector {
	var v SLVector
	for i := range v {
		v[i] = l
	}
	return v
}

// At returns the level for fr.
func (v SLVector) At(fr FR) Level { return v[fr-1] }

// With returns a copy of v with fr set to l.
func (v SLVector) With(fr FR, l Level) SLVector {
	v[fr-1] = l
	return v
}

// Valid reports whether every level is within 0..4.
func (v SLVector) Valid() bool {
	for _, l := range v {
		if !l.Valid() {
			return false
		}
	}
	return true
}

// Max returns the highest level in v.
func (v SLVector) Max() Level {
	m := Level(0)
	for _, l := range v {
		m = max(m, l)
	}
	return m
}

// Higher returns, per FR, the higher of the two vectors' levels: the SL-T
// a conduit starts with between two zones, held to the stricter one.
func (v SLVector) Higher(o SLVector) SLVector {
	for i := range v {
		v[i] = max(v[i], o[i])
	}
	return v
}

// IsUniform reports whether all FRs share one level.
func (v SLVector) IsUniform() bool {
	for _, l := range v[1:] {
		if l != v[0] {
			return false
		}
	}
	return true
}

// String renders the vector compactly: "2" when uniform, else "1,2,2,2,2,1,2".
func (v SLVector) String() string {
	if v.IsUniform() {
		return fmt.Sprint(int(v[0]))
	}
	parts := make([]string, NumFR)
	for i, l := range v {
		parts[i] = fmt.Sprint(int(l))
	}
	return strings.Join(parts, ",")
}

// ParseSLVector reads either one level ("2", applied to every FR) or seven
// comma-separated levels ("1,2,2,2,2,1,2").
func ParseSLVector(s string) (SLVector, error) {
	fields := strings.Split(strings.TrimSpace(s), ",")
	var v SLVector
	switch len(fields) {
	case 1:
		l, err := parseLevel(fields[0])
		if err != nil {
			return v, err
		}
		return Uniform(l), nil
	case NumFR:
		for i, f := range fields {
			l, err := parseLevel(f)
			if err != nil {
				return v, fmt.Errorf("FR%d: %w", i+1, err)
			}
			v[i] = l
		}
		return v, nil
	default:
		return v, fmt.Errorf("SL-T %q: give one level or seven comma-separated levels", s)
	}
}

func parseLevel(s string) (Level, error) {
	s = strings.TrimSpace(s)
	if len(s) == 1 && s[0] >= '0' && s[0] <= '4' {
		return Level(s[0] - '0'), nil
	}
	return 0, fmt.Errorf("level %q is not in 0..4", s)
}
