package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
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

// isTerminal reports whether a stream is a terminal (only an *os.File can be).
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

// openOrPrint hands a freshly written file to the user: the interface when
// standard input and output are a terminal, with notice (which names the
// file's full path) on its first frame; otherwise just the full path.
func openOrPrint(e *env, st *store.Store, path, notice string) error {
	st.Close()
	if !e.interactive {
		_, err := fmt.Fprintln(e.text(e.stdout), fullPath(path))
		return err
	}
	return openTUI(e, path, store.Options{}, "", notice)
}

// fullPath is path made absolute for messages: where a file is, whatever
// the folder the command was started in. It falls back to path as given.
func fullPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// openTUI opens (and loads) the file and runs the interface on it. A file
// held by another Slate is offered read-only. notice, when not empty, is
// the first status line.
func openTUI(e *env, path string, opt store.Options, catDir, notice string) error {
	debug.SetMemoryLimit(tuiMemoryLimit(path, 0))
	st, a, err := store.OpenAndLoad(path, opt)
	var le *store.LockedError
	if errors.As(err, &le) && !opt.ReadOnly && le.ReadOnlyOffered() && askReadOnly(e, le) {
		opt.ReadOnly, opt.ReadOnlyWhy = true, le.Holder.Why()
		st, a, err = store.OpenAndLoad(path, opt)
	}
	if err != nil {
		return err
	}
	debug.SetMemoryLimit(tuiMemoryLimit(path, evidenceBytes(a)))
	return runTUI(e, &session{st: st, a: a}, path, catDir, notice)
}

func runTUI(e *env, s *session, path, catDir, notice string) error {
	st := s.st
	defer st.Close()
	lib, err := questionnaires.Load(questionnaires.Dir(catDir))
	if err != nil {
		return err
	}
	if s.cat, err = catalogFor(lib, s.a); err != nil {
		return err
	}
	sess := ui.Session{Store: st, Assessment: s.a, Catalog: s.cat, Path: fullPath(path), Session: st.CurrentSession(),
		Notice: notice, Catalogs: lib.Get, DataVersion: st.OpenedVersion()}
	// A file made with an older built-in catalog is offered the newest one
	// (the interface asks; a read-only session is never offered it).
	sess.Upgrade, _ = questionnaires.UpgradeFor(s.cat)
	out, err := ui.Run(sess, e.stdin, e.stdout)
	fmt.Fprintln(e.text(e.stderr), quitSummary(path, st, out)) // names, reasons and labels from the file
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
	case n == 0 && out.Saved == 1:
		return fmt.Sprintf("%s: the one change was saved", path)
	case n == 0:
		return fmt.Sprintf("%s: all %d changes saved", path, out.Saved)
	}
	return fmt.Sprintf("%s: %s saved; %d NOT SAVED, the last: %s; reopen the file and enter them again",
		path, model.Plural(out.Saved, "change", "changes"), n, out.NotSaved[n-1])
}

// runOpen is `slate [FILE]`: open FILE in the interface. A missing FILE is
// created only after a person said yes, so a typo never becomes a new empty
// assessment.
func runOpen(e *env, args []string) error {
	fs := newFlags(e, "slate", "slate [FILE] [--read-only] [--catalogs DIR]",
		"Open FILE in the terminal interface (default "+DefaultFile+" in the current folder).\n"+
			"When FILE does not exist, Slate asks before creating a new empty assessment there;\n"+
			"without a terminal to ask in, it creates nothing.")
	readOnly := fs.Bool("read-only", false, "open without changing anything")
	dir := fs.String("catalogs", "", "extra catalog folder (default $SLATE_CATALOGS)")
	version := fs.Bool("version", false, "print Slate's version (as slate version)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *version {
		return printVersion(e)
	}
	if err := wantArgs(pos, 0, 1, ""); err != nil {
		return err
	}
	path := DefaultFile
	if len(pos) == 1 {
		path = pos[0]
	}
	notice := ""
	if _, statErr := os.Stat(path); errors.Is(statErr, os.ErrNotExist) {
		created, err := createAfterAsking(e, path, *readOnly)
		if err != nil || !created {
			return err
		}
		notice = "New assessment created at " + fullPath(path)
	}
	if !e.interactive {
		return errors.New("the interface needs a terminal; for scripts use slate matrix, export or report")
	}
	return openTUI(e, path, store.Options{ReadOnly: *readOnly}, *dir, notice)
}

// createAfterAsking creates an empty assessment at path, a name that does
// not exist, once the person at the terminal agrees. Without a terminal,
// or for a read-only look, nothing is created and the error says how to.
// Answering anything but y (or nothing, at the end of input) creates
// nothing and is no error: it says so and returns false.
func createAfterAsking(e *env, path string, readOnly bool) (bool, error) {
	switch {
	case readOnly:
		return false, fmt.Errorf("%s: no such file", path)
	case !e.interactive:
		return false, fmt.Errorf("%s does not exist; nothing was created (to start a new assessment there, run %s in a terminal and answer y; %s writes the sample plant)",
			path, shellWords("slate", path), shellWords("slate", "demo", path))
	}
	fmt.Fprintf(e.text(e.stderr), "%s does not exist. Create a new assessment there? [y/N] ", path)
	if ok, eol := answer(e.stdin); !ok {
		if !eol { // no answer: the terminal did not move to a new line
			fmt.Fprintln(e.stderr)
		}
		fmt.Fprintln(e.stderr, "Nothing was created.")
		return false, nil
	}
	cat := questionnaires.Builtin()
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	st, err := store.Create(path, &model.Assessment{Name: name, CatalogID: cat.ID,
		CatalogVersion: cat.Version, CatalogHash: cat.Hash}, store.Options{})
	if err != nil {
		return false, err
	}
	st.Close()
	return true, nil
}

// answer reads one answer line: yes only for y or yes, in any case; eol
// tells whether the line ended with Enter (the terminal echoed a newline)
// rather than with the end of input.
func answer(in io.Reader) (yes, eol bool) {
	line, _ := bufio.NewReader(in).ReadString('\n')
	eol = strings.HasSuffix(line, "\n")
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, eol
	}
	return false, eol
}

// askReadOnly offers a read-only view of a file another Slate holds.
func askReadOnly(e *env, le *store.LockedError) bool {
	fmt.Fprintf(e.text(e.stderr), "%s\nOpen it read-only instead? [y/N] ", le)
	yes, _ := answer(e.stdin)
	return yes
}

// shellWords writes a command the way a user types it into a shell, quoting
// a word only when it needs it ("slate 'my plant.slate'").
func shellWords(words ...string) string {
	for i, w := range words {
		if w == "" || strings.ContainsAny(w, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
			words[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
		}
	}
	return strings.Join(words, " ")
}
