package model

import "fmt"

// Question is one interview question of a requirement. For says on which
// kinds of target it is asked: a question about "the firewall on this
// conduit" must never appear in a zone interview, and vice versa.
type Question struct {
	Text string
	For  Applicability
}

// QuestionsFor returns the questions to ask on a target of kind k, in
// catalog order. It is the one place that decides which questions an
// interview shows.
func (r *Requirement) QuestionsFor(k TargetKind) []Question {
	var out []Question
	for _, q := range r.Questions {
		if q.For.Includes(k) {
			out = append(out, q)
		}
	}
	return out
}

// EvidenceSource says who can supply the evidence for a requirement when the
// plant's own staff cannot answer it alone.
type EvidenceSource string

// Evidence sources; the zero value means the plant's staff can answer.
const (
	EvidenceStaff  EvidenceSource = ""
	EvidenceVendor EvidenceSource = "vendor" // vendor documentation or certificate
	EvidenceTest   EvidenceSource = "test"   // a technical test or its report
)

// ParseEvidenceSource reads the catalog spelling: vendor or test.
func ParseEvidenceSource(s string) (EvidenceSource, error) {
	switch e := EvidenceSource(s); e {
	case EvidenceVendor, EvidenceTest:
		return e, nil
	}
	return EvidenceStaff, fmt.Errorf("evidence_from %q must be vendor or test", s)
}
