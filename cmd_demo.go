package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
)

func runDemo(e *env, args []string) error {
	fs := newFlags(e, "demo", "slate demo [FILE] [--flawed] [--at DATE] [--zones N --conduits M [--answered F] [--seed S]]",
		"Write a sample plant to FILE (default: a new file in the temporary folder) and open it.\n"+
			"The sample is a typical process plant: five zones, the conduits between neighbours,\n"+
			"assets, a partly finished interview and a roadmap, every date relative to today (or to\n"+
			"--at, which gives the same plant every time). With --zones, a synthetic plant of that size\n"+
			"is generated instead (deterministic for a given --seed). FILE is never overwritten.\n"+
			"With --flawed, the sample has the zoning and roadmap mistakes every rule of slate check\n"+
			"finds. When standard output is not a terminal, the file is only written and its full path printed.")
	flawed := fs.Bool("flawed", false, "a sample with a mistake for every rule of slate check")
	zones := fs.Int("zones", 0, "generate a synthetic plant with N zones")
	conduits := fs.Int("conduits", 0, "with --zones: number of conduits")
	answered := fs.Float64("answered", 0.5, "with --zones: fraction of requirements answered (0..1)")
	seed := fs.Uint64("seed", 1, "with --zones: random seed")
	at := fs.String("at", "", "make the sample as of this date, YYYY-MM-DD or RFC 3339 (default: today)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 1, ""); err != nil {
		return err
	}
	if *zones < 0 || *conduits < 0 || *answered < 0 || *answered > 1 {
		return usagef("--zones and --conduits must be positive and --answered within 0..1")
	}
	if *flawed && *zones > 0 {
		return usagef("--flawed is the sample plant; it does not go with --zones")
	}
	if *conduits > 0 && *zones < 2 {
		return usagef("--conduits needs --zones of at least 2")
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
		if err := refuseExisting(path); err != nil {
			return err
		}
	} else {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("slate-demo-%s.slate", time.Now().Format("20060102-150405")))
	}
	cat := questionnaires.Builtin()
	var a *model.Assessment
	if *zones > 0 {
		a = model.GeneratePlant(cat, model.PlantSpec{Zones: *zones, Conduits: *conduits, Answered: *answered, Seed: *seed})
	} else {
		now := time.Now()
		if *at != "" {
			if now, err = outputTime(*at); err != nil {
				return err
			}
		}
		a = model.SamplePlantAt(cat, now)
		if *flawed {
			a = model.FlawedSamplePlantAt(cat, now)
		}
	}
	st, err := store.Create(path, a, store.Options{Actor: a.Assessor})
	if err != nil {
		return err
	}
	return openOrPrint(e, st, path, "Sample plant written to "+fullPath(path))
}

// refuseExisting says what to do instead when the demo is asked to write
// over a file: open it, or name a new one. The store refuses links and
// other kinds of file in its own words.
func refuseExisting(path string) error {
	if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() {
		return fmt.Errorf("%s already exists, and the demo never writes over a file; open it with %s, or give the demo a new name (%s)",
			path, shellWords("slate", path), shellWords("slate", "demo", "NEW.slate"))
	}
	return nil
}
