package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ThreatProfile is the threat a zone or conduit must resist, one of the
// four profiles behind the security levels of IEC 62443: each level is
// defined by the violation it protects against.
type ThreatProfile int

// The four threat profiles, weakest first; the number is the security
// level that resists it.
const (
	ThreatCasual        ThreatProfile = 1 // casual or coincidental violation
	ThreatSimple        ThreatProfile = 2 // intentional, simple means, low resources, generic skills, low motivation
	ThreatSophisticated ThreatProfile = 3 // sophisticated means, moderate resources, IACS-specific skills, moderate motivation
	ThreatExtended      ThreatProfile = 4 // sophisticated means, extended resources, IACS-specific skills, high motivation
)

// ThreatProfiles lists the profiles, weakest first.
var ThreatProfiles = []ThreatProfile{ThreatCasual, ThreatSimple, ThreatSophisticated, ThreatExtended}

var threatKeys = [...]string{"", "casual", "simple", "sophisticated", "extended"}

// Valid reports whether p is one of the four profiles.
func (p ThreatProfile) Valid() bool { return p >= ThreatCasual && p <= ThreatExtended }

// Key is the profile's spelling in JSON: casual, simple, sophisticated or
// extended.
func (p ThreatProfile) Key() string {
	if !p.Valid() {
		return fmt.Sprintf("threat(%d)", int(p))
	}
	return threatKeys[p]
}

// Label describes the profile in the words the security levels use.
func (p ThreatProfile) Label() string {
	switch p {
	case ThreatCasual:
		return "casual or coincidental violation"
	case ThreatSimple:
		return "intentional violation using simple means with low resources, generic skills and low motivation"
	case ThreatSophisticated:
		return "intentional violation using sophisticated means with moderate resources, IACS-specific skills and moderate motivation"
	case ThreatExtended:
		return "intentional violation using sophisticated means with extended resources, IACS-specific skills and high motivation"
	}
	return p.Key()
}

// ParseThreatProfile reads a Key.
func ParseThreatProfile(s string) (ThreatProfile, error) {
	if i := slices.Index(threatKeys[:], s); i > 0 {
		return ThreatProfile(i), nil
	}
	return 0, fmt.Errorf("threat profile %q: use casual, simple, sophisticated or extended", s)
}

// Consequence is the worst credible consequence of a successful attack in
// one category, on a five-step scale.
type Consequence int

// The consequence scale, least first.
const (
	ConsequenceNone Consequence = iota
	ConsequenceMinor
	ConsequenceModerate
	ConsequenceMajor
	ConsequenceCatastrophic
)

// ConsequenceScale lists the scale, least first.
var ConsequenceScale = []Consequence{ConsequenceNone, ConsequenceMinor, ConsequenceModerate,
	ConsequenceMajor, ConsequenceCatastrophic}

var consequenceKeys = [...]string{"none", "minor", "moderate", "major", "catastrophic"}

// Valid reports whether c is on the scale.
func (c Consequence) Valid() bool { return c >= ConsequenceNone && c <= ConsequenceCatastrophic }

// Key is the consequence's spelling in JSON and on screen.
func (c Consequence) Key() string {
	if !c.Valid() {
		return fmt.Sprintf("consequence(%d)", int(c))
	}
	return consequenceKeys[c]
}

// ParseConsequence reads a Key.
func ParseConsequence(s string) (Consequence, error) {
	if i := slices.Index(consequenceKeys[:], s); i >= 0 {
		return Consequence(i), nil
	}
	return 0, fmt.Errorf("consequence %q: use none, minor, moderate, major or catastrophic", s)
}

// ConsequenceCategory is what a consequence harms.
type ConsequenceCategory int

// The four categories.
const (
	CategorySafety ConsequenceCategory = iota
	CategoryEnvironment
	CategoryProduction
	CategoryFinancial
	numCategories
)

// ConsequenceCategories lists the categories in display order.
var ConsequenceCategories = []ConsequenceCategory{CategorySafety, CategoryEnvironment, CategoryProduction, CategoryFinancial}

var categoryKeys = [...]string{"safety", "environment", "production", "financial"}

// Key is the category's spelling in JSON and on screen.
func (c ConsequenceCategory) Key() string {
	if c < 0 || c >= numCategories {
		return fmt.Sprintf("category(%d)", int(c))
	}
	return categoryKeys[c]
}

// Consequences holds the worst credible consequence per category, indexed
// by ConsequenceCategory.
type Consequences [numCategories]Consequence

// Worst returns the most severe consequence and the first category that
// has it.
func (cs Consequences) Worst() (Consequence, ConsequenceCategory) {
	w, cat := ConsequenceNone, CategorySafety
	for _, c := range ConsequenceCategories {
		if cs[c] > w {
			w, cat = cs[c], c
		}
	}
	return w, cat
}

// FRAdjustment moves one FR's proposal up or down from the common level,
// with the reason: e.g. FR4 one lower where the data carries no secrets.
type FRAdjustment struct {
	FR     FR
	Delta  int // -4..4, not 0
	Reason string
}

