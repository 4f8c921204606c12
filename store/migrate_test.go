package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// testdata/schemaN.slate is a file written by schema N, the first build that
// released it: the sample plant plus a few edits, so that every kind of
// history row that schema writes is in it. A fixture is never rewritten;
// the change that introduces schema N adds its own with
//
//	SLATE_WRITE_FIXTURES=N go test ./store -run TestWriteFixture
func fixturePath(v uint32) string { return fmt.Sprintf("testdata/schema%d.slate", v) }

func TestWriteFixture(t *testing.T) {
	want, _ := strconv.Atoi(os.Getenv("SLATE_WRITE_FIXTURES"))
	if want == 0 || uint32(want) != SchemaVersion {
		t.Skip("fixture writing only on request, for the current schema")
	}
	path := fixturePath(SchemaVersion)
	if _, err := os.Lstat(path); err == nil {
		t.Fatalf("%s exists: a released fixture is never rewritten", path)
	}
	st, err := Create(path, model.SamplePlant(questionnaires.Builtin()), Options{Clock: fixedClock, Actor: "fixture"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if SchemaVersion >= 2 {
		fixtureEdits(t, st)
	}
}

// fixtureEdits changes the sample plant through the store's API the way an
// assessor would: every writer leaves its kind of history row in the file.
func fixtureEdits(t *testing.T, st *Store) {
	t.Helper()
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	z := a.Zones[2]
	z.Description += " (reviewed)"
	z.SLT = z.SLT.With(3, 3)
	c := a.Conduits[0]
	c.Protocols = "HTTPS, RDP"
	as := a.Zones[3].Assets[0]
	as.Firmware = "V2.9.4"
	w := a.Windows[0]
	w.Date = "2026-10-12"
	steps := []error{
		st.UpdateZone(z),
		st.UpdateConduit(c),
		st.UpdateAsset(as),
		st.DeleteAsset(a.Zones[3].Assets[2].ID),
		st.MoveTarget(a.Zones[4].Key, -1),
		st.SetMeta(model.Meta{Name: a.Name, Site: a.Site, Scope: a.Scope + " Reviewed.", Assessor: a.Assessor}),
	}
	_, err = st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Partial, Note: "Two shared accounts left."})
	steps = append(steps, err)
	_, err = st.SaveAnswer("supervisory", model.Answer{Requirement: "SR 1.5", Status: model.Unanswered})
	steps = append(steps, err)
	_, err = st.PutWindow(w)
	steps = append(steps, err)
	_, err = st.SaveTracking(model.Tracking{Requirement: "SR 6.2", Owner: "M. Okafor", Due: "2027-01-31", Status: model.TrackPlanned})
	steps = append(steps, err)
	_, err = st.SaveTracking(model.Tracking{Requirement: "SR 6.2", Target: "dmz", Owner: "S. Lindqvist", Due: "2026-12-15"})
	steps = append(steps, err)
	_, err = st.PutProject(model.Project{ID: "soc", Title: "OT security operations"})
	steps = append(steps, err, st.SetProjectOf("SR 6.2", "soc", false))
	if SchemaVersion >= 6 {
		_, err = st.SaveSiteAnswer(model.Answer{Requirement: "SITE 2", Status: model.Partial, Note: "Plan written, never exercised."})
		steps = append(steps, err)
		_, err = st.Confirm("control", "SR 1.3", "2013+COR1:2014 slate.2")
		steps = append(steps, err)
		_, cm, err := st.SaveCompensating("supervisory", model.Answer{Requirement: "SR 2.5", Status: model.Compensating,
			Justification: "The HMI locks with the operator's badge reader; the session ends when the badge is pulled."},
			model.Countermeasure{Control: "Badge reader on every HMI console", Target: "supervisory",
				ApprovedBy: model.Person{Name: "K. Brandt", Role: "plant manager"}, Review: "2027-06-30"}, 2)
		steps = append(steps, err)
		cm.Review = "2027-09-30"
		_, err = st.PutCountermeasure(cm)
		steps = append(steps, err)
		// A compensating answer turned yes loses its link (the countermeasure stays).
		_, err = st.SaveAnswer("control", model.Answer{Requirement: "SR 3.2", Status: model.Yes, Note: "Allow-listing now enforced."})
		steps = append(steps, err)
	}
	zs, _, err := st.AddTargets([]model.Zone{{Name: "Lab", Kind: model.ZoneControl, SLT: model.Uniform(1)}}, nil)
	steps = append(steps, err)
	if err == nil {
		_, err = st.DeleteTarget(zs[0].Key)
		steps = append(steps, err)
	}
	if SchemaVersion >= 5 {
		steps = append(steps, fixtureZoneEdits(st, a)...)
	}
	for _, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
	}
	provenanceEdits(t, st)
}

