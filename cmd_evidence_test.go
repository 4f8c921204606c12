package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"slate/model"
	"slate/store"
)

// evidenceFiles writes test files: a small text, and one of several
// chunks.
func evidenceFiles(t *testing.T) (small, big string, bigData []byte) {
	t.Helper()
	dir := t.TempDir()
	small = filepath.Join(dir, "firewall rules.txt")
	os.WriteFile(small, []byte("permit tcp 10.1.0.0/16 any eq 502\ndeny ip any any\n"), 0o600)
	bigData = make([]byte, 2*model.EvidenceChunk+777)
	for i := range bigData {
		bigData[i] = byte(i*31) ^ byte(i>>16)
	}
	big = filepath.Join(dir, "cabinet.jpg")
	os.WriteFile(big, bigData, 0o600)
	return small, big, bigData
}

func shaOf(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

func TestEvidenceCommands(t *testing.T) {
	path := demo(t)
	small, big, bigData := evidenceFiles(t)
	code, out, errs := runCLI(t, "evidence", "add", path, "control", "SR 1.1", small, big, "--caption", "From the engineering station")
	if code != 0 || !strings.Contains(out, "attached to control SR 1.1; sha256 "+shaOf(bigData)+", 2.0 MiB, image/jpeg") {
		t.Fatalf("add: exit %d %q %q", code, out, errs)
	}
	// The same bytes for another requirement are linked, not stored again.
	code, out, errs = runCLI(t, "evidence", "add", path, "supervisory-control", "SR 5.1", small)
	if code != 0 || !strings.Contains(out, "linked (the same bytes were already stored as firewall rules.txt)") {
		t.Fatalf("second add: exit %d %q %q", code, out, errs)
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"nowhere", "SR 1.1", small}, `has no zone or conduit "nowhere"`},
		{[]string{"control", "SR 99.9", small}, `no requirement "SR 99.9"`},
		{[]string{"control", "SR 1.1", filepath.Dir(small)}, "is not a regular file"},
		{[]string{"control", "SR 1.1", small + ".missing"}, "cannot be read"},
	} {
		if code, _, errs := runCLI(t, append([]string{"evidence", "add", path}, bad.args...)...); code != 1 || !strings.Contains(errs, bad.want) {
			t.Errorf("add %v: exit %d %q", bad.args, code, errs)
		}
	}
	code, out, _ = runCLI(t, "evidence", "list", path)
	if code != 0 || !strings.Contains(out, "firewall rules.txt") || !strings.Contains(out, "control SR 1.1, supervisory-control SR 5.1") ||
		!strings.Contains(out, "From the engineering station") {
		t.Fatalf("list: %q", out)
	}
	code, out, _ = runCLI(t, "evidence", "list", path, "--json")
	var listed struct {
		Evidence []model.DocEvidence `json:"evidence"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &listed) != nil || len(listed.Evidence) != 2 || listed.Evidence[0].Name != "cabinet.jpg" {
		t.Fatalf("list --json: %q", out)
	}
	got := filepath.Join(t.TempDir(), "out.jpg")
	if code, _, errs := runCLI(t, "evidence", "get", path, shaOf(bigData)[:10], "-o", got); code != 0 {
		t.Fatalf("get: %s", errs)
	}
	if data, _ := os.ReadFile(got); !bytes.Equal(data, bigData) {
		t.Fatal("get wrote other bytes")
	}
	if fi, _ := os.Stat(got); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %o", fi.Mode().Perm())
	}
	if code, out, _ := runCLI(t, "evidence", "get", path, shaOf(bigData), "-o", "-"); code != 0 || out != string(bigData) {
		t.Fatal("get -o - to a pipe")
	}
	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{shaOf(bigData)}, 2, "missing -o OUT"},
		{[]string{shaOf(bigData), "-o", path}, 1, "is the assessment file itself"},
		{[]string{shaOf(bigData), "-o", filepath.Dir(got)}, 1, "is not a regular file"},
		{[]string{"0123456789abcdef", "-o", got + "2"}, 1, "no evidence file with sha256 0123456789abcdef"},
		{[]string{"xyz", "-o", got + "2"}, 2, "is not a sha256"},
	} {
		if code, _, errs := runCLI(t, append([]string{"evidence", "get", path}, bad.args...)...); code != bad.code || !strings.Contains(errs, bad.want) {
			t.Errorf("get %v: exit %d %q", bad.args, code, errs)
		}
	}
	mustVerify(t, path)
}

// One changed byte of a stored file: slate verify exits 1 naming the
// file, and slate evidence get refuses to hand it out.
func TestVerifyNamesAlteredEvidence(t *testing.T) {
	path := demo(t)
	_, big, bigData := evidenceFiles(t)
	if code, _, errs := runCLI(t, "evidence", "add", path, "control", "SR 1.1", big); code != 0 {
		t.Fatal(errs)
	}
	sqlEdit(t, path, `PRAGMA ignore_check_constraints = 1`, `UPDATE evidence_chunks SET data = x'00' || substr(data, 2) WHERE seq = 2`)
	code, _, errs := runCLI(t, "verify", path)
	if code != 1 || !strings.Contains(errs, "evidence file cabinet.jpg (sha256 "+shaOf(bigData)+"): its stored bytes do not match") {
		t.Fatalf("verify: exit %d %q", code, errs)
	}
	out := filepath.Join(t.TempDir(), "x.jpg")
	if code, _, errs := runCLI(t, "evidence", "get", path, shaOf(bigData), "-o", out); code != 1 || !strings.Contains(errs, "cabinet.jpg") {
		t.Fatalf("get: exit %d %q", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("an altered file was written out")
	}
}

// A document of a release before sessions names an interviewee per
// answer: import makes sessions of them as the schema-7 upgrade does, and
// the export no longer writes the interviewee.
func TestImportMakesSessionsOfInterviewees(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.slate")
	code, out, errs := runCLI(t, "import", "store/testdata/schema4-export.json", path)
	if code != 0 {
		t.Fatalf("import: %q %q", out, errs)
	}
	code, out, _ = runCLI(t, "export", path)
	var doc model.Document
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil {
		t.Fatal("export")
	}
	if strings.Contains(out, `"interviewee"`) || len(doc.Sessions) != 4 {
		t.Fatalf("%d sessions; interviewee still written: %v", len(doc.Sessions), strings.Contains(out, `"interviewee"`))
	}
	byID := map[int64]model.DocSession{}
	for _, s := range doc.Sessions {
		byID[s.ID] = s
	}
	var old model.Document
	data, _ := os.ReadFile("store/testdata/schema4-export.json")
	json.Unmarshal(data, &old)
	for i, a := range doc.Answers {
		who := old.Answers[i].Interviewee
		s, ok := byID[a.Session]
		if who == "" && !ok {
			continue // nothing said who answered: no session
		}
		if !ok || len(s.Attendees) != 1 || s.Attendees[0].Name != who || s.Attendees[0].Role != "" || !strings.HasPrefix(a.At, s.Date) {
			t.Fatalf("answer %s %s at %s by %q: session %+v", a.Target, a.Requirement, a.At, who, s)
		}
	}
	mustVerify(t, path)
}

// evidenceAndSignOff gives a demo file two evidence files, a current
// session with an answer in it, and a recorded sign-off.
func evidenceAndSignOff(t *testing.T, path string) []byte {
	t.Helper()
	small, big, bigData := evidenceFiles(t)
	if code, _, errs := runCLI(t, "evidence", "add", path, "control", "SR 1.1", small, big, "--caption", "cabinet door"); code != 0 {
		t.Fatal(errs)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.StartSession(model.Session{Date: "2026-03-06", Place: "Control room", Attendees: []model.Attendee{{Name: "R. Patel", Role: "shift supervisor"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Partial, Method: model.Seen}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordSignOff(model.SignOff{Date: "2026-03-06", Assessor: model.Person{Name: "A. Novak", Role: "assessor"},
		Owner: model.Person{Name: "K. Brandt", Role: "plant manager"}}); err != nil {
		t.Fatal(err)
	}
	return bigData
}
