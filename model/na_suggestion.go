package model

import "fmt"

// wirelessSRs are the base requirements about wireless access (SR 1.6
// wireless access management, SR 2.2 wireless use control): on a conduit
// that carries no radio link they have nothing to judge.
var wirelessSRs = []string{"SR 1.6", "SR 2.2"}

// IsWireless reports whether the conduit kind carries a radio link.
func (k ConduitKind) IsWireless() bool { return k == ConduitWireless || k == ConduitCellular }

// NASuggestion is the justification Slate suggests for answering r "not
// applicable" on conduit c: the wireless requirements (SR 1.6, SR 2.2 and
// their enhancements) on a conduit whose kind is neither wireless nor
// cellular. ok is false for any other requirement or conduit. A suggestion
// never answers: the assessor confirms it (and may reword it) first.
func NASuggestion(c *Conduit, r *Requirement) (justification string, ok bool) {
	if c == nil || r == nil || c.Kind.IsWireless() {
		return "", false
	}
	base := r.ID
	if r.IsEnhancement() {
		base = r.Parent
	}
	for _, id := range wirelessSRs {
		if base == id {
			return fmt.Sprintf("The conduit (%s) has no wireless or cellular segment, so there is no wireless access to manage or control.",
				c.KindText()), true
		}
	}
	return "", false
}
