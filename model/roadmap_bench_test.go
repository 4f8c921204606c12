package model_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

// BenchmarkPlanLarge plans a 200-zone / 300-conduit plant with every answer
// "no" (aim: <= 50 ms).
func BenchmarkPlanLarge(b *testing.B) {
	cat := questionnaires.Builtin()
	windows := []model.Window{{Name: "T1", Date: "2027-04-01"}, {Name: "T2", Date: "2028-04-01"}}
	now := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, n := range model.BenchSizes(os.Getenv("SLATE_BENCH_1000") != "") {
		b.Run(fmt.Sprintf("zones=%d", n), func(b *testing.B) {
			a := model.GeneratePlant(cat, model.PlantSpec{Zones: n, Conduits: n * 3 / 2, Answered: 1, Seed: 1, Status: model.No})
			b.ReportAllocs()
			for b.Loop() {
				p := model.BuildPlan(cat, a, nil, windows, now)
				if len(p.Initiatives) == 0 {
					b.Fatal("empty plan")
				}
			}
		})
	}
}
