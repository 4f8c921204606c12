package store

import (
	"errors"
	"strings"
	"testing"
)

// A read-only look holds the file shared until it is closed: a writer
// meanwhile is told the file is in use, and opens it once the look is over.
func TestReadOnlyLookKeepsWritersOut(t *testing.T) {
	path := demoFile(t)
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{})
	var le *LockedError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "a read-only look") {
		t.Fatalf("writer during a read-only look: %v", err)
	}
	ro.Close()
	st := openT(t, path, Options{})
	if ro, _ := st.ReadOnly(); ro {
		t.Fatal("the file stayed read-only after the look")
	}
}
