package store

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// largeFileWithEvidence is the large plant with 500 evidence files of
// 1 MiB each (about 500 MB of evidence), one per zone or conduit's SR 1.1
// or SR 5.1, once per benchmark.
func largeFileWithEvidence(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "large-evidence.slate")
	a := model.GeneratePlant(questionnaires.Builtin(), model.PlantSpec{Zones: 200, Conduits: 300, Answered: 1, Seed: 1})
	st, err := Create(path, a, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	data := make([]byte, model.EvidenceChunk)
	for i, t := range a.Targets() {
		copy(data, fmt.Sprintf("evidence file %d of the large plant ", i))
		req := "SR 1.1"
		if t.Kind == model.KindConduit {
			req = "SR 5.1"
		}
		f := EvidenceFile{Name: fmt.Sprintf("photo-%03d.jpg", i), Open: func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}}
		if _, _, err := st.AddEvidence(t.Key, req, f); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkOpenLoadLargeWithEvidence opens and loads the large plant with
// 500 evidence files of 1 MiB: opening checks no blob and reads none, so it
// stays within the 100 ms of the plant without evidence.
func BenchmarkOpenLoadLargeWithEvidence(b *testing.B) {
	path := largeFileWithEvidence(b)
	b.ReportAllocs()
	for b.Loop() {
		st, a, err := OpenAndLoad(path, Options{})
		if err != nil || len(a.Evidence) != 500 {
			b.Fatal(err)
		}
		st.Close()
	}
}
