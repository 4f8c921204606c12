package main

import (
	"bytes"
	"os"
	"os/user"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"slate/buildinfo"
	"slate/questionnaires"
	"slate/store"
	"slate/ui"
)

// runIn runs the command line as from a terminal (interactive), with stdin
// as what the person types.
func runIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := dispatch(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, interactive: true}, args)
	return code, out.String(), errb.String()
}

// commandNames lists every command of the table, and "" for slate itself.
func commandNames() []string {
	names := []string{""}
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

func withCommand(name string, args ...string) []string {
	switch name {
	case "":
		return args
	case "assets": // its one subcommand carries the flags
		return append([]string{"assets", "import"}, args...)
	case "evidence": // flags belong to a subcommand
		return append([]string{"evidence", "list"}, args...)
	}
	return append([]string{name}, args...)
}

// `slate COMMAND --help` prints the usage once, on stdout, exit 0; so does
// `slate help COMMAND`.
func TestHelpIsPrintedOnce(t *testing.T) {
	for _, name := range commandNames() {
		for _, args := range [][]string{withCommand(name, "--help"), withCommand(name, "-h"), {"help", name}} {
			if name == "" && args[0] == "help" {
				args = []string{"help"}
			}
			code, out, errs := runCLI(t, args...)
			if code != 0 || errs != "" || strings.Count(out, "Usage") != 1 {
				t.Errorf("slate %s: exit %d, stderr %q, %d usages:\n%s", strings.Join(args, " "), code, errs, strings.Count(out, "Usage"), out)
			}
		}
	}
	// A command's help spells its options as the documentation does.
	_, out, _ := runCLI(t, "report", "--help")
	for _, want := range []string{"\n  --format string\n", "\n  -o string\n", "\n  --at string\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("slate report --help lacks %q:\n%s", want, out)
		}
	}
}

// A mistake in the command line is one line on stderr naming it, with the
// command's --help, exit 2; nothing on stdout, never the whole usage.
func TestUsageErrorsAreOneLine(t *testing.T) {
	path := demo(t)
	for _, name := range commandNames() {
		code, out, errs := runCLI(t, withCommand(name, "--bogus")...)
		want := prog(name) + ": unknown flag --bogus (see " + prog(name) + " --help)\n"
		if code != exitUsage || out != "" || errs != want {
			t.Errorf("slate %s --bogus: exit %d, stdout %q, stderr %q, want %q", name, code, out, errs, want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"metrix", path}, `slate: unknown command "metrix"; did you mean "matrix"? (see slate --help)`},
		{[]string{"Rport"}, `slate: unknown command "Rport"; did you mean "report"? (see slate --help)`},
		{[]string{"plnat"}, `slate: unknown command "plnat"; to open or create a file, give it an extension, e.g. plnat.slate (see slate --help)`},
		{[]string{"report", path, "--fromat", "md"}, "slate report: unknown flag --fromat; did you mean --format? (see slate report --help)"},
		{[]string{"matrix", path, "--jsno"}, "slate matrix: unknown flag --jsno; did you mean --json? (see slate matrix --help)"},
		{[]string{"--verison"}, "slate: unknown flag --verison; did you mean --version? (see slate --help)"},
		{[]string{"verify", path, "--hlep"}, "slate verify: unknown flag --hlep; did you mean --help? (see slate verify --help)"},
		{[]string{"report", path, "--format", "htm"}, `slate report: unknown format "htm"; did you mean "html"? (see slate report --help)`},
		{[]string{"report", path, "--format", "pdf"}, `slate report: unknown format "pdf" (want html, md, csv, json) (see slate report --help)`},
		{[]string{"report", path, "-o"}, "slate report: -o needs a value (see slate report --help)"},
		{[]string{"demo", "--zones", "many"}, `slate demo: --zones "many": give a whole number (see slate demo --help)`},
		{[]string{"demo", "--zones", "5", "--answered", "half"}, `slate demo: --answered "half": give a number (see slate demo --help)`},
		{[]string{"matrix", path, "--json=maybe"}, `slate matrix: --json "maybe": give true or false (see slate matrix --help)`},
		{[]string{"matrix"}, "slate matrix: missing FILE (see slate matrix --help)"},
		{[]string{"import", "in.json"}, "slate import: missing IN.json and FILE (see slate import --help)"},
		{[]string{"roadmap", path, "--at", "12/01/2026"}, `slate roadmap: --at "12/01/2026": give a date, 2026-03-01, or a time in RFC 3339, 2026-03-01T12:00:00Z (see slate roadmap --help)`},
		{[]string{"catalog", "--format", "xml"}, `slate catalog: unknown format "xml" (want text or tsv) (see slate catalog --help)`},
		{[]string{"version", "extra"}, `slate version: unexpected argument "extra" (see slate version --help)`},
	} {
		code, out, errs := runCLI(t, c.args...)
		if code != exitUsage || out != "" || errs != c.want+"\n" {
			t.Errorf("slate %s: exit %d, stdout %q\nstderr %q\nwant   %q", strings.Join(c.args, " "), code, out, errs, c.want+"\n")
		}
	}
}

