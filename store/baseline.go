package store

import (
	"database/sql"
	"fmt"
)

// Baseline is a scratch database with exactly Slate's connection settings
// (WAL, synchronous=FULL, immediate transactions). Benchmarks time one
// committed single-row insert on it: the floor that saving an answer is
// compared with, measured on the same disk in the same run.
type Baseline struct {
	db *sql.DB
	n  int
}

// NewBaseline creates the scratch database at path.
func NewBaseline(path string) (*Baseline, error) {
	db, err := openDB(path, modeWrite)
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)`); err != nil {
		db.Close()
		return nil, err
	}
	return &Baseline{db: db}, nil
}

// Insert commits one row in its own transaction.
func (b *Baseline) Insert() error {
	b.n++
	tx, err := b.db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO t (note) VALUES (?)`, fmt.Sprint("note ", b.n)); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Close closes the scratch database.
func (b *Baseline) Close() error { return b.db.Close() }
