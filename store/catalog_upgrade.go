package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"slate/model"
)

// UpgradeCatalog moves the assessment to a newer catalog (the built-in one
// of a later release): one history row with the old and new id, version and
// hash. Every answer is kept; the version upgraded from and the time let
// model.Assessment.Outdated list the answers given under it whose
// requirement changed, until each is re-confirmed (Confirm).
func (s *Store) UpgradeCatalog(id, version, hash string) error {
	return s.write(func(tx *sql.Tx, at int64) error {
		before, err := s.images(tx, "assessment", "id = 1")
		if err != nil {
			return err
		}
		var curID, curVersion, curHash string
		if err := tx.QueryRow(`SELECT catalog_id, catalog_version, catalog_hash FROM assessment WHERE id = 1`).
			Scan(&curID, &curVersion, &curHash); err != nil {
			return err
		}
		if curID == id && curVersion == version && curHash == hash {
			return invalid("the assessment already uses %s %s", id, version)
		}
		if _, err := tx.Exec(`UPDATE assessment SET catalog_id = ?, catalog_version = ?, catalog_hash = ?,
			catalog_before = ?, catalog_upgraded_at = ?, updated_at = ? WHERE id = 1`,
			id, version, hash, curVersion, at, at); err != nil {
			return err
		}
		after, err := s.images(tx, "assessment", "id = 1")
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "catalog.upgrade", fmt.Sprintf("%s %s -> %s %s", curID, curVersion, id, version),
			changeset{"assessment": before}, changeset{"assessment": after})
	})
}

// Confirm records that the answer of a target to a requirement was
// re-confirmed under catalog version (r in the interview): always a history
// row, even when the answer itself is unchanged, since the assessor asked
// the question again.
func (s *Store) Confirm(targetKey, requirement, version string) (time.Time, error) {
	var when time.Time
	err := s.write(func(tx *sql.Tx, at int64) error {
		if _, err := s.targetID(tx, targetKey); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM answers a JOIN targets t ON t.id = a.target_id
			WHERE t.key = ? AND a.requirement = ? AND a.status <> 'unanswered'`, targetKey, requirement).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalid("%s of %s has no answer to re-confirm", requirement, targetKey)
		}
		before, err := s.images(tx, "confirmations", linkWhere, targetKey, requirement)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO confirmations (target, requirement, catalog_version, at) VALUES (?, ?, ?, ?)
			ON CONFLICT (target, requirement) DO UPDATE SET catalog_version = excluded.catalog_version, at = excluded.at`,
			targetKey, requirement, version, at); err != nil {
			return err
		}
		after, err := s.images(tx, "confirmations", linkWhere, targetKey, requirement)
		if err != nil {
			return err
		}
		when = time.UnixMilli(at).UTC()
		return s.record(tx, at, s.actor, "confirm", answerSubject(targetKey, requirement),
			changeset{"confirmations": before}, changeset{"confirmations": after})
	})
	return when, err
}

// insertConfirmations writes an imported assessment's re-confirmations.
func (s *Store) insertConfirmations(tx *sql.Tx, at int64, a *model.Assessment) error {
	for _, k := range sortedKeysOf(a.Confirmed) {
		target, req, ok := strings.Cut(k, "|")
		if !ok {
			return invalid("re-confirmation %q names no target and requirement", k)
		}
		if _, err := s.targetID(tx, target); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO confirmations (target, requirement, catalog_version, at) VALUES (?, ?, ?, ?)`,
			target, req, a.Confirmed[k], at); err != nil {
			return err
		}
		after, err := s.images(tx, "confirmations", linkWhere, target, req)
		if err != nil {
			return err
		}
		if err := s.record(tx, at, s.actor, "confirm", k, nil, changeset{"confirmations": after}); err != nil {
			return err
		}
	}
	return nil
}

func loadConfirmations(db *sql.DB, a *model.Assessment) error {
	rows, err := db.Query(`SELECT target, requirement, catalog_version FROM confirmations ORDER BY target, requirement`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t, r, v string
		if err := rows.Scan(&t, &r, &v); err != nil {
			return err
		}
		if a.Confirmed == nil {
			a.Confirmed = map[string]string{}
		}
		a.Confirmed[model.AnswerKey(t, r)] = v
	}
	return rows.Err()
}