// provenanceEdits exercises the writers of schema 7: sessions, methods,
// an edit that keeps the answer's time, evidence added, deduplicated,
// linked, unlinked and deleted, and a sign-off.
func provenanceEdits(t *testing.T, st *Store) {
	t.Helper()
	sess, err := st.StartSession(model.Session{Date: "2026-03-04", Place: "Central control room",
		Attendees: []model.Attendee{{Name: "R. Patel", Role: "shift supervisor"}}})
	if err != nil {
		t.Fatal(err)
	}
	sess.Attendees = append(sess.Attendees, model.Attendee{Name: "J. Weber", Role: "control engineer"})
	steps := []error{}
	_, err = st.UpdateSession(sess)
	steps = append(steps, err)
	_, err = st.SaveAnswer("control", model.Answer{Requirement: "SR 1.4", Status: model.Yes, Method: model.Told, Assessor: "A. Novak"})
	steps = append(steps, err)
	_, err = st.SaveAnswer("control", model.Answer{Requirement: "SR 1.4", Status: model.Yes, Method: model.Seen, Flagged: true, Assessor: "A. Novak"})
	steps = append(steps, err)
	photo, rules, scratch := fakeFile("cabinet.jpg", "\xff\xd8\xff photo of the PLC cabinet"), fakeFile("rules.txt", "permit tcp any 10.1.0.0/16 eq 502\n"),
		fakeFile("scratch.txt", "a note taken by mistake")
	photo.Caption = "PLC-101 cabinet, door label with the default password"
	for _, add := range []struct {
		target, req string
		f           EvidenceFile
	}{{"control", "SR 1.4", photo}, {"supervisory-control", "SR 5.1", rules}, {"dmz-supervisory", "SR 5.1", rules}, {"control", "SR 2.1", scratch}} {
		_, _, err = st.AddEvidence(add.target, add.req, add.f)
		steps = append(steps, err)
	}
	photoSHA, scratchSHA := sha(photo), sha(scratch)
	steps = append(steps, st.LinkEvidence(photoSHA, "supervisory", "SR 1.5"))
	_, err = st.UnlinkEvidence(photoSHA, "supervisory", "SR 1.5", false)
	steps = append(steps, err)
	_, err = st.UnlinkEvidence(scratchSHA, "control", "SR 2.1", true)
	steps = append(steps, err)
	_, _, err = st.AddEvidence("control", "SR 2.1", scratch)
	steps = append(steps, err, st.DeleteEvidence(scratchSHA))
	_, err = st.RecordSignOff(model.SignOff{Date: "2026-03-05", Assessor: model.Person{Name: "A. Novak", Role: "assessor"},
		Owner: model.Person{Name: "K. Brandt", Role: "plant manager"}})
	steps = append(steps, err)
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
}

// fakeFile is an evidence file with the given bytes.
func fakeFile(name, data string) EvidenceFile {
	return EvidenceFile{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(data)), nil }}
}

// sha is the sha256 of an evidence file's bytes.
func sha(f EvidenceFile) string {
	r, _ := f.Open()
	defer r.Close()
	h := sha256.New()
	io.Copy(h, r)
	return hex.EncodeToString(h.Sum(nil))
}

