package main

import (
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"slate/model"
	"slate/store"
)

// Command-line tests of the file-safety rules (issue rows in brackets). Each
// checks the files afterwards: their bytes, that the assessment still
// verifies and exports the same answers.

const exportAt = "2026-03-05T10:00:00Z"

// exported is the assessment's export: what must not change.
func exported(t *testing.T, path string) string {
	t.Helper()
	code, out, errs := runCLI(t, "export", path, "--at", exportAt)
	if code != 0 {
		t.Fatalf("export %s: %s", path, errs)
	}
	return out
}

// folder fingerprints every entry of dir: names, kinds and content hashes.
func folder(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		fi, _ := os.Lstat(filepath.Join(dir, e.Name()))
		fmt.Fprintf(&b, "%s %v", e.Name(), fi.Mode())
		if fi.Mode().IsRegular() {
			data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			sum := sha256.Sum256(data)
			b.WriteString(" " + hex.EncodeToString(sum[:8]))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func sqlEdit(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func mustVerify(t *testing.T, path string) {
	t.Helper()
	if code, out, errs := runCLI(t, "verify", path); code != 0 {
		t.Fatalf("verify %s: %s%s", path, out, errs)
	}
}

// [1, 4, 17, 16] Every refused -o: exit 1, one line, nothing written, the
// assessment intact.
func TestExportRefusesOutputs(t *testing.T) {
	path := demo(t)
	dir := filepath.Dir(path)
	want := exported(t, path)
	os.WriteFile(path+"-wal", nil, 0o600) // as a session leaves it
	os.Mkdir(filepath.Join(dir, "out"), 0o700)
	os.Symlink(filepath.Join(dir, "victim.json"), filepath.Join(dir, "link.json"))
	cases := map[string]string{
		path:                            "is the assessment file itself; Slate never writes over its input",
		path + "-wal":                   "is the -wal file of",
		path + "-shm":                   "is the -shm file of",
		path + ".lock":                  "is the .lock file of",
		filepath.Join(dir, "out"):       "is not a regular file (it is a folder); use -o - for standard output",
		filepath.Join(dir, "link.json"): "is not a regular file (it is a symbolic link); use -o - for standard output",
		"/dev/null":                     "/dev/null is not a regular file (it is a device); use -o - for standard output",
		"/dev/full":                     "/dev/full is not a regular file",
	}
	before := folder(t, dir)
	devNull, _ := os.Lstat("/dev/null")
	for out, msg := range cases {
		code, stdout, errs := runCLI(t, "export", path, "-o", out)
		if code != 1 || !strings.Contains(errs, msg) || strings.Count(errs, "\n") != 1 || stdout != "" {
			t.Errorf("-o %s: exit %d %q %q", out, code, stdout, errs)
		}
	}
	if after := folder(t, dir); after != before {
		t.Fatalf("a refused export changed the folder:\n%s\nwas\n%s", after, before)
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode() != devNull.Mode() {
		t.Fatal("/dev/null was replaced")
	}
	if _, err := os.Lstat(filepath.Join(dir, "victim.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the export followed the link")
	}
	os.Remove(path + "-wal")
	mustVerify(t, path)
	if exported(t, path) != want {
		t.Fatal("the assessment's export changed")
	}
	// -o - is standard output.
	if code, out, _ := runCLI(t, "export", path, "-o", "-", "--at", exportAt); code != 0 || out != want {
		t.Fatal("-o - is not standard output")
	}
}

// [17] A killed session left committed answers in the -wal: -o naming that
// log is refused and every answer survives.
func TestExportNeverOverwritesALeftOverLog(t *testing.T) {
	src := demo(t)
	st, err := store.Open(src, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.No, Note: "in the log"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "p.slate")
	copyTo(t, src, path)
	copyTo(t, src+"-wal", path+"-wal") // the files as a SIGKILL leaves them
	st.Close()
	before := folder(t, dir)
	if code, _, errs := runCLI(t, "export", path, "-o", path+"-wal"); code != 1 || !strings.Contains(errs, "is the -wal file of") {
		t.Fatalf("exit %d %q", code, errs)
	}
	if folder(t, dir) != before {
		t.Fatal("the refused export changed the folder")
	}
	if !strings.Contains(exported(t, path), "in the log") {
		t.Fatal("the answer in the log is lost")
	}
	mustVerify(t, path)
	if folder(t, dir) != before {
		t.Fatal("export or verify left something behind or changed a file")
	}
}

// [5, 20] Read-only commands leave nothing beside the file and never
// upgrade an older one.
func TestReadOnlyCommandsLeaveNothing(t *testing.T) {
	for _, fixture := range []string{"", "store/testdata/schema1.slate", "store/testdata/schema2.slate"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "p.slate")
		if fixture == "" {
			copyTo(t, demo(t), path)
		} else {
			copyTo(t, fixture, path)
		}
		before := folder(t, dir)
		for _, cmd := range [][]string{{"matrix", path}, {"matrix", path, "--json"}, {"roadmap", path}, {"export", path}, {"verify", path}} {
			if code, _, errs := runCLI(t, cmd...); code != 0 {
				t.Fatalf("%s %v: %s", fixture, cmd, errs)
			}
			if after := folder(t, dir); after != before {
				t.Fatalf("%s %v changed the folder:\n%s\nwas\n%s", fixture, cmd, after, before)
			}
		}
		// slate check and an import's dry run only read too (check exits 1
		// when an older plant's roadmap has fallen due: an error finding).
		csv := filepath.Join(t.TempDir(), "assets.csv")
		if err := os.WriteFile(csv, []byte("Name,Zone\nPLC-9,control\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range [][]string{{"check", path}, {"check", path, "--json"}, {"assets", "import", path, csv, "--dry-run"}} {
			if code, _, errs := runCLI(t, cmd...); code > 1 || code == 1 && cmd[0] != "check" {
				t.Fatalf("%s %v: exit %d %s", fixture, cmd, code, errs)
			}
			if after := folder(t, dir); after != before {
				t.Fatalf("%s %v changed the folder:\n%s\nwas\n%s", fixture, cmd, after, before)
			}
		}
	}
}

// [8] An edit behind Slate's back in any user-state column fails verify,
// naming table, row and column.
func TestVerifyNamesTheEditedColumn(t *testing.T) {
	path := demo(t)
	mustVerify(t, path)
	sqlEdit(t, path, `UPDATE targets SET slt = '4444444' WHERE key = 'control'`)
	code, out, errs := runCLI(t, "verify", path)
	if code != 1 || out != "" || !strings.Contains(errs, "table targets, row id=4, column slt: the file has \"4444444\", the history \"2222222\"") ||
		!strings.HasSuffix(errs, "verification FAILED\n") {
		t.Fatalf("exit %d %q %q", code, out, errs)
	}
}

// --expect-head: exit 0 only at the current head.
func TestVerifyExpectHead(t *testing.T) {
	path := demo(t)
	_, out, _ := runCLI(t, "verify", path)
	head := out[strings.Index(out, "head ")+5 : strings.Index(out, "head ")+5+64]
	if code, out, _ := runCLI(t, "verify", path, "--expect-head", head); code != 0 || !strings.Contains(out, "it is the expected head") {
		t.Fatalf("current head: %d %q", code, out)
	}
	st, _ := store.Open(path, store.Options{})
	st.SaveAnswer("control", model.Answer{Requirement: "SR 1.3", Status: model.Yes})
	st.Close()
	if code, _, errs := runCLI(t, "verify", path, "--expect-head", head); code != 1 || !regexp.MustCompile(`: 1 change after `+head+` \(row \d+\)\n`).MatchString(errs) {
		t.Fatalf("earlier head: %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, "verify", path, "--expect-head", strings.Repeat("0", 64)); code != 1 || !strings.Contains(errs, " is not in this file's history") {
		t.Fatalf("unknown head: %d %q", code, errs)
	}
}

// [10] A catalog folder with an alias bomb is refused by its error.
func TestCatalogAliasBombRefused(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("id: evil\nversion: '1'\nrequirements:\n  - {id: SR 1.1, fr: 1, sl: 1, title: t, applies_to: zone, questions: &a [")
	b.WriteString(strings.Repeat("q,", 3000) + "q]}\n")
	for i := 2; i < 1000; i++ {
		fmt.Fprintf(&b, "  - {id: SR 1.%d, fr: 1, sl: 1, title: t, applies_to: zone, questions: *a}\n", i)
	}
	os.WriteFile(filepath.Join(dir, "evil.yaml"), []byte(b.String()), 0o600)
	code, _, errs := runCLI(t, "catalog", "--validate", dir)
	if code != 1 || !strings.Contains(errs, "evil.yaml:") || !strings.Contains(errs, "aliases (*name) expand the catalog beyond") {
		t.Fatalf("exit %d %q", code, errs)
	}
}

// [11] A crafted due date is refused on load with the value quoted, one
// the schema's check rejects and one that looks like a date but is none;
// no escape sequence reaches the terminal either way. (A read-only look
// reads the file through SQLite read-only, which does not evaluate CHECK
// constraints; slate verify names the column.)
func TestCraftedDueDateIsRefused(t *testing.T) {
	for _, c := range []struct{ due, want string }{
		{`'2027-01-01' || char(27) || ']0;X' || char(7)`, `the tracking of "SR 1.5": due date "2027-01-01\x1b]0;X\a": use YYYY-MM-DD; the file was changed outside Slate`},
		{`'2027-13-45'`, `the tracking of "SR 1.5": due date "2027-13-45": use YYYY-MM-DD; the file was changed outside Slate`},
	} {
		path := demo(t)
		sqlEdit(t, path, `PRAGMA ignore_check_constraints = 1; UPDATE tracking SET due = `+c.due+` WHERE requirement = 'SR 1.5'`)
		before := folder(t, filepath.Dir(path))
		for _, cmd := range []string{"roadmap", "matrix", "export"} {
			code, out, errs := runCLI(t, cmd, path)
			if code != 1 || out != "" || strings.ContainsAny(errs, "\x1b\x07") || !strings.Contains(errs, c.want) {
				t.Fatalf("%s: exit %d %q %q", cmd, code, out, errs)
			}
		}
		if folder(t, filepath.Dir(path)) != before {
			t.Fatal("a refused file was changed")
		}
	}
}

// [12, 13, 14, 16, 18] import.
func TestImportRules(t *testing.T) {
	path := demo(t)
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.json")
	if code, _, errs := runCLI(t, "export", path, "-o", doc, "--at", exportAt); code != 0 {
		t.Fatal(errs)
	}
	data, _ := os.ReadFile(doc)
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o600)
		return p
	}
	target := func() string { return filepath.Join(t.TempDir(), "t.slate") }

	// [12] Text full of <, > and & round-trips at its own size.
	lt := write("lt.json", strings.Replace(string(data), `"name": "Enterprise"`, `"name": "<Enterprise & Office>"`, 1))
	a := target()
	if code, _, errs := runCLI(t, "import", lt, a); code != 0 {
		t.Fatal(errs)
	}
	again := exported(t, a)
	if strings.Contains(again, `\u003c`) || !strings.Contains(again, `"name": "<Enterprise & Office>"`) {
		t.Fatal("the export escaped <, > or &")
	}
	if code, _, errs := runCLI(t, "import", write("again.json", again), target()); code != 0 {
		t.Fatalf("the export does not import again: %s", errs)
	}

	// [13] keys match exactly; duplicates are refused.
	for name, c := range map[string]struct{ doc, msg string }{
		"caps": {strings.Replace(string(data), `"format"`, `"FORMAT"`, 1), `$: unknown field "FORMAT" (keys are case-sensitive: "format")`},
		"dup":  {strings.Replace(string(data), `"name": "Enterprise"`, `"name": "x", "name": "Enterprise"`, 1), `$.zones[0]: key "name" is given twice`},
	} {
		out := target()
		code, _, errs := runCLI(t, "import", write(name+".json", c.doc), out)
		if code != 1 || !strings.Contains(errs, name+".json: "+c.msg) {
			t.Errorf("%s: exit %d %q", name, code, errs)
		}
		if _, err := os.Lstat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: a refused import created the file", name)
		}
	}

	// [16] a byte order mark is accepted; swapped arguments are named.
	if code, _, errs := runCLI(t, "import", write("bom.json", "\ufeff"+string(data)), target()); code != 0 {
		t.Fatalf("BOM: %s", errs)
	}
	if code, _, errs := runCLI(t, "import", path, doc); code != 1 || !strings.Contains(errs, path+" is an assessment file, not a JSON exchange document; the order is slate import IN.json FILE") {
		t.Fatalf("swapped: %d %q", code, errs)
	}

	// [14] A file holding only a roadmap is not empty: a second import is
	// refused and the first one's data stays exactly.
	var full map[string]any
	json.Unmarshal(data, &full)
	// Without zones, only what names no zone or conduit: whole-initiative
	// tracking without the targets a risk acceptance covers, and windows
	// covering the whole plant.
	roadmap := full["roadmap"].(map[string]any)
	var tracking []any
	for _, tr := range roadmap["tracking"].([]any) {
		rec := tr.(map[string]any)
		if rec["target"] == nil {
			delete(rec, "covers")
			tracking = append(tracking, rec)
		}
	}
	for _, w := range roadmap["windows"].([]any) {
		delete(w.(map[string]any), "targets")
	}
	roadmap["tracking"] = tracking
	onlyRoadmap := map[string]any{"format": full["format"], "assessment": full["assessment"], "zones": []any{},
		"roadmap": map[string]any{"tracking": tracking, "windows": roadmap["windows"]}}
	rm, _ := json.Marshal(onlyRoadmap)
	tfile := target()
	if code, _, errs := runCLI(t, "import", write("roadmap.json", string(rm)), tfile); code != 0 {
		t.Fatal(errs)
	}
	before := exported(t, tfile)
	code, _, errs := runCLI(t, "import", doc, tfile)
	if code != 1 || !strings.Contains(errs, "t.slate already holds zones, answers, tracking or maintenance windows; import into a new file") {
		t.Fatalf("second import: %d %q", code, errs)
	}
	if exported(t, tfile) != before {
		t.Fatal("the refused import changed the file")
	}
	mustVerify(t, tfile)

	// [18] a dangling symbolic link is never followed.
	victim := filepath.Join(dir, "victim.slate")
	link := filepath.Join(dir, "new.slate")
	os.Symlink(victim, link)
	if code, _, errs := runCLI(t, "import", doc, link); code != 1 || !strings.Contains(errs, "new.slate: is a symbolic link; Slate creates an assessment only as a new file, never through a link") {
		t.Fatalf("link: %d %q", code, errs)
	}
	if _, err := os.Lstat(victim); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("import created a file through the link")
	}
}

// [2] A planted FILE.lock link: writing is refused, the link's target keeps
// its bytes, and reading still works.
func TestLockLinkVictimUnchanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.slate")
	empty := filepath.Join(dir, "empty.json")
	os.WriteFile(empty, []byte(`{"format":"slate/1","assessment":{"name":"t","catalog":{"id":"iec62443-3-3","version":"2013+COR1:2014"}},"zones":[]}`), 0o600)
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("precious\n"), 0o600)
	if code, _, errs := runCLI(t, "import", empty, path); code != 0 {
		t.Fatal(errs)
	}
	os.Symlink(victim, path+".lock")
	doc := filepath.Join(dir, "doc.json")
	runCLI(t, "export", demo(t), "-o", doc)
	code, _, errs := runCLI(t, "import", doc, path)
	if code != 1 || !strings.Contains(errs, "t.slate.lock is a symbolic link, not a file Slate or SQLite made; remove it first") {
		t.Fatalf("exit %d %q", code, errs)
	}
	if data, _ := os.ReadFile(victim); string(data) != "precious\n" {
		t.Fatalf("the victim was written: %q", data)
	}
	mustVerify(t, path)
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// [1, 16, 19] report: -o naming the assessment is refused, a missing folder
// is named (never the temporary file), and -o - is refused for a format of
// several files; nothing is written in any case.
func TestReportRefusals(t *testing.T) {
	path := demo(t)
	dir := filepath.Dir(path)
	want := exported(t, path)
	before := folder(t, dir)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--format", "md", "-o", path}, 1, "is the assessment file itself; Slate never writes over its input"},
		{[]string{"--format", "html", "-o", path + "-wal"}, 1, "is the -wal file of"},
		{[]string{"--format", "md", "-o", dir}, 1, "is not a regular file (it is a folder); use -o - for standard output"},
		{[]string{"--format", "md", "-o", "/dev/null"}, 1, "/dev/null is not a regular file"},
		{[]string{"--format", "md", "-o", filepath.Join(dir, "missing", "r.md")}, 1, "cannot write " + filepath.Join(dir, "missing", "r.md") + ": the folder " + filepath.Join(dir, "missing") + " does not exist"},
		{[]string{"--format", "csv", "-o", "-"}, 2, "the csv report writes 3 files; give -o a file name instead of -"},
	} {
		code, out, errs := runCLI(t, append([]string{"report", path}, c.args...)...)
		if code != c.code || out != "" || !strings.Contains(errs, c.msg) || strings.Contains(errs, ".tmp-") {
			t.Errorf("%v: exit %d %q %q", c.args, code, out, errs)
		}
	}
	if folder(t, dir) != before {
		t.Fatal("a refused report changed the folder")
	}
	mustVerify(t, path)
	if exported(t, path) != want {
		t.Fatal("the assessment's export changed")
	}
}

