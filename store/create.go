package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"slate/model"
)

// Create writes a new assessment file holding a (metadata, zones, conduits,
// assets, answers and roadmap, each recorded in the history) and opens it.
// The file is built under a temporary name (created exclusively, mode 0600)
// and linked into place only when complete, so a crash or a refused
// document never leaves a half-made file at path. Nothing that exists at
// path is ever overwritten or followed, a dangling symbolic link included.
func Create(path string, a *model.Assessment, opt Options) (*Store, error) {
	if fi, err := os.Lstat(path); err == nil {
		if fi.Mode()&fs.ModeSymlink != 0 {
			return nil, refuse(path, "is a symbolic link; Slate creates an assessment only as a new file, never through a link")
		}
		return nil, refuse(path, "already exists; Slate never overwrites a file")
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".new-*") // O_EXCL, mode 0600
	if err != nil {
		return nil, refuse(path, "cannot be created: "+folderProblem(dir, err))
	}
	tmpPath := tmp.Name()
	tmp.Close()
	err = build(path, tmpPath, a, opt)
	if err == nil {
		err = placeNew(tmpPath, path)
	}
	removeSidecars(tmpPath)
	os.Remove(tmpPath)
	if err != nil {
		return nil, err
	}
	return Open(path, opt)
}

// folderProblem phrases why a file could not be created in dir.
func folderProblem(dir string, err error) string {
	if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
		return "the folder " + dir + " does not exist"
	}
	if errors.Is(err, fs.ErrPermission) || isReadOnlyFS(err) {
		return "the folder " + dir + " is not writable"
	}
	return plainErr(err)
}

// build fills a fresh file (tmp, to become path) in rollback-journal mode
// and only then switches it to WAL, so the header with Slate's application
// id and schema version is in the main file from the start.
func build(path, tmp string, a *model.Assessment, opt Options) error {
	db, err := openDB(tmp, modeBuild)
	if err != nil {
		return refuse(path, "cannot be created: "+sqliteReason(err))
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return refuse(path, "cannot be created: "+sqliteReason(err))
	}
	if err := migrate(db, 0); err != nil {
		return refuse(path, "cannot be created: "+err.Error())
	}
	s := &Store{db: db, path: path, now: opt.Clock, actor: opt.Actor, ids: map[string]int64{}, limit: opt.EvidenceLimit}
	if s.now == nil {
		s.now = timeNow
	}
	if s.actor == "" {
		s.actor = currentUser()
	}
	if err := s.write(func(tx *sql.Tx, at int64) error { return s.insertAll(tx, at, a, opt.Blobs) }); err != nil {
		return err
	}
	if _, err := db.Exec("PRAGMA journal_mode = WAL"); err != nil {
		return refuse(path, "cannot be created: "+sqliteReason(err))
	}
	return db.Close()
}

