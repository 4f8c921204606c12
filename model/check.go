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
// no answers or roadmap yet still gets the zoning findings. NewCheckInput
// builds it from an assessment.
type CheckInput struct {
	Model ZoneModel // zones and conduits with their kinds (NewZoneModel)

	// Catalog and Answers: conduit-below-zone reads which FRs have conduit
	// requirements, re-without-sr the answers (by target key) and which
	// requirements apply to each kind of target.
	Catalog *Catalog
	Answers map[string]Answers

	// Plan is the roadmap as of At (BuildPlan): due-window-conflict,
	// risk-acceptance-expired and risk-acceptance-incomplete read its
	// initiatives, their schedule conflicts and tracking records.
	Plan *Plan

	// At is "today" for the rules that compare dates (the Plan was made
	// as of At).
	At time.Time

	// Countermeasures are the compensating countermeasures, whose review
	// dates compensating-review-expired compares with At.
	Countermeasures []Countermeasure
}

// NewCheckInput gathers what the checks read from an assessment, with the
// roadmap plan made as of plan.At (nil: the roadmap rules stay silent).
func NewCheckInput(c *Catalog, a *Assessment, plan *Plan) *CheckInput {
	in := &CheckInput{Model: NewZoneModel(a), Catalog: c, Answers: a.Answers, Plan: plan, Countermeasures: a.Countermeasures}
	if plan != nil {
		in.At = plan.At
	}
	return in
}

// CheckAssessment runs every rule on an assessment as of now: its zone
// model, its answers and its roadmap planned as of now. `slate check`, the
// screens and the reports all call it (or Check on NewCheckInput when they
// hold the plan already).
func CheckAssessment(c *Catalog, a *Assessment, now time.Time) []Finding {
	plan := BuildPlan(c, a, a.Tracking, a.Windows, now)
	return Check(NewCheckInput(c, a, &plan))
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
	// Roadmap: the rule's findings are about a roadmap initiative (their
	// Requirement) rather than the zone model, so a finding is looked at
	// on the roadmap.
	Roadmap bool
}

// CheckRules is the rule table, in the order findings of one severity are
// listed.
var CheckRules = []CheckRule{
	{ID: "it-ot-bypass", Severity: SevError,
		What:   "a conduit joins an external or enterprise zone directly to a supervisory, control, safety or field zone",
		Advice: "Terminate this traffic in the industrial DMZ so that no connection runs directly between the IT and OT zones.",
		Check:  checkITOTBypass},
	{ID: "due-window-conflict", Severity: SevError,
		What:   "an outage initiative's due date is earlier than the first maintenance window that covers its target",
		Advice: "Plan a maintenance window that covers this target before the due date, or agree a due date the windows can meet.",
		Check:  checkDueWindowConflict, Roadmap: true},
	{ID: "conduit-below-zone", Severity: SevWarning,
		What:   "a conduit's SL-T, in an FR where conduits have requirements, is below the higher SL-T of its two zones",
		Advice: "Raise the conduit's SL-T to at least the higher SL-T of the zones it connects, or document why the lower level is enough.",
		Check:  checkConduitBelowZone},
	{ID: "direct-across-levels", Severity: SevWarning,
		What:   "a conduit of kind direct joins zones whose SL-T vectors differ",
		Advice: "Put a filtering device such as a firewall or a data diode on this conduit, or merge the zones if they need the same protection.",
		Check:  checkDirectAcrossLevels},
	{ID: "isolated-zone", Severity: SevWarning,
		What:   "a zone with no conduit in a plant of more than one zone",
		Advice: "Add the conduits this zone communicates through, including portable media and maintenance laptops, or remove it from the system under consideration.",
		Check:  checkIsolatedZone},
	{ID: "safety-below-control", Severity: SevWarning,
		What:   "a safety zone's SL-T is below, in some FR, that of a control zone it shares a conduit with",
		Advice: "Give the safety zone at least the SL-T of the control zone it is connected to, so that a compromised control zone cannot reach a less protected safety system.",
		Check:  checkSafetyBelowControl},
	{ID: "duplicate-name", Severity: SevWarning,
		What:   "two zones, or two conduits, share a name",
		Advice: "Give every zone and every conduit its own name so that findings, interviews and reports point to one target.",
		Check:  checkDuplicateName},
	{ID: "re-without-sr", Severity: SevWarning,
		What:   "an RE satisfied while its SR is answered no or partial, or an SR n/a while one of its REs is answered otherwise",
		Advice: "Review both answers together, because a requirement enhancement only adds to its base requirement.",
		Check:  checkREWithoutSR},
	{ID: "risk-acceptance-expired", Severity: SevWarning,
		What:   "a risk acceptance past its review date: the gap is open again",
		Advice: "Review the acceptance with the person who gave it and record a new review date, or plan the work that closes the gap.",
		Check:  checkRiskAcceptanceExpired, Roadmap: true},
	{ID: "risk-acceptance-incomplete", Severity: SevWarning,
		What:   "a risk acceptance without the name and role of who accepted it, or without a review date",
		Advice: "Record who accepted the risk, in which role, and when it is to be reviewed, so that the acceptance can be defended and reopens on time.",
		Check:  checkRiskAcceptanceIncomplete, Roadmap: true},
	{ID: ReviewExpiredRule, Severity: SevWarning,
		What:   "a compensating countermeasure past its review date (the answers and SL-A stay as they are)",
		Advice: reviewExpiredAdvice,
		Check:  checkCompensatingReviewExpired},
	{ID: "no-target", Severity: SevInfo,
		What:   "a target with SL-T 0 in some FR",
		Advice: "Set a target level for every foundational requirement, or record in the SL-T rationale why this one needs none.",
		Check:  checkNoTarget},
	{ID: "slt-without-rationale", Severity: SevInfo,
		What:   "a zone whose SL-T was set without a recorded rationale",
		Advice: "Record the threat, the worst credible consequences and any FR adjustments behind this SL-T, as IEC 62443-3-2 asks of every zone's target.",
		Check:  checkSLTWithoutRationale},
}

// RuleOf returns the table entry of a rule.
func RuleOf(id string) (CheckRule, bool) {
	for _, r := range CheckRules {
		if r.ID == id {
			return r, true
		}
	}
	return CheckRule{}, false
}

// OnRoadmap reports whether the finding is about a roadmap initiative
// (its Requirement), to be looked at on the roadmap.
func (f Finding) OnRoadmap() bool {
	r, ok := RuleOf(f.Rule)
	return ok && r.Roadmap && f.Requirement != ""
}

// Check runs every rule and returns the findings in a fixed order: by
// severity (errors first), then rule table order, then the place of their
// targets (zones first, then conduits, each in display order), then
// requirement and message.
func Check(in *CheckInput) []Finding {
	found := make([][]Finding, len(CheckRules))
	n := 0
	for i, r := range CheckRules {
		found[i] = r.Check(in)
		n += len(found[i])
	}
	out := make([]Finding, 0, n)
	for i, r := range CheckRules {
		for _, f := range found[i] {
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