// A report and an export print the history head they were made from, and
// verify --expect-head takes it.
func TestReportAndExportPrintTheHead(t *testing.T) {
	path := demo(t)
	_, out, _ := runCLI(t, "verify", path)
	head := out[strings.Index(out, "head ")+5 : strings.Index(out, "head ")+5+64]
	dir := t.TempDir()
	for _, args := range [][]string{
		{"report", path, "--format", "csv", "-o", filepath.Join(dir, "r.csv")},
		{"export", path, "-o", filepath.Join(dir, "e.json")},
	} {
		code, _, errs := runCLI(t, args...)
		if code != 0 || !strings.Contains(errs, "history head "+head) || !strings.Contains(errs, "--expect-head "+head) {
			t.Fatalf("%v: %d %q", args, code, errs)
		}
	}
	doc, _ := os.ReadFile(filepath.Join(dir, "e.json"))
	var d struct {
		History struct {
			Head string `json:"head"`
			Rows int64  `json:"rows"`
		} `json:"history"`
	}
	if json.Unmarshal(doc, &d); d.History.Head != head || d.History.Rows == 0 {
		t.Fatalf("the export pins %+v, verify says %s", d.History, head)
	}
	if code, _, errs := runCLI(t, "verify", path, "--expect-head", d.History.Head); code != 0 {
		t.Fatal(errs)
	}
}