func TestClosest(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"metrix", "matrix"}, {"fromat", "format"}, {"MATRIX", "matrix"}, {"expot", "export"},
		{"dmeo", "demo"}, {"pdf", ""}, {"x", ""}, {"reprot", "report"}, {"catalogue", "catalog"},
	} {
		if got := closest(c.word, []string{"demo", "matrix", "format", "report", "export", "import", "md", "catalog", "o"}); got != c.want {
			t.Errorf("closest(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// Every date-taking flag reads YYYY-MM-DD as 00:00 UTC that day and RFC
// 3339 (T and Z in either case): the same moment gives the same output.
func TestDatesEverywhere(t *testing.T) {
	path := demo(t)
	same := []string{"2026-03-05", "2026-03-05T00:00:00Z", "2026-03-05t00:00:00z", "2026-03-05T01:00:00+01:00"}
	for _, args := range [][]string{
		{"roadmap", path},
		{"roadmap", path, "--json"},
		{"report", path, "--format", "md", "-o", "-"},
		{"report", path, "--format", "html", "-o", "-"},
		{"export", path},
	} {
		var first string
		for i, date := range same {
			code, out, errs := runCLI(t, append(args, "--at", date)...)
			if code != 0 {
				t.Fatalf("%v --at %s: exit %d %s", args, date, code, errs)
			}
			if i == 0 {
				first = out
			} else if out != first {
				t.Errorf("%v: --at %s differs from --at %s", args, date, same[0])
			}
		}
	}
	// The demo's dates follow --at: two demos made as of one day are the
	// same plant, whichever way the day is written.
	dir := t.TempDir()
	var exports []string
	for i, date := range []string{"2026-03-05", "2026-03-05T00:00:00Z"} {
		file := filepath.Join(dir, []string{"a.slate", "b.slate"}[i])
		if code, _, errs := runCLI(t, "demo", file, "--at", date); code != 0 {
			t.Fatalf("demo --at %s: %s", date, errs)
		}
		_, doc, _ := runCLI(t, "export", file, "--at", "2026-03-05")
		exports = append(exports, string(withoutHistory(t, []byte(doc))))
	}
	if exports[0] != exports[1] {
		t.Error("demo --at 2026-03-05 and --at 2026-03-05T00:00:00Z made different plants")
	}
	// Every --at documents both forms.
	for _, name := range commandNames() {
		_, help, _ := runCLI(t, withCommand(name, "--help")...)
		if i := strings.Index(help, "\n  --at "); i >= 0 {
			desc := help[i+1:]
			if end := strings.Index(desc, "\n  -"); end >= 0 {
				desc = desc[:end]
			}
			if !strings.Contains(desc, "YYYY-MM-DD") || !strings.Contains(desc, "RFC 3339") {
				t.Errorf("slate %s --help: --at does not name both forms: %q", name, desc)
			}
		}
	}
}

func TestFormatsIgnoreCase(t *testing.T) {
	path := demo(t)
	for _, f := range []string{"HTML", "Md", "JSON"} {
		if code, out, errs := runCLI(t, "report", path, "--format", f, "-o", "-"); code != 0 || out == "" {
			t.Errorf("--format %s: exit %d %s", f, code, errs)
		}
	}
	_, lower, _ := runCLI(t, "catalog", "--format", "tsv")
	if code, upper, errs := runCLI(t, "catalog", "--format", "TSV"); code != 0 || upper != lower {
		t.Errorf("catalog --format TSV: exit %d %s", code, errs)
	}
}

// slate --version and slate version: the release, the commit (unknown in a
// test binary, which carries no version control stamp, and said why), the
// Go release and every built-in catalog with its hash.
func TestVersion(t *testing.T) {
	code, out, errs := runCLI(t, "--version")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d %q", code, errs)
	}
	if _, again, _ := runCLI(t, "version"); again != out {
		t.Fatalf("slate version differs from slate --version:\n%s\n%s", again, out)
	}
	want := []string{
		"slate " + buildinfo.Release + "\n",
		"commit    unknown: this binary records no commit (go run, go test, a -buildvcs=false build or one outside a git checkout)\n",
		"go        " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n",
	}
	for _, c := range questionnaires.Builtins() {
		want = append(want, " "+c.ID+" "+c.Version+" (built-in")
		want = append(want, "sha256 "+c.Hash+")\n")
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("version lacks %q:\n%s", w, out)
		}
	}
}

// Both report formats a person reads name the Slate that wrote them.
func TestReportsCarryTheVersion(t *testing.T) {
	path := demo(t)
	for format, want := range map[string]string{
		"md":   "- **Slate version:** " + buildinfo.Version() + "\n",
		"html": "<dt>Slate version</dt><dd>" + buildinfo.Version() + "</dd>",
	} {
		if _, out, _ := runCLI(t, "report", path, "--format", format, "-o", "-"); !strings.Contains(out, want) {
			t.Errorf("the %s report lacks %q", format, want)
		}
	}
}

// Counts read right: one conduit, one answer, one warning.
func TestPluralsInMessages(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "small.json")
	os.WriteFile(doc, []byte(`{"format":"slate/1","assessment":{"name":"x","catalog":{"id":"iec62443-3-3","version":"2013+COR1:2014"}},
		"zones":[{"id":"a","name":"A","sl_t":[1,1,1,1,1,1,1]},{"id":"b","name":"B","sl_t":[1,1,1,1,1,1,1]}],
		"conduits":[{"id":"ab","name":"A-B","from":"a","to":"b","sl_t":[1,1,1,1,1,1,1]}],
		"answers":[{"target":"a","requirement":"SR 1.1","status":"yes"}]}`), 0o600)
	file := filepath.Join(dir, "small.slate")
	code, out, errs := runCLI(t, "import", doc, file)
	if want := "imported 2 zones, 1 conduit and 1 answer into " + file + "\n"; code != 0 || out != want {
		t.Fatalf("import: exit %d %q %q, want %q", code, out, errs, want)
	}
	st, err := store.Open(demo(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, c := range []struct {
		saved    int
		notSaved []string
		want     string
	}{
		{1, nil, "p.slate: the one change was saved"},
		{3, nil, "p.slate: all 3 changes saved"},
		{1, []string{"a", "b"}, "p.slate: 1 change saved; 2 NOT SAVED, the last: b; reopen the file and enter them again"},
	} {
		if got := quitSummary("p.slate", st, ui.Outcome{Saved: c.saved, NotSaved: c.notSaved}); got != c.want {
			t.Errorf("quitSummary = %q, want %q", got, c.want)
		}
	}
	// No message of the command line counts "1 things".
	onePlural := regexp.MustCompile(`(?m)\b1 [a-z]+s\b`)
	for _, args := range [][]string{{"verify", file}, {"catalog"}, {"catalog", "--list"}, {"report", file, "--format", "csv"}} {
		_, out, errs := runCLI(t, args...)
		if m := onePlural.FindString(out + errs); m != "" {
			t.Errorf("slate %s says %q", strings.Join(args, " "), m)
		}
	}
}

// slate demo over an existing file says what to do instead, and leaves the
// file alone.
func TestDemoOverAnExistingFile(t *testing.T) {
	path := demo(t)
	before, _ := os.ReadFile(path)
	code, out, errs := runCLI(t, "demo", path)
	want := "slate demo: " + path + " already exists, and the demo never writes over a file; open it with slate " + path +
		", or give the demo a new name (slate demo NEW.slate)\n"
	if code != exitRuntime || out != "" || errs != want {
		t.Fatalf("exit %d %q\n%q\nwant %q", code, out, errs, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the existing file changed")
	}
}

// The demo names the file it wrote by its full path, wherever it was
// started.
func TestDemoPrintsTheFullPath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, errs := runCLI(t, "demo", "plant.slate", "--at", "2026-03-05")
	if want := filepath.Join(dir, "plant.slate") + "\n"; code != 0 || out != want {
		t.Fatalf("exit %d %q %q, want %q", code, out, errs, want)
	}
}

// nothingBeside fails when anything but the listed names is in dir.
func nothingBeside(t *testing.T, dir string, keep ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.Contains(strings.Join(keep, "\n"), e.Name()) {
			t.Errorf("%s was left in the folder", e.Name())
		}
	}
}

// slate FILE for a missing FILE never creates it silently: a script is
// refused with how to create one; a person is asked, and no (or no answer)
// creates nothing.
func TestMissingFileIsNotCreatedUnasked(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, errs := runCLI(t, "plnat.slate")
	want := "slate: plnat.slate does not exist; nothing was created (to start a new assessment there, run slate plnat.slate in a terminal and answer y; slate demo plnat.slate writes the sample plant)\n"
	if code != exitRuntime || out != "" || errs != want {
		t.Fatalf("without a terminal: exit %d %q\n%q\nwant %q", code, out, errs, want)
	}
	for answer, want := range map[string]string{
		// The terminal echoes the answer and its Enter; at the end of input
		// (ctrl+d) there is no Enter, so Slate ends the line itself.
		"n\n":     "plnat.slate does not exist. Create a new assessment there? [y/N] Nothing was created.\n",
		"no\n":    "plnat.slate does not exist. Create a new assessment there? [y/N] Nothing was created.\n",
		"maybe\n": "plnat.slate does not exist. Create a new assessment there? [y/N] Nothing was created.\n",
		"":        "plnat.slate does not exist. Create a new assessment there? [y/N] \nNothing was created.\n",
	} {
		code, out, errs := runIn(t, answer, "plnat.slate")
		if code != exitOK || out != "" || errs != want {
			t.Fatalf("answer %q: exit %d %q\n%q\nwant %q", answer, code, out, errs, want)
		}
	}
	code, _, errs = runIn(t, "", "--read-only", "plnat.slate")
	if code != exitRuntime || errs != "slate: plnat.slate: no such file\n" {
		t.Fatalf("--read-only: exit %d %q", code, errs)
	}
	nothingBeside(t, dir)
}

// Answering y creates an empty assessment that verifies, and the interface
// will announce it by its full path.
func TestMissingFileCreatedAfterYes(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, answer := range []string{"y\n", "YES\n"} {
		name := "new" + strings.TrimSpace(answer) + ".slate"
		var errb bytes.Buffer
		created, err := createAfterAsking(&env{stdin: strings.NewReader(answer), stdout: &errb, stderr: &errb, interactive: true}, name, false)
		if err != nil || !created || errb.String() != name+" does not exist. Create a new assessment there? [y/N] " {
			t.Fatalf("answer %q: %v %v %q", answer, created, err, errb.String())
		}
		if code, out, errs := runCLI(t, "verify", name); code != 0 {
			t.Fatalf("the new file does not verify: %s %s", out, errs)
		}
	}
	nothingBeside(t, dir, "newy.slate", "newYES.slate")
}

// With $USER and $USERNAME unset, the message about a file another Slate
// holds names the holder by the OS user name, not "unknown".
func TestLockHolderWithoutUserVariables(t *testing.T) {
	path := demo(t)
	for _, k := range []string{"USER", "USERNAME"} {
		t.Setenv(k, "") // restored after the test
		os.Unsetenv(k)
	}
	me, err := user.Current()
	if err != nil || me.Username == "" {
		t.Skip("the system names no user:", err)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// From a terminal, refusing the read-only view: the message stays.
	// (`slate FILE` without a terminal stops before opening the file: the
	// interface needs one.)
	code, _, errs := runIn(t, "n\n", path)
	if code == 0 || !strings.Contains(errs, "(user "+me.Username+" on ") || strings.Contains(errs, "unknown") {
		t.Fatalf("exit %d, stderr %q: want the holder named %q", code, errs, me.Username)
	}
}