// fixtureZoneEdits exercises the writers of schema 5: a zone of kind
// other on a row of its own, a kind changed, an SL-T rationale recorded,
// an asset on a conduit, one moved there, a criticality and an inventory
// import.
func fixtureZoneEdits(st *Store, a *model.Assessment) []error {
	var steps []error
	pack, err := st.AddZone(model.Zone{Name: "Packaging", Kind: model.ZoneOther, Label: "Packaging line",
		Tier: model.TierControl, SLT: model.Uniform(2)})
	steps = append(steps, err)
	_, err = st.AddConduit(model.Conduit{Name: "Control - Packaging", Kind: model.ConduitOther, Label: "Serial link",
		From: "control", To: pack.Key, SLT: model.Uniform(2)})
	steps = append(steps, err)
	sc := a.Conduits[2]
	sc.Kind = model.ConduitFirewall // the flat network got its firewall
	steps = append(steps, st.UpdateConduit(sc))
	r := model.NewSLTRationale(model.SLTInput{Threat: model.ThreatSimple,
		Consequences: model.Consequences{model.CategorySafety: model.ConsequenceModerate, model.CategoryProduction: model.ConsequenceMajor},
		Adjustments:  []model.FRAdjustment{{FR: 4, Delta: -1, Reason: "the DMZ holds no secrets"}}}, model.Uniform(2), "FR4 kept at 2: the jump host holds vendor credentials.")
	steps = append(steps, st.SetRationale("dmz", &r))
	fw, err := st.AddAsset("dmz", model.Asset{Name: "FW-SPARE", Type: "Firewall", Criticality: model.CriticalityLow})
	steps = append(steps, err, st.MoveAsset(fw.ID, "dmz-supervisory"))
	plc := a.Zones[3].Assets[1]
	plc.Criticality = model.CriticalityHigh
	steps = append(steps, st.UpdateAsset(plc))
	hist := a.Zones[1].Assets[1]
	hist.Firmware = "2018 SP3 patch 2"
	_, err = st.PutAssets([]model.AssetPut{{Target: "dmz", Asset: hist},
		{Target: "enterprise-dmz", Asset: model.Asset{Name: "FW-IT-DMZ-2", Type: "Firewall", Vendor: "Fortinet", Criticality: model.CriticalityHigh}}})
	return append(steps, err)
}

// fixtures lists the committed files of every released schema.
func fixtures(t *testing.T) []uint32 {
	var out []uint32
	for v := uint32(1); v <= SchemaVersion; v++ {
		if _, err := os.Stat(fixturePath(v)); err != nil {
			t.Fatalf("schema %d has no fixture %s: every released schema commits one", v, fixturePath(v))
		}
		out = append(out, v)
	}
	return out
}

// Every released file format opens in this build, migrates to the newest
// schema keeping its content, verifies, and takes new answers.
func TestMigrationFromEveryFixture(t *testing.T) {
	for _, v := range fixtures(t) {
		t.Run(fmt.Sprintf("schema%d", v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.slate")
			copyFile(t, fixturePath(v), path)
			h, err := precheck(path, path)
			if err != nil || h.userVersion != v {
				t.Fatalf("fixture is not a schema-%d file: %+v %v", v, h, err)
			}
			// What the file held before: nothing of it may be lost.
			count := func(db *sql.DB, table string) int {
				var n int
				db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
				return n
			}
			raw, err := openDB(path, modeRead)
			if err != nil {
				t.Fatal(err)
			}
			zones, answers := count(raw, "targets"), count(raw, "answers")
			windows, tracking := 0, 0
			if v >= 2 {
				windows, tracking = count(raw, "windows"), count(raw, "tracking")
			}
			raw.Close()
			st := openT(t, path, Options{})
			var got uint32
			if err := st.db.QueryRow("PRAGMA user_version").Scan(&got); err != nil || got != SchemaVersion {
				t.Fatalf("after open: user_version %d (%v), want %d", got, err, SchemaVersion)
			}
			a, err := st.Load()
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, as := range a.Answers {
				n += len(as)
			}
			if len(a.Zones)+len(a.Conduits) != zones || n != answers {
				t.Fatalf("content lost in migration: %d targets (had %d), %d answers (had %d)", len(a.Zones)+len(a.Conduits), zones, n, answers)
			}
			if len(a.Windows) != windows || len(a.Tracking) != tracking {
				t.Fatalf("roadmap lost in migration: %d windows (had %d), %d tracking records (had %d)", len(a.Windows), windows, len(a.Tracking), tracking)
			}
			if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 2.1", Status: model.Yes}); err != nil {
				t.Fatalf("saving after migration: %v", err)
			}
			st.Close()
			if rep, err := Verify(path, VerifyOptions{}); err != nil || !rep.OK() {
				t.Fatalf("verify after migration: %+v %v", rep, err)
			}
		})
	}
}

