package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// From the baseline row on (see migrate3), the history records every
// change as the full images of the rows it changed, before and after:
// every column of every user-state table, as stored. Replaying the history
// row by row (verify) therefore rebuilds every table exactly, so a value
// changed behind Slate's back, in any column, shows up as a difference.
// Two tables are left out of the replay: settings, per-file preferences
// (the current interview session, say), not assessment data; and
// evidence_chunks, the bytes of evidence files, which the history records
// by their sha256 and size in the evidence rows (recording megabytes of
// chunk images in JSON would be absurd): verify checks the chunks by
// rehashing every file against the hash its history recorded instead.
//
// A history row may also carry notes next to the tables: keys starting
// with "@", which the replay skips. "@session" names the interview session
// a change was made in ([{"id": N}]); an answer's own row records only the
// session of its latest status change.

// rowImage is one table row as stored: column name -> value.
type rowImage map[string]any

// changeset holds row images by table. In a history row, the rows of the
// old changeset that are missing from the new one were deleted.
type changeset map[string][]rowImage

// excludedTables are never replayed: the history itself, per-file
// preferences, and the evidence bytes (rehashed instead: see
// rehashedTables).
var excludedTables = map[string]bool{"audit": true, "settings": true, chunkTable: true}

// chunkTable holds evidence bytes. rehashedTables lists the tables verify
// covers by rehashing instead of replaying: a change to any of their
// columns shows as a file whose bytes no longer match its recorded hash.
const chunkTable = "evidence_chunks"

var rehashedTables = map[string]bool{chunkTable: true}

// noteSession is the history note naming the session of a change.
const noteSession = "@session"

// isNote reports whether a changeset key is a note, not a table.
func isNote(key string) bool { return strings.HasPrefix(key, "@") }

// sessionNote is the note of a change made in session id (none for 0).
func sessionNote(id int64) changeset {
	if id == 0 {
		return changeset{}
	}
	return changeset{noteSession: {{"id": id}}}
}

// noteOf reads the session note of a history row's new state (0: none).
func noteOf(c changeset) int64 {
	for _, img := range c[noteSession] {
		return intOf(img["id"])
	}
	return 0
}

type queryer interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// userTables lists the tables that hold assessment data, read from the
// schema itself: a table added later is covered without being listed.
func userTables(q queryer) ([]string, error) {
	names, err := column(q, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	out := names[:0]
	for _, n := range names {
		if !excludedTables[n] {
			out = append(out, n)
		}
	}
	return out, err
}

// primaryKey returns a table's primary-key columns in key order.
func primaryKey(q queryer, table string) ([]string, error) {
	out, err := column(q, `SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, table)
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("table %s has no primary key", table)
	}
	return out, err
}

// column returns the one text column of a query's rows.
func column(q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// scanImages reads every row of rows as images.
func scanImages(rows *sql.Rows) ([]rowImage, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []rowImage
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		img := make(rowImage, len(cols))
		for i, c := range cols {
			img[c] = vals[i]
		}
		out = append(out, img)
	}
	return out, rows.Err()
}

// images returns the stored rows of table that match where.
func (s *Store) images(tx *sql.Tx, table, where string, args ...any) ([]rowImage, error) {
	q := `SELECT * FROM ` + table + ` WHERE ` + where
	var rows *sql.Rows
	var err error
	if st, ok := s.stmts[q]; ok {
		rows, err = tx.Stmt(st).Query(args...)
	} else {
		rows, err = tx.Query(q, args...)
	}
	if err != nil {
		return nil, err
	}
	return scanImages(rows)
}

// tableImages returns every row of a table, in primary-key order.
func tableImages(q queryer, table string) ([]rowImage, error) {
	pk, err := primaryKey(q, table)
	if err != nil {
		return nil, err
	}
	rows, err := q.Query(`SELECT * FROM ` + table + ` ORDER BY ` + strings.Join(pk, ", "))
	if err != nil {
		return nil, err
	}
	return scanImages(rows)
}

// tablesImages returns every row of the given tables: the before and
// after images of a migration that rewrites them.
func tablesImages(q queryer, tables ...string) (changeset, error) {
	c := changeset{}
	for _, t := range tables {
		rows, err := tableImages(q, t)
		if err != nil {
			return nil, err
		}
		c.add(t, rows...)
	}
	return c, nil
}

// add appends rows of a table.
func (c changeset) add(table string, rows ...rowImage) changeset {
	if len(rows) > 0 {
		c[table] = append(c[table], rows...)
	}
	return c
}

// merge adds every row of o.
func (c changeset) merge(o changeset) changeset {
	for t, rows := range o {
		c.add(t, rows...)
	}
	return c
}

// text is the canonical JSON of a changeset: "null" when it holds no row,
// tables in name order and columns in name order (encoding/json sorts map
// keys), so the hash of a history row can always be recomputed.
func (c changeset) text() string {
	n := 0
	for _, rows := range c {
		n += len(rows)
	}
	if n == 0 {
		return "null"
	}
	out := make(map[string][]rowImage, len(c))
	for t, rows := range c {
		if len(rows) > 0 {
			out[t] = rows
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		panic(err) // images hold only SQLite's own values
	}
	return string(b)
}

// carriesAssessment reports whether a changeset holds the assessment row.
func (c changeset) carriesAssessment() bool { return len(c["assessment"]) > 0 }

// record appends one history row with the images before and after a
// change. Unless the change carries the assessment row itself, it also
// sets the assessment's updated_at to the time of the change: the one rule
// by which that column follows the history (verify applies it too).
func (s *Store) record(tx *sql.Tx, at int64, actor, kind, subject string, before, after changeset) error {
	if !after.carriesAssessment() {
		if err := s.touch(tx, at); err != nil {
			return err
		}
	}
	return s.appendAudit(tx, at, actor, kind, subject, before.text(), after.text())
}

func (s *Store) touch(tx *sql.Tx, at int64) error {
	_, err := s.exec(tx, sqlTouch, at)
	return err
}
