package main

import (
	"fmt"
	"text/tabwriter"

	"slate/model"
	"slate/questionnaires"
)

func runCatalog(e *env, args []string) error {
	fs := newFlags(e, "catalog", "slate catalog [--format text|tsv] [--id ID] [--validate PATH] [--catalogs DIR]",
		"Print the requirements of a catalog (the built-in IEC 62443-3-3 one by default),\n"+
			"or check a catalog file or folder with --validate (exit 0 when valid, 1 with the errors).")
	format := fs.String("format", "text", "output format: text or tsv (id, fr, sl, applies_to, title)")
	id := fs.String("id", questionnaires.BuiltinID, "catalog id to print")
	validate := fs.String("validate", "", "check the catalog file or folder at PATH")
	dir := fs.String("catalogs", "", "extra catalog folder (default $SLATE_CATALOGS)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	if *validate != "" {
		if err := questionnaires.Validate(*validate); err != nil {
			fmt.Fprintln(e.stderr, err)
			return exitError{exitRuntime}
		}
		fmt.Fprintf(e.stdout, "%s: valid\n", *validate)
		return nil
	}
	lib, err := questionnaires.Load(questionnaires.Dir(*dir))
	if err != nil {
		return err
	}
	var cat *model.Catalog
	for _, c := range lib.All() {
		if c.ID == *id {
			cat = c
		}
	}
	if cat == nil {
		return fmt.Errorf("no catalog with id %q", *id)
	}
	switch *format {
	case "tsv":
		for _, r := range cat.Requirements {
			fmt.Fprintf(e.stdout, "%s\t%d\t%d\t%s\t%s\n", r.ID, r.FR, r.SL, r.AppliesTo, r.Title)
		}
	case "text":
		fmt.Fprintf(e.stdout, "%s %s (%d requirements, sha256 %s)\n", cat.ID, cat.Version, len(cat.Requirements), cat.Hash)
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tFR\tSL\tAPPLIES TO\tTITLE")
		for _, r := range cat.Requirements {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", r.ID, r.FR, r.SL, r.AppliesTo, r.Title)
		}
		return tw.Flush()
	default:
		return usagef("unknown format %q (want text or tsv)", *format)
	}
	return nil
}
