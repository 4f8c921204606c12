package model_test

import (
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// BenchmarkBuildMatrix scores a 200-zone / 300-conduit plant with every
// applicable requirement answered. Divide ns/op by 500 for the per-target
// figure (aim: well under 1 ms per target).
func BenchmarkBuildMatrix(b *testing.B) {
	cat := questionnaires.Builtin()
	a := model.GeneratePlant(cat, model.PlantSpec{Zones: 200, Conduits: 300, Answered: 1, Seed: 1})
	b.ReportAllocs()
	for b.Loop() {
		m := model.BuildMatrix(cat, a, model.ScopeSLT)
		if len(m.Rows) != 500 {
			b.Fatal("rows")
		}
	}
}
