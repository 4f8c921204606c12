package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"slate/model"
)

// Create writes a new assessment file holding a (metadata, zones, conduits,
// assets and answers, each recorded in the history) and opens it. The file
// is built under a temporary name and moved into place only when complete, so
// a crash or a refused document never leaves a half-made file at path. An
// existing file is never overwritten.
func Create(path string, a *model.Assessment, opt Options) (*Store, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, fmt.Errorf("%s already exists", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*") // mode 0600
	if err != nil {
		return nil, err
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)

	if err := build(tmpPath, a, opt); err != nil {
		removeSidecars(tmpPath)
		return nil, err
	}
	if err := placeNew(tmpPath, path); err != nil {
		return nil, err
	}
	return Open(path, opt)
}

// build fills a fresh file in rollback-journal mode and only then switches it
// to WAL, so the header with Slate's application id and schema version is in
// the main file from the start.
func build(path string, a *model.Assessment, opt Options) error {
	db, err := openDB(path, modeBuild)
	if err != nil {
		return fmt.Errorf("creating %s: %s", path, sqliteReason(err))
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return fmt.Errorf("creating %s: %s", path, sqliteReason(err))
	}
	if err := migrate(db, 0); err != nil {
		return err
	}
	s := &Store{db: db, path: path, now: opt.Clock, actor: opt.Actor, ids: map[string]int64{}}
	if s.now == nil {
		s.now = timeNow
	}
	if s.actor == "" {
		s.actor = currentUser()
	}
	if err := s.write(func(tx *sql.Tx, at int64) error { return s.insertAll(tx, at, a) }); err != nil {
		return err
	}
	if _, err := db.Exec("PRAGMA journal_mode = WAL"); err != nil {
		return err
	}
	return db.Close()
}

// insertAll writes a whole assessment into an empty file.
func (s *Store) insertAll(tx *sql.Tx, at int64, a *model.Assessment) error {
	created, updated := at, at
	if !a.Created.IsZero() {
		created = a.Created.UnixMilli()
	}
	if !a.Updated.IsZero() {
		updated = a.Updated.UnixMilli()
	}
	m := a.Meta()
	cleanMeta(&m)
	if _, err := tx.Exec(`INSERT INTO assessment (id, name, site, scope, assessor, catalog_id, catalog_version,
		catalog_hash, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.Name, m.Site, m.Scope, m.Assessor, a.CatalogID, a.CatalogVersion, a.CatalogHash, created, updated); err != nil {
		return err
	}
	if err := s.appendAudit(tx, at, s.actorFor(m.Assessor), "assessment", "", nil, m); err != nil {
		return err
	}
	for i := range a.Zones {
		z := a.Zones[i]
		z.Assets = append([]model.Asset(nil), z.Assets...)
		if err := cleanZone(&z); err != nil {
			return err
		}
		if err := s.insertZone(tx, at, &z); err != nil {
			return err
		}
	}
	for i := range a.Conduits {
		c := a.Conduits[i]
		if err := cleanConduit(&c); err != nil {
			return err
		}
		if err := s.insertConduit(tx, at, &c); err != nil {
			return err
		}
	}
	for _, t := range a.Targets() {
		as := a.Answers[t.Key]
		if len(as) == 0 {
			continue
		}
		id, err := s.targetID(tx, t.Key)
		if err != nil {
			return err
		}
		for _, req := range sortedKeys(as) {
			ans := as[req]
			ans.Status = ans.Status.Norm()
			if err := ans.Validate(); err != nil {
				return invalid("%s %s: %s", t.Key, req, err)
			}
			row := rowOf(ans)
			if row.empty() {
				continue
			}
			when := at
			if !ans.UpdatedAt.IsZero() {
				when = ans.UpdatedAt.UnixMilli()
			}
			if _, err := tx.Exec(`INSERT INTO answers (target_id, requirement, status, note, justification,
				interviewee, assessor, flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, req, row.Status, row.Note, row.Justification, row.Interviewee, row.Assessor, row.Flagged, when); err != nil {
				return err
			}
			if err := s.appendAudit(tx, at, s.actorFor(ans.Assessor), "answer", answerSubject(t.Key, req), nil, stateOf(row)); err != nil {
				return err
			}
		}
	}
	for _, req := range sortedTracking(a.Tracking) {
		t := a.Tracking[req]
		t.Requirement = req
		if err := cleanTracking(&t); err != nil {
			return invalid("tracking of %s: %s", req, err)
		}
		when := at
		if !t.UpdatedAt.IsZero() {
			when = t.UpdatedAt.UnixMilli()
		}
		if _, err := s.insertTracking(tx, at, when, t); err != nil {
			return err
		}
	}
	for i := range a.Windows {
		w := a.Windows[i]
		w.ID = 0
		if err := cleanWindow(&w); err != nil {
			return err
		}
		if err := s.insertWindow(tx, at, &w); err != nil {
			return err
		}
	}
	// The inserts above touched updated_at; an imported document keeps its own.
	_, err := tx.Exec(`UPDATE assessment SET updated_at = ? WHERE id = 1`, updated)
	return err
}

// Import writes a whole assessment into this file, which must hold no zones,
// conduits or answers yet. It is one transaction: on error nothing changes.
func (s *Store) Import(a *model.Assessment) error {
	err := s.write(func(tx *sql.Tx, at int64) error {
		var n int
		if err := tx.QueryRow(`SELECT (SELECT count(*) FROM targets) + (SELECT count(*) FROM answers)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("%s already holds zones or answers; import into a new file", s.path)
		}
		if _, err := tx.Exec(`DELETE FROM assessment`); err != nil {
			return err
		}
		return s.insertAll(tx, at, a)
	})
	s.forgetIDs()
	return err
}

// placeNew moves a finished file to path without replacing anything there.
func placeNew(tmp, path string) error {
	if err := os.Link(tmp, path); err == nil {
		return nil
	} else if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists", path)
	}
	// File systems without hard links (FAT on USB sticks): check, then rename.
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists", path)
	}
	return os.Rename(tmp, path)
}

func removeSidecars(path string) {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
