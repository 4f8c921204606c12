package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"slate/model"
)

// trackingState is what the history records of a tracking record.
type trackingState struct {
	Owner         string `json:"owner"`
	Due           string `json:"due"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
	Effort        string `json:"effort"`
	Outage        *bool  `json:"outage"`
	Vendor        *bool  `json:"vendor"`
	Phase         string `json:"phase"`
}

func trackingStateOf(t model.Tracking) trackingState {
	st := trackingState{Owner: t.Owner, Due: t.Due, Status: string(t.Status), Justification: t.Justification,
		Outage: t.Outage, Vendor: t.Vendor, Phase: t.Phase.Key()}
	if t.Effort != nil {
		st.Effort = t.Effort.String()
	}
	return st
}

func cleanTracking(t *model.Tracking) error {
	t.Owner = strings.TrimSpace(model.CleanLine(t.Owner))
	t.Due = strings.TrimSpace(t.Due)
	t.Justification = model.CleanText(t.Justification)
	if t.Status == "" {
		t.Status = model.TrackOpen
	}
	if t.Status != model.TrackRiskAccepted {
		t.Justification = strings.TrimSpace(t.Justification)
	}
	if err := t.Validate(); err != nil {
		return invalid("%s", err)
	}
	return nil
}

// SaveTracking records an initiative's owner, due date, status and
// overrides in one transaction, with the change in the audit history.
func (s *Store) SaveTracking(t model.Tracking) (model.Tracking, error) {
	if err := cleanTracking(&t); err != nil {
		return t, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		saved, err := s.insertTracking(tx, at, at, t)
		t = saved
		return err
	})
	return t, err
}

// insertTracking writes a tracking record (changed at updated, which an
// import takes from the document) and its history row (stamped at).
func (s *Store) insertTracking(tx *sql.Tx, at, updated int64, t model.Tracking) (model.Tracking, error) {
	var old *trackingState
	if cur, err := loadTracking(tx, t.Requirement); err == nil {
		st := trackingStateOf(cur)
		old = &st
		t.UpdatedAt = cur.UpdatedAt
	} else if !errors.Is(err, sql.ErrNoRows) {
		return t, err
	}
	st := trackingStateOf(t)
	if old != nil && sameTracking(*old, st) {
		return t, nil
	}
	before, err := s.images(tx, "tracking", "requirement = ?", t.Requirement)
	if err != nil {
		return t, err
	}
	var effort any = ""
	if t.Effort != nil {
		effort = t.Effort.String()
	}
	if _, err := tx.Exec(`INSERT INTO tracking (requirement, owner, due, status, justification, effort,
		outage, vendor, phase, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (requirement) DO UPDATE SET owner = excluded.owner, due = excluded.due,
		status = excluded.status, justification = excluded.justification, effort = excluded.effort,
		outage = excluded.outage, vendor = excluded.vendor, phase = excluded.phase,
		updated_at = excluded.updated_at`,
		t.Requirement, t.Owner, t.Due, string(t.Status), t.Justification, effort,
		nullBool(t.Outage), nullBool(t.Vendor), t.Phase.Key(), updated); err != nil {
		return t, err
	}
	t.UpdatedAt = time.UnixMilli(updated).UTC()
	after, err := s.images(tx, "tracking", "requirement = ?", t.Requirement)
	if err != nil {
		return t, err
	}
	return t, s.record(tx, at, s.actor, "tracking", t.Requirement, changeset{"tracking": before}, changeset{"tracking": after})
}

func sameTracking(a, b trackingState) bool {
	eq := func(x, y *bool) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return a.Owner == b.Owner && a.Due == b.Due && a.Status == b.Status && a.Justification == b.Justification &&
		a.Effort == b.Effort && eq(a.Outage, b.Outage) && eq(a.Vendor, b.Vendor) && a.Phase == b.Phase
}

func nullBool(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

type scanner interface {
	Scan(dest ...any) error
}

const trackingColumns = `requirement, owner, due, status, justification, effort, outage, vendor, phase, updated_at`

func scanTracking(sc scanner) (model.Tracking, error) {
	var t model.Tracking
	var status, effort, phase string
	var outage, vendor sql.NullBool
	var at int64
	if err := sc.Scan(&t.Requirement, &t.Owner, &t.Due, &status, &t.Justification, &effort, &outage, &vendor, &phase, &at); err != nil {
		return t, err
	}
	t.Status = model.TrackStatus(status)
	if effort != "" {
		e, err := model.ParseEffort(effort)
		if err != nil {
			return t, err
		}
		t.Effort = &e
	}
	if outage.Valid {
		t.Outage = &outage.Bool
	}
	if vendor.Valid {
		t.Vendor = &vendor.Bool
	}
	p, err := model.ParsePhase(phase)
	if err != nil {
		return t, err
	}
	t.Phase = p
	t.UpdatedAt = time.UnixMilli(at).UTC()
	return t, nil
}

func loadTracking(tx *sql.Tx, req string) (model.Tracking, error) {
	return scanTracking(tx.QueryRow(`SELECT `+trackingColumns+` FROM tracking WHERE requirement = ?`, req))
}

// loadRoadmap reads every tracking record and window.
func loadRoadmap(db *sql.DB, a *model.Assessment) error {
	a.Tracking = map[string]model.Tracking{}
	rows, err := db.Query(`SELECT ` + trackingColumns + ` FROM tracking`)
	if err != nil {
		return err
	}
	for rows.Next() {
		t, err := scanTracking(rows)
		if err == nil {
			err = t.Validate()
		}
		if err != nil {
			rows.Close()
			return crafted(fmt.Sprintf("the tracking of %q", t.Requirement), err)
		}
		a.Tracking[t.Requirement] = t
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = db.Query(`SELECT id, name, date FROM windows ORDER BY date, id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	a.Windows = nil
	for rows.Next() {
		var w model.Window
		if err := rows.Scan(&w.ID, &w.Name, &w.Date); err != nil {
			return err
		}
		if _, err := w.When(); err != nil {
			return crafted(fmt.Sprintf("maintenance window %d", w.ID), fmt.Errorf("date %q is not YYYY-MM-DD", w.Date))
		}
		a.Windows = append(a.Windows, w)
	}
	return rows.Err()
}

type windowState struct {
	Name string `json:"name"`
	Date string `json:"date"`
}

func cleanWindow(w *model.Window) error {
	w.Name = strings.TrimSpace(model.CleanLine(w.Name))
	w.Date = strings.TrimSpace(w.Date)
	if w.Name == "" {
		return invalid("a maintenance window needs a name")
	}
	if _, err := w.When(); err != nil {
		return invalid("date %q: use YYYY-MM-DD", w.Date)
	}
	return nil
}

// PutWindow adds (ID 0) or updates a maintenance window.
func (s *Store) PutWindow(w model.Window) (model.Window, error) {
	if err := cleanWindow(&w); err != nil {
		return w, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		return s.insertWindow(tx, at, &w)
	})
	return w, err
}

