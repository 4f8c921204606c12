package model

// MatrixRow is one zone or conduit of the gap matrix.
type MatrixRow struct {
	Target Target
	Score  TargetScore
}

// Completeness returns the row's answered and applicable counts over FRs.
func (r *MatrixRow) Completeness() (answered, applicable int) {
	return r.Score.Completeness()
}

// Matrix is the gap matrix: zones first, then conduits, each across FR1..FR7.
type Matrix struct {
	Rows []MatrixRow
}

// BuildMatrix scores every target of the assessment against the catalog.
func BuildMatrix(c *Catalog, a *Assessment) Matrix {
	targets := a.Targets()
	m := Matrix{Rows: make([]MatrixRow, len(targets))}
	for i, t := range targets {
		m.Rows[i] = MatrixRow{Target: t, Score: c.Score(t, a.Answers[t.Key])}
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

// AtTarget counts the targets with no gap in any FR.
func (m *Matrix) AtTarget() int {
	n := 0
	for i := range m.Rows {
		if m.Rows[i].Score.MaxGap() == 0 {
			n++
		}
	}
	return n
}

// Completeness sums answered over applicable across the whole matrix.
func (m *Matrix) Completeness() (answered, applicable int) {
	for i := range m.Rows {
		a, p := m.Rows[i].Completeness()
		answered += a
		applicable += p
	}
	return answered, applicable
}
