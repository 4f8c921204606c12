package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// SLTMethod names the version of ProposeSLT's rule. A rationale records
// it, so a rationale made under an older rule keeps the proposal it showed
// the assessor; only a rationale of the current method is re-proposed by
// Validate.
const SLTMethod = "slate.1"

// SLTRationale is why a zone or conduit has its SL-T (IEC 62443-3-2, ZCR
// 5): the assessor's answers, the vector Slate proposed from them, the
// vector the assessor set (final, whatever the proposal said) and the
// assessor's own words. It is a value: the store keeps it in the history
// in CanonicalJSON form.
type SLTRationale struct {
	Method   string
	Input    SLTInput
	Proposed SLVector
	Final    SLVector
	Text     string // the assessor's reasoning; required when Final differs from Proposed
}

// NewSLTRationale records answers, the proposal of the current rule, the
// assessor's final vector and text (cleaned; adjustments in FR order).
func NewSLTRationale(in SLTInput, final SLVector, text string) SLTRationale {
	in.Adjustments = slices.Clone(in.Adjustments)
	for i := range in.Adjustments {
		in.Adjustments[i].Reason = strings.TrimSpace(CleanLine(in.Adjustments[i].Reason))
	}
	slices.SortFunc(in.Adjustments, func(a, b FRAdjustment) int { return int(a.FR) - int(b.FR) })
	return SLTRationale{Method: SLTMethod, Input: in, Proposed: ProposeSLT(in).Vector, Final: final,
		Text: strings.TrimSpace(CleanText(strings.ReplaceAll(text, "\r\n", "\n")))}
}

// Deviates reports whether the assessor set a vector other than the
// proposal.
func (r SLTRationale) Deviates() bool { return r.Final != r.Proposed }

// Validate checks a rationale before it is stored or after it is read.
func (r SLTRationale) Validate() error {
	if r.Method == "" {
		return fmt.Errorf("SL-T rationale: method missing")
	}
	if err := r.Input.Validate(); err != nil {
		return fmt.Errorf("SL-T rationale: %w", err)
	}
	for _, a := range r.Input.Adjustments {
		if a.Reason != strings.TrimSpace(CleanLine(a.Reason)) {
			return fmt.Errorf("SL-T rationale: %s adjustment reason must be one clean line", a.FR)
		}
	}
	if !r.Proposed.Valid() || !r.Final.Valid() {
		return fmt.Errorf("SL-T rationale: levels must be 0..4")
	}
	if r.Method == SLTMethod && ProposeSLT(r.Input).Vector != r.Proposed {
		return fmt.Errorf("SL-T rationale: %w", errNoProposal)
	}
	if r.Text != strings.TrimSpace(CleanText(r.Text)) || strings.Contains(r.Text, "\r") {
		return fmt.Errorf("SL-T rationale: the text holds control characters")
	}
	if r.Deviates() && r.Text == "" {
		return fmt.Errorf("SL-T rationale: the final SL-T %s differs from the proposal %s; say why", r.Final, r.Proposed)
	}
	return nil
}

// Reasoning is the proposal's reasoning for the recorded answers, for
// reports: under an older method it says so instead of re-deriving it.
func (r SLTRationale) Reasoning() []string {
	if r.Method != SLTMethod {
		return []string{fmt.Sprintf("Proposed SL-T %s by rule %s (this version of Slate uses %s).", r.Proposed, r.Method, SLTMethod)}
	}
	return ProposeSLT(r.Input).Reasoning
}

// DocSLTRationale is a rationale in JSON: the form the history stores
// (CanonicalJSON) and the exchange document carries (`sl_t_rationale`).
// Fixed key order, adjustments by FR, levels as numbers FR1..FR7,
// consequences by category name.
type DocSLTRationale struct {
	Method       string          `json:"method"`
	Threat       string          `json:"threat"`
	Consequences DocConsequences `json:"consequences"`
	Adjustments  []DocAdjustment `json:"adjustments,omitempty"`
	Proposed     []int           `json:"proposed"`
	Final        []int           `json:"final"`
	Text         string          `json:"text"`
}

