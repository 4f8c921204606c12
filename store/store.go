// Package store keeps an assessment in one SQLite file (modernc.org/sqlite,
// pure Go). It is the only package that speaks SQL; it takes and returns
// model types. Every change is one immediate transaction, committed with
// synchronous=FULL in WAL mode before the call returns, and appended to a
// sha256 hash-chained audit history.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"slate/model"
)

// ErrOldSchema is wrapped by the FileError of a read-only open of a file that
// needs a schema upgrade first.
var ErrOldSchema = errors.New("older schema")

// ErrReadOnly is returned by every change on a store opened read-only.
var ErrReadOnly = errors.New("the assessment is open read-only; changes are not saved")

// Options tune Open.
type Options struct {
	// ReadOnly opens without the write lock and refuses every change.
	ReadOnly bool
	// Clock replaces time.Now (tests and reproducible demos).
	Clock func() time.Time
	// Actor is recorded in the audit history when a change names nobody.
	Actor string
}

// Store is an open assessment file.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	roReason string
	lock     *fileLock
	now      func() time.Time
	actor    string

	// ident is the file as opened: every write first checks that the path
	// still names it, because an open descriptor keeps writing to a file
	// that was deleted or replaced, and those answers would be lost.
	ident os.FileInfo

	mu    sync.Mutex           // guards ids
	ids   map[string]int64     // target key -> row id
	stmts map[string]*sql.Stmt // prepared hot-path statements, read-only after Open
}

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether changes are refused, and why.
func (s *Store) ReadOnly() (bool, string) { return s.readOnly, s.roReason }

// Close releases the file and its lock.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	s.closeStatements()
	err := s.db.Close()
	s.db = nil
	s.lock.release()
	return err
}

// openMode selects the connection settings.
type openMode int

const (
	modeWrite     openMode = iota // WAL, synchronous=FULL, immediate transactions
	modeRead                      // mode=ro: never writes
	modeImmutable                 // read-only media: no locking, no shared memory
	modeBuild                     // a new file, rollback journal until complete
)

func dsn(path string, mode openMode) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter: file:///C:/...
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	q := "_busy_timeout=5000&_foreign_keys=1"
	switch mode {
	case modeImmutable:
		q += "&mode=ro&immutable=1"
	case modeRead:
		q += "&mode=ro"
	case modeBuild:
		q += "&_journal_mode=DELETE&_synchronous=FULL&_txlock=immediate"
	default:
		q += "&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate"
	}
	return "file://" + p + "?" + q, nil
}

func openDB(path string, mode openMode) (*sql.DB, error) {
	d, err := dsn(path, mode)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", d)
	if err != nil {
		return nil, err
	}
	// One connection: Slate is one user, and a single connection keeps every
	// pragma and the transaction order obvious.
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Open opens an existing assessment file. Anything that is not an intact
// Slate file of a schema this build reads is refused with a *FileError and
// left byte-for-byte untouched. A file held by another Slate gives a
// *LockedError; open it again with Options.ReadOnly. A file or folder that
// cannot be written opens read-only (see ReadOnly).
func Open(path string, opt Options) (*Store, error) {
	s, _, err := open(path, opt, false)
	return s, err
}

// OpenAndLoad is Open followed by Load, faster: SQLite's integrity check and
// the load run side by side on read-only connections before the file is
// opened for writing.
func OpenAndLoad(path string, opt Options) (*Store, *model.Assessment, error) {
	// Loading a large plant allocates tens of megabytes of small objects that
	// all stay alive; collecting while they arrive only burns the CPU the
	// load and the integrity check need.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	return open(path, opt, true)
}

func open(path string, opt Options, load bool) (*Store, *model.Assessment, error) {
	if _, err := precheck(path); err != nil {
		return nil, nil, err
	}
	s := &Store{path: path, now: opt.Clock, actor: opt.Actor, readOnly: opt.ReadOnly, ids: map[string]int64{}}
	if s.now == nil {
		s.now = time.Now
	}
	if s.actor == "" {
		s.actor = currentUser()
	}
	if opt.ReadOnly {
		s.roReason = "opened read-only"
	} else if reason := unwritable(path); reason != "" {
		s.readOnly, s.roReason = true, reason
	}
	if !s.readOnly {
		l, err := acquireLock(path)
		if err != nil {
			var le *LockedError
			if errors.As(err, &le) {
				return nil, nil, err
			}
			// No lock file possible (e.g. the folder turned read-only).
			s.readOnly, s.roReason = true, "cannot create the lock file: "+err.Error()
		} else {
			s.lock = l
		}
	}
	ro, version, a, err := inspect(path, load)
	if err != nil {
		s.lock.release()
		return nil, nil, err
	}
	if s.readOnly {
		if version < SchemaVersion {
			ro.Close()
			return nil, nil, &FileError{Path: path, Err: ErrOldSchema, Reason: fmt.Sprintf(
				"uses an older schema (%d) that must be upgraded before it can be read, which a read-only open does not allow", version)}
		}
		ro.SetMaxOpenConns(1)
		s.db = ro
		return s, a, nil
	}
	ro.Close()
	if s.ident, err = os.Stat(path); err != nil {
		s.lock.release()
		return nil, nil, err
	}
	db, err := openDB(path, modeWrite)
	if err != nil {
		s.lock.release()
		return nil, nil, fmt.Errorf("%s: %s", path, sqliteReason(err))
	}
	s.db = db
	if err := migrate(db, version); err != nil {
		s.Close()
		return nil, nil, err
	}
	if err := s.prepareHot(); err != nil {
		s.Close()
		return nil, nil, fmt.Errorf("%s: %s", path, sqliteReason(err))
	}
	if a == nil && load {
		if a, err = s.Load(); err != nil {
			s.Close()
			return nil, nil, err
		}
	}
	return s, a, nil
}

// inspect checks the file through read-only connections, which never write:
// its identity, schema version and SQLite's quick_check. With load set and a
// current schema, it also loads the assessment, in parallel with the check.
func inspect(path string, load bool) (*sql.DB, uint32, *model.Assessment, error) {
	db, err := openReadOnly(path)
	if err != nil {
		return nil, 0, nil, refuse(path, "is not a readable Slate assessment: "+sqliteReason(err))
	}
	fail := func(err error) (*sql.DB, uint32, *model.Assessment, error) {
		db.Close()
		return nil, 0, nil, err
	}
	var appID, version uint32
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fail(refuse(path, "is damaged: "+sqliteReason(err)))
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fail(refuse(path, "is damaged: "+sqliteReason(err)))
	}
	if appID != ApplicationID {
		return fail(refuse(path, "is an SQLite database of another program, not a Slate assessment"))
	}
	if version > SchemaVersion {
		return fail(newerSchema(path, version))
	}
	if !load || version < SchemaVersion {
		if err := quickCheck(db, path); err != nil {
			return fail(err)
		}
		return db, version, nil, nil
	}
	db.SetMaxOpenConns(3)
	checked := make(chan error, 1)
	go func() { checked <- quickCheck(db, path) }()
	a, _, loadErr := loadFrom(db, true)
	if err := <-checked; err != nil {
		return fail(err)
	}
	if loadErr != nil {
		return fail(refuse(path, "cannot be read: "+loadErr.Error()))
	}
	return db, version, a, nil
}

