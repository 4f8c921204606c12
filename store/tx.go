package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
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
// durable (WAL, synchronous=FULL) when write returns nil, and absent when it
// returns an error.
func (s *Store) write(fn func(tx *sql.Tx, at int64) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	if s.db == nil {
		return &SaveError{"the assessment is closed", errors.New("closed")}
	}
	if err := s.stillThere(); err != nil {
		return err
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
	return nil
}

func (s *Store) touch(tx *sql.Tx, at int64) error {
	_, err := s.exec(tx, sqlTouch, at)
	return err
}

// ErrFileGone is wrapped when the assessment file disappeared under Slate.
var ErrFileGone = errors.New("file gone")

// stillThere refuses to write when the path no longer names the file that
// was opened: deleted, moved, replaced, or its drive unmounted or pulled.
func (s *Store) stillThere() error {
	if s.ident == nil {
		return nil // a file being built under a temporary name
	}
	cur, err := os.Stat(s.path)
	if err != nil || !os.SameFile(cur, s.ident) {
		return &SaveError{"the assessment file was moved, deleted or its drive removed; nothing was saved (reopen the file)", ErrFileGone}
	}
	// The open descriptor could still write, but whoever made the file
	// read-only meant it to stay as it is.
	if cur.Mode().Perm()&0o200 == 0 {
		return &SaveError{"the file has been made read-only; nothing was saved", ErrReadOnly}
	}
	return nil
}
