package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// folderHolds fails unless dir holds exactly the named entries.
func folderHolds(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("%s holds %v, want %v", dir, got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("%s holds %v, want %v", dir, got, names)
		}
	}
}

// TestMissingFileAsksFirst: `slate missing.slate` asks before creating the
// file; answering n creates nothing (no file, no -wal, no lock), answering
// y creates it and the interface names it by its full path.
func TestMissingFileAsksFirst(t *testing.T) {
	need(t)
	bin := slateBin(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "missing.slate")

	no := start(t, "missing-no", bin, file)
	no.waitForWrapped(file + " does not exist. Create a new assessment there? [y/N]")
	folderHolds(t, dir) // asking creates nothing
	no.keys("n", "Enter")
	no.waitForWrapped("Nothing was created.")
	folderHolds(t, dir)

	yes := start(t, "missing-yes", bin, file)
	yes.waitForWrapped(file + " does not exist. Create a new assessment there? [y/N]")
	yes.keys("y", "Enter")
	yes.waitFor("New assessment created at " + file)
	yes.keys("q")
	yes.waitForWrapped(file + ": nothing was changed")
	folderHolds(t, dir, "missing.slate")
}
