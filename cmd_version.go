package main

import (
	"fmt"
	"text/tabwriter"

	"slate/buildinfo"
	"slate/model"
	"slate/questionnaires"
)

// noCommit explains an unknown commit: it is not an error, only a binary
// the toolchain did not stamp.
const noCommit = "unknown: this binary records no commit (go run, go test, a -buildvcs=false build or one outside a git checkout)"

// runVersion is `slate version` and `slate --version`: what a report's
// provenance line abbreviates, in full.
func runVersion(e *env, args []string) error {
	fs := newFlags(e, "version", "slate version (or slate --version)",
		"Print Slate's version, the commit it was built from, the Go release that built it and\n"+
			"the built-in catalogs with their hashes. Reports carry the first two.")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	return printVersion(e)
}

func printVersion(e *env) error {
	in := buildinfo.Read()
	commit := in.CommitText()
	if in.Commit == "" {
		commit = noCommit
	}
	tw := tabwriter.NewWriter(e.text(e.stdout), 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "slate %s\n", in.Release)
	fmt.Fprintf(tw, "commit\t%s\n", commit)
	fmt.Fprintf(tw, "go\t%s %s\n", in.Go, in.Platform)
	label := "catalogs"
	for i, c := range questionnaires.Builtins() {
		newest := ""
		if i == 0 {
			newest = ", newest"
		}
		fmt.Fprintf(tw, "%s\t%s %s (built-in%s, format %d, %s, sha256 %s)\n", label,
			model.CleanLine(c.ID), model.CleanLine(c.Version), newest, c.Format,
			model.Plural(len(c.Requirements), "requirement", "requirements"), c.Hash)
		label = ""
	}
	return tw.Flush()
}
