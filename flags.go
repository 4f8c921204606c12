package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"slate/model"
)

// newFlags returns a flag set for one command. Its Usage prints the help
// (synopsis, about, options) to stdout; parse calls it once on --help, and
// a mistake prints one line on stderr instead (see flagError).
func newFlags(e *env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		out := e.text(e.stdout)
		fmt.Fprintf(out, "Usage: %s\n\n%s\n\nOptions:\n", synopsis, about)
		printOptions(out, fs)
	}
	return fs
}

// printOptions lists a command's options the way README writes them:
// --name for words, -o for single letters.
func printOptions(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		head := "  " + dashes(f.Name)
		if arg != "" {
			head += " " + arg
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" && !strings.Contains(usage, "default") {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n        %s%s\n", head, usage, def)
	})
}

// dashes spells a flag as the documentation does: -o, --format.
func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// parse accepts flags before, between and after positional arguments
// ("slate matrix FILE --json" as well as "slate matrix --json FILE"), which
// the standard flag package alone does not. --help prints the command's
// help once; any other mistake is a usageError of one line.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	help := fs.Usage
	fs.Usage = func() {} // the flag package calls it on every error
	defer func() { fs.Usage = help }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				help()
				return nil, errHelp
			}
			return nil, flagError(fs, err)
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

// The flag package's messages, which flagError rewords.
var (
	flagUnknown = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagNoValue = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	flagBad     = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-+([^:]*): (.*)$`)
)

// flagError turns a flag package error into one line that names the flag as
// the user spells it, with the nearest real flag for a mistyped one.
func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if m := flagUnknown.FindStringSubmatch(msg); m != nil {
		names := []string{"help"} // -h and --help work everywhere
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if s := closest(m[1], names); s != "" {
			return usagef("unknown flag %s; did you mean %s?", dashes(m[1]), dashes(s))
		}
		return usagef("unknown flag %s", dashes(m[1]))
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return usagef("%s needs a value", dashes(m[1]))
	}
	if m := flagBad.FindStringSubmatch(msg); m != nil {
		return usagef("%s %s: %s", dashes(m[2]), m[1], wanted(fs.Lookup(m[2]), m[3]))
	}
	return usageError{msg}
}

// wanted says what a flag's value must be, from its type.
func wanted(f *flag.Flag, reason string) string {
	if f == nil {
		return reason
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return reason
	}
	switch g.Get().(type) {
	case int, int64, uint, uint64:
		return "give a whole number"
	case float64:
		return "give a number"
	case bool:
		return "give true or false"
	}
	return reason
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
