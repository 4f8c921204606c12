package report

import (
	"fmt"
	"os"
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// BenchmarkHTMLLarge renders a 200-zone, 300-conduit plant with every
// requirement answered, scoring and planning included (NewInput), as
// `slate report --format html` does. Aim: well under a second per report.
func BenchmarkHTMLLarge(b *testing.B) {
	cat := questionnaires.Builtin()
	for _, n := range model.BenchSizes(os.Getenv("SLATE_BENCH_1000") != "") {
		b.Run(fmt.Sprintf("zones=%d", n), func(b *testing.B) {
			a := model.GeneratePlant(cat, model.PlantSpec{Zones: n, Conduits: n * 3 / 2, Answered: 1, Seed: 1})
			var size int64
			b.ReportAllocs()
			for b.Loop() {
				w := sizeWriter{}
				if err := WriteHTML(&w, NewInput(a, cat, htmlTestAt, "large.slate", htmlTestChain, model.ScopeSLT)); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(size), "bytes/report")
		})
	}
}

// sizeWriter stands for the report file: it keeps only the size.
type sizeWriter struct{ n int64 }

func (w *sizeWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
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
