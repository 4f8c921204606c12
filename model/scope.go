package model

import (
	"fmt"
	"strings"
)

// Scope is a setting of the view, never stored in the assessment: which
// requirements a cell is judged against when it asks "could an answer still
// raise SL-A?" and "how complete is it?". SL-A and the gap do not depend on
// it. The rules are explained in docs/scoring.md.
type Scope uint8

// The two scopes.
const (
	// ScopeSLT is the default: requirements up to the FR's SL-T.
	ScopeSLT Scope = iota
	// ScopeSL4 widens every FR to SL 4, to find over-achievement.
	ScopeSL4
)

// Ceiling is C(target, FR): the highest requirement level in scope.
func (s Scope) Ceiling(slt Level) Level {
	if s == ScopeSL4 {
		return MaxLevel
	}
	return slt
}

// Key is the spelling used in JSON documents: "sl_t" or "sl_4".
func (s Scope) Key() string {
	if s == ScopeSL4 {
		return "sl_4"
	}
	return "sl_t"
}

// Label is the short human form for headers and legends.
func (s Scope) Label() string {
	if s == ScopeSL4 {
		return "scope: up to SL 4"
	}
	return "scope: up to SL-T"
}

// Toggle returns the other scope.
func (s Scope) Toggle() Scope {
	if s == ScopeSL4 {
		return ScopeSLT
	}
	return ScopeSL4
}

// ParseScope reads a command-line value: "4" (or "sl_4") widens the scope,
// "t" (or "sl_t", "slt") keeps the default.
func ParseScope(v string) (Scope, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "4", "sl_4", "sl4":
		return ScopeSL4, nil
	case "t", "sl_t", "slt", "sl-t", "":
		return ScopeSLT, nil
	}
	return ScopeSLT, fmt.Errorf("scope %q: use 4 (up to SL 4) or t (up to SL-T, the default)", v)
}
