package main

import (
	"fmt"
	"io"
	"path/filepath"

	"slate/model"
	"slate/report"
	"slate/store"
)

// reportAbout is the help text of `slate report`, with one line per format
// from the registry.
func reportAbout() string {
	about := "Write a report of the assessment. Formats:\n"
	for _, f := range report.Formats() {
		about += fmt.Sprintf("  %-5s %s\n", f.Key, f.Description)
	}
	return about + "Without -o the report is written next to FILE (FILE-report.EXT); a format with\n" +
		"several files adds a suffix before the extension of each further file.\n" +
		"With --at (or $SOURCE_DATE_EPOCH) the same file always gives byte-identical output."
}

func runReport(e *env, args []string) error {
	fs := newFlags(e, "report", "slate report FILE --format "+report.FormatKeys("|")+" [-o OUT] [--at DATE] [--scope 4]", reportAbout())
	format := fs.String("format", "html", report.FormatKeys(", "))
	out := fs.String("o", "", "output file (default: next to FILE; - for standard output)")
	scopeFlag := scopeFlag(fs)
	s, when, err := fileFlags(fs, "report date").open(fs, args)
	if err != nil {
		return err
	}
	defer s.Close()
	f, ok := report.LookupFormat(*format)
	if !ok {
		return unknownFormat(*format)
	}
	scope, err := parseScope(*scopeFlag)
	if err != nil {
		return err
	}
	if *out == "-" && len(f.Files) > 1 {
		return usagef("the %s report writes %d files; give -o a file name instead of -", f.Key, len(f.Files))
	}
	head, rows, err := s.st.Head()
	if err != nil {
		return err
	}
	in := report.NewInput(s.a, s.cat, when, filepath.Base(s.path), report.Chain{Head: head, Rows: rows}, scope)
	if *out == "-" {
		return f.Write(e.stdout, in, 0)
	}
	base := *out
	if base == "" {
		base = report.DefaultPath(s.path, f)
	}
	for _, p := range f.Paths(base) {
		if err := store.CheckOutput(p, s.path); err != nil {
			return err
		}
	}
	saved, err := report.Write(f, in, base)
	errs := e.text(e.stderr)
	for _, sv := range saved {
		fmt.Fprintf(errs, "wrote %s (%s)\n", sv.Path, model.Plural(int(sv.Bytes), "byte", "bytes"))
	}
	if err != nil {
		return err
	}
	printHead(errs, s.path, head, rows)
	_, err = fmt.Fprintln(e.text(e.stdout), saved[0].Path)
	return err
}

// printHead tells where the history stood when a report or export was
// made: with the head recorded elsewhere, verify can later tell whether the
// file was changed since, even by someone who rewrote its history.
func printHead(w io.Writer, path, head string, rows int64) {
	if head == "" {
		return
	}
	fmt.Fprintf(w, "history head %s (%s); `%s` checks the file still ends there\n",
		head, model.Plural(int(rows), "row", "rows"), shellWords("slate", "verify", path, "--expect-head", head))
}

// unknownFormat names the formats, and the one meant when it is a typo.
func unknownFormat(format string) error {
	var keys []string
	for _, f := range report.Formats() {
		keys = append(keys, f.Key)
	}
	if s := closest(format, keys); s != "" {
		return usagef("unknown format %q; did you mean %q?", format, s)
	}
	return usagef("unknown format %q (want %s)", format, report.FormatKeys(", "))
}
