package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"slate/model"
	"slate/questionnaires"
)

func runCatalog(e *env, args []string) error {
	out := e.text(e.stdout)
	fs := newFlags(e, "catalog", "slate catalog [--format text|tsv] [--id ID] [--version V] [--list] [--validate PATH] [--catalogs DIR]",
		"Print the requirements of a catalog (the newest built-in IEC 62443-3-3 one by default),\n"+
			"list the available catalogs and versions with --list, or check a catalog file or folder\n"+
			"with --validate (exit 0 when valid, warnings on stderr; 1 with the errors).")
	format := fs.String("format", "text", "output format: text or tsv (id, fr, sl, applies_to, title)")
	id := fs.String("id", questionnaires.BuiltinID, "catalog id to print")
	version := fs.String("version", "", "catalog version to print (default the newest)")
	list := fs.Bool("list", false, "list every available catalog: id, version, format, requirements, sha256")
	validate := fs.String("validate", "", "check the catalog file or folder at PATH")
	dir := fs.String("catalogs", "", "extra catalog folder (default $SLATE_CATALOGS)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	switch strings.ToLower(strings.TrimSpace(*format)) {
	case "text":
		*format = "text"
	case "tsv":
		*format = "tsv"
	default:
		return usagef("unknown format %q (want text or tsv)", *format)
	}
	if *validate != "" {
		warnings, err := questionnaires.Validate(*validate)
		printWarnings(e, warnings)
		if err != nil {
			fmt.Fprintln(e.stderr, model.CleanText(err.Error()))
			return exitError{exitRuntime}
		}
		note := ""
		if n := len(warnings); n > 0 {
			note = fmt.Sprintf(" (%s on stderr)", model.Plural(n, "warning", "warnings"))
		}
		_, err = fmt.Fprintf(out, "%s: valid%s\n", model.CleanLine(*validate), note)
		return err
	}
	lib, err := questionnaires.Load(questionnaires.Dir(*dir))
	if err != nil {
		return err
	}
	printWarnings(e, lib.Warnings())
	if *list {
		return listCatalogs(e, lib, *format)
	}
	var cat *model.Catalog
	var ok bool
	if *version == "" {
		cat, ok = lib.Latest(*id)
	} else {
		cat, ok = lib.Get(*id, *version)
	}
	if !ok && *version != "" {
		return fmt.Errorf("no catalog %q with version %q (see slate catalog --list)", *id, *version)
	}
	if !ok {
		return fmt.Errorf("no catalog with id %q (see slate catalog --list)", *id)
	}
	if *format == "tsv" {
		for _, r := range cat.Requirements {
			if _, err := fmt.Fprintf(out, "%s\t%d\t%d\t%s\t%s\n", model.CleanLine(r.ID), r.FR, r.SL, r.AppliesTo, model.CleanLine(r.Title)); err != nil {
				return err
			}
		}
		return nil
	}
	fmt.Fprintf(out, "%s %s (%s, sha256 %s)\n", model.CleanLine(cat.ID), model.CleanLine(cat.Version), model.Plural(len(cat.Requirements), "requirement", "requirements"), cat.Hash)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFR\tSL\tAPPLIES TO\tTITLE")
	for _, r := range cat.Requirements {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", model.CleanLine(r.ID), r.FR, r.SL, r.AppliesTo, model.CleanLine(r.Title))
	}
	return tw.Flush()
}

// listCatalogs prints the library: the built-in versions newest first (the
// first is the one new assessments use), then the extra catalogs.
func listCatalogs(e *env, lib *questionnaires.Library, format string) error {
	out := e.text(e.stdout)
	builtin := len(questionnaires.Builtins())
	if format == "tsv" {
		for i, c := range lib.All() {
			if _, err := fmt.Fprintf(out, "%s\t%s\t%d\t%d\t%s\t%s\n", model.CleanLine(c.ID), model.CleanLine(c.Version),
				c.Format, len(c.Requirements), c.Hash, origin(i, builtin)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tFORMAT\tREQUIREMENTS\tSOURCE\tSHA256")
	for i, c := range lib.All() {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", model.CleanLine(c.ID), model.CleanLine(c.Version), c.Format,
			len(c.Requirements), origin(i, builtin), c.Hash)
	}
	return tw.Flush()
}

// origin says where the i-th catalog of the library comes from.
func origin(i, builtin int) string {
	switch {
	case i == 0:
		return "built-in (newest)"
	case i < builtin:
		return "built-in"
	}
	return "extra"
}

// printWarnings writes catalog warnings to stderr: they never change the
// exit status.
func printWarnings(e *env, warnings []questionnaires.Warning) {
	for _, w := range warnings {
		fmt.Fprintln(e.stderr, "warning: "+model.CleanLine(w.String()))
	}
}
