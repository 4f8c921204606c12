package store

import (
	"testing"

	"slate/model"
)

// A read-only view of a file another session holds sees that session's
// commits through DataVersion: unchanged while nothing is committed, new
// after each commit, and the answer is there when it reads again.
func TestDataVersionFollowsAnotherSessionsCommits(t *testing.T) {
	path := demoFile(t)
	w := openT(t, path, Options{Clock: fixedClock, Actor: "test"})
	defer w.Close()
	ro := openT(t, path, Options{ReadOnly: true})
	defer ro.Close()

	v0, err := ro.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := ro.DataVersion(); v != v0 {
		t.Fatalf("the data version moved without a commit: %d then %d", v0, v)
	}
	if _, err := w.SaveAnswer("control", model.Answer{Requirement: "SR 2.2", Status: model.No, Note: "seen from the other session"}); err != nil {
		t.Fatal(err)
	}
	v1, err := ro.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if v1 == v0 {
		t.Fatal("the data version did not change after the other session committed")
	}
	a, err := ro.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers["control"]["SR 2.2"].Note; got != "seen from the other session" {
		t.Fatalf("the reloaded answer's note is %q", got)
	}
	if v, _ := ro.DataVersion(); v != v1 {
		t.Fatalf("reading moved the data version: %d then %d", v1, v)
	}
}
