package store

import (
	"database/sql"
	"errors"
	"strings"

	"slate/model"
)

// cleanMeta makes the descriptive fields safe to store: one line each, the
// scope keeping its line breaks.
func cleanMeta(m *model.Meta) {
	m.Name = strings.TrimSpace(model.CleanLine(m.Name))
	m.Site = strings.TrimSpace(model.CleanLine(m.Site))
	m.Assessor = strings.TrimSpace(model.CleanLine(m.Assessor))
	m.Scope = model.CleanText(m.Scope)
}

// SetMeta saves the assessment's name, site, scope and assessor.
func (s *Store) SetMeta(m model.Meta) error {
	cleanMeta(&m)
	return s.write(func(tx *sql.Tx, at int64) error {
		var old model.Meta
		if err := tx.QueryRow(`SELECT name, site, scope, assessor FROM assessment WHERE id = 1`).
			Scan(&old.Name, &old.Site, &old.Scope, &old.Assessor); err != nil {
			return err
		}
		if old == m {
			return nil
		}
		before, err := s.images(tx, "assessment", "id = 1")
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE assessment SET name = ?, site = ?, scope = ?, assessor = ?, updated_at = ? WHERE id = 1`,
			m.Name, m.Site, m.Scope, m.Assessor, at); err != nil {
			return err
		}
		after, err := s.images(tx, "assessment", "id = 1")
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actorFor(m.Assessor), "assessment", "", changeset{"assessment": before}, changeset{"assessment": after})
	})
}

// Setting returns a per-file preference ("" when unset).
func (s *Store) Setting(key string) (string, error) {
	var v string
	err := s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSetting saves a per-file preference. Preferences (the current
// interview session, say) are not assessment data: they are not in the history
// and verify does not check them.
func (s *Store) SetSetting(key, value string) error {
	return s.write(func(tx *sql.Tx, at int64) error { return setSetting(tx, key, value) })
}
