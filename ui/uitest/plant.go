package uitest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
)

// Sizes are the plant sizes of the scaling benchmarks (model.BenchSizes).
func Sizes() []int { return model.BenchSizes(os.Getenv("SLATE_BENCH_1000") != "") }

// PlantFile writes a generated plant with every applicable requirement
// answered into a temporary file and returns its path.
func PlantFile(tb testing.TB, zones int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), fmt.Sprintf("plant-%d.slate", zones))
	a := model.GeneratePlant(questionnaires.Builtin(), model.PlantSpec{Zones: zones, Conduits: zones * 3 / 2, Answered: 1, Seed: 1})
	st, err := store.Create(path, a, store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	st.Close()
	return path
}
