package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"slate/model"
)

// A read-only look at a file (a read-only session, and every command that
// only reads) leaves nothing behind: no lock file, no -wal or -shm, no temp
// file, and never upgrades the file. While no writer holds the file, Slate
// holds it shared and SQLite reads it through a snapshot (snapshot.go):
// page by page, with the write-ahead log a killed session may have left
// applied, never more than a query needs. A file of an older schema is
// read into memory instead and upgraded in that copy only. While a writer
// holds it under the same name, SQLite reads it live through the writer's
// own -wal and -shm.

// openRead opens the store read-only for the given reason.
func (s *Store) openRead(reason string, load bool) (*Store, *model.Assessment, error) {
	s.readOnly, s.roReason = true, reason
	db, live, err := s.readDB()
	if err != nil {
		return nil, nil, err
	}
	version, err := identify(db, s.path)
	switch {
	case err != nil:
	case live && version < SchemaVersion:
		err = &FileError{Path: s.path, Err: ErrOldSchema, Reason: fmt.Sprintf(
			"uses schema %d and is open in an older Slate; close that session and open it with `slate %s` to upgrade it", version, s.path)}
	case !live:
		if err = quickCheck(db, s.path); err == nil && version < SchemaVersion {
			if db, err = s.upgradeCopy(db, version); err != nil {
				return nil, nil, err
			}
		}
	}
	if err != nil {
		db.Close()
		s.releaseSnapshot()
		return nil, nil, err
	}
	s.db = db
	if err := s.readCurrentSession(); err != nil {
		s.Close()
		return nil, nil, refuse(s.path, "cannot be read: "+sqliteReason(err))
	}
	if !load {
		return s, nil, nil
	}
	if v, err := s.DataVersion(); err == nil {
		s.openedVersion = v
	}
	a, err := s.Load()
	if err != nil {
		s.Close()
		return nil, nil, refuse(s.path, "cannot be read: "+err.Error())
	}
	return s, a, nil
}

// readDB opens the file for reading without leaving anything behind: an
// in-memory copy taken under a shared lock, or, while a writer holds the
// file under this very name, SQLite reading live through the writer's
// -wal and -shm (live is then true).
func (s *Store) readDB() (db *sql.DB, live bool, err error) {
	if fi, err := os.Stat(s.real); err == nil {
		if w := heldBy(fi); w != nil {
			if w.real != s.real {
				return nil, false, w.lockedError(s.path, s.real)
			}
			db, err := openLiveDB(s.real)
			if err != nil {
				return nil, false, refuse(s.path, "cannot be read: "+sqliteReason(err))
			}
			return db, true, nil
		}
	}
	l, err := lockForReading(s.path, s.real)
	if errors.Is(err, errWouldBlock) {
		le := lockedBy(s.path, s.real)
		if !le.ReadOnlyOffered() {
			return nil, false, le
		}
		db, err := openLiveDB(s.real)
		if err != nil {
			return nil, false, refuse(s.path, "cannot be read: "+sqliteReason(err))
		}
		return db, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	snap, err := newSnapshot(s.path, s.real, l.f)
	if err != nil {
		l.release()
		return nil, false, err
	}
	name, dsn, err := snapFS.register(snap)
	if err == nil {
		db, err = sql.Open("sqlite", dsn+"&_foreign_keys=1")
	}
	if err == nil {
		db.SetMaxOpenConns(1)
		if err = db.Ping(); err != nil {
			db.Close()
		}
	}
	if err != nil {
		snapFS.forget(name)
		snap.close()
		l.release()
		return nil, false, refuse(s.path, "cannot be read: "+sqliteReason(err))
	}
	s.lock, s.snap, s.snapName = l, snap, name
	return db, false, nil
}

// releaseSnapshot ends a snapshot read: after SQLite has closed the
// database, the log is closed and the shared lock dropped.
func (s *Store) releaseSnapshot() {
	if s.snap == nil {
		return
	}
	snapFS.forget(s.snapName)
	s.snap.close()
	s.snap = nil
	s.lock.release()
	s.lock = nil
}

// upgradeCopy reads an older file (a snapshot db) into memory and brings
// the copy to the current schema, remembering the history head the file
// itself has. It returns the copy; the snapshot is closed. An older file
// has no evidence, so the copy is no larger than its answers.
func (s *Store) upgradeCopy(db *sql.DB, version uint32) (*sql.DB, error) {
	hash, seq, err := headOf(db)
	if err != nil {
		return nil, refuse(s.path, "cannot be read: "+sqliteReason(err))
	}
	s.fileHead = &headMark{hash, seq}
	img := make([]byte, s.snap.size)
	_, err = s.snap.readAt(img, 0)
	db.Close()
	s.releaseSnapshot()
	if err != nil {
		return nil, refuse(s.path, "cannot be read: "+plainErr(err))
	}
	mem, err := memoryDB(img)
	if err != nil {
		return nil, refuse(s.path, "cannot be read: "+sqliteReason(err))
	}
	if err := migrate(mem, version); err != nil {
		mem.Close()
		return nil, refuse(s.path, "cannot be read: "+err.Error())
	}
	return mem, nil
}

// memoryDB hands a database image to SQLite as an in-memory database.
func memoryDB(img []byte) (*sql.DB, error) {
	if len(img) < 100 {
		return nil, errors.New("file is not a database")
	}
	// An in-memory database has no log: mark the image as using a rollback
	// journal (header bytes 18 and 19), or SQLite refuses to read it.
	img[18], img[19] = 1, 1
	db, err := sql.Open("sqlite", ":memory:?_foreign_keys=1")
	if err != nil {
		return nil, err
	}
	// The copy lives in its one connection: never let the pool drop it.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	conn, err := db.Conn(context.Background())
	if err != nil {
		db.Close()
		return nil, err
	}
	err = conn.Raw(func(dc any) error {
		d, ok := dc.(interface{ Deserialize([]byte) error })
		if !ok {
			return errors.New("the SQLite driver cannot read a database from memory")
		}
		return d.Deserialize(img)
	})
	conn.Close()
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
