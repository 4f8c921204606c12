package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// Tests of the file-safety rules: every case checks the files' bytes
// afterwards, not only the error.

// TestHoldChild is the child of the cross-process tests: it opens the file
// named by SLATE_HOLD_FILE for writing, says so, and holds it until its
// standard input closes.
func TestHoldChild(t *testing.T) {
	path := os.Getenv("SLATE_HOLD_FILE")
	if path == "" {
		t.Skip("only run as a child of the file-safety tests")
	}
	st, err := Open(path, Options{})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 2.2", Status: model.Partial, Note: "held"}); err != nil {
		fmt.Println("save failed:", err)
		os.Exit(4)
	}
	fmt.Println("held")
	io.Copy(io.Discard, os.Stdin)
	st.Close()
	os.Exit(0)
}

// holdInChild opens path for writing in another process and returns its pid
// and a function that makes it close the file and exit.
func holdInChild(t *testing.T, path string) (int, func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SLATE_HOLD_FILE="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "held" {
		cmd.Process.Kill()
		t.Fatalf("child: %q", line)
	}
	release := func() {
		stdin.Close()
		cmd.Wait()
	}
	t.Cleanup(release)
	return cmd.Process.Pid, release
}

// Row 2: FILE.lock is a symbolic link planted by someone who can write the
// folder. Slate refuses with one line and the link's target keeps its bytes.
func TestLockFileSymlinkLeavesItsTargetAlone(t *testing.T) {
	for _, dangling := range []bool{false, true} {
		path := demoFile(t)
		victim := filepath.Join(t.TempDir(), "victim")
		if !dangling {
			os.WriteFile(victim, []byte("precious\n"), 0o600)
		}
		if err := os.Symlink(victim, path+".lock"); err != nil {
			t.Fatal(err)
		}
		before := fileHash(t, path)
		_, err := Open(path, Options{})
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "plant.slate.lock is a symbolic link, not a file Slate or SQLite made; remove it first") {
			t.Fatalf("dangling=%v: %v", dangling, err)
		}
		if dangling {
			if _, err := os.Lstat(victim); !errors.Is(err, os.ErrNotExist) {
				t.Fatal("a file was created through the dangling link")
			}
		} else if data, _ := os.ReadFile(victim); string(data) != "precious\n" {
			t.Fatalf("the link's target was written: %q", data)
		}
		if fileHash(t, path) != before {
			t.Fatal("the assessment changed")
		}
		// Reading needs no lock file: a read-only look still works.
		if st, err := Open(path, Options{ReadOnly: true}); err != nil {
			t.Fatal(err)
		} else {
			st.Close()
		}
	}
}

// SQLite follows links when it opens -wal, -shm and -journal: a planted link
// there is refused the same way.
func TestJournalSymlinkIsRefused(t *testing.T) {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		path := demoFile(t)
		victim := filepath.Join(t.TempDir(), "victim")
		os.WriteFile(victim, []byte("precious\n"), 0o600)
		os.Symlink(victim, path+suffix)
		_, err := Open(path, Options{})
		if err == nil || !strings.Contains(err.Error(), "plant.slate"+suffix+" is a symbolic link") {
			t.Fatalf("%s: %v", suffix, err)
		}
		if data, _ := os.ReadFile(victim); string(data) != "precious\n" {
			t.Fatalf("%s: the link's target was written", suffix)
		}
	}
}

// Row 16: a lock path that is a folder is named as such.
func TestLockPathFolderIsNamed(t *testing.T) {
	path := demoFile(t)
	os.Mkdir(path+".lock", 0o700)
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "plant.slate.lock is a folder, not a file Slate or SQLite made; remove it first") {
		t.Fatalf("%v", err)
	}
}

