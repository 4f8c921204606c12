package store

import (
	"errors"
	"testing"
)

// Where the interview was left is a per-file preference: kept, outside
// the history, and verify does not care.
func TestInterviewPlaceIsAPreference(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{Clock: fixedClock, Actor: "test"})
	if p, err := st.InterviewPlace(); err != nil || p != "" {
		t.Fatalf("a new file has place %q (%v)", p, err)
	}
	head, _, _ := st.Head()
	const place = `{"target":"control","fr":3,"requirement":"SR 3.7"}`
	if err := st.SetInterviewPlace(place); err != nil {
		t.Fatal(err)
	}
	if now, _, _ := st.Head(); now != head {
		t.Fatal("the place went into the history")
	}
	st.Close()
	verifyOK(t, path)
	again := openT(t, path, Options{})
	if p, _ := again.InterviewPlace(); p != place {
		t.Fatalf("place %q after reopening", p)
	}
}

// A read-only store leaves the place where the writer put it: a second,
// read-only Slate moving about does not decide where the next session
// opens.
func TestReadOnlyStoreKeepsTheInterviewPlace(t *testing.T) {
	path := demoFile(t)
	writer := openT(t, path, Options{Clock: fixedClock, Actor: "test"})
	const place = `{"target":"control","fr":3,"requirement":"SR 3.7"}`
	if err := writer.SetInterviewPlace(place); err != nil {
		t.Fatal(err)
	}
	ro := openT(t, path, Options{ReadOnly: true})
	if err := ro.SetInterviewPlace(`{"target":"control","fr":4,"requirement":"SR 4.1"}`); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("a read-only store set the place: %v", err)
	}
	for _, st := range []*Store{ro, writer} {
		if p, err := st.InterviewPlace(); err != nil || p != place {
			t.Fatalf("place %q (%v), want %q", p, err, place)
		}
	}
}
