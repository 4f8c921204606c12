package main

import (
	"fmt"
	"path/filepath"

	"slate/report"
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
	fs := newFlags(e, "report", "slate report FILE --format "+report.FormatKeys("|")+" [-o OUT] [--at TIME] [--scope 4]", reportAbout())
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
		return usagef("unknown format %q (want %s)", *format, report.FormatKeys(", "))
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
	saved, err := report.Write(f, in, base)
	for _, sv := range saved {
		fmt.Fprintf(e.stderr, "wrote %s (%d bytes)\n", sv.Path, sv.Bytes)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, saved[0].Path)
	return nil
}