// Row 3: two names of one file are one assessment. While one process holds
// the file, its other name is refused, naming the holder's name and pid;
// alone, a file with two names opens read-only; nothing committed is lost.
func TestHardLinkIsOneFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.slate")
	copyFile(t, demoFile(t), real)
	hard := filepath.Join(dir, "hard.slate")
	pid, release := holdInChild(t, real)
	if err := os.Link(real, hard); err != nil {
		t.Skip("row 3: no hard links on this file system:", err)
	}
	for _, ro := range []bool{false, true} {
		_, err := Open(hard, Options{ReadOnly: ro})
		var le *LockedError
		if !errors.As(err, &le) || le.ReadOnlyOffered() {
			t.Fatalf("read-only=%v: %v", ro, err)
		}
		want := fmt.Sprintf("hard.slate is the same file as %s (a hard link), which is open in Slate pid %d", real, pid)
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("read-only=%v: %q, want %q", ro, err, want)
		}
	}
	release()
	assertNoArtefactsBut(t, dir, "real.slate", "hard.slate")
	for _, name := range []string{real, hard} {
		st, err := Open(name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ro, why := st.ReadOnly()
		if !ro || !strings.Contains(why, "2 names (hard links)") {
			t.Fatalf("%s: read-only %v %q", name, ro, why)
		}
		a, err := st.Load()
		st.Close()
		if err != nil || a.Answers["control"]["SR 2.2"].Note != "held" {
			t.Fatalf("%s: the holder's answer is missing: %v", name, err)
		}
	}
	assertNoArtefactsBut(t, dir, "real.slate", "hard.slate")
}

// A second process through the same name is told who holds the file and
// may look at it read-only (live, through the holder's log).
func TestSecondProcessSeesTheHolder(t *testing.T) {
	path := demoFile(t)
	pid, _ := holdInChild(t, path)
	_, err := Open(path, Options{})
	var le *LockedError
	if !errors.As(err, &le) || le.Holder.PID != pid || !le.ReadOnlyOffered() {
		t.Fatalf("%v", err)
	}
	st, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := st.Load()
	if err != nil || a.Answers["control"]["SR 2.2"].Note != "held" {
		t.Fatalf("the holder's committed answer is not visible: %v", err)
	}
}

// Row 5 (the part that needs no permissions) and row 20: looking at a file
// read-only, or verifying it, leaves no -wal, -shm, lock or temp file, never
// changes a byte, and never upgrades an older file.
func TestReadOnlyLeavesNothingBehind(t *testing.T) {
	for _, src := range []string{"", fixturePath(1), fixturePath(2)} {
		dir := t.TempDir()
		path := filepath.Join(dir, "p.slate")
		if src == "" {
			src = demoFile(t)
		}
		copyFile(t, src, path)
		before := fileHash(t, path)
		h, _ := precheck(path, path)
		st, a, err := OpenAndLoad(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Zones) != 5 {
			t.Fatalf("%s: %d zones", src, len(a.Zones))
		}
		head, _, _ := st.Head()
		st.Close()
		rep := verifyOK(t, path)
		if head != rep.Head {
			t.Fatalf("%s: a read-only look reports head %s, the file has %s", src, head, rep.Head)
		}
		if fileHash(t, path) != before {
			t.Fatalf("%s: a read-only look changed the file", src)
		}
		if after, _ := precheck(path, path); after.userVersion != h.userVersion {
			t.Fatalf("%s: upgraded from %d to %d by a read-only look", src, h.userVersion, after.userVersion)
		}
		assertNoArtefactsBut(t, dir, "p.slate")
	}
}

