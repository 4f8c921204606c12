package report

import (
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// BenchmarkHTMLLarge renders a 200-zone, 300-conduit plant with every
// requirement answered, scoring and planning included (NewInput), as
// `slate report --format html` does. Aim: well under a second per report.
func BenchmarkHTMLLarge(b *testing.B) {
	cat := questionnaires.Builtin()
	a := model.GeneratePlant(cat, model.PlantSpec{Zones: 200, Conduits: 300, Answered: 1, Seed: 1})
	size := 0
	b.ReportAllocs()
	for b.Loop() {
		out, err := HTML(NewInput(a, cat, htmlTestAt, "large.slate", htmlTestChain))
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/report")
}

// BenchmarkHTMLDemo renders the demo plant's report.
func BenchmarkHTMLDemo(b *testing.B) {
	in := htmlDemoInput()
	size := 0
	b.ReportAllocs()
	for b.Loop() {
		out, err := HTML(in)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/report")
}
