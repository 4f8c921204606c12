package store

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"slate/model"
)

// RecordSignOff records that the assessor and the asset owner's
// representative agreed with the assessment as it stands now: the record
// carries the history head at that moment (before its own history row).
// A later sign-off supersedes this one; both stay.
func (s *Store) RecordSignOff(so model.SignOff) (model.SignOff, error) {
	for _, f := range []*string{&so.Assessor.Name, &so.Assessor.Role, &so.Owner.Name, &so.Owner.Role} {
		*f = strings.TrimSpace(model.CleanLine(*f))
	}
	if err := so.Validate(); err != nil {
		return so, invalid("%s", err)
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		err := s.queryRow(tx, sqlLastAudit).Scan(&so.Rows, &so.Head)
		if errors.Is(err, sql.ErrNoRows) {
			so.Rows, so.Head = 0, ""
		} else if err != nil {
			return err
		}
		so.At = time.UnixMilli(at).UTC()
		return s.insertSignOff(tx, at, &so)
	})
	return so, err
}

// insertSignOff writes a sign-off as given (an imported one keeps the head
// of the file it was recorded in) and records it.
func (s *Store) insertSignOff(tx *sql.Tx, at int64, so *model.SignOff) error {
	res, err := tx.Exec(`INSERT INTO signoffs (date, assessor, assessor_role, owner, owner_role, head, rows, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, so.Date, so.Assessor.Name, so.Assessor.Role, so.Owner.Name, so.Owner.Role,
		so.Head, so.Rows, so.At.UnixMilli())
	if err != nil {
		return err
	}
	if so.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	after, err := s.images(tx, "signoffs", "id = ?", so.ID)
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actorFor(so.Assessor.Name), "signoff", strconv.FormatInt(so.ID, 10), nil, changeset{"signoffs": after})
}

// loadSignOffs reads the recorded sign-offs, oldest first.
func loadSignOffs(db *sql.DB, a *model.Assessment) error {
	rows, err := db.Query(`SELECT id, date, assessor, assessor_role, owner, owner_role, head, rows, at FROM signoffs ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var so model.SignOff
		var at int64
		if err := rows.Scan(&so.ID, &so.Date, &so.Assessor.Name, &so.Assessor.Role, &so.Owner.Name, &so.Owner.Role,
			&so.Head, &so.Rows, &at); err != nil {
			return err
		}
		so.At = time.UnixMilli(at).UTC()
		a.SignOffs = append(a.SignOffs, so)
	}
	return rows.Err()
}

// ChangesAfterSignOff lists what changed after the latest recorded
// sign-off, oldest first: every history row after the one that recorded
// it (in an imported file, the import). Nothing when there is no sign-off.
func (s *Store) ChangesAfterSignOff() ([]model.Change, error) {
	var seq sql.NullInt64
	if err := s.db.QueryRow(`SELECT max(seq) FROM audit WHERE kind = 'signoff'`).Scan(&seq); err != nil {
		return nil, err
	}
	if !seq.Valid {
		return nil, nil
	}
	return s.changes(`SELECT seq, at, actor, kind, subject, old, new FROM audit WHERE seq > ? ORDER BY seq`, seq.Int64)
}
