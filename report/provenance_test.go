package report

import (
	"strings"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

// hostileProvenance puts text(i) into every provenance field a report
// shows: session places and attendees, evidence names, types and
// captions, and the names of a sign-off.
func hostileProvenance(a *model.Assessment, text func(i int) string) {
	for i := range a.Sessions {
		s := &a.Sessions[i]
		s.Place = text(i)
		for j := range s.Attendees {
			s.Attendees[j] = model.Attendee{Name: text(i + j + 1), Role: text(i + j + 2)}
		}
	}
	a.Evidence = append(a.Evidence, model.Evidence{SHA256: strings.Repeat("ab", 32), Name: text(1) + ".pdf", MediaType: text(2),
		Size: 1234, Caption: text(3), Links: []model.EvidenceLink{{Target: "control", Requirement: "SR 1.1"}}})
	a.SignOffs = append(a.SignOffs, model.SignOff{Date: "2026-03-05", Assessor: model.Person{Name: text(4), Role: text(5)},
		Owner: model.Person{Name: text(6), Role: text(7)}, Head: strings.Repeat("cd", 32), Rows: 40})
}

// The reports show the recorded sign-off (as "recorded sign-off", never a
// signature), the changes after it, who answered and how, and an index of
// the evidence with its hash, size and linked answers.
func TestReportsShowProvenance(t *testing.T) {
	cat := questionnaires.Builtin()
	a := model.SamplePlant(cat)
	a.Evidence = []model.Evidence{{SHA256: strings.Repeat("0f", 32), Name: "plc-101-protection.png", MediaType: "image/png", Size: 48213,
		Caption: "TIA Portal: protection level not set", Links: []model.EvidenceLink{{Target: "control", Requirement: "SR 1.1"}, {Target: "supervisory", Requirement: "SR 1.1"}}}}
	a.SignOffs = []model.SignOff{
		{Date: "2026-03-04", Assessor: model.Person{Name: "A. Novak", Role: "assessor"}, Owner: model.Person{Name: "P. Hale", Role: "operations manager"}},
		{Date: "2026-03-05", Assessor: model.Person{Name: "A. Novak", Role: "assessor"}, Owner: model.Person{Name: "K. Brandt", Role: "plant manager"},
			Head: strings.Repeat("9a", 32), Rows: 120}}
	in := NewInput(a, cat, reportAt, "plant.slate", Chain{}, model.ScopeSLT)
	in.AfterSignOff = []model.Change{{At: time.Date(2026, 3, 6, 9, 30, 0, 0, time.UTC), Actor: "A. Novak", Session: 4, Kind: "answer",
		Target: "control", Requirement: "SR 1.1", Fields: []model.FieldChange{{Field: "status", Old: "no", New: "partial"}}}}
	for _, key := range []string{"md", "html"} {
		out := string(render(t, key, in, 0))
		for _, want := range []string{
			"Recorded sign-off",
			"K. Brandt (plant manager) for the asset owner",
			"not a signature",
			"It supersedes the sign-offs recorded on 2026-03-04 (P. Hale (operations manager))",
			"Changes after sign-off (1)", "control SR 1.1", "status no → partial",
			"2026-03-04 · Central control room · R. Patel (shift supervisor), J. Weber (control engineer)",
			"Evidence index", "plc-101-protection.png", strings.Repeat("0f", 32), "47.1 KiB",
			"Control (Unit 1) SR 1.1, Supervisory SR 1.1",
			"J. Weber (control engineer)", // who answered: the session's attendees
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s report lacks %q", key, want)
			}
		}
		from := strings.LastIndex(out, "Recorded sign-off")
		section := out[from : from+strings.Index(out[from:], "Evidence index")]
		if strings.Contains(section, "Signature") || strings.Contains(section, "Signed by") || strings.Count(section, "signature") != strings.Count(section, "not a signature") {
			t.Errorf("%s report calls the sign-off a signature", key)
		}
	}
	csv := string(render(t, "csv", in, 0))
	for _, want := range []string{"method,answered_by,session,evidence", "seen", "plc-101-protection.png"} {
		if !strings.Contains(csv, want) {
			t.Errorf("answers CSV lacks %q", want)
		}
	}
}
