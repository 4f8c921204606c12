package model

import (
	"fmt"
	"slices"
	"strings"
)

// TargetKind says whether a target is a zone or a conduit.
type TargetKind uint8

// Target kinds.
const (
	KindZone TargetKind = iota
	KindConduit
)

// String returns "zone" or "conduit".
func (k TargetKind) String() string {
	if k == KindConduit {
		return "conduit"
	}
	return "zone"
}

// Applicability says which kinds of target a requirement is assessed on.
type Applicability uint8

// Applicability values; AppliesBoth is the union.
const (
	AppliesZone    Applicability = 1 << iota
	AppliesConduit               // communication, boundary and flow requirements
	AppliesBoth    = AppliesZone | AppliesConduit
)

// Includes reports whether a requirement with this applicability is assessed
// on targets of kind k.
func (a Applicability) Includes(k TargetKind) bool {
	if k == KindConduit {
		return a&AppliesConduit != 0
	}
	return a&AppliesZone != 0
}

// String returns the catalog spelling: zone, conduit or both.
func (a Applicability) String() string {
	switch a {
	case AppliesZone:
		return "zone"
	case AppliesConduit:
		return "conduit"
	case AppliesBoth:
		return "both"
	}
	return "none"
}

// ParseApplicability reads the catalog spelling.
func ParseApplicability(s string) (Applicability, error) {
	switch s {
	case "zone":
		return AppliesZone, nil
	case "conduit":
		return AppliesConduit, nil
	case "both":
		return AppliesBoth, nil
	}
	return 0, fmt.Errorf("applies_to %q must be zone, conduit or both", s)
}

// Effort is the usual effort to close a requirement's gap.
type Effort int

// Effort values; the zero value is Medium so a catalog may omit it.
const (
	EffortLow Effort = iota - 1
	EffortMedium
	EffortHigh
)

// String returns low, medium or high.
func (e Effort) String() string {
	switch e {
	case EffortLow:
		return "low"
	case EffortHigh:
		return "high"
	}
	return "medium"
}

// ParseEffort reads low, medium or high.
func ParseEffort(s string) (Effort, error) {
	switch s {
	case "low":
		return EffortLow, nil
	case "medium", "":
		return EffortMedium, nil
	case "high":
		return EffortHigh, nil
	}
	return EffortMedium, fmt.Errorf("effort %q must be low, medium or high", s)
}

// Requirement is a system requirement (SR) or requirement enhancement (RE).
type Requirement struct {
	ID        string // "SR 1.1" or "SR 1.1 RE 1"
	FR        FR
	Parent    string // the SR of an RE; empty for an SR
	Title     string
	SL        Level // lowest security level at which it is required
	AppliesTo Applicability
	Questions []Question // see QuestionsFor
	MetWhen   string     // what must be true for yes, and what makes it partial
	// EvidenceFrom names who must supply the evidence when plant staff
	// cannot answer alone (a vendor document, a test report).
	EvidenceFrom EvidenceSource
	LookFor      string
	Remediation  string
	Tags         []string
	Effort       Effort
	Outage       bool // closing it usually needs a production outage
	Vendor       bool // closing it usually depends on the system vendor
}

// IsEnhancement reports whether r is an RE.
func (r *Requirement) IsEnhancement() bool { return r.Parent != "" }

// HasTag reports whether r carries tag t.
func (r *Requirement) HasTag(t string) bool { return slices.Contains(r.Tags, t) }

// ParentOf returns the SR id an RE id belongs to ("SR 1.1 RE 2" -> "SR 1.1"),
// or "" when id names an SR.
func ParentOf(id string) string {
	if i := strings.Index(id, " RE "); i > 0 {
		return id[:i]
	}
	return ""
}

// Catalog is a validated requirement catalog with lookup indexes.
type Catalog struct {
	ID      string
	Version string
	Title   string
	Hash    string // sha256 of the source file, hex
	Format  int    // catalog file format: 1, or 2 with per-kind questions and met_when
	Tags    map[string]string
	FRTitle [NumFR]string

	Requirements  []Requirement
	SiteQuestions []SiteQuestion // asked once per assessment, never scored
	Projects      []ProjectGroup // default project groups for the roadmap

	index map[string]int
	// byKindFR[kind][fr-1] lists indexes into Requirements applicable to that
	// kind in that FR, in catalog order; scoring walks these slices only.
	byKindFR [2][NumFR][]int
}

// NewCatalog indexes reqs. It checks only what indexing needs (unique ids,
// valid FR); the questionnaires loader does the full validation with lines.
func NewCatalog(id, version, title, hash string, reqs []Requirement) (*Catalog, error) {
	c := &Catalog{ID: id, Version: version, Title: title, Hash: hash, Requirements: reqs,
		index: make(map[string]int, len(reqs)), FRTitle: FRNames}
	for i := range reqs {
		r := &reqs[i]
		if _, dup := c.index[r.ID]; dup {
			return nil, fmt.Errorf("duplicate requirement id %q", r.ID)
		}
		if !r.FR.Valid() {
			return nil, fmt.Errorf("requirement %q: FR %d out of 1..7", r.ID, r.FR)
		}
		c.index[r.ID] = i
		for _, k := range []TargetKind{KindZone, KindConduit} {
			if r.AppliesTo.Includes(k) {
				c.byKindFR[k][r.FR-1] = append(c.byKindFR[k][r.FR-1], i)
			}
		}
	}
	return c, nil
}

// Requirement returns the requirement with the given id.
func (c *Catalog) Requirement(id string) (*Requirement, bool) {
	i, ok := c.index[id]
	if !ok {
		return nil, false
	}
	return &c.Requirements[i], true
}

// Applicable returns the requirements of fr assessed on targets of kind k, in
// catalog order.
func (c *Catalog) Applicable(k TargetKind, fr FR) []*Requirement {
	idx := c.byKindFR[k][fr-1]
	out := make([]*Requirement, len(idx))
	for i, j := range idx {
		out[i] = &c.Requirements[j]
	}
	return out
}

// InScope returns the requirements of fr to ask about a target of kind k with
// target vector slt: those with sl <= C, the scope's ceiling (SL-T in the
// default scope, SL 4 in the widened one, to find over-achievement).
func (c *Catalog) InScope(k TargetKind, slt SLVector, fr FR, scope Scope) []*Requirement {
	limit := scope.Ceiling(slt.At(fr))
	var out []*Requirement
	for _, j := range c.byKindFR[k][fr-1] {
		if r := &c.Requirements[j]; r.SL <= limit {
			out = append(out, r)
		}
	}
	return out
}

// Count returns how many requirements have sl <= l across all FRs, the
// cumulative count the standard's tables give per level.
func (c *Catalog) Count(l Level) int {
	n := 0
	for i := range c.Requirements {
		if c.Requirements[i].SL <= l {
			n++
		}
	}
	return n
}
