package main

import (
	"fmt"
	"path/filepath"

	"slate/report"
)

func runReport(e *env, args []string) error {
	fs := newFlags(e, "report", "slate report FILE --format html|md|csv|json [-o OUT] [--at TIME]",
		"Write a report of the assessment: html (one self-contained file that prints cleanly),\n"+
			"md (Markdown), csv (answers; the roadmap goes to OUT with -roadmap before .csv) or\n"+
			"json (the exchange document). Without -o the report is written next to FILE.\n"+
			"With --at (or $SOURCE_DATE_EPOCH) the same file always gives byte-identical output.")
	format := fs.String("format", "html", "html, md, csv or json")
	out := fs.String("o", "", "output file (default: next to FILE; - for standard output)")
	s, when, err := fileFlags(fs, "report date").open(fs, args)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, ok := report.Formats[*format]; !ok {
		return usagef("unknown format %q (want html, md, csv or json)", *format)
	}
	head, rows, err := s.st.Head()
	if err != nil {
		return err
	}
	in := report.NewInput(s.a, s.cat, when, filepath.Base(s.path), report.Chain{Head: head, Rows: rows})
	if *out == "-" {
		if *format == "html" {
			return report.WriteHTML(e.stdout, in)
		}
		files, err := report.Render(*format, in)
		if err != nil {
			return err
		}
		for _, f := range files {
			if _, err := e.stdout.Write(f.Data); err != nil {
				return err
			}
		}
		return nil
	}
	base := *out
	if base == "" {
		base = report.DefaultPath(s.path, *format)
	}
	saved, err := report.Write(*format, in, base)
	for _, f := range saved {
		fmt.Fprintf(e.stderr, "wrote %s (%d bytes)\n", f.Path, f.Bytes)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, saved[0].Path)
	return nil
}
