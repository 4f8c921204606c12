package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// SaveError is a failed change: nothing of it was written. Its message is
// fit for a status line; the cause is kept for errors.Is/As.
type SaveError struct {
	Reason string
	Err    error
}

func (e *SaveError) Error() string { return e.Reason }

// Unwrap returns the cause.
func (e *SaveError) Unwrap() error { return e.Err }

// ValidationError is a change refused because the data breaks a rule.
type ValidationError struct{ Msg string }

func (e *ValidationError) Error() string { return e.Msg }

func invalid(format string, args ...any) error {
	return &ValidationError{fmt.Sprintf(format, args...)}
}

// write runs fn in one immediate transaction and commits it. The change is
// durable (WAL, synchronous=FULL) and reported saved only when write
// returns nil: the file is checked before the transaction and again after
// the commit (see fileProblem). A change committed into a file or log that
// is no longer where the user will look for it is reported as not saved.
func (s *Store) write(fn func(tx *sql.Tx, at int64) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	if s.db == nil {
		return &SaveError{"the assessment is closed", errors.New("closed")}
	}
	if err := s.fileProblem("nothing was saved"); err != nil {
		return s.rescue(err)
	}
	tx, err := s.db.Begin()
	if err != nil {
		return &SaveError{sqliteReason(err), err}
	}
	at := s.now().UnixMilli()
	if err := fn(tx, at); err != nil {
		tx.Rollback()
		var ve *ValidationError
		if errors.As(err, &ve) {
			return err
		}
		return &SaveError{sqliteReason(err), err}
	}
	if err := tx.Commit(); err != nil {
		tx.Rollback()
		return &SaveError{sqliteReason(err), err}
	}
	return s.rescue(s.fileProblem("this change was written where it may be lost; quit and reopen the file to check it"))
}

// rescue copies what SQLite holds in a write-ahead log that was deleted or
// replaced under it (still open, so still readable) into the file itself:
// without that, the changes already reported saved would be lost at the
// next crash. Nothing more is saved after it; the message says both.
func (s *Store) rescue(err error) error {
	var se *SaveError
	if !errors.Is(err, ErrLogGone) || !errors.As(err, &se) {
		return err
	}
	if !s.rescued {
		var busy, logged, moved int
		cerr := s.db.QueryRow("PRAGMA wal_checkpoint(FULL)").Scan(&busy, &logged, &moved)
		s.rescued = cerr == nil && busy == 0 && logged == moved
	}
	if s.rescued {
		se.Reason += " (every change saved before is safe in the file itself)"
	} else {
		se.Reason += " (changes saved since the file was opened may be lost)"
	}
	return se
}

// Sentinels wrapped by the SaveError of a change refused because the file
// changed under Slate.
var (
	// ErrFileGone: the path no longer names the file that was opened.
	ErrFileGone = errors.New("file gone")
	// ErrLogGone: the write-ahead log beside the file is not the one SQLite
	// writes (deleted or replaced): a crash would lose what it holds.
	ErrLogGone = errors.New("write-ahead log gone")
	// ErrTruncated: the file is shorter than the pages its header records.
	ErrTruncated = errors.New("file truncated")
)

// fileProblem checks that a save can be reported: the path still names the
// file Slate opened (not deleted, moved, replaced or unmounted), it is
// still writable, the -wal beside it is the log SQLite writes, and the file
// is not shorter than the pages its header records. consequence ends the
// message. It reads the header through Slate's own descriptor: opening and
// closing another one would drop SQLite's locks.
func (s *Store) fileProblem(consequence string) error {
	if s.ident == nil {
		return nil // a file being built under a temporary name
	}
	fail := func(what string, err error) error {
		return &SaveError{what + "; " + consequence, err}
	}
	cur, err := os.Stat(s.path)
	if err != nil || !os.SameFile(cur, s.ident) {
		return fail("the assessment file was moved, deleted, replaced or its drive removed", ErrFileGone)
	}
	// The open descriptor could still write, but whoever made the file
	// read-only meant it to stay as it is.
	if cur.Mode().Perm()&0o200 == 0 {
		return fail("the file has been made read-only", ErrReadOnly)
	}
	if wal, err := os.Stat(s.real + "-wal"); err != nil || !os.SameFile(wal, s.walID) {
		return fail("the file's write-ahead log ("+filepath.Base(s.real)+"-wal) was deleted or replaced", ErrLogGone)
	}
	var buf [100]byte
	n, _ := s.lock.f.ReadAt(buf[:], 0)
	h, ok := parseHeader(buf[:n])
	if !ok || h.sizeValid && cur.Size() < h.pageCount*h.pageSize {
		return fail(fmt.Sprintf("the assessment file was truncated (%d bytes left)", cur.Size()), ErrTruncated)
	}
	if err := s.lock.reassert(); err != nil {
		return fail("another program took the file's lock", err)
	}
	return nil
}