// SLTInput is what the assessor answers in the SL-T rationale form.
type SLTInput struct {
	Threat       ThreatProfile
	Consequences Consequences
	Adjustments  []FRAdjustment // at most one per FR
}

// Validate checks the answers before a proposal is made from them.
func (in SLTInput) Validate() error {
	if !in.Threat.Valid() {
		return fmt.Errorf("choose a threat profile (casual, simple, sophisticated or extended)")
	}
	for _, c := range ConsequenceCategories {
		if !in.Consequences[c].Valid() {
			return fmt.Errorf("%s consequence %d is not on the scale none..catastrophic", c.Key(), int(in.Consequences[c]))
		}
	}
	seen := map[FR]bool{}
	for _, a := range in.Adjustments {
		switch {
		case !a.FR.Valid():
			return fmt.Errorf("adjustment for FR %d: FR must be 1..7", int(a.FR))
		case seen[a.FR]:
			return fmt.Errorf("%s is adjusted twice; give one adjustment per FR", a.FR)
		case a.Delta == 0 || a.Delta < -int(MaxLevel) || a.Delta > int(MaxLevel):
			return fmt.Errorf("%s adjustment %+d: move by 1 to 4 levels up or down", a.FR, a.Delta)
		case trimmedEmpty(a.Reason):
			return fmt.Errorf("%s adjustment needs a reason", a.FR)
		}
		seen[a.FR] = true
	}
	return nil
}

// SLTProposal is the vector the rule proposes and its reasoning, one line
// per step.
type SLTProposal struct {
	Vector    SLVector
	Reasoning []string
}

// ProposeSLT turns the answers into a proposed SL-T vector (Slate's own
// heuristic, documented in docs/slt-rationale.md; the assessor's vector is
// final):
//
//	threat level     the level of the threat profile (1..4): what must be resisted
//	consequence cap  the worst consequence over the four categories:
//	                 none or minor 1, moderate 2, major 3, catastrophic 4
//	common level     the lower of the two
//	per FR           the common level plus the FR's adjustment, kept in 0..4
//
// Invalid answers give a zero vector and the reason as the only line.
func ProposeSLT(in SLTInput) SLTProposal {
	if err := in.Validate(); err != nil {
		return SLTProposal{Reasoning: []string{"No proposal: " + err.Error() + "."}}
	}
	var lines []string
	threat := Level(in.Threat)
	lines = append(lines, fmt.Sprintf("Threat: %s; resisting it takes SL %d.", in.Threat.Label(), threat))

	worst, by := in.Consequences.Worst()
	parts := make([]string, len(ConsequenceCategories))
	for i, c := range ConsequenceCategories {
		parts[i] = c.Key() + " " + in.Consequences[c].Key()
	}
	capLevel := max(Level(worst), 1)
	if worst == ConsequenceNone {
		lines = append(lines, fmt.Sprintf("Consequences: %s; with nothing at stake protection beyond SL 1 is not justified.",
			strings.Join(parts, ", ")))
	} else {
		lines = append(lines, fmt.Sprintf("Consequences: %s; the worst is %s (%s), which justifies protection up to SL %d.",
			strings.Join(parts, ", "), worst.Key(), by.Key(), capLevel))
	}

	common := min(threat, capLevel)
	switch {
	case common < threat:
		lines = append(lines, fmt.Sprintf("Common level: SL %d, capped by the consequences below the SL %d the threat would call for.", common, threat))
	case common < capLevel:
		lines = append(lines, fmt.Sprintf("Common level: SL %d, set by the threat; the consequences would justify up to SL %d.", common, capLevel))
	default:
		lines = append(lines, fmt.Sprintf("Common level: SL %d, where threat and consequences agree.", common))
	}

	v := Uniform(common)
	adj := slices.Clone(in.Adjustments)
	slices.SortFunc(adj, func(a, b FRAdjustment) int { return int(a.FR) - int(b.FR) })
	for _, a := range adj {
		raw := int(common) + a.Delta
		l := Level(min(max(raw, 0), int(MaxLevel)))
		v = v.With(a.FR, l)
		sign, n := "+", a.Delta
		if n < 0 {
			sign, n = "−", -n
		}
		kept := ""
		if int(l) != raw {
			kept = fmt.Sprintf(", kept within 0..%d", MaxLevel)
		}
		lines = append(lines, fmt.Sprintf("%s %s: %d %s %d = SL %d%s (%s).", a.FR, FRNames[a.FR-1], common, sign, n, l, kept,
			strings.TrimSpace(CleanLine(a.Reason))))
	}
	lines = append(lines, "Proposed SL-T: "+VectorWords(v)+".")
	return SLTProposal{Vector: v, Reasoning: lines}
}

// errNoProposal marks a rationale whose recorded proposal the rule cannot
// reproduce.
var errNoProposal = errors.New("the recorded proposal is not what the rule proposes for these answers")

// VectorWords says a vector in a sentence: "SL 2 in every FR" or
// "2,2,2,1,2,2,3 (FR1..FR7)".
func VectorWords(v SLVector) string {
	if v.IsUniform() {
		return fmt.Sprintf("SL %d in every FR", v[0])
	}
	return v.String() + " (FR1..FR7)"
}