// A killed session leaves committed answers in the -wal: a read-only look
// sees them without touching either file, and a later writer keeps them.
func TestReadOnlySeesTheLeftOverLog(t *testing.T) {
	src := demoFile(t)
	st := openT(t, src, Options{})
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.No, Note: "only in the log"}); err != nil {
		t.Fatal(err)
	}
	// The files as a SIGKILL would leave them: the answer is only in the log.
	dir := t.TempDir()
	path := filepath.Join(dir, "p.slate")
	copyFile(t, src, path)
	copyFile(t, src+"-wal", path+"-wal")
	st.Close()
	if log, err := os.Open(path + "-wal"); err != nil {
		t.Fatal(err)
	} else if _, frames, _, _ := scanLog(log); log.Close() != nil || len(frames) == 0 {
		t.Fatal("the test log holds no commit")
	}
	mainBefore, walBefore := fileHash(t, path), fileHash(t, path+"-wal")
	ro, a, err := OpenAndLoad(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if a.Answers["control"]["SR 1.3"].Note != "only in the log" {
		t.Fatal("the committed answer in the log was not seen")
	}
	verifyOK(t, path)
	if fileHash(t, path) != mainBefore || fileHash(t, path+"-wal") != walBefore {
		t.Fatal("a read-only look changed the file or its log")
	}
	assertNoArtefactsBut(t, dir, "p.slate", "p.slate-wal")
	w, a, err := OpenAndLoad(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if a.Answers["control"]["SR 1.3"].Note != "only in the log" {
		t.Fatal("the writer lost the answer")
	}
}

// Row 5 with permissions: a read-only session on a chmod 400 file leaves no
// -shm behind, and after chmod 600 the next session saves. A -shm left
// read-only by an older Slate is cleared by the writer. Root ignores the
// permission bits: .ci/run runs this test as an unprivileged user.
func TestReadOnlySessionThenWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("row 5 (chmod 400 then 600) needs an unprivileged user; .ci/run runs it as one")
	}
	path := demoFile(t)
	os.Chmod(path, 0o400)
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ro, why := st.ReadOnly(); !ro || why != "the file is read-only" {
		t.Fatalf("read-only %v %q", ro, why)
	}
	st.Close()
	assertNoArtefactsBut(t, filepath.Dir(path), "plant.slate")
	os.Chmod(path, 0o600)
	// What an older Slate's read-only look left behind.
	os.WriteFile(path+"-shm", make([]byte, 32768), 0o400)
	st = openT(t, path, Options{})
	if ro, why := st.ReadOnly(); ro {
		t.Fatalf("writable file opened read-only: %s", why)
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes}); err != nil {
		t.Fatalf("save after chmod 600: %v", err)
	}
	st.Close()
	a := loadRO(t, path)
	if a.Answers["control"]["SR 1.3"].Status != model.Yes {
		t.Fatal("the answer was not saved")
	}
	verifyOK(t, path)
}

// Row 7: the -wal deleted while the file is open. Nothing is reported
// saved from then on, and what was reported saved before is in the file.
func TestSaveRefusedWhenTheLogIsDeleted(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes, Note: "before"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path + "-wal"); err != nil {
		t.Fatal(err)
	}
	_, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.4", Status: model.Yes, Note: "after"})
	var se *SaveError
	if !errors.As(err, &se) || !errors.Is(err, ErrLogGone) || !strings.Contains(err.Error(),
		"plant.slate-wal) was deleted or replaced; nothing was saved (every change saved before is safe in the file itself)") {
		t.Fatalf("save after the log was deleted: %v", err)
	}
	// A crash now: the file alone, as it is on disk, holds the answer
	// reported saved before the log was deleted.
	crashed := filepath.Join(t.TempDir(), "crashed.slate")
	copyFile(t, path, crashed)
	if a := loadRO(t, crashed); a.Answers["control"]["SR 1.3"].Note != "before" {
		t.Fatal("an answer reported saved is not in the file itself")
	}
	st.Close()
	a := loadRO(t, path)
	if a.Answers["control"]["SR 1.3"].Note != "before" {
		t.Fatal("an answer reported saved is missing")
	}
	if _, ok := a.Answers["control"]["SR 1.4"]; ok {
		t.Fatal("an answer reported NOT SAVED is in the file")
	}
	verifyOK(t, path)
}

// Row 7: the file truncated while it is open.
func TestSaveRefusedWhenTheFileIsTruncated(t *testing.T) {
	path := demoFile(t)
	st := openT(t, path, Options{})
	fi, _ := os.Stat(path)
	os.Truncate(path, fi.Size()/2)
	_, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.4", Status: model.Yes})
	if !errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), "was truncated") {
		t.Fatalf("save after truncation: %v", err)
	}
}

