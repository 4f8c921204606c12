package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"slate/model"
	"slate/questionnaires"
)

func TestCreateLoadAndPermissions(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := model.SamplePlant(questionnaires.Builtin())
	if len(a.Zones) != 5 || len(a.Conduits) != 4 || a.Name != want.Name {
		t.Fatalf("loaded %d zones %d conduits %q", len(a.Zones), len(a.Conduits), a.Name)
	}
	if got := a.Answers["control"]["SR 3.2"]; got.Status != model.Compensating || got.Justification == "" {
		t.Fatalf("compensating answer: %+v", got)
	}
	if len(a.Zones[3].Assets) != 3 || a.Zones[3].Assets[0].Name != "PLC-101" {
		t.Fatalf("assets: %+v", a.Zones[3].Assets)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Fatalf("file mode %o, want 600", perm)
	}
	if _, err := Create(path, want, Options{}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("Create over an existing file: %v", err)
	}
}

func TestOpenAndLoadMatchesLoad(t *testing.T) {
	path := demoFile(t)
	st, a, err := OpenAndLoad(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := st.Load()
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("OpenAndLoad and Load disagree")
	}
}

func TestSaveAnswerAndHistory(t *testing.T) {
	st := openT(t, demoFile(t), Options{Clock: fixedClock})
	saved, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Partial,
		Note: "Accounts for\ncontractors \x1b[31mnot\x1b[0m removed", Method: model.Seen, Assessor: "A. Novak"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.UpdatedAt.IsZero() {
		t.Fatal("saved answer has no time")
	}
	a, _ := st.Load()
	got := a.Answers["control"]["SR 1.3"]
	if got.Status != model.Partial || got.Note != "Accounts for\ncontractors not removed" || got.Method != model.Seen {
		t.Fatalf("reloaded %+v", got)
	}
	// Justification is required for na and compensating and nothing is saved without it.
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.NA}); err == nil {
		t.Fatal("na without justification saved")
	}
	if _, err := st.SaveAnswer("nowhere", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); err == nil {
		t.Fatal("answer for unknown target saved")
	}
	// Clearing removes the row but the history keeps both steps.
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Unanswered}); err != nil {
		t.Fatal(err)
	}
	a, _ = st.Load()
	if _, ok := a.Answers["control"]["SR 1.3"]; ok {
		t.Fatal("cleared answer still present")
	}
	h, err := st.History("control", "SR 1.3")
	if err != nil || len(h) != 2 || !strings.Contains(h[0].New, `"partial"`) || h[1].New != "null" {
		t.Fatalf("history %+v %v", h, err)
	}
	rep, err := Verify(st.Path(), VerifyOptions{})
	if err != nil || !rep.OK() {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

func TestUnchangedAnswerWritesNothing(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	_, before, _ := st.Head()
	cur := model.SamplePlant(questionnaires.Builtin()).Answers["control"]["SR 1.1"]
	saved, err := st.SaveAnswer("control", cur)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.UpdatedAt.Equal(cur.UpdatedAt) {
		t.Fatalf("unchanged answer reports time %v, stored %v", saved.UpdatedAt, cur.UpdatedAt)
	}
	if _, after, _ := st.Head(); after != before {
		t.Fatalf("history grew from %d to %d for an unchanged answer", before, after)
	}
}

func TestTargetsAndAssets(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	z, err := st.AddZone(model.Zone{Name: "Packaging line", Kind: model.ZoneControl, SLT: model.Uniform(2)})
	if err != nil || z.Key != "packaging-line" {
		t.Fatalf("add zone: %+v %v", z, err)
	}
	z2, err := st.AddZone(model.Zone{Name: "Packaging  line!", SLT: model.Uniform(1)})
	if err != nil || z2.Key != "packaging-line-2" {
		t.Fatalf("second zone key %q %v", z2.Key, err)
	}
	if _, err := st.AddZone(model.Zone{Name: "  "}); err == nil {
		t.Fatal("zone without a name accepted")
	}
	c, err := st.AddConduit(model.Conduit{Name: "Control - Packaging", From: "control", To: z.Key, Kind: model.ConduitFirewall, SLT: model.Uniform(2)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddConduit(model.Conduit{Name: "loop", From: "control", To: "control"}); err == nil {
		t.Fatal("conduit from a zone to itself accepted")
	}
	if _, err := st.AddConduit(model.Conduit{Name: "x", From: "control", To: c.Key}); err == nil {
		t.Fatal("conduit to a conduit accepted")
	}
	z.SLT = z.SLT.With(5, 3)
	z.Name = "Packaging line 1"
	if err := st.UpdateZone(z); err != nil {
		t.Fatal(err)
	}
	as, err := st.AddAsset(z.Key, model.Asset{Name: "PLC-P1", Vendor: "Rockwell"})
	if err != nil || as.ID == 0 {
		t.Fatalf("asset %+v %v", as, err)
	}
	as.Firmware = "33.011"
	if err := st.UpdateAsset(as); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveAnswer(c.Key, model.Answer{Requirement: "SR 5.1", Status: model.Yes}); err != nil {
		t.Fatal(err)
	}
	if err := st.MoveTarget(z.Key, -1); err != nil {
		t.Fatal(err)
	}
	a, _ := st.Load()
	// Moved up past the safety zone: fifth of seven.
	if a.Zones[4].Key != z.Key || a.Zones[4].SLT.At(5) != 3 || a.Zones[4].Name != "Packaging line 1" {
		t.Fatalf("after move/update: %+v", a.Zones[4])
	}
	if a.Zones[4].Assets[0].Firmware != "33.011" {
		t.Fatal("asset update lost")
	}
	// Deleting the zone takes the conduit and its answer along.
	n, err := st.DeleteTarget(z.Key)
	if err != nil || n != 1 {
		t.Fatalf("delete: %d answers, %v", n, err)
	}
	a, _ = st.Load()
	if _, ok := a.Conduit(c.Key); ok {
		t.Fatal("conduit of a deleted zone survived")
	}
	if rep, err := Verify(st.Path(), VerifyOptions{}); err != nil || !rep.OK() {
		t.Fatalf("verify after deletes: %+v %v", rep, err)
	}
	// A new zone may take a deleted zone's key; history replay stays consistent.
	z3, err := st.AddZone(model.Zone{Name: "Packaging line"})
	if err != nil || z3.Key != "packaging-line" {
		t.Fatalf("key reuse: %+v %v", z3, err)
	}
	if rep, err := Verify(st.Path(), VerifyOptions{}); err != nil || !rep.OK() {
		t.Fatalf("verify after key reuse: %+v %v", rep, err)
	}
}

func TestMetaAndSettings(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	if err := st.SetMeta(model.Meta{Name: "Renamed\x07", Site: "Site", Assessor: "B"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting("interviewee", "R. Patel"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = openT(t, path, Options{})
	a, _ := st.Load()
	v, _ := st.Setting("interviewee")
	if a.Name != "Renamed" || v != "R. Patel" {
		t.Fatalf("meta %q setting %q", a.Name, v)
	}
}

// The holder is named even with $USER and $USERNAME unset: by the account's
// name as the system knows it (or its uid), never "user unknown".
func TestSecondProcessIsToldWhoHoldsTheFile(t *testing.T) {
	t.Setenv("USER", "")
	t.Setenv("USERNAME", "")
	path := demoFile(t)
	openT(t, path, Options{})
	_, err := Open(path, Options{})
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second open: %v", err)
	}
	if le.Holder.PID != os.Getpid() || !strings.Contains(err.Error(), "open the file read-only") {
		t.Fatalf("holder %+v, message %q", le.Holder, err)
	}
	if want := systemUser(t); le.Holder.User != want || !strings.Contains(err.Error(), "(user "+want+" on ") {
		t.Fatalf("holder %q, want %q; message %q", le.Holder.User, want, err)
	}
	ro := openT(t, path, Options{ReadOnly: true})
	if _, err := ro.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only save: %v", err)
	}
	if a, err := ro.Load(); err != nil || len(a.Zones) != 5 {
		t.Fatalf("read-only load: %v", err)
	}
}

func TestLockReleasedOnClose(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	st.Close()
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Fatalf("lock file left behind: %v", err)
	}
	openT(t, path, Options{})
}

func TestReadOnlyFileOpensReadOnly(t *testing.T) {
	path := demoFile(t)
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	os.Chmod(path, 0o400)
	if os.Geteuid() == 0 {
		// root ignores permission bits; mark the file immutable instead when possible.
		if err := chattr(path, true); err != nil {
			t.Skip("running as root without chattr: cannot make a read-only file")
		}
		defer chattr(path, false)
	}
	before := fileHash(t, path)
	st := openT(t, path, Options{})
	ro, reason := st.ReadOnly()
	if !ro || reason == "" {
		t.Fatalf("read-only not detected (%v %q)", ro, reason)
	}
	if a, err := st.Load(); err != nil || len(a.Zones) != 5 {
		t.Fatalf("load read-only: %v", err)
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("save on read-only: %v", err)
	}
	st.Close()
	if fileHash(t, path) != before {
		t.Fatal("read-only file changed")
	}
}

func TestAddTargetsIsOneTransaction(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	zs, cs, err := st.AddTargets(
		[]model.Zone{{Key: "control", Name: "Control"}, {Key: "safety", Name: "Safety"}},
		[]model.Conduit{{Name: "Control - Safety", From: "control", To: "safety"}})
	if err != nil {
		t.Fatal(err)
	}
	if zs[0].Key != "control-2" || cs[0].From != "control-2" || cs[0].To != "safety-2" {
		t.Fatalf("keys: %+v %+v", zs, cs)
	}
	// A bad conduit aborts the whole batch.
	_, _, err = st.AddTargets([]model.Zone{{Name: "Extra"}}, []model.Conduit{{Name: "bad", From: "extra", To: "nowhere"}})
	if err == nil {
		t.Fatal("bad batch accepted")
	}
	a, _ := st.Load()
	if _, ok := a.Zone("extra"); ok {
		t.Fatal("half a batch was saved")
	}
}

func TestTrackingAndWindows(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	high := model.EffortHigh
	no := false
	saved, err := st.SaveTracking(model.Tracking{Requirement: "SR 6.2", Owner: " M. Okafor\x07 ", Due: "2027-01-31",
		Status: model.TrackPlanned, Effort: &high, Outage: &no, Phase: model.PhaseMid})
	if err != nil || saved.Owner != "M. Okafor" || saved.UpdatedAt.IsZero() {
		t.Fatalf("save: %+v %v", saved, err)
	}
	if _, err := st.SaveTracking(model.Tracking{Requirement: "SR 6.2", Status: model.TrackRiskAccepted}); err == nil {
		t.Fatal("risk accepted without justification saved")
	}
	if _, err := st.SaveTracking(model.Tracking{Requirement: "SR 6.2", Due: "next week"}); err == nil {
		t.Fatal("bad due date saved")
	}
	w, err := st.PutWindow(model.Window{Name: "Turnaround", Date: "2027-05-03"})
	if err != nil || w.ID == 0 {
		t.Fatalf("window: %+v %v", w, err)
	}
	if _, err := st.PutWindow(model.Window{Name: "x", Date: "May"}); err == nil {
		t.Fatal("bad window date saved")
	}
	w.Date = "2027-05-10"
	if _, err := st.PutWindow(w); err != nil {
		t.Fatal(err)
	}
	a, _ := st.Load()
	got := a.Tracking["SR 6.2"]
	if got.Owner != "M. Okafor" || got.Effort == nil || *got.Effort != model.EffortHigh || got.Outage == nil || *got.Outage || got.Vendor != nil || got.Phase != model.PhaseMid {
		t.Fatalf("reloaded tracking %+v", got)
	}
	if len(a.Windows) != 3 || a.Windows[2].Date != "2027-05-10" { // sorted by date
		t.Fatalf("windows %+v", a.Windows)
	}
	if err := st.DeleteWindow(w.ID); err != nil {
		t.Fatal(err)
	}
	if rep, err := Verify(st.Path(), VerifyOptions{}); err != nil || !rep.OK() {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	var n int
	st.db.QueryRow(`SELECT count(*) FROM audit WHERE kind IN ('tracking', 'window')`).Scan(&n)
	if n < 4 {
		t.Fatalf("roadmap changes missing from the history: %d rows", n)
	}
}

// Tracking per target, windows that cover zones, projects; deleting a zone
// takes its own records with it and its key out of windows and risk
// acceptances, and the history replays all of it.
func TestRoadmapPerTargetWindowsAndProjects(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	accept := model.Tracking{Requirement: "SR 1.1", Target: "control", Status: model.TrackRiskAccepted,
		Justification: "PLC replacement in 2028", AcceptedBy: model.Person{Name: "K. Brandt", Role: "plant manager"}, Review: "2027-03-01"}
	if _, err := st.SaveTracking(accept); err != nil {
		t.Fatal(err)
	}
	whole := model.Tracking{Requirement: "SR 1.1", Owner: "J. Weber", Status: model.TrackPlanned}
	if _, err := st.SaveTracking(whole); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveTracking(model.Tracking{Requirement: "SR 1.1", Target: "nowhere", Owner: "x"}); err == nil {
		t.Fatal("tracking for an unknown target saved")
	}
	lead := 90
	if _, err := st.SaveTracking(model.Tracking{Requirement: "SR 1.2", VendorName: "Siemens", LeadDays: &lead,
		Covers: []string{"control"}, Status: model.TrackRiskAccepted, Justification: "x"}); err != nil {
		t.Fatal(err)
	}
	w, err := st.PutWindow(model.Window{Name: "Control only", Date: "2026-11-02", Days: 5, Targets: []string{"control", "supervisory"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutWindow(model.Window{Name: "Bad", Date: "2026-11-02", Targets: []string{"nowhere"}}); err == nil {
		t.Fatal("a window covering an unknown target saved")
	}
	if _, err := st.PutProject(model.Project{ID: "plc", Title: "PLC replacement"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetProjectOf("SR 1.1", "plc", false); err != nil {
		t.Fatal(err)
	}
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Tracking[accept.Key()]; got.AcceptedBy != accept.AcceptedBy || got.Review != accept.Review || got.Target != "control" {
		t.Fatalf("per-target record %+v", got)
	}
	if got := a.Tracking["SR 1.1"]; got.Owner != "J. Weber" || got.Target != "" {
		t.Fatalf("whole-initiative record %+v", got)
	}
	if got := a.Tracking["SR 1.2"]; got.VendorName != "Siemens" || got.LeadDays == nil || *got.LeadDays != 90 {
		t.Fatalf("vendor %+v", got)
	}
	if a.ProjectOf["SR 1.1"] != "plc" || len(a.Projects) != 2 {
		t.Fatalf("projects %+v %v", a.Projects, a.ProjectOf)
	}
	// Clearing a per-target record removes it.
	if _, err := st.SaveTracking(model.Tracking{Requirement: "SR 1.1", Target: "supervisory", Owner: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveTracking(model.Tracking{Requirement: "SR 1.1", Target: "supervisory"}); err != nil {
		t.Fatal(err)
	}
	if a, _ = st.Load(); len(a.Tracking) != len(model.SamplePlant(questionnaires.Builtin()).Tracking)+2 { // SR 1.1 and SR 1.1|control; SR 1.2 replaced
		t.Fatalf("tracking after clearing a per-target record: %v", a.Tracking)
	}
	// Deleting control (and its conduits) forgets it in the roadmap.
	if _, err := st.DeleteTarget("control"); err != nil {
		t.Fatal(err)
	}
	a, _ = st.Load()
	if _, ok := a.Tracking[accept.Key()]; ok {
		t.Fatal("the deleted zone's own tracking is still there")
	}
	if c := a.Tracking["SR 1.2"].Covers; len(c) != 0 {
		t.Fatalf("the deleted zone is still covered: %v", c)
	}
	for _, win := range a.Windows {
		if win.ID == w.ID && (len(win.Targets) != 1 || win.Targets[0] != "supervisory") {
			t.Fatalf("window still lists the deleted zone: %+v", win)
		}
	}
	st.Close()
	if rep, err := Verify(st.Path(), VerifyOptions{}); err != nil || !rep.OK() {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

func TestWriteRefusedWhenTheFileIsGone(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	if err := os.Rename(path, path+".moved"); err != nil {
		t.Fatal(err)
	}
	_, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes})
	if !errors.Is(err, ErrFileGone) || !strings.Contains(err.Error(), "nothing was saved") {
		t.Fatalf("save after the file moved: %v", err)
	}
	os.Rename(path+".moved", path)
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); err != nil {
		t.Fatalf("save after the file came back: %v", err)
	}
}

func TestWriteRefusedWhenMadeReadOnly(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	os.Chmod(path, 0o400)
	defer os.Chmod(path, 0o600)
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("save after chmod 400: %v", err)
	}
}

// The hot path writes an answer's image without reading the row back: it
// must be exactly the row's generic image, before and after.
func TestAnswerImageIsTheStoredRow(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	image := func() string {
		tx, err := st.db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		rows, err := st.images(tx, "answers", answerKey, int64(4), "SR 1.3")
		if err != nil {
			t.Fatal(err)
		}
		return changeset{"answers": rows}.text()
	}
	lastRow := func() (old, new string) {
		st.db.QueryRow(`SELECT old, new FROM audit WHERE kind = 'answer' ORDER BY seq DESC LIMIT 1`).Scan(&old, &new)
		return
	}
	var prev string = "null"
	for i, a := range []model.Answer{
		{Requirement: "SR 1.3", Status: model.Partial, Note: "a <b> & \"c\"\nd", Method: model.Tested, Flagged: true},
		{Requirement: "SR 1.3", Status: model.Compensating, Justification: "jump host", Assessor: "A. Novak"},
		{Requirement: "SR 1.3", Status: model.Unanswered},
	} {
		if _, err := st.SaveAnswer("control", a); err != nil {
			t.Fatal(err)
		}
		old, new := lastRow()
		if now := image(); old != prev || new != now {
			t.Fatalf("save %d: history has\n old %s\n new %s\nthe table has\n old %s\n new %s", i, old, new, prev, now)
		}
		prev = new
	}
}

// A compensating answer always relies on exactly one countermeasure:
// SaveCompensating links the one given (no second one made of the answer's
// text), an answer turned compensating without one gets one of its own
// text, and leaving compensating removes the link but keeps the record.
func TestCompensatingLinks(t *testing.T) {
	st := openT(t, demoFile(t), Options{})
	count := func(table string) int {
		var n int
		st.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
		return n
	}
	cms, links := count("countermeasures"), count("countermeasure_links")
	_, cm, err := st.SaveCompensating("control", model.Answer{Requirement: "SR 1.2", Justification: "Only the two SCADA servers can reach the PLCs."},
		model.Countermeasure{Control: "Conduit firewall allows S7comm only from the SCADA servers", Target: "supervisory-control",
			ApprovedBy: model.Person{Name: "K. Brandt", Role: "plant manager"}, Review: "2027-03-31"}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if count("countermeasures") != cms+1 || count("countermeasure_links") != links+1 || len(cm.Links) != 1 || cm.Links[0].SL != 2 {
		t.Fatalf("after SaveCompensating: %d countermeasures (had %d), %d links (had %d), %+v", count("countermeasures"), cms, count("countermeasure_links"), links, cm)
	}
	// A second answer relies on the same record.
	if _, cm, err = st.SaveCompensating("control", model.Answer{Requirement: "SR 2.1", Justification: "Writes come only from the SCADA servers."}, cm, 1); err != nil || len(cm.Links) != 2 {
		t.Fatalf("second link: %v %+v", err, cm)
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.6", Status: model.Compensating, Justification: "No wireless; the cabinet is locked."}); err != nil {
		t.Fatal(err)
	}
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	own, _, ok := a.CountermeasureOf("control", "SR 1.6")
	if !ok || own.Control != "No wireless; the cabinet is locked." || own.Target != "control" {
		t.Fatalf("an answer turned compensating got %+v %v", own, ok)
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.2", Status: model.No}); err != nil {
		t.Fatal(err)
	}
	a, _ = st.Load()
	if _, _, ok := a.CountermeasureOf("control", "SR 1.2"); ok {
		t.Fatal("an answer that is no longer compensating still relies on a countermeasure")
	}
	kept, _, ok := a.CountermeasureOf("control", "SR 2.1")
	if !ok || kept.ID != cm.ID || kept.ApprovedBy.Role != "plant manager" {
		t.Fatalf("the shared countermeasure was lost: %+v", kept)
	}
	if err := st.DeleteCountermeasure(cm.ID); err == nil {
		t.Fatal("deleted a countermeasure an answer relies on")
	}
	if _, err := st.DeleteTarget("supervisory-control"); err != nil {
		t.Fatal(err)
	}
	a, _ = st.Load()
	if kept, _, _ := a.CountermeasureOf("control", "SR 2.1"); kept.Target != "" {
		t.Fatalf("a countermeasure still sits on a deleted conduit: %+v", kept)
	}
	st.Close()
	verifyOK(t, st.path)
}
