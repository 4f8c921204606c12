package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// auditRow is one entry of the append-only history.
type auditRow struct {
	Seq     int64
	At      int64 // unix milliseconds
	Actor   string
	Kind    string
	Subject string
	Old     string // canonical JSON of the state before, "null" when none
	New     string // canonical JSON of the state after, "null" when none
	Prev    string
	Hash    string
}

// chainHash is sha256(previous hash || canonical row). The canonical row is
// the JSON array [seq, at, actor, kind, subject, old, new]: encoding/json is
// deterministic for these types, so verification recomputes it exactly.
func chainHash(prev string, r auditRow) string {
	canon, _ := json.Marshal([]any{r.Seq, r.At, r.Actor, r.Kind, r.Subject, r.Old, r.New})
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write(canon)
	return hex.EncodeToString(h.Sum(nil))
}

// appendAudit adds one row to the chain inside tx; old and new are
// canonical JSON.
func (s *Store) appendAudit(tx *sql.Tx, at int64, actor, kind, subject, old, new string) error {
	r := auditRow{At: at, Actor: actor, Kind: kind, Subject: subject, Old: old, New: new}
	err := s.queryRow(tx, sqlLastAudit).Scan(&r.Seq, &r.Prev)
	if errors.Is(err, sql.ErrNoRows) {
		r.Seq, r.Prev = 0, ""
	} else if err != nil {
		return err
	}
	r.Seq++
	r.Hash = chainHash(r.Prev, r)
	_, err = s.exec(tx, sqlInsertAudit, r.Seq, r.At, r.Actor, r.Kind, r.Subject, r.Old, r.New, r.Prev, r.Hash)
	return err
}

func answerSubject(targetKey, req string) string { return targetKey + "|" + req }

// HistoryEntry is one audited change, for display.
type HistoryEntry struct {
	Seq     int64
	At      int64
	Actor   string
	Kind    string
	Subject string
	Old     string
	New     string
}

// History returns the audited changes of one answer, oldest first.
func (s *Store) History(targetKey, requirement string) ([]HistoryEntry, error) {
	rows, err := s.db.Query(`SELECT seq, at, actor, kind, subject, old, new FROM audit
		WHERE kind = 'answer' AND subject = ? ORDER BY seq`, answerSubject(targetKey, requirement))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []HistoryEntry
	for rows.Next() {
		var h HistoryEntry
		if err := rows.Scan(&h.Seq, &h.At, &h.Actor, &h.Kind, &h.Subject, &h.Old, &h.New); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Head returns the hash of the newest audit row and its number ("" and 0
// for an empty history): quoting it in a report pins the history as of
// that report, and `slate verify --expect-head` checks a file against it.
func (s *Store) Head() (string, int64, error) {
	if s.fileHead != nil {
		return s.fileHead.hash, s.fileHead.seq, nil
	}
	return headOf(s.db)
}

// headMark is a history head: the newest row's hash and number.
type headMark struct {
	hash string
	seq  int64
}

func headOf(db *sql.DB) (string, int64, error) {
	var hash string
	var seq int64
	err := db.QueryRow(`SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`).Scan(&seq, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, nil
	}
	if err != nil {
		return "", 0, fmt.Errorf("reading the audit history: %w", err)
	}
	return hash, seq, nil
}
