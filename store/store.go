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
	"os/user"
	"path/filepath"
	"runtime/debug"

	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"slate/model"
)

// ErrOldSchema is wrapped by the FileError of a read-only view of a file
// that another (older) Slate holds at an older schema.
var ErrOldSchema = errors.New("older schema")

// ErrReadOnly is returned by every change on a store opened read-only.
var ErrReadOnly = errors.New("the assessment is open read-only; changes are not saved")

// Options tune Open.
type Options struct {
	// ReadOnly opens without the write lock and refuses every change.
	ReadOnly bool
	// ReadOnlyWhy says why, for ReadOnly's reason (default "opened
	// read-only"): "another Slate has it open, pid 123, user ana".
	ReadOnlyWhy string
	// Clock replaces time.Now (tests and reproducible demos).
	Clock func() time.Time
	// Actor is recorded in the audit history when a change names nobody.
	Actor string
	// EvidenceLimit is the largest evidence file accepted, in bytes
	// (0: model.DefaultEvidenceLimit).
	EvidenceLimit int64
	// Blobs hands Create the bytes of the assessment's evidence files.
	Blobs BlobSource
}

// Store is an open assessment file.
type Store struct {
	db       *sql.DB
	path     string // the name the user gave
	real     string // the file itself: links resolved, absolute; SQLite and the sidecars use it
	readOnly bool
	roReason string
	lock     *fileLock
	now      func() time.Time
	actor    string

	// ident is the file as opened and walID its write-ahead log: a save is
	// reported only while the path still names that file and that log,
	// because SQLite keeps writing to a file or log that was deleted or
	// replaced, and those changes would be lost.
	ident   os.FileInfo
	walID   os.FileInfo
	rescued bool // the changes of a deleted -wal were copied into the file (see rescue)

	// fileHead is the history head as it is in the file, for a read-only
	// view of an older schema upgraded in memory (whose own head the file
	// never had).
	fileHead *headMark

	limit int64 // the largest evidence file accepted (0: the default)

	openedVersion int64 // see OpenedVersion

	// snap is the snapshot a read-only look reads the file through (nil
	// otherwise), registered as snapName; see open_read.go.
	snap     *snapshot
	snapName string

	mu      sync.Mutex           // guards ids and session
	ids     map[string]int64     // target key -> row id
	session int64                // the current interview session (see sessions.go)
	stmts   map[string]*sql.Stmt // prepared hot-path statements, read-only after Open
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
	s.releaseSnapshot()
	unhold(s)
	s.lock.release() // after SQLite closed the file: see fileLock
	return err
}

// openMode selects the connection settings.
type openMode int

