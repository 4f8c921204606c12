package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"slate/model"
	"slate/report"
	"slate/store"
)

// evidenceUsage is the help of `slate evidence`.
const evidenceUsage = `Usage:
  slate evidence add FILE TARGET REQUIREMENT PATH... [--caption TEXT] [--limit-mib N]
  slate evidence list FILE [--json]
  slate evidence get FILE SHA256 -o OUT

Evidence files (photos, configuration exports, PDFs) are kept inside the
assessment file, each stored once by the sha256 of its bytes and linked to
one requirement of one zone or conduit (docs/evidence.md).
`

func runEvidence(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("missing add, list or get")
	}
	switch args[0] {
	case "-h", "--help", "help":
		_, err := io.WriteString(e.stdout, evidenceUsage)
		if err == nil {
			err = errHelp
		}
		return err
	case "add":
		return runEvidenceAdd(e, args[1:])
	case "list":
		return runEvidenceList(e, args[1:])
	case "get":
		return runEvidenceGet(e, args[1:])
	}
	return usagef("unknown evidence command %q (want add, list or get)", args[0])
}

// limitFlag is the per-file evidence limit in MiB.
func limitFlag(fs interface {
	Int64(string, int64, string) *int64
}) *int64 {
	return fs.Int64("limit-mib", model.DefaultEvidenceLimit>>20, "the largest evidence file accepted, in MiB")
}

func runEvidenceAdd(e *env, args []string) error {
	fs := newFlags(e, "evidence add", "slate evidence add FILE TARGET REQUIREMENT PATH... [--caption TEXT] [--limit-mib N]",
		"Attach each PATH to REQUIREMENT (e.g. \"SR 1.1\") of the zone or conduit TARGET (its id). A file\n"+
			"whose bytes are already stored is linked, not stored again. Each file is one saved\n"+
			"change, recorded in the history with its sha256, name, media type, size and caption.")
	caption := fs.String("caption", "", "a caption for the files (what they show)")
	dir := fs.String("catalogs", "", "extra catalog folder (default $SLATE_CATALOGS)")
	limit := limitFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 4 {
		return usagef("missing %s", []string{"FILE", "TARGET", "REQUIREMENT", "PATH"}[len(pos)])
	}
	if *limit <= 0 {
		return usagef("--limit-mib %d: give a positive number of MiB", *limit)
	}
	path, target, reqID := pos[0], pos[1], pos[2]
	st, err := store.Open(path, store.Options{EvidenceLimit: *limit << 20})
	if err != nil {
		return err
	}
	defer st.Close()
	if ro, why := st.ReadOnly(); ro {
		return fmt.Errorf("%s cannot be changed: %s", path, why)
	}
	s, err := load(st, *dir)
	if err != nil {
		return err
	}
	t, ok := s.a.Target(target)
	if !ok {
		return fmt.Errorf("%s has no zone or conduit %q (slate matrix lists them)", path, target)
	}
	r, ok := s.cat.Requirement(reqID)
	if !ok {
		return fmt.Errorf("catalog %s has no requirement %q", s.cat.ID, reqID)
	}
	if !r.AppliesTo.Includes(t.Kind) {
		return fmt.Errorf("%s is not assessed on a %s", r.ID, t.Kind)
	}
	out := e.text(e.stdout)
	for _, p := range pos[3:] {
		fi, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("%s cannot be read: %s", p, plainErr(err))
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", p)
		}
		file := p
		ev, fresh, err := st.AddEvidence(t.Key, r.ID, store.EvidenceFile{Name: file, Caption: *caption,
			Open: func() (io.ReadCloser, error) { return os.Open(file) }})
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		how := "attached"
		if !fresh {
			how = "linked (the same bytes were already stored as " + ev.Name + ")"
		}
		fmt.Fprintf(out, "%s: %s to %s %s; sha256 %s, %s, %s\n", p, how, t.Key, r.ID, ev.SHA256, model.HumanSize(ev.Size), ev.MediaType)
	}
	return nil
}

