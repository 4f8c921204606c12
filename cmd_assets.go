package main

import (
	"fmt"
	"strings"

	"slate/assetcsv"
	"slate/store"
)

// mapFlags collects repeated --map FIELD=COLUMN options.
type mapFlags []string

func (m *mapFlags) String() string     { return strings.Join(*m, ",") }
func (m *mapFlags) Set(v string) error { *m = append(*m, v); return nil }

func runAssets(e *env, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		args = []string{"import", "--help"}
	}
	if len(args) == 0 || args[0] != "import" {
		return usagef("the assets command is: slate assets import FILE IN.csv [--dry-run] [--map FIELD=COLUMN]...")
	}
	fs := newFlags(e, "assets import", "slate assets import FILE IN.csv [--dry-run] [--map FIELD=COLUMN]...",
		"Add the assets of an inventory export (a spreadsheet saved as CSV, comma or semicolon,\n"+
			"UTF-8 with or without a byte order mark) to the zones and conduits of FILE, named by\n"+
			"id or name in a zone or conduit column (docs/asset-import.md). An asset whose name\n"+
			"already exists in its zone or conduit is updated. All or nothing: any error (named by\n"+
			"line and column) imports nothing. --dry-run prints what would change and writes nothing.")
	dry := fs.Bool("dry-run", false, "print the preview and write nothing")
	var maps mapFlags
	fs.Var(&maps, "map", "FIELD=COLUMN: fill an asset field from a column of another name (repeatable)")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 2, 2, "FILE and IN.csv"); err != nil {
		return err
	}
	mapping, err := assetcsv.ParseMapping(maps)
	if err != nil {
		return usageError{err.Error()}
	}
	path, in := pos[0], pos[1]
	data, err := readInput(e, in)
	if err != nil {
		return err
	}
	// A dry run only reads: it leaves nothing beside the file.
	st, err := store.Open(path, store.Options{ReadOnly: *dry})
	if err != nil {
		return err
	}
	defer st.Close()
	if ro, why := st.ReadOnly(); ro && !*dry {
		return fmt.Errorf("%s cannot be changed: %s", path, why)
	}
	a, err := st.Load()
	if err != nil {
		return err
	}
	p := assetcsv.Plan(data, assetcsv.TargetsOf(a), assetcsv.Options{Map: mapping})
	if !p.OK() {
		w := e.text(e.stderr)
		for i, l := range p.Lines() {
			if i == 0 {
				l = "slate assets import: " + in + ": " + l
			}
			fmt.Fprintln(w, l)
		}
		return exitError{code: exitRuntime}
	}
	out := e.text(e.stdout)
	for _, l := range p.Lines() {
		fmt.Fprintln(out, l)
	}
	if *dry {
		fmt.Fprintln(out, "Dry run: nothing was written.")
		return nil
	}
	if _, err := st.PutAssets(p.Puts()); err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "Imported into %s: %d added, %d updated.\n", path, len(p.Adds), len(p.Updates))
	return err
}
