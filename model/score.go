package model

// FRScore is the result of scoring one FR of one target in one scope. Every
// screen, command and report reads a cell's numbers, state and text from
// here; docs/scoring.md explains each field with a worked example.
type FRScore struct {
	SLA        Level // achieved level (does not depend on the scope)
	SLT        Level // target level
	Gap        Level // max(0, SLT - SLA)
	Optimistic Level // SL-A if every unanswered requirement were satisfied
	Ceiling    Level // C: SL-T in the default scope, 4 in the widened one

	// Provisional: answering the open questions could still raise SL-A
	// within scope, i.e. min(Optimistic, Ceiling) > SLA.
	Provisional bool
	// Compensated: a requirement with sl <= SL-A is met by a compensating
	// countermeasure, so SL-A depends on it.
	Compensated bool
	// Assessed: S (the FR's requirements with sl <= max(C, 1)) is empty or
	// at least one of them is answered.
	Assessed bool
	// AllNA: S is empty or every requirement in it is answered n/a.
	AllNA bool

	Answered   int // answered requirements with sl <= C
	Applicable int // applicable requirements with sl <= C
}

// ScoreFR computes one FR of one target (the rules of docs/scoring.md):
//
//	SL-A         the largest L such that every applicable requirement of the
//	             FR with sl <= L is satisfied (yes, na, compensating);
//	optimistic   the same with unanswered counted as satisfied;
//	provisional  min(optimistic, C) > SL-A;
//	compensated  a compensating answer with sl <= SL-A;
//	assessed     S empty or one requirement in S answered;
//	all_na       S empty or every requirement in S answered na;
//	completeness answered / applicable over sl <= C.
//
// One pass over the FR's requirements: SL-A is one below the lowest level
// of any unsatisfied requirement, the optimistic SL-A one below the lowest
// level of any `no` or `partial`.
func (c *Catalog) ScoreFR(t Target, fr FR, answers Answers, scope Scope) FRScore {
	slt := t.SLT.At(fr)
	ceil := scope.Ceiling(slt)
	sLimit := max(ceil, 1)
	lowestUnsatisfied := MaxLevel + 1
	lowestFailed := MaxLevel + 1
	lowestCompensating := MaxLevel + 1
	s := FRScore{SLT: slt, Ceiling: ceil, AllNA: true}
	inS, answeredInS := 0, 0
	for _, j := range c.byKindFR[t.Kind][fr-1] {
		r := &c.Requirements[j]
		st := answers.Status(r.ID)
		switch st {
		case No, Partial:
			lowestFailed = min(lowestFailed, r.SL)
		case Compensating:
			lowestCompensating = min(lowestCompensating, r.SL)
		}
		if !st.Satisfied() {
			lowestUnsatisfied = min(lowestUnsatisfied, r.SL)
		}
		if r.SL <= sLimit {
			inS++
			if st.Answered() {
				answeredInS++
			}
			if st != NA {
				s.AllNA = false
			}
		}
		if r.SL <= ceil {
			s.Applicable++
			if st.Answered() {
				s.Answered++
			}
		}
	}
	s.SLA = lowestUnsatisfied - 1
	s.Optimistic = lowestFailed - 1
	s.Provisional = min(s.Optimistic, ceil) > s.SLA
	s.Compensated = lowestCompensating <= s.SLA
	s.Assessed = inS == 0 || answeredInS > 0
	s.Gap = max(0, slt-s.SLA)
	return s
}

// Score computes every FR of one target.
func (c *Catalog) Score(t Target, answers Answers, scope Scope) TargetScore {
	var ts TargetScore
	for _, fr := range FRs {
		ts[fr-1] = c.ScoreFR(t, fr, answers, scope)
	}
	return ts
}

// Unmet returns the in-scope requirements of fr that the target does not
// satisfy, in catalog order: the drill-down behind a gap-matrix cell.
func (c *Catalog) Unmet(t Target, fr FR, answers Answers, scope Scope) []*Requirement {
	var out []*Requirement
	for _, r := range c.InScope(t.Kind, t.SLT, fr, scope) {
		if !answers.Status(r.ID).Satisfied() {
			out = append(out, r)
		}
	}
	return out
}
