package model

import (
	"slices"
	"strings"
	"time"
)

// Severity says how much a finding of the model checks matters.
type Severity string

// The severities, most severe first. A `slate check` with an error finding
// fails.
const (
	SevError   Severity = "error"   // the model contradicts IEC 62443 zoning
	SevWarning Severity = "warning" // probably wrong, worth a look
	SevInfo    Severity = "info"    // missing documentation, not a flaw
)

// Severities lists the severities, most severe first.
var Severities = []Severity{SevError, SevWarning, SevInfo}

func (s Severity) rank() int {
	if i := slices.Index(Severities, s); i >= 0 {
		return i
	}
	return len(Severities)
}

// Finding is one result of the model checks.
type Finding struct {
	Rule        string   // the rule's id, e.g. "it-ot-bypass"
	Severity    Severity // the rule's severity
	Targets     []string // zone and conduit keys, the one to jump to first
	Requirement string   // the requirement concerned, when one is
	Message     string   // what is wrong, naming the targets
	Advice      string   // what to do, in one sentence
}

// CheckInput is everything the model checks read. Only Model is needed by
// every rule; a rule whose data is absent is silent, so a caller that has
// no answers yet still gets the zoning findings.
type CheckInput struct {
	Model ZoneModel // zones and conduits with their kinds (NewZoneModel)

	// Catalog and Answers: conduit-below-zone reads which FRs have conduit
	// requirements, re-without-sr the answers (by target key) and which
	// requirements apply to each kind of target.
	Catalog *Catalog
	Answers map[string]Answers

	// At is "today" for the rules that compare dates (the roadmap's
	// due-window-conflict and the risk-acceptance and compensating-review
	// expiry rules, which later changes add here together with the
	// records they read, e.g. the roadmap Plan and tracking by target).
	At time.Time
}

// CheckRule is one entry of the rule table: a new rule is one function
// plus one entry here (and one case in the table test).
type CheckRule struct {
	ID       string
	Severity Severity
	// What says what the rule finds, in one line, for docs and help.
	What string
	// Advice is the rule's one sentence of advice; a finding may replace it.
	Advice string
	Check  func(in *CheckInput) []Finding
}

// CheckRules is the rule table, in the order findings of one severity are
// listed.
var CheckRules = []CheckRule{
	{"it-ot-bypass", SevError,
		"a conduit joins an external or enterprise zone directly to a supervisory, control, safety or field zone",
		"Terminate this traffic in the industrial DMZ so that no connection runs directly between the IT and OT zones.",
		checkITOTBypass},
	{"conduit-below-zone", SevWarning,
		"a conduit's SL-T, in an FR where conduits have requirements, is below the higher SL-T of its two zones",
		"Raise the conduit's SL-T to at least the higher SL-T of the zones it connects, or document why the lower level is enough.",
		checkConduitBelowZone},
	{"direct-across-levels", SevWarning,
		"a conduit of kind direct joins zones whose SL-T vectors differ",
		"Put a filtering device such as a firewall or a data diode on this conduit, or merge the zones if they need the same protection.",
		checkDirectAcrossLevels},
	{"isolated-zone", SevWarning,
		"a zone with no conduit in a plant of more than one zone",
		"Add the conduits this zone communicates through, including portable media and maintenance laptops, or remove it from the system under consideration.",
		checkIsolatedZone},
	{"safety-below-control", SevWarning,
		"a safety zone's SL-T is below, in some FR, that of a control zone it shares a conduit with",
		"Give the safety zone at least the SL-T of the control zone it is connected to, so that a compromised control zone cannot reach a less protected safety system.",
		checkSafetyBelowControl},
	{"duplicate-name", SevWarning,
		"two zones, or two conduits, share a name",
		"Give every zone and every conduit its own name so that findings, interviews and reports point to one target.",
		checkDuplicateName},
	{"re-without-sr", SevWarning,
		"an RE satisfied while its SR is answered no or partial, or an SR n/a while one of its REs is answered otherwise",
		"Review both answers together, because a requirement enhancement only adds to its base requirement.",
		checkREWithoutSR},
	{"no-target", SevInfo,
		"a target with SL-T 0 in some FR",
		"Set a target level for every foundational requirement, or record in the SL-T rationale why this one needs none.",
		checkNoTarget},
	{"slt-without-rationale", SevInfo,
		"a zone whose SL-T was set without a recorded rationale",
		"Record the threat, the worst credible consequences and any FR adjustments behind this SL-T, as IEC 62443-3-2 asks of every zone's target.",
		checkSLTWithoutRationale},
}

// Check runs every rule and returns the findings in a fixed order: by
// severity (errors first), then rule table order, then the place of their
// targets (zones first, then conduits, each in display order), then
// requirement and message.
func Check(in *CheckInput) []Finding {
	var out []Finding
	for _, r := range CheckRules {
		for _, f := range r.Check(in) {
			f.Rule, f.Severity = r.ID, r.Severity
			if f.Advice == "" {
				f.Advice = r.Advice
			}
			out = append(out, f)
		}
	}
	SortFindings(out, &in.Model, in.Catalog)
	return out
}

// SortFindings puts findings in Check's order. cat may be nil (requirements
// then compare by id).
func SortFindings(fs []Finding, m *ZoneModel, cat *Catalog) {
	ruleAt := make(map[string]int, len(CheckRules))
	for i, r := range CheckRules {
		ruleAt[r.ID] = i
	}
	rank := func(id string) int {
		if i, ok := ruleAt[id]; ok {
			return i
		}
		return len(ruleAt)
	}
	order := m.order()
	place := func(key string) int {
		if i, ok := order[key]; ok {
			return i
		}
		return len(order)
	}
	reqAt := func(id string) int {
		if cat != nil {
			if i, ok := cat.index[id]; ok {
				return i
			}
		}
		return -1
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if d := a.Severity.rank() - b.Severity.rank(); d != 0 {
			return d
		}
		if d := rank(a.Rule) - rank(b.Rule); d != 0 {
			return d
		}
		if d := strings.Compare(a.Rule, b.Rule); d != 0 {
			return d // two rules the table does not know
		}
		if d := slices.CompareFunc(a.Targets, b.Targets, func(x, y string) int {
			if d := place(x) - place(y); d != 0 {
				return d
			}
			return strings.Compare(x, y)
		}); d != 0 {
			return d
		}
		if d := reqAt(a.Requirement) - reqAt(b.Requirement); d != 0 {
			return d
		}
		if d := strings.Compare(a.Requirement, b.Requirement); d != 0 {
			return d
		}
		return strings.Compare(a.Message, b.Message)
	})
}

// CountFindings counts findings by severity.
func CountFindings(fs []Finding) map[Severity]int {
	n := map[Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	return n
}

// HasError reports whether any finding is an error: `slate check` then
// exits 1.
func HasError(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SevError {
			return true
		}
	}
	return false
}

// FindingsOf returns the findings that name the target key, in order.
func FindingsOf(fs []Finding, key string) []Finding {
	var out []Finding
	for _, f := range fs {
		if slices.Contains(f.Targets, key) {
			out = append(out, f)
		}
	}
	return out
}

// WorstSeverity is the most severe severity among fs; ok is false when fs
// is empty.
func WorstSeverity(fs []Finding) (s Severity, ok bool) {
	for _, f := range fs {
		if !ok || f.Severity.rank() < s.rank() {
			s, ok = f.Severity, true
		}
	}
	return s, ok
}