func (s *Store) insertWindow(tx *sql.Tx, at int64, w *model.Window) error {
	var before []rowImage
	if w.ID != 0 {
		var st windowState
		err := tx.QueryRow(`SELECT name, date FROM windows WHERE id = ?`, w.ID).Scan(&st.Name, &st.Date)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("no maintenance window %d", w.ID)
		} else if err != nil {
			return err
		}
		if st == (windowState{w.Name, w.Date}) {
			return nil
		}
		if before, err = s.images(tx, "windows", "id = ?", w.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE windows SET name = ?, date = ? WHERE id = ?`, w.Name, w.Date, w.ID); err != nil {
			return err
		}
	} else {
		res, err := tx.Exec(`INSERT INTO windows (name, date) VALUES (?, ?)`, w.Name, w.Date)
		if err != nil {
			return err
		}
		if w.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	after, err := s.images(tx, "windows", "id = ?", w.ID)
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actor, "window", w.Name, changeset{"windows": before}, changeset{"windows": after})
}

// DeleteWindow removes a maintenance window.
func (s *Store) DeleteWindow(id int64) error {
	return s.write(func(tx *sql.Tx, at int64) error {
		var name string
		err := tx.QueryRow(`SELECT name FROM windows WHERE id = ?`, id).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("no maintenance window %d", id)
		} else if err != nil {
			return err
		}
		before, err := s.images(tx, "windows", "id = ?", id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM windows WHERE id = ?`, id); err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "window", name, changeset{"windows": before}, nil)
	})
}

func sortedTracking(m map[string]model.Tracking) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