func quickCheck(db *sql.DB, path string) error {
	var result string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&result); err != nil {
		return refuse(path, "is damaged: "+sqliteReason(err))
	}
	if result != "ok" {
		return refuse(path, "is damaged: "+oneLine(result))
	}
	return nil
}

// openReadOnly opens with mode=ro, falling back to immutable=1 for a WAL file
// on read-only media where SQLite cannot create its shared-memory index.
func openReadOnly(path string) (*sql.DB, error) {
	db, err := openDB(path, modeRead)
	if err == nil {
		if _, err = db.Exec("SELECT count(*) FROM sqlite_master"); err == nil {
			return db, nil
		}
		db.Close()
	}
	if walPending(path) {
		return nil, err // immutable would ignore the committed pages in the log
	}
	db, err2 := openDB(path, modeImmutable)
	if err2 != nil {
		return nil, err
	}
	if _, err2 = db.Exec("SELECT count(*) FROM sqlite_master"); err2 != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// unwritable says why a file cannot be opened for writing, or "".
func unwritable(path string) string {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) || isReadOnlyFS(err) {
			return "the file is read-only"
		}
		return "the file cannot be opened for writing: " + err.Error()
	}
	f.Close()
	// WAL mode needs to create PATH-wal and PATH-shm beside the file.
	probe, err := os.CreateTemp(filepath.Dir(path), ".slate-probe-*")
	if err != nil {
		return "its folder is read-only"
	}
	probe.Close()
	os.Remove(probe.Name())
	return ""
}

func isReadOnlyFS(err error) bool {
	return strings.Contains(strings.ToLower(err.Error()), "read-only file system")
}

func currentUser() string {
	for _, k := range []string{"USER", "USERNAME"} {
		if u := os.Getenv(k); u != "" {
			return u
		}
	}
	return "unknown"
}

// sqliteReason turns a driver error into words for the status line.
func sqliteReason(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SQLITE_FULL"), strings.Contains(msg, "disk is full"), strings.Contains(msg, "no space"):
		return "the disk is full; nothing was saved"
	case strings.Contains(msg, "SQLITE_READONLY"), strings.Contains(msg, "readonly database"):
		return "the file has become read-only; nothing was saved"
	case strings.Contains(msg, "SQLITE_BUSY"), strings.Contains(msg, "database is locked"):
		return "the file is locked by another program; nothing was saved"
	case strings.Contains(msg, "SQLITE_NOTADB"), strings.Contains(msg, "file is not a database"):
		return "not an SQLite database"
	case strings.Contains(msg, "SQLITE_CORRUPT"), strings.Contains(msg, "malformed"):
		return "the database is damaged (" + msg + ")"
	case strings.Contains(msg, "SQLITE_IOERR"), strings.Contains(msg, "disk I/O error"):
		return "a disk error occurred (the file or its drive may be gone); nothing was saved"
	case strings.Contains(msg, "SQLITE_CANTOPEN"), strings.Contains(msg, "unable to open"):
		return "the file cannot be opened (" + msg + ")"
	}
	return msg
}

var timeNow = time.Now

func sortedKeys(as model.Answers) []string {
	keys := make([]string, 0, len(as))
	for k := range as {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// oneLine folds SQLite's multi-line check output into one status line.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "*** in database main ***", "")
	return strings.Join(strings.Fields(s), " ")
}
