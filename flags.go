package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"slate/model"
)

// newFlags returns a flag set that reports usage errors instead of exiting
// and prints help to stdout on --help.
func newFlags(e *env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: %s\n\n%s\n\nOptions:\n", synopsis, about)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parse accepts flags before, between and after positional arguments
// ("slate matrix FILE --json" as well as "slate matrix --json FILE"), which
// the standard flag package alone does not.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return nil, errHelp
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// wantArgs checks the number of positional arguments.
func wantArgs(pos []string, min, max int, what string) error {
	if len(pos) < min {
		return usagef("missing %s", what)
	}
	if len(pos) > max {
		return usagef("unexpected argument %q", pos[max])
	}
	return nil
}

// scopeFlag adds --scope, the view setting of docs/scoring.md.
func scopeFlag(fs *flag.FlagSet) *string {
	return fs.String("scope", "t", "4 to judge every requirement up to SL 4; t (default) up to each FR's SL-T")
}

func parseScope(v string) (model.Scope, error) {
	s, err := model.ParseScope(v)
	if err != nil {
		return s, usageError{"--" + err.Error()}
	}
	return s, nil
}