// [9] Catalog text and notes starting with a line break reach no CSV cell
// as a formula.
func TestCSVReportNeutralisesEverySource(t *testing.T) {
	dir := t.TempDir()
	cat, err := os.ReadFile("questionnaires/iec62443-3-3.slate2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.Replace(string(cat), "version: \"2013+COR1:2014 slate.2\"", "version: \"evil\"", 1)
	hostile = strings.Replace(hostile, "title: \"Human user identification and authentication\"", "title: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"", 1)
	os.WriteFile(filepath.Join(dir, "evil.yaml"), []byte(hostile), 0o600)
	path := demo(t)
	doc := filepath.Join(t.TempDir(), "d.json")
	runCLI(t, "export", path, "-o", doc)
	data, _ := os.ReadFile(doc)
	data = []byte(strings.Replace(string(data), `"version": "2013+COR1:2014 slate.2"`, `"version": "evil"`, 1))
	data = []byte(strings.Replace(string(data), `"note": "`, `"note": "\n=1+1 `, 1))
	os.WriteFile(doc, data, 0o600)
	evil := filepath.Join(t.TempDir(), "evil.slate")
	if code, _, errs := runCLI(t, "import", "--catalogs", dir, doc, evil); code != 0 {
		t.Fatal(errs)
	}
	out := filepath.Join(t.TempDir(), "r.csv")
	if code, _, errs := runCLI(t, "report", evil, "--catalogs", dir, "--format", "csv", "-o", out); code != 0 {
		t.Fatal(errs)
	}
	all, _ := os.ReadFile(out)
	if !strings.Contains(string(all), `'=HYPERLINK(`) || !strings.Contains(string(all), "'\r\n=1+1") {
		t.Fatal("the hostile catalog title or note is not neutralised")
	}
	for _, p := range []string{out, strings.Replace(out, ".csv", "-roadmap.csv", 1), strings.Replace(out, ".csv", "-matrix.csv", 1)} {
		data, _ := os.ReadFile(p)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, c := range r {
				if model.IsFormula(c) {
					t.Fatalf("%s: formula cell %q", p, c)
				}
			}
		}
	}
}

// failing is standard output on a full disk.
type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// [15] A failed write to standard output is an error (exit 1), never a
// silent success.
func TestStdoutWriteErrors(t *testing.T) {
	path := demo(t)
	for _, args := range [][]string{
		{"matrix", path}, {"matrix", path, "--json"}, {"roadmap", path}, {"roadmap", path, "--json"},
		{"check", path, "--at", "2026-03-05"}, {"check", path, "--json", "--at", "2026-03-05"},
		{"catalog"}, {"catalog", "--format", "tsv"}, {"catalog", "--list"}, {"verify", path},
		{"export", path}, {"report", path, "--format", "md", "-o", "-"}, {"report", path, "--format", "html", "-o", "-"},
	} {
		var errb strings.Builder
		code := run(args, strings.NewReader(""), failing{}, &errb)
		if code != 1 || !strings.Contains(errb.String(), "no space left on device") {
			t.Errorf("%v: exit %d %q", args, code, errb.String())
		}
	}
}
