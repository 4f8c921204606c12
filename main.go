// Command slate is an offline terminal workbench for IEC 62443 gap
// assessments. This file only dispatches; each subcommand lives in its own
// cmd_*.go file and returns an exit code so tests can drive it in-process.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"slate/model"
	"slate/report"
)

// Exit codes, as README.md documents them.
const (
	exitOK      = 0
	exitRuntime = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a subcommand may touch: its streams, nothing global.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// interactive is set when standard input and output are a terminal: a
	// person can answer a question and the interface can run.
	interactive bool
}

type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

// commands is the one table of subcommands: dispatch, "did you mean" and
// `slate help COMMAND` all read it.
func commands() []command {
	return []command{
		{"demo", "write a sample plant and open it", runDemo},
		{"matrix", "print the SL-A / SL-T gap matrix", runMatrix},
		{"roadmap", "print the remediation roadmap", runRoadmap},
		{"report", "write a report: html, md, csv or json", runReport},
		{"export", "write the assessment as a JSON exchange document", runExport},
		{"import", "create an assessment from a JSON exchange document", runImport},
		{"verify", "check a file's integrity and its answer history", runVerify},
		{"check", "check the zone and conduit model and the roadmap", runCheck},
		{"assets", "import assets from an inventory export (CSV)", runAssets},
		{"evidence", "attach, list and copy out evidence files", runEvidence},
		{"catalog", "list or validate requirement catalogs", runCatalog},
		{"version", "print Slate's version, commit, Go and catalog versions", runVersion},
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return dispatch(&env{stdin: stdin, stdout: stdout, stderr: stderr,
		interactive: isTerminal(stdin) && isTerminal(stdout)}, args)
}

// dispatch runs the command args name, or opens a file.
func dispatch(e *env, args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "-help", "--help":
			usage(e.stdout)
			return exitOK
		case "help":
			if len(args) > 1 { // slate help COMMAND is slate COMMAND --help
				return dispatch(e, []string{args[1], "--help"})
			}
			usage(e.stdout)
			return exitOK
		}
		for _, c := range commands() {
			if c.name == args[0] {
				return finish(e, c.name, c.run(e, args[1:]))
			}
		}
		if looksLikeCommand(args[0]) {
			return finish(e, "", unknownCommand(args[0]))
		}
	}
	return finish(e, "", runOpen(e, args))
}

// unknownCommand names the nearest command to a mistyped one, or says how
// to name a file, which a word without an extension is not taken for.
func unknownCommand(name string) error {
	names := []string{"help"}
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if s := closest(name, names); s != "" {
		return usagef("unknown command %q; did you mean %q?", name, s)
	}
	return usagef("unknown command %q; to open or create a file, give it an extension, e.g. %s.slate", name, name)
}

// usageError marks a mistake in the command line (exit 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errHelp is returned after --help was printed: success, nothing more to say.
var errHelp = errors.New("help shown")

// exitError carries an exit code with an already-printed outcome (verify).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func finish(e *env, name string, err error) int {
	var ue usageError
	var ee exitError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(e.text(e.stderr), "%s: %s (see %s --help)\n", prog(name), ue.msg, prog(name))
		return exitUsage
	default:
		fmt.Fprintf(e.text(e.stderr), "%s: %s\n", prog(name), err)
		return exitRuntime
	}
}

// text is the terminal sanitiser in front of w: every message and plain
// text output of the commands passes it, whatever it quotes (a path, a
// value from a crafted file, a catalog's text).
func (e *env) text(w io.Writer) io.Writer { return model.SanitizingWriter(model.SinkText, w) }

// looksLikeCommand tells a mistyped command from a file to open: a word with
// no extension or folder that does not exist.
func looksLikeCommand(arg string) bool {
	if strings.HasPrefix(arg, "-") || strings.ContainsAny(arg, "./\\") {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}

func prog(name string) string {
	if name == "" {
		return "slate"
	}
	return "slate " + name
}

func usage(w io.Writer) {
	fmt.Fprintf(w, `slate: offline IEC 62443 gap assessments

Usage:
  slate [FILE]                    open FILE in the terminal interface (default assessment.slate;
                                  a missing FILE is created after asking)
  slate demo [--flawed] [FILE]    write a sample plant to FILE and open it
  slate matrix FILE [--json] [--scope 4]
                                  print the SL-A / SL-T gap matrix
  slate roadmap FILE [--json] [--at DATE]
                                  print the remediation roadmap
  slate report FILE --format %s [-o OUT] [--at DATE] [--scope 4]
                                  write a report (%s)
  slate export FILE [--bundle] [-o OUT]
                                  write the assessment as a JSON exchange document
                                  (--bundle: a .zip with the evidence files)
  slate import IN.json|IN.zip FILE
                                  create FILE from an exchange document or a bundle
  slate verify FILE [--expect-head HASH]
                                  integrity check, full history replay, evidence rehashed
  slate check FILE [--json] [--at DATE]
                                  check the zone model and the roadmap (exit 1 on an error)
  slate assets import FILE IN.csv [--dry-run] [--map FIELD=COLUMN]...
                                  add and update assets from an inventory export
  slate evidence add FILE TARGET REQUIREMENT PATH... [--caption TEXT]
  slate evidence list FILE [--json]
  slate evidence get FILE SHA256 -o OUT
                                  attach, list and copy out evidence files
  slate catalog [--format tsv] [--validate PATH]
  slate version, slate --version  Slate's version, commit, Go and catalog versions

Global option for commands that read catalogs:
  --catalogs DIR   extra catalog folder (default: $SLATE_CATALOGS)

DATE is YYYY-MM-DD (00:00 UTC that day) or an RFC 3339 time (2026-03-05T12:00:00Z).
Run "slate COMMAND --help" (or "slate help COMMAND") for a command's options.
Exit status: 0 success, 1 runtime error or failed check, 2 usage error.
`, report.FormatKeys("|"), reportTitles())
}

// reportTitles names the report formats for the usage text.
func reportTitles() string {
	var t []string
	for _, f := range report.Formats() {
		t = append(t, f.Key+" "+f.Title)
	}
	return strings.Join(t, ", ")
}
