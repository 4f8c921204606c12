package store

import (
	"io"
	"strings"
	"testing"
	"time"

	"slate/model"
)

// A batch commits every answer with its own history row, at the time of
// the save, with the evidence and countermeasure links asked for; the file
// then verifies.
func TestSaveAnswersCommitsEachWithItsHistory(t *testing.T) {
	path := demoFile(t)
	now := time.Date(2026, 3, 6, 14, 0, 0, 0, time.UTC)
	st := openT(t, path, Options{Clock: func() time.Time { return now }, Actor: "test"})
	e, _, err := st.AddEvidence("supervisory", "SR 1.5", EvidenceFile{Name: "policy.txt",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("minimum length 12")), nil }})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := st.Load()
	cm := before.Countermeasures[0]
	_, seqBefore, _ := st.Head()
	no := model.Answer{Requirement: "SR 1.5", Status: model.No, Note: "shared operator account", Method: model.Seen}
	comp := model.Answer{Requirement: "SR 3.2", Status: model.Compensating, Justification: "allow-listing, see countermeasure"}
	saved, err := st.SaveAnswers([]BatchAnswer{
		{Target: "dmz", Answer: no, Evidence: []string{e.SHA256}},
		{Target: "control-safety", Answer: no},
		{Target: "safety", Answer: comp, Countermeasure: cm.ID, SL: 2},
		{Target: "dmz", Answer: model.Answer{Requirement: "SR 3.2", Status: model.Compensating, Justification: "a kiosk scans USB media"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := st.Load()
	for _, c := range []struct{ target, req string }{{"dmz", "SR 1.5"}, {"control-safety", "SR 1.5"}, {"safety", "SR 3.2"}, {"dmz", "SR 3.2"}} {
		a := after.Answers[c.target][c.req]
		if !a.UpdatedAt.Equal(now) {
			t.Fatalf("%s %s saved at %v, want the time of the save", c.target, c.req, a.UpdatedAt)
		}
		h, _ := st.AnswerHistory(c.target, c.req)
		rows := 0
		for _, ch := range h {
			if ch.Kind == "answer" && ch.At.Equal(now) {
				rows++
			}
		}
		if rows != 1 {
			t.Fatalf("%s %s has %d history rows of the batch, want 1: %+v", c.target, c.req, rows, h)
		}
	}
	if a := after.Answers["dmz"]["SR 1.5"]; a.Status != model.No || a.Note != "shared operator account" || a.Method != model.Seen {
		t.Fatalf("dmz SR 1.5 %+v", a)
	}
	if len(saved.Links[e.SHA256]) != 1 || saved.Links[e.SHA256][0] != (model.EvidenceLink{Target: "dmz", Requirement: "SR 1.5"}) {
		t.Fatalf("links %v", saved.Links)
	}
	if got, _, _ := after.CountermeasureOf("safety", "SR 3.2"); got.ID != cm.ID {
		t.Fatalf("safety SR 3.2 relies on countermeasure %d, want %d", got.ID, cm.ID)
	}
	// Without a countermeasure named, the rule of every compensating
	// answer: one of its own, of its justification.
	own, _, ok := after.CountermeasureOf("dmz", "SR 3.2")
	if !ok || own.ID == cm.ID || own.Control != "a kiosk scans USB media" || own.Target != "dmz" {
		t.Fatalf("dmz SR 3.2 relies on %+v", own)
	}
	if len(saved.Countermeasures) != 2 {
		t.Fatalf("returned countermeasures %+v", saved.Countermeasures)
	}
	// 4 answers, 1 evidence link, 1 link to the recorded countermeasure, 1
	// new countermeasure with its link.
	if _, seq, _ := st.Head(); seq-seqBefore != 8 {
		t.Fatalf("%d history rows, want 8", seq-seqBefore)
	}
	st.Close()
	verifyOK(t, path)
}

// All or nothing: one bad answer, and none of the batch is saved.
func TestSaveAnswersIsOneTransaction(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{Clock: fixedClock, Actor: "test"})
	head, _, _ := st.Head()
	_, err := st.SaveAnswers([]BatchAnswer{
		{Target: "dmz", Answer: model.Answer{Requirement: "SR 1.5", Status: model.Yes}},
		{Target: "nowhere", Answer: model.Answer{Requirement: "SR 1.5", Status: model.Yes}},
	})
	if err == nil || !strings.Contains(err.Error(), "nowhere") {
		t.Fatalf("err %v", err)
	}
	if a, _ := st.Load(); a.Answers["dmz"]["SR 1.5"].Status != model.Partial {
		t.Fatal("the first answer of a failed batch was saved")
	}
	if now, _, _ := st.Head(); now != head {
		t.Fatal("a failed batch wrote history")
	}
	_, err = st.SaveAnswers([]BatchAnswer{{Target: "dmz", Answer: model.Answer{Requirement: "SR 1.6", Status: model.NA}}})
	if err == nil || !strings.Contains(err.Error(), "SR 1.6 of dmz") {
		t.Fatalf("n/a without a justification: %v", err)
	}
}
