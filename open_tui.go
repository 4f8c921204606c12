package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/x/term"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui"
)

// DefaultFile is opened by a bare `slate`.
const DefaultFile = "assessment.slate"

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

// tuiMemoryLimit keeps a session on a 200-zone plant, report writing
// included, near the 60 MB it is meant to fit in: the collector works
// harder as the heap nears the limit (a target, not a hard cap). Much larger
// files get room in proportion, so the collector does not run constantly.
// Evidence bytes (evidence, in bytes) are never held in memory: they do
// not count.
func tuiMemoryLimit(path string, evidence int64) int64 {
	limit := int64(40 << 20)
	if st, err := os.Stat(path); err == nil {
		limit = max(limit, 2*(st.Size()-evidence))
	}
	return limit
}

// evidenceBytes is the size of the evidence files an assessment keeps.
func evidenceBytes(a *model.Assessment) int64 {
	var n int64
	for _, e := range a.Evidence {
		n += e.Size
	}
	return n
}

// openOrPrint hands a freshly written file to the user: the TUI when
// standard output is a terminal, otherwise just its path.
func openOrPrint(e *env, st *store.Store, path string) error {
	st.Close()
	if !isTerminal(e.stdout) || !isTerminal(e.stdin) {
		fmt.Fprintln(e.stdout, path)
		return nil
	}
	return openTUI(e, path, store.Options{}, "")
}

// openTUI opens (and loads) the file and runs the interface on it. A file
// held by another Slate is offered read-only.
func openTUI(e *env, path string, opt store.Options, catDir string) error {
	debug.SetMemoryLimit(tuiMemoryLimit(path, 0))
	st, a, err := store.OpenAndLoad(path, opt)
	var le *store.LockedError
	if errors.As(err, &le) && !opt.ReadOnly && le.ReadOnlyOffered() && askReadOnly(e, le) {
		opt.ReadOnly = true
		st, a, err = store.OpenAndLoad(path, opt)
	}
	if err != nil {
		return err
	}
	debug.SetMemoryLimit(tuiMemoryLimit(path, evidenceBytes(a)))
	return runTUI(e, &session{st: st, a: a}, path, catDir)
}

func runTUI(e *env, s *session, path, catDir string) error {
	st := s.st
	defer st.Close()
	lib, err := questionnaires.Load(questionnaires.Dir(catDir))
	if err != nil {
		return err
	}
	if s.cat, err = catalogFor(lib, s.a); err != nil {
		return err
	}
	out, err := ui.Run(ui.Session{Store: st, Assessment: s.a, Catalog: s.cat, Path: path, Session: st.CurrentSession()}, e.stdin, e.stdout)
	fmt.Fprintln(e.stderr, quitSummary(path, st, out))
	return err
}

// quitSummary says truthfully what the session saved and did not save.
func quitSummary(path string, st *store.Store, out ui.Outcome) string {
	if ro, why := st.ReadOnly(); ro {
		return fmt.Sprintf("%s: opened read-only (%s); nothing in it was changed", path, why)
	}
	n := len(out.NotSaved)
	switch {
	case n == 0 && out.Saved == 0:
		return fmt.Sprintf("%s: nothing was changed", path)
	case n == 0:
		return fmt.Sprintf("%s: all %d changes saved", path, out.Saved)
	}
	return fmt.Sprintf("%s: %d changes saved; %d NOT SAVED, the last: %s; reopen the file and enter them again",
		path, out.Saved, n, out.NotSaved[n-1])
}

// runOpen is `slate [FILE]`: open FILE in the TUI, creating it when missing.
func runOpen(e *env, args []string) error {
	fs := newFlags(e, "slate", "slate [FILE] [--read-only] [--catalogs DIR]",
		"Open FILE in the terminal interface (default "+DefaultFile+" in the current folder),\n"+
			"creating a new empty assessment when it does not exist.")
	readOnly := fs.Bool("read-only", false, "open without changing anything")
	dir := fs.String("catalogs", "", "extra catalog folder (default $SLATE_CATALOGS)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, 0, 1, ""); err != nil {
		return err
	}
	path := DefaultFile
	if len(pos) == 1 {
		path = pos[0]
	}
	if !isTerminal(e.stdout) || !isTerminal(e.stdin) {
		return errors.New("the interface needs a terminal; for scripts use slate matrix, export or report")
	}
	if _, statErr := os.Stat(path); errors.Is(statErr, os.ErrNotExist) {
		if *readOnly {
			return fmt.Errorf("%s: no such file", path)
		}
		cat := questionnaires.Builtin()
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		st, err := store.Create(path, &model.Assessment{Name: name, CatalogID: cat.ID,
			CatalogVersion: cat.Version, CatalogHash: cat.Hash}, store.Options{})
		if err != nil {
			return err
		}
		st.Close()
		fmt.Fprintf(e.stderr, "created %s\n", path)
	}
	return openTUI(e, path, store.Options{ReadOnly: *readOnly}, *dir)
}

// askReadOnly offers a read-only view of a file another Slate holds.
func askReadOnly(e *env, le *store.LockedError) bool {
	fmt.Fprintf(e.stderr, "%s\nOpen it read-only instead? [y/N] ", le)
	line, _ := bufio.NewReader(e.stdin).ReadString('\n')
	return strings.EqualFold(strings.TrimSpace(line), "y")
}