const (
	modeWrite openMode = iota // WAL, synchronous=FULL, immediate transactions
	modeRead                  // mode=ro: never writes; used while a writer holds the file
	modeBuild                 // a new file, rollback journal until complete
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
// *LockedError; open it again with Options.ReadOnly when the error offers
// it. A file that cannot be written, or that has several names, opens
// read-only (see ReadOnly).
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

// readOnlyWhy is the reason of a read-only open that was asked for.
func readOnlyWhy(opt Options) string {
	if opt.ReadOnlyWhy != "" {
		return opt.ReadOnlyWhy
	}
	return "opened read-only"
}

func open(path string, opt Options, load bool) (*Store, *model.Assessment, error) {
	real, err := resolve(path)
	if err != nil {
		return nil, nil, err
	}
	s := &Store{path: path, real: real, now: opt.Clock, actor: opt.Actor, ids: map[string]int64{}, limit: opt.EvidenceLimit}
	if s.now == nil {
		s.now = time.Now
	}
	if s.actor == "" {
		s.actor = currentUser()
	}
	fi, err := os.Stat(real)
	if err != nil {
		return nil, nil, refuse(path, "cannot be read: "+plainErr(err))
	}
	if w := heldBy(fi); w != nil {
		if opt.ReadOnly && w.real == real {
			return s.openRead(readOnlyWhy(opt), load)
		}
		return nil, nil, w.lockedError(path, real)
	}
	if _, err := precheck(path, real); err != nil {
		return nil, nil, err
	}
	switch n := linkCount(real, fi); {
	case opt.ReadOnly:
		return s.openRead(readOnlyWhy(opt), load)
	case n > 1:
		// SQLite names the -wal after the name it was given: changes saved
		// through one name would be invisible through another.
		return s.openRead(fmt.Sprintf("the file has %d names (hard links); copy it to a file of its own to edit it", n), load)
	case fi.Mode().Perm()&0o200 == 0:
		return s.openRead("the file is read-only", load)
	}
	if err := checkSidecars(path, real); err != nil {
		return nil, nil, err
	}
	l, err := lockForWriting(path, real)
	if errors.Is(err, errNoWrite) {
		return s.openRead(strings.TrimPrefix(err.Error(), errNoWrite.Error()+": "), load)
	}
	if err != nil {
		return nil, nil, err
	}
	s.lock = l
	a, err := s.openWrite(fi, load)
	if err != nil {
		s.Close()
		s.lock.release() // when SQLite never opened the file, Close had nothing to release
		return nil, nil, err
	}
	return s, a, nil
}

// openWrite opens the locked file for writing: checked and loaded through
// read-only connections first, then upgraded to the current schema.
func (s *Store) openWrite(fi os.FileInfo, load bool) (*model.Assessment, error) {
	if err := clearStaleSHM(s.path, s.real); err != nil {
		return nil, err
	}
	ro, version, a, err := inspect(s.path, s.real, load)
	if err != nil {
		return nil, err
	}
	ro.Close()
	if err := s.lock.reassert(); err != nil {
		return nil, lockedBy(s.path, s.real)
	}
	s.ident = fi
	db, err := openDB(s.real, modeWrite)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", s.path, sqliteReason(err))
	}
	s.db = db
	if err := migrate(db, version); err != nil {
		return nil, fmt.Errorf("%s: %w", s.path, err)
	}
	if err := s.prepareHot(); err != nil {
		return nil, fmt.Errorf("%s: %s", s.path, sqliteReason(err))
	}
	if err := s.readCurrentSession(); err != nil {
		return nil, fmt.Errorf("%s: %s", s.path, sqliteReason(err))
	}
	// SQLite has opened the log by now (every statement above read the
	// file); remember which one it is.
	if s.walID, err = os.Stat(s.real + "-wal"); err != nil {
		return nil, refuse(s.path, "cannot be opened for writing: SQLite made no write-ahead log beside it")
	}
	hold(s, fi)
	if a == nil && load {
		if a, err = s.Load(); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// lockedError is what another open, in this process, of the file this
// store holds is told.
func (s *Store) lockedError(path, real string) *LockedError {
	h := readHolder(s.real + ".lock")
	if h.PID == 0 {
		h = Holder{PID: os.Getpid(), User: currentUser(), Path: s.real}
	}
	return &LockedError{Path: path, Holder: h, Known: true, OtherName: real != s.real}
}

// clearStaleSHM removes a shared-memory index this process cannot write
// (left by a read-only look of an older Slate, or by another user): with it
// every save would fail as "read-only". Only the lock holder calls this, so
// no other Slate uses the index, and SQLite rebuilds it from the log.
func clearStaleSHM(path, real string) error {
	shm := real + "-shm"
	fi, err := os.Lstat(shm)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	f, err := os.OpenFile(shm, os.O_RDWR, 0)
	if err == nil {
		f.Close()
		return nil
	}
	if err := os.Remove(shm); err != nil {
		return refuse(path, "cannot be opened for writing: "+filepath.Base(shm)+" is left read-only and cannot be removed ("+plainErr(err)+")")
	}
	return nil
}

// inspect checks the file through read-only connections, which never write:
// its identity, schema version and SQLite's quick_check. With load set and a
// current schema, it also loads the assessment, in parallel with the check.
func inspect(path, real string, load bool) (*sql.DB, uint32, *model.Assessment, error) {
	db, err := openLiveDB(real)
	if err != nil {
		return nil, 0, nil, refuse(path, "is not a readable Slate assessment: "+sqliteReason(err))
	}
	fail := func(err error) (*sql.DB, uint32, *model.Assessment, error) {
		db.Close()
		return nil, 0, nil, err
	}
	version, err := identify(db, path)
	if err != nil {
		return fail(err)
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

// identify checks that db is a Slate assessment this build reads and
// returns its schema version.
func identify(db *sql.DB, path string) (uint32, error) {
	var appID, version uint32
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return 0, refuse(path, "is damaged: "+sqliteReason(err))
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, refuse(path, "is damaged: "+sqliteReason(err))
	}
	if appID != ApplicationID {
		return 0, refuse(path, "is an SQLite database of another program, not a Slate assessment")
	}
	if version > SchemaVersion {
		return 0, newerSchema(path, version)
	}
	if version == 0 {
		return 0, refuse(path, "is damaged (Slate file without a schema version)")
	}
	return version, nil
}

// quickCheck runs SQLite's quick check on every table but the evidence
// bytes (and on the schema itself): opening a file never reads a blob, so
// a file with hundreds of megabytes of evidence opens as fast as one
// without. slate verify checks everything, every file's bytes included.
func quickCheck(db *sql.DB, path string) error {
	tables, err := column(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name <> ? ORDER BY name`, chunkTable)
	if err != nil {
		return refuse(path, "is damaged: "+sqliteReason(err))
	}
	for _, t := range append([]string{"sqlite_master"}, tables...) {
		var result string
		if err := db.QueryRow("PRAGMA quick_check(" + quoteIdent(t) + ")").Scan(&result); err != nil {
			return refuse(path, "is damaged: "+sqliteReason(err))
		}
		if result != "ok" {
			return refuse(path, "is damaged: "+oneLine(result))
		}
	}
	return nil
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// openLiveDB opens a read-only connection through SQLite (mode=ro). It is
// used only where a writer's -wal and -shm are there anyway: to check a file
// before opening it for writing, and to view a file another Slate holds.
func openLiveDB(real string) (*sql.DB, error) {
	db, err := openDB(real, modeRead)
	if err != nil {
		return nil, err
	}
	if _, err = db.Exec("SELECT count(*) FROM sqlite_master"); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func isReadOnlyFS(err error) bool {
	return strings.Contains(strings.ToLower(err.Error()), "read-only file system")
}

// currentUser names who runs this process, for the lock holder and the
// history's actor.
func currentUser() string { return userName(os.Getenv, user.Current, os.Getuid()) }

// userName is $USER or $USERNAME, else the name the system gives the
// account (os/user reads /etc/passwd without cgo), else the numeric user
// id, so a holder is never "unknown" while the system knows who it is.
// "unknown" remains only where there is no user id either.
func userName(getenv func(string) string, current func() (*user.User, error), uid int) string {
	for _, k := range []string{"USER", "USERNAME"} {
		if u := getenv(k); u != "" {
			return u
		}
	}
	u, err := current()
	switch {
	case err == nil && u.Username != "":
		return u.Username
	case u != nil && u.Uid != "":
		return "uid " + u.Uid
	case uid >= 0:
		return "uid " + strconv.Itoa(uid)
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
