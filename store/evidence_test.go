package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/model"
)

// pattern is n bytes that differ from chunk to chunk.
func pattern(n int, seed byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7) ^ seed ^ byte(i>>20)
	}
	return b
}

func bytesFile(name string, data []byte) EvidenceFile {
	return EvidenceFile{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
}

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

func readEvidence(t *testing.T, st *Store, sha string) ([]byte, error) {
	t.Helper()
	_, r, err := st.OpenEvidence(sha)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

func TestEvidenceAddLinkUnlinkDedupeDelete(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{Clock: fixedClock})
	big := pattern(2*model.EvidenceChunk+12345, 1) // three chunks
	e, fresh, err := st.AddEvidence("control", "SR 1.1", EvidenceFile{Name: "/tmp/exports/plc-101 config.txt", Caption: "S7 protection level",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(big)), nil }})
	if err != nil || !fresh {
		t.Fatalf("add: %v fresh %v", err, fresh)
	}
	if e.SHA256 != sum(big) || e.Size != int64(len(big)) || e.Name != "plc-101 config.txt" || e.MediaType != "text/plain" ||
		e.Caption != "S7 protection level" || e.AddedBy != st.actor || !e.AddedAt.Equal(fixedClock()) {
		t.Fatalf("recorded %+v", e)
	}
	var chunks int
	st.db.QueryRow(`SELECT count(*) FROM evidence_chunks WHERE sha256 = ?`, e.SHA256).Scan(&chunks)
	if chunks != 3 {
		t.Fatalf("%d chunks for %d bytes, want 3 of at most 1 MiB", chunks, len(big))
	}
	got, err := readEvidence(t, st, e.SHA256)
	if err != nil || !bytes.Equal(got, big) {
		t.Fatalf("read back %d bytes, %v", len(got), err)
	}

	// The same bytes under another name, for another answer: stored once.
	again, fresh, err := st.AddEvidence("supervisory-control", "SR 5.1", bytesFile("copy.txt", big))
	if err != nil || fresh || again.Name != "plc-101 config.txt" || len(again.Links) != 2 {
		t.Fatalf("dedupe: %v fresh %v %+v", err, fresh, again)
	}
	st.db.QueryRow(`SELECT count(*) FROM evidence_chunks`).Scan(&chunks)
	if chunks != 3 {
		t.Fatalf("%d chunks after attaching the same bytes twice", chunks)
	}
	if _, _, err := st.AddEvidence("control", "SR 1.1", bytesFile("x.txt", big)); err == nil || !strings.Contains(err.Error(), "already attached") {
		t.Fatalf("attaching twice to one answer: %v", err)
	}
	if err := st.LinkEvidence(e.SHA256, "dmz", "SR 1.1"); err != nil {
		t.Fatal(err)
	}
	a, _ := st.Load()
	ix := model.IndexEvidence(a.Evidence)
	if len(a.Evidence) != 1 || len(ix.Of("dmz", "SR 1.1")) != 1 || len(ix.Of("supervisory-control", "SR 5.1")) != 1 {
		t.Fatalf("loaded %+v", a.Evidence)
	}

	// Clearing the answer keeps its evidence: links name the pair.
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.1", Status: model.Unanswered}); err != nil {
		t.Fatal(err)
	}
	a, _ = st.Load()
	if len(model.IndexEvidence(a.Evidence).Of("control", "SR 1.1")) != 1 {
		t.Fatal("clearing the answer dropped its evidence")
	}

	// Unlinking: the file stays while a link is left; the last link asks.
	for _, l := range []model.EvidenceLink{{Target: "dmz", Requirement: "SR 1.1"}, {Target: "supervisory-control", Requirement: "SR 5.1"}} {
		if orphan, err := st.UnlinkEvidence(e.SHA256, l.Target, l.Requirement, true); err != nil || orphan {
			t.Fatalf("unlink %v: orphan %v %v", l, orphan, err)
		}
	}
	if orphan, err := st.UnlinkEvidence(e.SHA256, "control", "SR 1.1", false); err != nil || !orphan {
		t.Fatalf("last link kept the bytes: orphan %v %v", orphan, err)
	}
	if got, err := readEvidence(t, st, e.SHA256); err != nil || !bytes.Equal(got, big) {
		t.Fatal("an unlinked file lost its bytes")
	}
	st = verifyAfter(t, st)

	// Deleting removes the bytes; the history keeps the hash.
	if err := st.DeleteEvidence(e.SHA256); err != nil {
		t.Fatal(err)
	}
	st.db.QueryRow(`SELECT count(*) FROM evidence_chunks`).Scan(&chunks)
	var mentions int
	st.db.QueryRow(`SELECT count(*) FROM audit WHERE new LIKE ? OR old LIKE ?`, "%"+e.SHA256+"%", "%"+e.SHA256+"%").Scan(&mentions)
	if chunks != 0 || mentions < 3 {
		t.Fatalf("after delete: %d chunks, %d history rows with the hash", chunks, mentions)
	}
	if _, err := readEvidence(t, st, e.SHA256); err == nil {
		t.Fatal("a deleted file can still be read")
	}
	verifyAfter(t, st)
}

