package report

import (
	"fmt"
	"io"
	"strings"

	"slate/model"
)

// The findings of the model checks (model.Check) as `slate check` prints
// them, text and JSON, and the words every report uses for them and for
// an SL-T rationale.

// ChecksDoc is the shape of `slate check --json`.
type ChecksDoc struct {
	Findings []CheckFinding `json:"findings"`
}

// CheckFinding is one finding of ChecksDoc.
type CheckFinding struct {
	Rule        string   `json:"rule"`
	Severity    string   `json:"severity"`
	Targets     []string `json:"targets"`
	Requirement string   `json:"requirement,omitempty"`
	Message     string   `json:"message"`
	Advice      string   `json:"advice"`
}

// NewChecksDoc converts findings to their JSON shape.
func NewChecksDoc(fs []model.Finding) ChecksDoc {
	doc := ChecksDoc{Findings: []CheckFinding{}}
	for _, f := range fs {
		targets := append([]string{}, f.Targets...)
		doc.Findings = append(doc.Findings, CheckFinding{Rule: f.Rule, Severity: string(f.Severity), Targets: targets,
			Requirement: f.Requirement, Message: f.Message, Advice: f.Advice})
	}
	return doc
}

// WriteChecksJSON prints the findings as indented JSON.
func WriteChecksJSON(w io.Writer, fs []model.Finding) error {
	return writeIndentedJSON(w, NewChecksDoc(fs))
}

// ChecksCount says how many findings there are by severity: "1 error,
// 2 warnings, 3 notes", or "no findings".
func ChecksCount(fs []model.Finding) string {
	n := model.CountFindings(fs)
	m := model.Marks{Error: n[model.SevError], Warning: n[model.SevWarning], Info: n[model.SevInfo]}
	if w := m.Words(); w != "" {
		return w
	}
	return "no findings"
}

// CheckTargets names a finding's zones and conduits, in its order.
func CheckTargets(a *model.Assessment, f model.Finding) string {
	names := make([]string, len(f.Targets))
	for i, k := range f.Targets {
		names[i] = model.CleanLine(a.TargetName(k))
	}
	return strings.Join(names, ", ")
}

// SeverityWord is how a severity reads in a list: "note" for info, the
// word the counts use.
func SeverityWord(s model.Severity) string {
	if s == model.SevInfo {
		return "note"
	}
	return string(s)
}

// WriteChecksText prints the findings for a terminal: a count, then each
// finding with its rule, targets, message and advice.
func WriteChecksText(out io.Writer, a *model.Assessment, fs []model.Finding, at string) error {
	w := textWriter(out)
	fmt.Fprintf(w, "Model checks: %s (as of %s): %s\n", model.CleanLine(a.Name), at, ChecksCount(fs))
	for _, f := range fs {
		fmt.Fprintf(w, "\n%-7s %s: %s", SeverityWord(f.Severity), f.Rule, CheckTargets(a, f))
		if f.Requirement != "" {
			fmt.Fprintf(w, " (%s)", f.Requirement)
		}
		fmt.Fprintf(w, "\n        %s\n        Advice: %s\n", model.CleanLine(f.Message), model.CleanLine(f.Advice))
	}
	if len(fs) == 0 {
		fmt.Fprintln(w, "\nThe zone and conduit model passes every check.")
	}
	return w.err
}

// RationaleLines describes a target's SL-T rationale in sentences for a
// report: the threat, the consequences, the adjustments, the proposal with
// its reasoning, the assessor's final vector and words; or that none is
// recorded. slt is the target's SL-T now (a rationale made for another
// vector is said to be out of date).
func RationaleLines(r *model.SLTRationale, slt model.SLVector) []string {
	if r == nil {
		return []string{"No SL-T rationale recorded: the target level is a number without a recorded reason."}
	}
	var out []string
	out = append(out, r.Reasoning()...)
	final := "Final SL-T set by the assessor: " + model.VectorWords(r.Final)
	if r.Deviates() {
		final += fmt.Sprintf(" (the proposal was %s)", model.VectorWords(r.Proposed))
	}
	if r.Text != "" {
		final += ". " + strings.TrimSuffix(strings.Join(strings.Fields(model.CleanText(r.Text)), " "), ".")
	}
	out = append(out, final+".")
	if r.Final != slt {
		out = append(out, fmt.Sprintf("The SL-T was changed to %s after this rationale was recorded: it no longer justifies it.", model.VectorWords(slt)))
	}
	return out
}
