package store

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

var fixedClock = func() time.Time { return time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC) }

// demoFile writes the sample plant to a new file and returns its path.
func demoFile(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plant.slate")
	st, err := Create(path, model.SamplePlant(questionnaires.Builtin()), Options{Clock: fixedClock, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func openT(t testing.TB, path string, opt Options) *Store {
	t.Helper()
	st, err := Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func fileHash(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