// Schema 4: requirement-level tracking becomes whole-initiative tracking,
// and a risk acceptance made before covers only the targets that had the
// gap when it was recorded (the schema-3 fixture accepted SR 1.12, then
// answered partial in Supervisory only), with no role and no review date.
func TestMigration4CoversWhatWasAccepted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.slate")
	copyFile(t, fixturePath(3), path)
	st := openT(t, path, Options{})
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	acc, ok := a.Tracking["SR 1.12"]
	if !ok || acc.Status != model.TrackRiskAccepted || acc.Target != "" {
		t.Fatalf("the accepted SR 1.12 is not a whole-initiative record: %+v", acc)
	}
	if len(acc.Covers) != 1 || acc.Covers[0] != "supervisory" {
		t.Fatalf("covers %v, want the targets that had the gap: [supervisory]", acc.Covers)
	}
	if !acc.AcceptanceIncomplete() {
		t.Fatal("a migrated acceptance has no role or review date and must be listed until both are given")
	}
	for k, tr := range a.Tracking {
		if tr.Target != "" || k != tr.Requirement {
			t.Fatalf("migrated record %q is not whole-initiative", k)
		}
	}
	var n int
	st.db.QueryRow(`SELECT count(*) FROM audit WHERE kind = 'migration' AND subject LIKE 'schema 4:%'`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d schema-4 migration history rows, want 1", n)
	}
	st.Close()
	if rep, err := Verify(path, VerifyOptions{}); err != nil || !rep.OK() {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

// Schema 6: every compensating answer's text becomes the control of a
// countermeasure on the answer's target, linked from the answer; the
// answers keep their text; nothing else changes, and verify passes. The
// schema-2 fixture has two compensating answers, the schema-4 and schema-5
// ones have one.
func TestMigration6MakesCountermeasures(t *testing.T) {
	for _, v := range []uint32{2, 4, 5} {
		t.Run(fmt.Sprintf("schema%d", v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.slate")
			copyFile(t, fixturePath(v), path)
			raw, err := openDB(path, modeRead)
			if err != nil {
				t.Fatal(err)
			}
			type comp struct{ target, req, text string }
			var want []comp
			rows, err := raw.Query(`SELECT t.key, a.requirement, a.justification FROM answers a JOIN targets t ON t.id = a.target_id
				WHERE a.status = 'compensating' ORDER BY t.key, a.requirement`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var c comp
				rows.Scan(&c.target, &c.req, &c.text)
				want = append(want, c)
			}
			rows.Close()
			raw.Close()
			if len(want) == 0 {
				t.Fatal("the fixture has no compensating answer to migrate")
			}
			st := openT(t, path, Options{})
			a, err := st.Load()
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Countermeasures) != len(want) {
				t.Fatalf("%d countermeasures, want one per compensating answer (%d)", len(a.Countermeasures), len(want))
			}
			for _, c := range want {
				cm, link, ok := a.CountermeasureOf(c.target, c.req)
				if !ok {
					t.Fatalf("%s of %s has no countermeasure", c.req, c.target)
				}
				if cm.Control != c.text || cm.Target != c.target || link.SL != 0 {
					t.Errorf("%s of %s: countermeasure %+v link %+v, want control %q on %s", c.req, c.target, cm, link, c.text, c.target)
				}
				if got := a.Answers[c.target][c.req]; got.Status != model.Compensating || got.Justification != c.text {
					t.Errorf("%s of %s: the answer changed in migration: %+v", c.req, c.target, got)
				}
			}
			var n int
			st.db.QueryRow(`SELECT count(*) FROM audit WHERE kind = 'migration' AND subject LIKE 'schema 6:%'`).Scan(&n)
			if n != 1 {
				t.Fatalf("%d schema-6 migration history rows, want 1", n)
			}
			st.Close()
			if rep, err := Verify(path, VerifyOptions{}); err != nil || !rep.OK() {
				t.Fatalf("verify: %+v %v", rep, err)
			}
		})
	}
}

// Each migration step runs on a file left at the previous version.
func TestEveryMigrationStep(t *testing.T) {
	for from := uint32(1); from < SchemaVersion; from++ {
		path := filepath.Join(t.TempDir(), "step.slate")
		db, err := openDB(path, modeBuild)
		if err != nil {
			t.Fatal(err)
		}
		db.Exec("PRAGMA application_id = 1397506388")
		for v := uint32(0); v < from; v++ {
			tx, _ := db.Begin()
			if err := migrations[v](tx); err != nil {
				t.Fatal(err)
			}
			tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1))
			tx.Commit()
		}
		db.Exec(`INSERT INTO assessment (id, name, catalog_id, catalog_version, catalog_hash, created_at, updated_at)
			VALUES (1, 'old', 'iec62443-3-3', '2013+COR1:2014', '', 0, 0)`)
		db.Close()
		st, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("from schema %d: %v", from, err)
		}
		if _, err := st.Load(); err != nil {
			t.Fatalf("load after migrating from %d: %v", from, err)
		}
		st.Close()
	}
}
