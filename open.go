package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
)

// session is an opened assessment with its catalog.
type session struct {
	st   *store.Store
	a    *model.Assessment
	cat  *model.Catalog
	path string
}

func (s *session) Close() { s.st.Close() }

// catalogFor finds the catalog an assessment was made with.
func catalogFor(lib *questionnaires.Library, a *model.Assessment) (*model.Catalog, error) {
	cat, ok := lib.Get(a.CatalogID, a.CatalogVersion)
	if !ok {
		return nil, fmt.Errorf("the assessment uses catalog %q version %q, which is not available; put it in the folder named by --catalogs or $%s",
			a.CatalogID, a.CatalogVersion, questionnaires.EnvDir)
	}
	return cat, nil
}

// openForReading opens FILE for a headless read: read-only, so it works
// while a TUI session holds the file, leaves nothing beside the file and
// never upgrades it (an older schema is upgraded in memory only).
func openForReading(path, catDir string) (*session, error) {
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	return load(st, catDir)
}

func load(st *store.Store, catDir string) (*session, error) {
	lib, err := questionnaires.Load(questionnaires.Dir(catDir))
	if err != nil {
		st.Close()
		return nil, err
	}
	a, err := st.Load()
	if err != nil {
		st.Close()
		return nil, err
	}
	cat, err := catalogFor(lib, a)
	if err != nil {
		st.Close()
		return nil, err
	}
	return &session{st: st, a: a, cat: cat}, nil
}

// outputTime is the time stamped into exports and reports: --at when given,
// else $SOURCE_DATE_EPOCH (the reproducible-builds convention), else now.
func outputTime(flag string) (time.Time, error) {
	if flag != "" {
		t, err := parseDate(flag)
		if err != nil {
			return t, usagef("--at %q: give a date, 2026-03-01, or a time in RFC 3339, 2026-03-01T12:00:00Z", flag)
		}
		return t, nil
	}
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", v)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC().Truncate(time.Second), nil
}

// parseDate reads YYYY-MM-DD (00:00 UTC that day) or an RFC 3339 time,
// whose T and Z may be written in either case, as RFC 3339 allows. Every
// date-taking flag reads its value here.
func parseDate(s string) (time.Time, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	return t.UTC(), err
}

// fileCommand is the common shape of the commands that read one assessment
// file: FILE, --catalogs and, for dated output, --at.
type fileCommand struct {
	dir *string
	at  *string
}

// fileFlags adds --catalogs, and --at described as atHelp when not empty.
func fileFlags(fs *flag.FlagSet, atHelp string) *fileCommand {
	c := &fileCommand{dir: fs.String("catalogs", "", "extra catalog folder (default $SLATE_CATALOGS)")}
	if atHelp != "" {
		c.at = fs.String("at", "", atHelp+": YYYY-MM-DD (00:00 UTC) or an RFC 3339 time (default $SOURCE_DATE_EPOCH or now)")
	}
	return c
}

// open parses the arguments, expects exactly FILE, and opens it for reading.
func (c *fileCommand) open(fs *flag.FlagSet, args []string) (*session, time.Time, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, time.Time{}, err
	}
	if err := wantArgs(pos, 1, 1, "FILE"); err != nil {
		return nil, time.Time{}, err
	}
	var when time.Time
	if c.at != nil {
		if when, err = outputTime(*c.at); err != nil {
			return nil, when, err
		}
	}
	s, err := openForReading(pos[0], *c.dir)
	if err != nil {
		return nil, when, err
	}
	s.path = pos[0]
	return s, when, nil
}
