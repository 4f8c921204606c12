package model

import "strconv"

// CellState is what a (target, FR) cell says about the target level, the
// first of these that matches: no target (SL-T 0), not assessed, at target
// (gap 0), gap. Only assessed cells count as gaps or as at target.
type CellState string

// The cell states, spelled as in JSON documents.
const (
	StateNoTarget    CellState = "no_target"
	StateNotAssessed CellState = "not_assessed"
	StateAtTarget    CellState = "at_target"
	StateGap         CellState = "gap"
)

// CellStates lists the states in precedence order.
var CellStates = []CellState{StateNoTarget, StateNotAssessed, StateAtTarget, StateGap}

// Describe is the state in a few words, for legends and sentences.
func (c CellState) Describe() string {
	switch c {
	case StateNoTarget:
		return "no target"
	case StateNotAssessed:
		return "not assessed"
	case StateAtTarget:
		return "at target"
	}
	return "gap"
}

// State returns the cell's state.
func (s FRScore) State() CellState {
	switch {
	case s.SLT == 0:
		return StateNoTarget
	case !s.Assessed:
		return StateNotAssessed
	case s.Gap == 0:
		return StateAtTarget
	}
	return StateGap
}

// Cell is a gap-matrix cell as every output shows it: the one notation and
// the state that colours it.
type Cell struct {
	Text  string
	State CellState
}

// Cell returns the cell's text and state.
func (s FRScore) Cell() Cell { return Cell{Text: s.Text(), State: s.State()} }

// SLAText is SL-A with its markers: "2", "2c" (depends on a compensating
// countermeasure), "2*" (provisional), "2c*".
func (s FRScore) SLAText() string {
	b := strconv.AppendInt(make([]byte, 0, 4), int64(s.SLA), 10)
	if s.Compensated {
		b = append(b, 'c')
	}
	if s.Provisional {
		b = append(b, '*')
	}
	return string(b)
}

// ShowsLevel reports whether Text shows SL-A with its markers: not for an
// all-n/a cell, nor for one that is not assessed.
func (s FRScore) ShowsLevel() bool { return !s.AllNA && s.Assessed }

// Text is the one cell notation, first rule that matches:
//
//	n/a      all_na: nothing is required here
//	?/-      SL-T 0 and not assessed
//	A/-      SL-T 0
//	?/T      not assessed
//	A/T ok   at target
//	A/T -N   a gap of N levels
//
// where A is SLAText ("2c*"). "A*/T ok" occurs only in the widened scope.
// Nothing else in Slate formats a cell.
func (s FRScore) Text() string {
	switch {
	case s.AllNA:
		return "n/a"
	case s.SLT == 0 && !s.Assessed:
		return "?/-"
	case s.SLT == 0:
		return s.SLAText() + "/-"
	case !s.Assessed:
		return "?/" + strconv.Itoa(int(s.SLT))
	case s.Gap == 0:
		return s.SLAText() + "/" + strconv.Itoa(int(s.SLT)) + " ok"
	}
	return s.SLAText() + "/" + strconv.Itoa(int(s.SLT)) + " -" + strconv.Itoa(int(s.Gap))
}

// MaxCellWidth is the widest Text can be ("2c*/3 -1"), so columns line up.
const MaxCellWidth = 8

// Percent is the one completeness rule: floor(100 × answered / applicable)
// followed by "%", or "—" when nothing is applicable (an FR with SL-T 0 in
// the default scope has nothing to complete).
func Percent(answered, applicable int) string {
	p, ok := PercentOf(answered, applicable)
	if !ok {
		return "—"
	}
	return strconv.Itoa(p) + "%"
}

// PercentOf is the number behind Percent; ok is false when nothing is
// applicable.
func PercentOf(answered, applicable int) (pct int, ok bool) {
	if applicable <= 0 {
		return 0, false
	}
	return answered * 100 / applicable, true
}