// Row 18: creating an assessment never follows a symbolic link, dangling
// or not, and never overwrites.
func TestCreateNeverFollowsALink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	path := filepath.Join(dir, "new.slate")
	os.Symlink(victim, path)
	a := model.SamplePlant(questionnaires.Builtin())
	_, err := Create(path, a, Options{})
	if err == nil || !strings.Contains(err.Error(), "new.slate: is a symbolic link") {
		t.Fatalf("%v", err)
	}
	if _, err := os.Lstat(victim); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a file was created through the link")
	}
	assertNoArtefactsBut(t, dir, "new.slate")
}

// Row 1, 4 and 17: every refused -o leaves every file as it was.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.slate")
	copyFile(t, demoFile(t), path)
	os.WriteFile(path+"-wal", []byte("log"), 0o600)
	os.Link(path, filepath.Join(dir, "other-name.slate"))
	os.Mkdir(filepath.Join(dir, "folder"), 0o700)
	os.Symlink(filepath.Join(dir, "target.json"), filepath.Join(dir, "link.json"))
	fifo := mkfifo(filepath.Join(dir, "fifo")) == nil
	linkDir := filepath.Join(t.TempDir(), "via")
	os.Symlink(dir, linkDir)
	cases := map[string]string{
		path:                                   "is the assessment file itself",
		filepath.Join(linkDir, "p.slate"):      "is the assessment file itself",
		filepath.Join(dir, "other-name.slate"): "is the assessment file itself",
		path + "-wal":                          "is the -wal file of",
		path + "-shm":                          "is the -shm file of",
		path + "-journal":                      "is the -journal file of",
		path + ".lock":                         "is the .lock file of",
		filepath.Join(dir, "folder"):           "is not a regular file (it is a folder); use -o - for standard output",
		filepath.Join(dir, "link.json"):        "is not a regular file (it is a symbolic link)",
		filepath.Join(dir, "fifo"):             "is not a regular file (it is a named pipe)",
		"/dev/null":                            "/dev/null is not a regular file (it is a device)",
	}
	if !fifo {
		delete(cases, filepath.Join(dir, "fifo"))
	}
	before := dirHashes(t, dir)
	for out, want := range cases {
		err := CheckOutput(out, path)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", out, err, want)
		}
	}
	for _, ok := range []string{"-", filepath.Join(dir, "report.json"), path + ".json"} {
		if err := CheckOutput(ok, path); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	if after := dirHashes(t, dir); after != before {
		t.Fatal("checking outputs changed a file")
	}
}

// Row 14: importing into an existing file that holds anything, tracking or
// windows alone included, is refused and changes nothing.
func TestImportOnlyIntoAnEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.slate")
	st, err := Create(path, &model.Assessment{Name: "t", CatalogID: "iec62443-3-3", CatalogVersion: "x"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutWindow(model.Window{Name: "Stop", Date: "2027-01-01"}); err != nil {
		t.Fatal(err)
	}
	head, _, _ := st.Head()
	err = st.Import(model.SamplePlant(questionnaires.Builtin()), nil)
	if err == nil || !strings.Contains(err.Error(), "t.slate already holds zones, answers, tracking or maintenance windows; import into a new file") {
		t.Fatalf("%v", err)
	}
	if now, _, _ := st.Head(); now != head {
		t.Fatal("a refused import changed the file")
	}
}

func loadRO(t *testing.T, path string) *model.Assessment {
	t.Helper()
	st, a, err := OpenAndLoad(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return a
}

func mustRead(t *testing.T, p string) []byte {
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// assertNoArtefactsBut fails when dir holds anything but names.
func assertNoArtefactsBut(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !contains(names, e.Name()) {
			t.Errorf("%s was left in the folder", e.Name())
		}
	}
}

// dirHashes fingerprints every regular file of dir.
func dirHashes(t *testing.T, dir string) string {
	entries, _ := os.ReadDir(dir)
	var b strings.Builder
	for _, e := range entries {
		if e.Type().IsRegular() {
			fmt.Fprintf(&b, "%s=%s\n", e.Name(), fileHash(t, filepath.Join(dir, e.Name())))
		} else {
			fmt.Fprintf(&b, "%s %v\n", e.Name(), e.Type())
		}
	}
	return b.String()
}
