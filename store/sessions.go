package store

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"slate/model"
)

// settingSession is the settings key of the current interview session: a
// per-file preference (which session new answers belong to), not
// assessment data, so it is not in the history and verify ignores it
// (docs/evidence.md). The sessions themselves are assessment data.
const settingSession = "session"

// CurrentSession returns the id of the interview session answers are
// linked to now (0: none).
func (s *Store) CurrentSession() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.session
}

// readCurrentSession reads the preference when the file is opened; a
// session that does not exist (any more) counts as none.
func (s *Store) readCurrentSession() error {
	v, err := s.Setting(settingSession)
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	if id != 0 {
		var one int
		if err := s.db.QueryRow(`SELECT 1 FROM sessions WHERE id = ?`, id).Scan(&one); err != nil {
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			id = 0
		}
	}
	s.mu.Lock()
	s.session = id
	s.mu.Unlock()
	return nil
}

// cleanSession makes a session safe to store.
func cleanSession(ss *model.Session) error {
	ss.Place = strings.TrimSpace(model.CleanLine(ss.Place))
	var kept []model.Attendee
	for _, a := range ss.Attendees {
		a.Name = strings.TrimSpace(model.CleanLine(a.Name))
		a.Role = strings.TrimSpace(model.CleanLine(a.Role))
		if a.Name == "" && a.Role == "" {
			continue
		}
		kept = append(kept, a)
	}
	ss.Attendees = kept
	if err := ss.Validate(); err != nil {
		return invalid("%s", err)
	}
	return nil
}

// StartSession records a new interview session and makes it the current
// one: answers from now on are linked to it.
func (s *Store) StartSession(ss model.Session) (model.Session, error) {
	if err := cleanSession(&ss); err != nil {
		return ss, err
	}
	ss.ID = 0
	err := s.write(func(tx *sql.Tx, at int64) error {
		if err := s.insertSession(tx, at, &ss); err != nil {
			return err
		}
		return setSetting(tx, settingSession, strconv.FormatInt(ss.ID, 10))
	})
	if err == nil {
		s.mu.Lock()
		s.session = ss.ID
		s.mu.Unlock()
	}
	return ss, err
}

// insertSession writes a cleaned session, with its id when it has one (an
// imported one: its answers refer to it), and records it.
func (s *Store) insertSession(tx *sql.Tx, at int64, ss *model.Session) error {
	res, err := tx.Exec(`INSERT INTO sessions (id, date, place, attendees) VALUES (?, ?, ?, ?)`,
		nullID(ss.ID), ss.Date, ss.Place, attendeesText(ss.Attendees))
	if err != nil {
		return err
	}
	if ss.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	after, err := s.images(tx, "sessions", "id = ?", ss.ID)
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actor, "session", strconv.FormatInt(ss.ID, 10), nil, changeset{"sessions": after})
}

// UpdateSession saves a session's date, place and attendees.
func (s *Store) UpdateSession(ss model.Session) (model.Session, error) {
	if err := cleanSession(&ss); err != nil {
		return ss, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		before, err := s.images(tx, "sessions", "id = ?", ss.ID)
		if err != nil {
			return err
		}
		if len(before) == 0 {
			return invalid("no interview session %d", ss.ID)
		}
		if _, err := tx.Exec(`UPDATE sessions SET date = ?, place = ?, attendees = ? WHERE id = ?`,
			ss.Date, ss.Place, attendeesText(ss.Attendees), ss.ID); err != nil {
			return err
		}
		after, err := s.images(tx, "sessions", "id = ?", ss.ID)
		if err != nil {
			return err
		}
		if rowText(before[0]) == rowText(after[0]) {
			return errUnchanged
		}
		return s.record(tx, at, s.actor, "session", strconv.FormatInt(ss.ID, 10), changeset{"sessions": before}, changeset{"sessions": after})
	})
	if errors.Is(err, errUnchanged) {
		err = nil
	}
	return ss, err
}

func setSetting(tx *sql.Tx, key, value string) error {
	_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// loadSessions reads every interview session, oldest first.
func loadSessions(db *sql.DB, a *model.Assessment) error {
	rows, err := db.Query(`SELECT id, date, place, attendees FROM sessions ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ss model.Session
		var attendees string
		if err := rows.Scan(&ss.ID, &ss.Date, &ss.Place, &attendees); err != nil {
			return err
		}
		if ss.Attendees, err = parseAttendees(attendees); err != nil {
			return crafted("the attendees of session "+strconv.FormatInt(ss.ID, 10), err)
		}
		a.Sessions = append(a.Sessions, ss)
	}
	return rows.Err()
}
