package common_test

import (
	"testing"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/common"
)

// SetAnswer replaces the target's answer map instead of changing it, so a
// snapshot taken before (a report being written) keeps what it saw, while
// the data and its matrix row show the new answer at once.
func TestSetAnswerCopyOnWrite(t *testing.T) {
	cat := questionnaires.Builtin()
	d := common.NewData(cat, model.SamplePlant(cat), "plant.slate")
	const key, req = "dmz", "SR 2.1"
	if _, ok := d.Answers(key)[req]; ok {
		t.Fatalf("sample changed: %s %s is answered", key, req)
	}
	snap := d.A.Snapshot()
	before := len(snap.Answers[key])
	old := d.Answers(key)
	row, _ := d.Row(key)
	scoreBefore := row.Score.At(2)
	version := d.Version

	d.SetAnswer(key, model.Answer{Requirement: req, Status: model.Yes, Note: "RBAC on the jump host"})

	if _, ok := snap.Answers[key][req]; ok || len(snap.Answers[key]) != before {
		t.Fatal("the snapshot taken before changed")
	}
	if _, ok := old[req]; ok {
		t.Fatal("the old answer map was changed in place")
	}
	if got := d.Answers(key)[req]; got.Status != model.Yes || got.Note != "RBAC on the jump host" {
		t.Fatalf("data has %+v", got)
	}
	row, _ = d.Row(key)
	if after := row.Score.At(2); after.Answered != scoreBefore.Answered+1 {
		t.Fatalf("FR2 answered %d, want %d: the row was not rescored", after.Answered, scoreBefore.Answered+1)
	}
	if d.Version <= version {
		t.Fatal("Version did not increase")
	}

	// Clearing the answer (no status, note or flag) removes it, again
	// without touching the map a later snapshot holds.
	snap2 := d.A.Snapshot()
	d.SetAnswer(key, model.Answer{Requirement: req, Status: model.Unanswered})
	if _, ok := d.Answers(key)[req]; ok {
		t.Fatal("a cleared answer is still there")
	}
	if _, ok := snap2.Answers[key][req]; !ok {
		t.Fatal("clearing changed the snapshot taken before")
	}
}