func runEvidenceList(e *env, args []string) error {
	fs := newFlags(e, "evidence list", "slate evidence list FILE [--json]",
		"List the evidence files kept in FILE: sha256, size, media type, name, the answers\n"+
			"each is linked to, and its caption.")
	asJSON := fs.Bool("json", false, "print JSON")
	s, _, err := fileFlags(fs, "").open(fs, args)
	if err != nil {
		return err
	}
	defer s.Close()
	if *asJSON {
		docs := model.EvidenceDocs(s.a.Evidence)
		if docs == nil {
			docs = []model.DocEvidence{}
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Evidence []model.DocEvidence `json:"evidence"`
		}{docs}); err != nil {
			return err
		}
		_, err := io.WriteString(e.stdout, model.Sanitize(model.SinkJSON, b.String()))
		return err
	}
	out := e.text(e.stdout)
	if len(s.a.Evidence) == 0 {
		_, err := fmt.Fprintf(out, "%s keeps no evidence files\n", s.path)
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SHA256\tSIZE\tTYPE\tNAME\tLINKED TO\tCAPTION")
	for _, ev := range s.a.Evidence {
		var links []string
		for _, l := range ev.Links {
			links = append(links, l.Target+" "+l.Requirement)
		}
		if len(links) == 0 {
			links = []string{"(not linked)"}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", ev.SHA256, model.HumanSize(ev.Size), ev.MediaType, ev.Name,
			strings.Join(links, ", "), model.CleanLine(ev.Caption))
	}
	return tw.Flush()
}

func runEvidenceGet(e *env, args []string) error {
	fs := newFlags(e, "evidence get", "slate evidence get FILE SHA256 -o OUT",
		"Write the bytes of the evidence file SHA256 (or a unique prefix of at least 8 digits) to\n"+
			"OUT (created 0600), or to standard output with -o - when it is not a terminal. The\n"+
			"bytes are checked against their sha256 while they are copied: an altered file is\n"+
			"refused and OUT is left as it was.")
	out := fs.String("o", "", "output file; - for standard output (never a terminal)")
	dir := fs.String("catalogs", "", "extra catalog folder (default $SLATE_CATALOGS)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 2, 2, "FILE and SHA256"); err != nil {
		return err
	}
	if *out == "" {
		return usagef("missing -o OUT (or -o - for standard output)")
	}
	if *out == "-" && isTerminal(e.stdout) {
		return errors.New("refusing to write a file's bytes to a terminal; give -o OUT, or redirect standard output")
	}
	if err := store.CheckOutput(*out, pos[0]); err != nil {
		return err
	}
	s, err := openForReading(pos[0], *dir)
	if err != nil {
		return err
	}
	defer s.Close()
	sha, err := findEvidence(s.a, pos[1])
	if err != nil {
		return err
	}
	ev, r, err := s.st.OpenEvidence(sha)
	if err != nil {
		return err
	}
	defer r.Close()
	if *out == "-" {
		_, err := io.Copy(e.stdout, r)
		return err
	}
	f, err := report.CreateAtomic(*out)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Abort()
		return err
	}
	if err := f.Commit(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.text(e.stderr), "wrote %s (%s, %s, sha256 %s)\n", *out, ev.Name, model.HumanSize(ev.Size), ev.SHA256)
	return err
}

// findEvidence resolves a sha256, or a unique prefix of at least 8 hex
// digits, to a stored file.
func findEvidence(a *model.Assessment, want string) (string, error) {
	want = strings.ToLower(strings.TrimSpace(want))
	if len(want) < 8 || strings.Trim(want, "0123456789abcdef") != "" {
		return "", usagef("%q is not a sha256 (64 hexadecimal digits, or a unique prefix of at least 8)", want)
	}
	var found []string
	for _, ev := range a.Evidence {
		if strings.HasPrefix(ev.SHA256, want) {
			found = append(found, ev.SHA256)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("no evidence file with sha256 %s (slate evidence list shows them)", want)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%s is the start of %d files' sha256; give more digits", want, len(found))
}
