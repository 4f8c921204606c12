package store

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/model"
)

func cleanTracking(t *model.Tracking) error {
	t.Owner = strings.TrimSpace(model.CleanLine(t.Owner))
	t.Due = strings.TrimSpace(t.Due)
	t.Review = strings.TrimSpace(t.Review)
	t.Justification = model.CleanText(t.Justification)
	t.AcceptedBy.Name = strings.TrimSpace(model.CleanLine(t.AcceptedBy.Name))
	t.AcceptedBy.Role = strings.TrimSpace(model.CleanLine(t.AcceptedBy.Role))
	t.VendorName = strings.TrimSpace(model.CleanLine(t.VendorName))
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

// SaveTracking records the tracking of an initiative, or of one of its
// targets, in one transaction with the change in the audit history. A
// per-target record that holds nothing but defaults is removed: the
// target then follows the whole initiative's record again.
func (s *Store) SaveTracking(t model.Tracking) (model.Tracking, error) {
	if err := cleanTracking(&t); err != nil {
		return t, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		if t.Target != "" {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM targets WHERE key = ?`, t.Target).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return invalid("no zone or conduit %q", t.Target)
			}
		}
		saved, err := s.insertTracking(tx, at, at, t)
		t = saved
		return err
	})
	return t, err
}

const trackingWhere = "requirement = ? AND target = ?"

// insertTracking writes a tracking record (changed at updated, which an
// import takes from the document) and its history row (stamped at).
func (s *Store) insertTracking(tx *sql.Tx, at, updated int64, t model.Tracking) (model.Tracking, error) {
	before, err := s.images(tx, "tracking", trackingWhere, t.Requirement, t.Target)
	if err != nil {
		return t, err
	}
	if len(before) > 0 {
		cur, err := scanTracking(tx.QueryRow(`SELECT `+trackingColumns+` FROM tracking WHERE `+trackingWhere, t.Requirement, t.Target))
		if err != nil {
			return t, err
		}
		if sameTracking(cur, t) {
			return cur, nil
		}
	}
	if t.Target != "" && t.IsZero() {
		if len(before) == 0 {
			return t, nil
		}
		if _, err := tx.Exec(`DELETE FROM tracking WHERE `+trackingWhere, t.Requirement, t.Target); err != nil {
			return t, err
		}
		return t, s.record(tx, at, s.actor, "tracking", model.TrackingKey(t.Requirement, t.Target), changeset{"tracking": before}, nil)
	}
	var effort any = ""
	if t.Effort != nil {
		effort = t.Effort.String()
	}
	var lead any
	if t.LeadDays != nil {
		lead = *t.LeadDays
	}
	if _, err := tx.Exec(`INSERT INTO tracking (requirement, target, owner, due, status, justification, accepted_by,
		accepted_role, review, covers, effort, outage, vendor, vendor_name, lead_days, phase, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (requirement, target) DO UPDATE SET owner = excluded.owner, due = excluded.due,
		status = excluded.status, justification = excluded.justification, accepted_by = excluded.accepted_by,
		accepted_role = excluded.accepted_role, review = excluded.review, covers = excluded.covers,
		effort = excluded.effort, outage = excluded.outage, vendor = excluded.vendor,
		vendor_name = excluded.vendor_name, lead_days = excluded.lead_days, phase = excluded.phase,
		updated_at = excluded.updated_at`,
		t.Requirement, t.Target, t.Owner, t.Due, string(t.Status), t.Justification, t.AcceptedBy.Name,
		t.AcceptedBy.Role, t.Review, jsonListText(t.Covers), effort, nullBool(t.Outage), nullBool(t.Vendor),
		t.VendorName, lead, t.Phase.Key(), updated); err != nil {
		return t, err
	}
	t.UpdatedAt = time.UnixMilli(updated).UTC()
	after, err := s.images(tx, "tracking", trackingWhere, t.Requirement, t.Target)
	if err != nil {
		return t, err
	}
	return t, s.record(tx, at, s.actor, "tracking", model.TrackingKey(t.Requirement, t.Target), changeset{"tracking": before}, changeset{"tracking": after})
}

// sameTracking reports whether two records say the same (the time aside).
func sameTracking(a, b model.Tracking) bool {
	a.UpdatedAt, b.UpdatedAt = time.Time{}, time.Time{}
	return canonical(trackingImage(a)) == canonical(trackingImage(b))
}

// trackingImage is what a record stores, for comparing two records.
func trackingImage(t model.Tracking) []any {
	effort := ""
	if t.Effort != nil {
		effort = t.Effort.String()
	}
	return []any{t.Requirement, t.Target, t.Owner, t.Due, string(t.Status), t.Justification, t.AcceptedBy.Name,
		t.AcceptedBy.Role, t.Review, jsonListText(t.Covers), effort, nullBool(t.Outage), nullBool(t.Vendor), t.VendorName,
		t.LeadDays, t.Phase.Key()}
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

const trackingColumns = `requirement, target, owner, due, status, justification, accepted_by, accepted_role, review,
	covers, effort, outage, vendor, vendor_name, lead_days, phase, updated_at`

func scanTracking(sc scanner) (model.Tracking, error) {
	var t model.Tracking
	var status, effort, phase, covers string
	var outage, vendor sql.NullBool
	var lead sql.NullInt64
	var at int64
	if err := sc.Scan(&t.Requirement, &t.Target, &t.Owner, &t.Due, &status, &t.Justification, &t.AcceptedBy.Name,
		&t.AcceptedBy.Role, &t.Review, &covers, &effort, &outage, &vendor, &t.VendorName, &lead, &phase, &at); err != nil {
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
	if lead.Valid {
		n := int(lead.Int64)
		t.LeadDays = &n
	}
	var err error
	if t.Covers, err = jsonList(covers); err != nil {
		return t, fmt.Errorf("covers %q is not a list of zones and conduits", covers)
	}
	if t.Phase, err = model.ParsePhase(phase); err != nil {
		return t, err
	}
	t.UpdatedAt = time.UnixMilli(at).UTC()
	return t, nil
}

// loadRoadmap reads every tracking record, window and project.
func loadRoadmap(db *sql.DB, a *model.Assessment) error {
	a.Tracking = map[string]model.Tracking{}
	rows, err := db.Query(`SELECT ` + trackingColumns + ` FROM tracking ORDER BY requirement, target`)
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
			return crafted(fmt.Sprintf("the tracking of %q", model.TrackingKey(t.Requirement, t.Target)), err)
		}
		a.Tracking[t.Key()] = t
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if a.Windows, err = loadWindows(db); err != nil {
		return err
	}
	return loadProjects(db, a)
}

func loadWindows(db *sql.DB) ([]model.Window, error) {
	rows, err := db.Query(`SELECT id, name, date, days, targets FROM windows ORDER BY date, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Window
	for rows.Next() {
		var w model.Window
		var targets string
		if err := rows.Scan(&w.ID, &w.Name, &w.Date, &w.Days, &targets); err != nil {
			return nil, err
		}
		w.Targets, err = jsonList(targets)
		if err == nil {
			err = w.Validate()
		}
		if err != nil {
			return nil, crafted(fmt.Sprintf("maintenance window %d", w.ID), err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

func loadProjects(db *sql.DB, a *model.Assessment) error {
	rows, err := db.Query(`SELECT id, title FROM projects ORDER BY id`)
	if err != nil {
		return err
	}
	a.Projects = nil
	for rows.Next() {
		var p model.Project
		if err := rows.Scan(&p.ID, &p.Title); err != nil {
			rows.Close()
			return err
		}
		a.Projects = append(a.Projects, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = db.Query(`SELECT requirement, project FROM project_of`)
	if err != nil {
		return err
	}
	defer rows.Close()
	a.ProjectOf = map[string]string{}
	for rows.Next() {
		var req, p string
		if err := rows.Scan(&req, &p); err != nil {
			return err
		}
		a.ProjectOf[req] = p
	}
	return rows.Err()
}

func cleanWindow(w *model.Window) error {
	w.Name = strings.TrimSpace(model.CleanLine(w.Name))
	w.Date = strings.TrimSpace(w.Date)
	if err := w.Validate(); err != nil {
		return invalid("%s", err)
	}
	return nil
}

// PutWindow adds (ID 0) or updates a maintenance window.
func (s *Store) PutWindow(w model.Window) (model.Window, error) {
	if err := cleanWindow(&w); err != nil {
		return w, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		for _, k := range w.Targets {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM targets WHERE key = ?`, k).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return invalid("no zone or conduit %q", k)
			}
		}
		return s.insertWindow(tx, at, &w)
	})
	return w, err
}

func (s *Store) insertWindow(tx *sql.Tx, at int64, w *model.Window) error {
	var before []rowImage
	targets := jsonListText(w.Targets)
	if w.ID != 0 {
		var err error
		if before, err = s.images(tx, "windows", "id = ?", w.ID); err != nil {
			return err
		}
		if len(before) == 0 {
			return invalid("no maintenance window %d", w.ID)
		}
		if _, err := tx.Exec(`UPDATE windows SET name = ?, date = ?, days = ?, targets = ? WHERE id = ?`,
			w.Name, w.Date, w.Days, targets, w.ID); err != nil {
			return err
		}
	} else {
		res, err := tx.Exec(`INSERT INTO windows (name, date, days, targets) VALUES (?, ?, ?, ?)`, w.Name, w.Date, w.Days, targets)
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
	if len(before) == 1 && rowText(before[0]) == rowText(after[0]) {
		return nil
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

// PutProject adds or renames a project of the assessor's.
func (s *Store) PutProject(p model.Project) (model.Project, error) {
	p.ID = strings.TrimSpace(model.CleanLine(p.ID))
	p.Title = strings.TrimSpace(model.CleanLine(p.Title))
	if err := p.Validate(); err != nil {
		return p, invalid("%s", err)
	}
	err := s.write(func(tx *sql.Tx, at int64) error { return s.insertProject(tx, at, p) })
	return p, err
}

func (s *Store) insertProject(tx *sql.Tx, at int64, p model.Project) error {
	before, err := s.images(tx, "projects", "id = ?", p.ID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO projects (id, title) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title`,
		p.ID, p.Title); err != nil {
		return err
	}
	after, err := s.images(tx, "projects", "id = ?", p.ID)
	if err != nil {
		return err
	}
	if len(before) == 1 && rowText(before[0]) == rowText(after[0]) {
		return nil
	}
	return s.record(tx, at, s.actor, "project", p.ID, changeset{"projects": before}, changeset{"projects": after})
}

// SetProjectOf moves an initiative (by requirement id) into a project:
// project "" takes it out of every project, clear (the catalog's default
// grouping applies again) is the entry's removal.
func (s *Store) SetProjectOf(requirement, project string, clear bool) error {
	return s.write(func(tx *sql.Tx, at int64) error { return s.insertProjectOf(tx, at, requirement, project, clear) })
}

func (s *Store) insertProjectOf(tx *sql.Tx, at int64, requirement, project string, clear bool) error {
	before, err := s.images(tx, "project_of", "requirement = ?", requirement)
	if err != nil {
		return err
	}
	if clear {
		if len(before) == 0 {
			return nil
		}
		if _, err := tx.Exec(`DELETE FROM project_of WHERE requirement = ?`, requirement); err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "project", requirement, changeset{"project_of": before}, nil)
	}
	if _, err := tx.Exec(`INSERT INTO project_of (requirement, project) VALUES (?, ?)
		ON CONFLICT (requirement) DO UPDATE SET project = excluded.project`, requirement, project); err != nil {
		return err
	}
	after, err := s.images(tx, "project_of", "requirement = ?", requirement)
	if err != nil {
		return err
	}
	if len(before) == 1 && rowText(before[0]) == rowText(after[0]) {
		return nil
	}
	return s.record(tx, at, s.actor, "project", requirement, changeset{"project_of": before}, changeset{"project_of": after})
}

// forgetTarget removes a deleted target from the roadmap: its own
// tracking records, and its key from windows and risk acceptances (a new
// target that happens to get the same key must not inherit them). The
// images go into the deletion's history row.
func forgetTarget(tx *sql.Tx, s *Store, key string, before, after changeset) error {
	if err := forgetTargetFidelity(tx, s, key, before, after); err != nil {
		return err
	}
	own, err := s.images(tx, "tracking", "target = ?", key)
	if err != nil {
		return err
	}
	before.add("tracking", own...)
	if _, err := tx.Exec(`DELETE FROM tracking WHERE target = ?`, key); err != nil {
		return err
	}
	for _, t := range []struct{ table, column, where string }{
		{"tracking", "covers", "covers LIKE ?"},
		{"windows", "targets", "targets LIKE ?"},
	} {
		rows, err := s.images(tx, t.table, t.where, "%"+jsonString(key)+"%")
		if err != nil {
			return err
		}
		for _, img := range rows {
			list, err := jsonList(str(img[t.column]))
			if err != nil || !slices.Contains(list, key) {
				continue
			}
			before.add(t.table, img)
			next := jsonListText(remove(list, key))
			pk, err := primaryKey(tx, t.table)
			if err != nil {
				return err
			}
			var cond []string
			var args = []any{next}
			for _, c := range pk {
				cond = append(cond, c+" = ?")
				args = append(args, img[c])
			}
			if _, err := tx.Exec(`UPDATE `+t.table+` SET `+t.column+` = ? WHERE `+strings.Join(cond, " AND "), args...); err != nil {
				return err
			}
			var where []any
			for _, c := range pk {
				where = append(where, img[c])
			}
			updated, err := s.images(tx, t.table, strings.Join(cond, " AND "), where...)
			if err != nil {
				return err
			}
			after.add(t.table, updated...)
		}
	}
	return nil
}

func jsonString(s string) string { return canonical(s) }

func remove(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// sortedKeysOf lists a map's keys in order, for writes in a stable order.
func sortedKeysOf(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
