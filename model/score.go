package model

// FRScore is the result of scoring one FR of one target.
type FRScore struct {
	SLA         Level // achieved level
	SLT         Level // target level
	Gap         Level // max(0, SLT - SLA)
	Provisional bool  // an unanswered requirement could still raise SLA
	Answered    int   // answered requirements with sl <= max(SLT, 1)
	Applicable  int   // applicable requirements with sl <= max(SLT, 1)
}

// Completeness returns Answered/Applicable, 1 when nothing is applicable.
func (s FRScore) Completeness() float64 {
	if s.Applicable == 0 {
		return 1
	}
	return float64(s.Answered) / float64(s.Applicable)
}

// TargetScore holds the scores of FR1..FR7 of one target.
type TargetScore [NumFR]FRScore

// At returns the score of fr.
func (t *TargetScore) At(fr FR) FRScore { return t[fr-1] }

// Completeness sums answered over applicable across FRs.
func (t *TargetScore) Completeness() (answered, applicable int) {
	for _, s := range t {
		answered += s.Answered
		applicable += s.Applicable
	}
	return answered, applicable
}

// MaxGap returns the largest gap over the FRs.
func (t *TargetScore) MaxGap() Level {
	g := Level(0)
	for _, s := range t {
		g = max(g, s.Gap)
	}
	return g
}

// ScoreFR computes DESIGN §2 for one FR of one target:
//
//	SL-A = the largest L in 0..4 such that every applicable requirement of the
//	       FR with sl <= L is satisfied (yes, na, compensating);
//	provisional when an unanswered requirement with sl <= SL-A+1 exists;
//	completeness over applicable requirements with sl <= max(SL-T, 1);
//	gap = max(0, SL-T - SL-A).
//
// SL-A is therefore one below the lowest level of any unsatisfied requirement,
// which lets one pass over the FR's requirements do the work.
func (c *Catalog) ScoreFR(t Target, fr FR, answers Answers) FRScore {
	slt := t.SLT.At(fr)
	completeTo := max(slt, 1)
	lowestUnsatisfied := MaxLevel + 1
	lowestUnanswered := MaxLevel + 1
	s := FRScore{SLT: slt}
	for _, j := range c.byKindFR[t.Kind][fr-1] {
		r := &c.Requirements[j]
		st := answers.Status(r.ID)
		if !st.Satisfied() {
			lowestUnsatisfied = min(lowestUnsatisfied, r.SL)
		}
		if !st.Answered() {
			lowestUnanswered = min(lowestUnanswered, r.SL)
		}
		if r.SL <= completeTo {
			s.Applicable++
			if st.Answered() {
				s.Answered++
			}
		}
	}
	s.SLA = lowestUnsatisfied - 1
	s.Provisional = lowestUnanswered <= MaxLevel && lowestUnanswered <= s.SLA+1
	s.Gap = max(0, slt-s.SLA)
	return s
}

// Score computes every FR of one target.
func (c *Catalog) Score(t Target, answers Answers) TargetScore {
	var ts TargetScore
	for _, fr := range FRs {
		ts[fr-1] = c.ScoreFR(t, fr, answers)
	}
	return ts
}

// Unmet returns the in-scope requirements of fr that the target does not
// satisfy, in catalog order: the drill-down behind a gap-matrix cell.
func (c *Catalog) Unmet(t Target, fr FR, answers Answers, uptoSL4 bool) []*Requirement {
	var out []*Requirement
	for _, r := range c.InScope(t.Kind, t.SLT, fr, uptoSL4) {
		if !answers.Status(r.ID).Satisfied() {
			out = append(out, r)
		}
	}
	return out
}