// verifyAfter closes the store, verifies the file, and reopens it.
func verifyAfter(t *testing.T, st *Store) *Store {
	t.Helper()
	path := st.Path()
	st.Close()
	verifyOK(t, path)
	return openT(t, path, Options{Clock: fixedClock})
}

// Unlinking the last link with deleteBytes removes the file in the same
// change; verify then expects no bytes.
func TestEvidenceLastUnlinkDeletes(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	e, _, err := st.AddEvidence("control", "SR 1.1", bytesFile("photo.jpg", []byte("\xff\xd8\xff not really a photo")))
	if err != nil || e.MediaType != "image/jpeg" {
		t.Fatalf("%v %q", err, e.MediaType)
	}
	if orphan, err := st.UnlinkEvidence(e.SHA256, "control", "SR 1.1", true); err != nil || orphan {
		t.Fatalf("%v %v", orphan, err)
	}
	a, _ := st.Load()
	if len(a.Evidence) != 0 {
		t.Fatal("file kept")
	}
	st.Close()
	verifyOK(t, path)
	// Bytes put back behind Slate's back are found.
	tamper(t, path, `INSERT INTO evidence_chunks (sha256, seq, data) VALUES ('`+e.SHA256+`', 0, x'00')`)
	if got := verifyFails(t, path, VerifyOptions{}); !strings.Contains(got, "holds bytes (sha256 "+e.SHA256[:57]) {
		t.Fatalf("%q", got)
	}
}

func TestEvidenceLimitAndChangedFile(t *testing.T) {
	st := openT(t, demoFile(t), Options{EvidenceLimit: 1000})
	_, _, err := st.AddEvidence("control", "SR 1.1", bytesFile("big.bin", pattern(1001, 2)))
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "big.bin is larger than the limit") {
		t.Fatalf("over the limit: %v", err)
	}
	// A file that changes between the hashing pass and the storing pass.
	n := 0
	_, _, err = st.AddEvidence("control", "SR 1.1", EvidenceFile{Name: "log.txt", Open: func() (io.ReadCloser, error) {
		n++
		return io.NopCloser(strings.NewReader(strings.Repeat("x", n))), nil
	}})
	if err == nil || !strings.Contains(err.Error(), "log.txt") {
		t.Fatalf("changed file: %v", err)
	}
	a, _ := st.Load()
	var chunks int
	st.db.QueryRow(`SELECT count(*) FROM evidence_chunks`).Scan(&chunks)
	if len(a.Evidence) != 0 || chunks != 0 {
		t.Fatal("a refused file left something behind")
	}
}

// One changed byte of a stored file: verify fails naming the file, and
// reading it out fails instead of handing out other bytes.
func TestVerifyRehashesEvidence(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	data := pattern(model.EvidenceChunk+10, 3)
	e, _, err := st.AddEvidence("control", "SR 1.1", bytesFile("firewall-rules.txt", data))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	rep := verifyOK(t, path)
	if rep.Files != 1 {
		t.Fatalf("%d files rehashed", rep.Files)
	}
	tamper(t, path, `UPDATE evidence_chunks SET data = substr(data, 1, 99) || x'ff' || substr(data, 101) WHERE seq = 1`)
	got := verifyFails(t, path, VerifyOptions{})
	if !strings.Contains(got, "evidence file firewall-rules.txt (sha256 "+e.SHA256+"): its stored bytes do not match") {
		t.Fatalf("%q", got)
	}
	st = openT(t, path, Options{})
	if _, err := readEvidence(t, st, e.SHA256); err == nil || !strings.Contains(err.Error(), "firewall-rules.txt") {
		t.Fatalf("reading an altered file: %v", err)
	}
}