// insertAll writes a whole assessment into an empty file, each part
// recorded in the history. The assessment row comes last, with its own
// times (those of an imported document): until then there is no row for
// the other changes to stamp.
func (s *Store) insertAll(tx *sql.Tx, at int64, a *model.Assessment, blobs BlobSource) error {
	created, updated := at, at
	if !a.Created.IsZero() {
		created = a.Created.UnixMilli()
	}
	if !a.Updated.IsZero() {
		updated = a.Updated.UnixMilli()
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
	if err := s.insertSessions(tx, at, a.Sessions); err != nil {
		return err
	}
	for _, t := range a.Targets() {
		if err := s.insertAnswers(tx, at, t.Key, a.Answers[t.Key]); err != nil {
			return err
		}
	}
	if err := s.insertEvidence(tx, at, a.Evidence, blobs); err != nil {
		return err
	}
	for i := range a.SignOffs {
		so := a.SignOffs[i]
		if err := so.Validate(); err != nil {
			return invalid("sign-off %d: %s", i+1, err)
		}
		if so.At.IsZero() {
			so.At = time.UnixMilli(at)
		}
		if err := s.insertSignOff(tx, at, &so); err != nil {
			return err
		}
	}
	for _, t := range model.SortedTracking(a.Tracking) {
		if err := cleanTracking(&t); err != nil {
			return invalid("tracking of %s: %s", t.Key(), err)
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
	for _, p := range a.Projects {
		if err := p.Validate(); err != nil {
			return invalid("project %q: %s", p.ID, err)
		}
		if err := s.insertProject(tx, at, p); err != nil {
			return err
		}
	}
	for _, req := range sortedKeysOf(a.ProjectOf) {
		if err := s.insertProjectOf(tx, at, req, a.ProjectOf[req], false); err != nil {
			return err
		}
	}
	if err := s.insertCountermeasures(tx, at, a); err != nil {
		return err
	}
	if err := s.linkUnlinked(tx, at, a); err != nil {
		return err
	}
	for _, q := range sortedKeys(a.SiteAnswers) {
		ans := a.SiteAnswers[q]
		ans.Requirement, ans.Status = q, ans.Status.Norm()
		if err := ans.Validate(); err != nil {
			return invalid("site question %s: %s", q, err)
		}
		when := at
		if !ans.UpdatedAt.IsZero() {
			when = ans.UpdatedAt.UnixMilli()
		}
		if _, err := s.saveSiteAnswerTx(tx, at, when, 0, ans); err != nil && err != errUnchanged {
			return err
		}
	}
	if err := s.insertConfirmations(tx, at, a); err != nil {
		return err
	}
	m := a.Meta()
	cleanMeta(&m)
	var upgraded int64
	if a.CatalogBefore != "" && !a.CatalogUpgraded.IsZero() {
		upgraded = a.CatalogUpgraded.UnixMilli()
	}
	if _, err := tx.Exec(`INSERT INTO assessment (id, name, site, scope, assessor, catalog_id, catalog_version,
		catalog_hash, created_at, updated_at, catalog_before, catalog_upgraded_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.Name, m.Site, m.Scope, m.Assessor, a.CatalogID, a.CatalogVersion, a.CatalogHash, created, updated,
		a.CatalogBefore, upgraded); err != nil {
		return err
	}
	after, err := s.images(tx, "assessment", "id = 1")
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actorFor(m.Assessor), "assessment", "", nil, changeset{"assessment": after})
}

// insertAnswers writes the answers of one target, in requirement order.
func (s *Store) insertAnswers(tx *sql.Tx, at int64, key string, as model.Answers) error {
	if len(as) == 0 {
		return nil
	}
	id, err := s.targetID(tx, key)
	if err != nil {
		return err
	}
	for _, req := range sortedKeys(as) {
		ans := as[req]
		ans.Status = ans.Status.Norm()
		if err := ans.Validate(); err != nil {
			return invalid("%s %s: %s", key, req, err)
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
			method, session_id, assessor, flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, req, row.Status, row.Note, row.Justification, row.Method, nullID(ans.Session), row.Assessor, row.Flagged, when); err != nil {
			return err
		}
		after, err := s.images(tx, "answers", answerKey, id, req)
		if err != nil {
			return err
		}
		if err := s.record(tx, at, s.actorFor(ans.Assessor), "answer", answerSubject(key, req), nil, changeset{"answers": after}); err != nil {
			return err
		}
	}
	return nil
}

// Import writes a whole assessment into this file, which must hold nothing
// yet: no zone, conduit, asset, answer, tracking record, maintenance
// window, session, evidence or sign-off. blobs hands the bytes of its
// evidence files (a bundle); it may be nil when there is no evidence. It
// is one transaction: on error nothing changes.
func (s *Store) Import(a *model.Assessment, blobs BlobSource) error {
	err := s.write(func(tx *sql.Tx, at int64) error {
		var n int
		if err := tx.QueryRow(`SELECT (SELECT count(*) FROM targets) + (SELECT count(*) FROM assets) +
			(SELECT count(*) FROM answers) + (SELECT count(*) FROM tracking) + (SELECT count(*) FROM windows) +
			(SELECT count(*) FROM projects) + (SELECT count(*) FROM project_of) + (SELECT count(*) FROM sessions) +
			(SELECT count(*) FROM evidence) + (SELECT count(*) FROM signoffs) +
			(SELECT count(*) FROM countermeasures) + (SELECT count(*) FROM site_answers) +
			(SELECT count(*) FROM confirmations)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("%s already holds zones, answers, tracking or maintenance windows; import into a new file", s.path)
		}
		before, err := s.images(tx, "assessment", "id = 1")
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM assessment`); err != nil {
			return err
		}
		if err := s.record(tx, at, s.actor, "assessment", "", changeset{"assessment": before}, nil); err != nil {
			return err
		}
		return s.insertAll(tx, at, a, blobs)
	})
	s.forgetIDs()
	return err
}

// placeNew moves a finished file to path without replacing anything there:
// link(2) fails on any existing name, a dangling symbolic link included.
func placeNew(tmp, path string) error {
	if err := os.Link(tmp, path); err == nil {
		return nil
	} else if errors.Is(err, os.ErrExist) {
		return refuse(path, "already exists; Slate never overwrites a file")
	}
	// File systems without hard links (FAT on USB sticks): check, then rename.
	if _, err := os.Lstat(path); err == nil {
		return refuse(path, "already exists; Slate never overwrites a file")
	}
	if err := os.Rename(tmp, path); err != nil {
		return refuse(path, "cannot be created: "+plainErr(err))
	}
	return nil
}

func removeSidecars(path string) {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
