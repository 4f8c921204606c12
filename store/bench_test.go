package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

// BenchmarkAnswerCommit times one answer saved through the store (upsert,
// audit row with its hash, commit with synchronous=FULL) against a bare
// single-row INSERT committed with the same pragmas, alternating the two in
// the same run so both see the same disk. The ratio metric is the figure to
// watch (aim: <= 1.5).
func BenchmarkAnswerCommit(b *testing.B) {
	st := openT(b, demoFile(b), Options{})
	bare, err := NewBaseline(filepath.Join(b.TempDir(), "bare.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer bare.Close()
	statuses := []model.Status{model.Yes, model.No, model.Partial}
	var slate, plain time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: statuses[i%3], Note: fmt.Sprint("note ", i)}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := bare.Insert(); err != nil {
			b.Fatal(err)
		}
		slate += t1.Sub(t0)
		plain += time.Since(t1)
		i++
	}
	b.ReportMetric(float64(slate.Microseconds())/float64(i), "µs/save")
	b.ReportMetric(float64(plain.Microseconds())/float64(i), "µs/bare-insert")
	b.ReportMetric(float64(slate)/float64(plain), "ratio")
}

// largeFile writes a 200-zone / 300-conduit plant with every applicable
// requirement answered, once per benchmark.
func largeFile(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "large.slate")
	a := model.GeneratePlant(questionnaires.Builtin(), model.PlantSpec{Zones: 200, Conduits: 300, Answered: 1, Seed: 1})
	st, err := Create(path, a, Options{})
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	return path
}

// BenchmarkOpenLoadLarge opens and loads the large plant (aim: <= 100 ms).
func BenchmarkOpenLoadLarge(b *testing.B) {
	path := largeFile(b)
	b.ReportAllocs()
	for b.Loop() {
		st, a, err := OpenAndLoad(path, Options{})
		if err != nil || len(a.Zones) != 200 {
			b.Fatal(err)
		}
		st.Close()
	}
}