// Opening a file checks every table but the evidence bytes and reads none
// of them: a damaged chunk page does not stop the interview, and verify
// finds it.
func TestOpenReadsNoBlob(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	marker := bytes.Repeat([]byte("EVIDENCE"), model.EvidenceChunk/8)
	if _, _, err := st.AddEvidence("control", "SR 1.1", bytesFile("marker.bin", marker)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Break the chain of an overflow page of the file's chunk: its first
	// four bytes point to the next page.
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(raw[16:]))
	broken := false
	for off := pageSize; off+pageSize <= len(raw); off += pageSize {
		if bytes.Equal(raw[off+4:off+68], marker[:64]) || bytes.HasPrefix(raw[off+4:off+pageSize], []byte("EVIDENCEEVIDENCE")) {
			binary.BigEndian.PutUint32(raw[off:], 0x7fffffff)
			broken = true
			break
		}
	}
	if !broken {
		t.Fatal("no overflow page of the chunk found")
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	st2, a, err := OpenAndLoad(path, Options{})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if len(a.Evidence) != 1 {
		t.Fatal("the file's record is not loaded")
	}
	if _, err := st2.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); err != nil {
		t.Fatalf("saving: %v", err)
	}
	st2.Close()
	rep, err := Verify(path, VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || rep.Integrity == "ok" {
		t.Fatalf("verify passed a broken chunk page: %+v", rep)
	}
}

// A note, flag or method edit keeps the answer's time and session; the
// history row carries the edit's own time and session.
func TestAnswerTimeChangesOnlyWithStatus(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	st := openT(t, demoFile(t), Options{Clock: func() time.Time { return now }})
	first, err := st.StartSession(model.Session{Date: "2026-03-04", Place: "Control room", Attendees: []model.Attendee{{Name: "R. Patel", Role: "shift supervisor"}}})
	if err != nil {
		t.Fatal(err)
	}
	if st.CurrentSession() != first.ID {
		t.Fatal("a started session is not current")
	}
	a, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Partial, Method: model.Told})
	if err != nil || !a.UpdatedAt.Equal(now) || a.Session != first.ID {
		t.Fatalf("answer %+v %v", a, err)
	}
	now = now.Add(24 * time.Hour)
	second, err := st.StartSession(model.Session{Date: "2026-03-05", Attendees: []model.Attendee{{Name: "J. Weber"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range []func(*model.Answer){
		func(a *model.Answer) { a.Note = "Two shared accounts left." },
		func(a *model.Answer) { a.Flagged = true },
		func(a *model.Answer) { a.Method = model.Seen },
	} {
		edit(&a)
		saved, err := st.SaveAnswer("control", a)
		if err != nil {
			t.Fatal(err)
		}
		if !saved.UpdatedAt.Equal(now.Add(-24*time.Hour)) || saved.Session != first.ID {
			t.Fatalf("an edit that kept the status moved the answer to %v, session %d", saved.UpdatedAt, saved.Session)
		}
		var at int64
		var newText string
		st.db.QueryRow(`SELECT at, new FROM audit ORDER BY seq DESC LIMIT 1`).Scan(&at, &newText)
		nc, _ := decodeChangeset(newText)
		if at != now.UnixMilli() || noteOf(nc) != second.ID {
			t.Fatalf("the history row of the edit has time %v, session %d", time.UnixMilli(at), noteOf(nc))
		}
		a = saved
	}
	a.Status = model.Yes
	saved, err := st.SaveAnswer("control", a)
	if err != nil || !saved.UpdatedAt.Equal(now) || saved.Session != second.ID {
		t.Fatalf("a status change keeps time %v session %d", saved.UpdatedAt, saved.Session)
	}
	hist, err := st.AnswerHistory("control", "SR 1.3")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range hist {
		lines = append(lines, c.At.Format("01-02")+" s"+itoa(c.Session)+" "+c.Summary())
	}
	want := []string{
		"03-04 s" + itoa(first.ID) + " status unanswered → partial; established: told",
		"03-05 s" + itoa(second.ID) + " note added",
		"03-05 s" + itoa(second.ID) + " flagged for follow-up",
		"03-05 s" + itoa(second.ID) + " established: seen",
		"03-05 s" + itoa(second.ID) + " status partial → yes",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("history:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// The current session is a preference kept in the file.
	path := st.Path()
	st.Close()
	st = openT(t, path, Options{})
	if st.CurrentSession() != second.ID {
		t.Fatalf("current session after reopening: %d", st.CurrentSession())
	}
	verifyOK(t, path)
}

func itoa(n int64) string {
	return strings.TrimSpace(strings.Replace(time.Duration(n).String(), "ns", "", 1))
}

func TestSignOffAndChangesAfter(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{Clock: fixedClock})
	if _, err := st.RecordSignOff(model.SignOff{Date: "2026-03-05", Assessor: model.Person{Name: "A. Novak"}}); err == nil {
		t.Fatal("a sign-off without the owner's representative was recorded")
	}
	head, rows, _ := st.Head()
	so, err := st.RecordSignOff(model.SignOff{Date: "2026-03-05", Assessor: model.Person{Name: "A. Novak", Role: "assessor"},
		Owner: model.Person{Name: "K. Brandt", Role: "plant manager"}})
	if err != nil || so.Head != head || so.Rows != rows {
		t.Fatalf("%+v %v (head %s %d)", so, err, head, rows)
	}
	if ch, _ := st.ChangesAfterSignOff(); len(ch) != 0 {
		t.Fatalf("changes right after the sign-off: %+v", ch)
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); err != nil {
		t.Fatal(err)
	}
	ch, err := st.ChangesAfterSignOff()
	if err != nil || len(ch) != 1 || ch[0].What() != "control SR 1.3" || ch[0].Summary() != "status unanswered → yes" {
		t.Fatalf("%+v %v", ch, err)
	}
	a, _ := st.Load()
	if last, ok := a.LatestSignOff(); !ok || last.Owner.Name != "K. Brandt" || last.Head != head {
		t.Fatalf("loaded %+v", a.SignOffs)
	}
}

// A read-only look reads a file with evidence through the snapshot: what
// a killed session left in the -wal included, without a copy of the file
// in memory and without a file left beside it.
func TestReadOnlySnapshotSeesTheLog(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	data := pattern(3*model.EvidenceChunk, 9)
	e, _, err := st.AddEvidence("control", "SR 1.1", bytesFile("capture.pcap", data))
	if err != nil {
		t.Fatal(err)
	}
	// Keep the writer's log as a killed session leaves it.
	walCopy := mustRead(t, path+"-wal")
	mainCopy := mustRead(t, path)
	st.Close()
	dir := t.TempDir()
	killed := filepath.Join(dir, "killed.slate")
	os.WriteFile(killed, mainCopy, 0o600)
	os.WriteFile(killed+"-wal", walCopy, 0o600)
	before := fileHash(t, killed)
	ro, err := Open(killed, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := readEvidence(t, ro, e.SHA256)
	ro.Close()
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read %d bytes through the snapshot: %v", len(got), err)
	}
	if fileHash(t, killed) != before {
		t.Fatal("the read-only look changed the file")
	}
	assertNoArtefactsBut(t, dir, "killed.slate", "killed.slate-wal")
}

// Deleting a zone removes its evidence links with it (recorded in the
// history); the files stay, unlinked, and the file verifies.
func TestDeletingATargetKeepsItsFiles(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	e, _, err := st.AddEvidence("safety", "SR 5.1", bytesFile("sis-gateway.txt", []byte("read-only gateway")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DeleteTarget("safety"); err != nil {
		t.Fatal(err)
	}
	a, _ := st.Load()
	if len(a.Evidence) != 1 || a.Evidence[0].SHA256 != e.SHA256 || len(a.Evidence[0].Links) != 0 {
		t.Fatalf("after deleting the zone: %+v", a.Evidence)
	}
	st.Close()
	verifyOK(t, path)
}
