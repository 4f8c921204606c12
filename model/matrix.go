package model

import "sort"

// TargetScore holds the scores of FR1..FR7 of one target.
type TargetScore [NumFR]FRScore

// At returns the score of fr.
func (t *TargetScore) At(fr FR) FRScore { return t[fr-1] }

// MatrixRow is one zone or conduit of the gap matrix.
type MatrixRow struct {
	Target Target
	Score  TargetScore
}

// Matrix is the gap matrix in one scope: zones first, then conduits, each
// across FR1..FR7.
type Matrix struct {
	Scope Scope
	Rows  []MatrixRow
}

// BuildMatrix scores every target of the assessment against the catalog.
func BuildMatrix(c *Catalog, a *Assessment, scope Scope) Matrix {
	targets := a.Targets()
	m := Matrix{Scope: scope, Rows: make([]MatrixRow, len(targets))}
	for i, t := range targets {
		m.Rows[i] = MatrixRow{Target: t, Score: c.Score(t, a.Answers[t.Key], scope)}
	}
	return m
}

// Row returns the row of the target with the given key.
func (m *Matrix) Row(key string) (*MatrixRow, bool) {
	for i := range m.Rows {
		if m.Rows[i].Target.Key == key {
			return &m.Rows[i], true
		}
	}
	return nil, false
}

// TargetSummary is one target across its FRs: what the Overview's list,
// the reports' per-target pages and the plant totals count.
type TargetSummary struct {
	// WithTarget: at least one FR has SL-T > 0 (the target counts in M of
	// "N of M targets at SL-T").
	WithTarget bool
	// AtTarget: WithTarget and every FR with SL-T > 0 is at_target (N).
	AtTarget    bool
	GapCells    int   // FRs in state gap
	NotAssessed int   // FRs in state not_assessed
	MaxGap      Level // the largest gap among FRs in state gap
	Answered    int   // over FRs, requirements with sl <= C
	Applicable  int
}

// Summary summarises the row.
func (r *MatrixRow) Summary() TargetSummary {
	var s TargetSummary
	s.AtTarget = true
	for _, fs := range r.Score {
		s.Answered += fs.Answered
		s.Applicable += fs.Applicable
		switch fs.State() {
		case StateNoTarget:
			continue
		case StateNotAssessed:
			s.NotAssessed++
			s.AtTarget = false
		case StateGap:
			s.GapCells++
			s.MaxGap = max(s.MaxGap, fs.Gap)
			s.AtTarget = false
		}
		s.WithTarget = true
	}
	s.AtTarget = s.AtTarget && s.WithTarget
	return s
}

// State is the target's state as a whole: no target when no FR has one, a
// gap when any FR has one, not assessed when any FR with a target is not
// assessed, else at target.
func (s TargetSummary) State() CellState {
	switch {
	case !s.WithTarget:
		return StateNoTarget
	case s.GapCells > 0:
		return StateGap
	case s.NotAssessed > 0:
		return StateNotAssessed
	}
	return StateAtTarget
}

// Text is the target's state in the cell notation's words: "-N" for its
// largest gap, "?" when an FR with a target is not assessed and none has a
// gap, "ok" at target, "-" with no target at all.
func (s TargetSummary) Text() string {
	switch s.State() {
	case StateNoTarget:
		return "-"
	case StateGap:
		return "-" + string(rune('0'+int(s.MaxGap)))
	case StateNotAssessed:
		return "?"
	}
	return "ok"
}

// PlantSummary is the whole matrix in numbers: "N of M targets at SL-T",
// gap cells and completeness, in the matrix's scope.
type PlantSummary struct {
	Scope       Scope
	Targets     int // zones and conduits
	WithTarget  int // M: targets with at least one FR with SL-T > 0
	AtTarget    int // N: of those, every such FR at target
	GapCells    int // cells in state gap
	GapTargets  int // targets with at least one gap cell
	NotAssessed int // cells in state not_assessed
	Answered    int
	Applicable  int
}

// Summary sums the matrix.
func (m *Matrix) Summary() PlantSummary {
	p := PlantSummary{Scope: m.Scope, Targets: len(m.Rows)}
	for i := range m.Rows {
		s := m.Rows[i].Summary()
		if s.WithTarget {
			p.WithTarget++
		}
		if s.AtTarget {
			p.AtTarget++
		}
		if s.GapCells > 0 {
			p.GapTargets++
		}
		p.GapCells += s.GapCells
		p.NotAssessed += s.NotAssessed
		p.Answered += s.Answered
		p.Applicable += s.Applicable
	}
	return p
}

// GapCell is one cell in state gap, for the "largest gaps" lists.
type GapCell struct {
	Row    int // index into Matrix.Rows
	Target Target
	FR     FR
	Score  FRScore
}

// WorstGaps returns up to n cells in state gap (n <= 0: all of them), by
// gap (largest first), then non-provisional before provisional (a finding
// before an open question), then matrix order, then FR.
func (m *Matrix) WorstGaps(n int) []GapCell {
	var out []GapCell
	for i := range m.Rows {
		r := &m.Rows[i]
		for _, fr := range FRs {
			if s := r.Score.At(fr); s.State() == StateGap {
				out = append(out, GapCell{Row: i, Target: r.Target, FR: fr, Score: s})
			}
		}
	}
	// Cells were collected in matrix order, then FR: a stable sort on the
	// first two keys keeps the last two.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Score, out[j].Score
		if a.Gap != b.Gap {
			return a.Gap > b.Gap
		}
		return !a.Provisional && b.Provisional
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
