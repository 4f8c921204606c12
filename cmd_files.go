package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"slate/model"
	"slate/questionnaires"
	"slate/report"
	"slate/store"
)

func runExport(e *env, args []string) error {
	fs := newFlags(e, "export", "slate export FILE [--bundle] [-o OUT] [--at DATE]",
		"Write the whole assessment as a JSON exchange document (docs/exchange-format.md)\n"+
			"to OUT (created 0600) or standard output. With --bundle, write a zip archive to OUT:\n"+
			"the document as assessment.json and every evidence file as evidence/<sha256>.")
	out := fs.String("o", "", "output file (default: standard output)")
	asBundle := fs.Bool("bundle", false, "write a bundle (.zip) with the evidence files; needs -o OUT.zip")
	s, when, err := fileFlags(fs, "export time to record").open(fs, args)
	if err != nil {
		return err
	}
	defer s.Close()
	if *asBundle && (*out == "" || *out == "-") {
		return usagef("--bundle writes a zip archive: give -o OUT.zip")
	}
	if *out != "" {
		if err := store.CheckOutput(*out, s.path); err != nil {
			return err
		}
	}
	doc := model.NewDocument(s.a, s.cat, when)
	head, rows, err := s.st.Head()
	if err != nil {
		return err
	}
	if head != "" {
		doc.History = &model.DocHistory{Head: head, Rows: rows}
	}
	data, err := doc.Encode()
	if err != nil {
		return err
	}
	if *asBundle {
		return writeBundle(e, s, *out, data, when, head, rows)
	}
	if *out == "" || *out == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	if err := report.WriteFile(*out, data); err != nil {
		return err
	}
	errs := e.text(e.stderr)
	fmt.Fprintf(errs, "wrote %s\n", *out)
	printHead(errs, s.path, head, rows)
	return nil
}

// plainErr drops the "op path:" prefix of a file error: messages name the
// user's path themselves, once.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func runImport(e *env, args []string) error {
	fs := newFlags(e, "import", "slate import IN.json|IN.zip FILE",
		"Create the assessment FILE from a JSON exchange document (IN.json, or - for standard\n"+
			"input) or a bundle (IN.zip, from slate export --bundle: the document and its evidence\n"+
			"files, each checked against its sha256). The input is recognised by its content.\n"+
			"FILE must not exist, or hold no zones yet. All or nothing: a bad document or bundle\n"+
			"changes nothing, and the error names the JSON path or the bundle entry at fault.")
	dir := fs.String("catalogs", "", "extra catalog folder (default $SLATE_CATALOGS)")
	limit := limitFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 2, 2, "IN.json and FILE"); err != nil {
		return err
	}
	if *limit <= 0 {
		return usagef("--limit-mib %d: give a positive number of MiB", *limit)
	}
	in, err := readImport(e, pos[0], *limit<<20)
	if err != nil {
		return err
	}
	defer in.Close()
	lib, err := questionnaires.Load(questionnaires.Dir(*dir))
	if err != nil {
		return err
	}
	if bytes.HasPrefix(in.data, []byte("SQLite format 3\x00")) {
		return fmt.Errorf("%s is an assessment file, not a JSON exchange document; the order is slate import IN.json FILE", pos[0])
	}
	a, _, err := model.DecodeDocument(in.data, lib.Get)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	blobs, err := in.blobs(e, a, *limit<<20)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	path := pos[1]
	var st *store.Store
	opt := store.Options{Actor: a.Assessor, EvidenceLimit: *limit << 20, Blobs: blobs}
	if _, statErr := os.Stat(path); errors.Is(statErr, os.ErrNotExist) {
		st, err = store.Create(path, a, opt)
	} else {
		opt.Actor = ""
		st, err = store.Open(path, opt)
		if err == nil {
			if ro, why := st.ReadOnly(); ro {
				err = fmt.Errorf("%s cannot be imported into: %s", path, why)
			} else {
				err = st.Import(a, blobs)
			}
		}
	}
	if st != nil {
		defer st.Close()
	}
	if err != nil {
		return err
	}
	n := 0
	for _, as := range a.Answers {
		n += len(as)
	}
	files := ""
	if len(a.Evidence) > 0 {
		files = " with " + model.Plural(len(a.Evidence), "evidence file", "evidence files")
	}
	_, err = fmt.Fprintf(e.text(e.stdout), "imported %s, %s and %s%s into %s\n", model.Plural(len(a.Zones), "zone", "zones"),
		model.Plural(len(a.Conduits), "conduit", "conduits"), model.Plural(n, "answer", "answers"), files, path)
	return err
}

func readInput(e *env, name string) ([]byte, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("%s cannot be read: %s", name, plainErr(err))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, model.MaxDocumentSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read: %s", name, plainErr(err))
	}
	return data, nil
}

func runVerify(e *env, args []string) error {
	fs := newFlags(e, "verify", "slate verify FILE [--expect-head HASH]",
		"Check FILE without changing it or leaving anything beside it: SQLite's integrity\n"+
			"check, Slate's schema and its append-only triggers, the sha256 chain of the history\n"+
			"(naming the first broken row), and a replay of the whole history, which must give\n"+
			"every row and column of the file (naming table, row and column of a difference).\n"+
			"Someone who can write the file can rewrite its history and recompute the chain:\n"+
			"only a head recorded elsewhere (reports and exports print it) detects that, with\n"+
			"--expect-head. Exit 0 when everything holds, 1 otherwise.")
	expect := fs.String("expect-head", "", "the history head recorded earlier (a report's or export's)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 1, 1, "FILE"); err != nil {
		return err
	}
	rep, err := store.Verify(pos[0], store.VerifyOptions{ExpectHead: *expect})
	if err != nil {
		return err
	}
	if !rep.OK() {
		errs := e.text(e.stderr)
		for _, p := range rep.Problems {
			fmt.Fprintf(errs, "%s: %s\n", pos[0], p)
		}
		fmt.Fprintf(errs, "%s: verification FAILED\n", pos[0])
		return exitError{exitRuntime}
	}
	anchored := ""
	if *expect != "" {
		anchored = "; it is the expected head"
	}
	_, err = fmt.Fprintf(e.text(e.stdout), "%s: ok (integrity ok; schema %d; %s chained; the replayed history matches every table; head %s%s)\n",
		pos[0], rep.Schema, model.Plural(int(rep.Rows), "history row", "history rows"), rep.Head, anchored)
	return err
}