// DocConsequences is the worst credible consequence per category, each one
// of none, minor, moderate, major, catastrophic.
type DocConsequences struct {
	Safety      string `json:"safety"`
	Environment string `json:"environment"`
	Production  string `json:"production"`
	Financial   string `json:"financial"`
}

// DocAdjustment is one FR adjustment: fr 1..7, delta -4..4 (not 0), reason.
type DocAdjustment struct {
	FR     int    `json:"fr"`
	Delta  int    `json:"delta"`
	Reason string `json:"reason"`
}

// Doc is the rationale in its JSON shape.
func (r SLTRationale) Doc() DocSLTRationale {
	cs := r.Input.Consequences
	doc := DocSLTRationale{Method: r.Method, Threat: r.Input.Threat.Key(),
		Consequences: DocConsequences{cs[CategorySafety].Key(), cs[CategoryEnvironment].Key(),
			cs[CategoryProduction].Key(), cs[CategoryFinancial].Key()},
		Proposed: levelList(r.Proposed), Final: levelList(r.Final), Text: r.Text}
	adj := slices.Clone(r.Input.Adjustments)
	slices.SortStableFunc(adj, func(a, b FRAdjustment) int { return int(a.FR) - int(b.FR) })
	for _, a := range adj {
		doc.Adjustments = append(doc.Adjustments, DocAdjustment{int(a.FR), a.Delta, a.Reason})
	}
	return doc
}

// CanonicalJSON is the rationale in the one form the history stores: the
// same rationale always gives the same bytes (one line, no trailing
// newline, adjustments in FR order).
func (r SLTRationale) CanonicalJSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r.Doc()); err != nil {
		panic(err) // strings and ints only: cannot fail
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func levelList(v SLVector) []int {
	out := make([]int, NumFR)
	for i, l := range v {
		out[i] = int(l)
	}
	return out
}

// ParseSLTRationale reads CanonicalJSON (or any JSON of that shape with no
// unknown keys) and validates it.
func ParseSLTRationale(data []byte) (SLTRationale, error) {
	var doc DocSLTRationale
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return SLTRationale{}, fmt.Errorf("SL-T rationale: %w", err)
	}
	if dec.More() {
		return SLTRationale{}, fmt.Errorf("SL-T rationale: data after the JSON object")
	}
	return doc.Rationale()
}

// Rationale reads the JSON shape back and validates it.
func (doc DocSLTRationale) Rationale() (SLTRationale, error) {
	r := SLTRationale{Method: doc.Method, Text: doc.Text}
	var err error
	if r.Input.Threat, err = ParseThreatProfile(doc.Threat); err != nil {
		return SLTRationale{}, fmt.Errorf("SL-T rationale: %w", err)
	}
	named := [numCategories]string{doc.Consequences.Safety, doc.Consequences.Environment,
		doc.Consequences.Production, doc.Consequences.Financial}
	for _, c := range ConsequenceCategories {
		if r.Input.Consequences[c], err = ParseConsequence(named[c]); err != nil {
			return SLTRationale{}, fmt.Errorf("SL-T rationale: %s: %w", c.Key(), err)
		}
	}
	for _, a := range doc.Adjustments {
		r.Input.Adjustments = append(r.Input.Adjustments, FRAdjustment{FR(a.FR), a.Delta, a.Reason})
	}
	if r.Proposed, err = levelsOf("proposed", doc.Proposed); err != nil {
		return SLTRationale{}, err
	}
	if r.Final, err = levelsOf("final", doc.Final); err != nil {
		return SLTRationale{}, err
	}
	if err := r.Validate(); err != nil {
		return SLTRationale{}, err
	}
	return r, nil
}

func levelsOf(name string, ls []int) (SLVector, error) {
	var v SLVector
	if len(ls) != NumFR {
		return v, fmt.Errorf("SL-T rationale: %s lists %d levels, want %d (FR1..FR7)", name, len(ls), NumFR)
	}
	for i, l := range ls {
		if l < 0 || l > int(MaxLevel) {
			return v, fmt.Errorf("SL-T rationale: %s FR%d level %d is not in 0..4", name, i+1, l)
		}
		v[i] = Level(l)
	}
	return v, nil
}
