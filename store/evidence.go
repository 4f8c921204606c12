package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"slate/model"
)

// Evidence files live inside the assessment (docs/evidence.md): metadata
// and links in the evidence and evidence_links tables, recorded in the
// history like any other row; the bytes in evidence_chunks, at most 1 MiB
// a row, recorded in the history only by their sha256 and size. No
// operation holds a whole file in memory: adding hashes the file in one
// pass and stores it chunk by chunk in a second; reading streams it chunk
// by chunk.

// EvidenceFile is a file to attach: the name to record and a way to read
// its bytes. Open is called twice when the bytes are new (once to hash,
// once to store), so it must give the same bytes each time; a file that
// changes in between is refused.
type EvidenceFile struct {
	Name    string
	Caption string
	Open    func() (io.ReadCloser, error)
}

// EvidenceLimit is the largest file this store accepts, in bytes.
func (s *Store) EvidenceLimit() int64 {
	if s.limit > 0 {
		return s.limit
	}
	return model.DefaultEvidenceLimit
}

// TooLargeError is a file refused for its size.
type TooLargeError struct {
	Name  string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than the limit of %s per evidence file", e.Name, model.HumanSize(e.Limit))
}

// scanned is what the first pass over a file found.
type scanned struct {
	sha  string
	size int64
	head []byte // the first bytes, for the media type
}

// scan hashes a file in chunks, refusing it beyond limit.
func scan(name string, r io.Reader, limit int64) (scanned, error) {
	h := sha256.New()
	var sc scanned
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if len(sc.head) < 512 {
				sc.head = append(sc.head, buf[:min(n, 512-len(sc.head))]...)
			}
			h.Write(buf[:n])
			sc.size += int64(n)
			if sc.size > limit {
				return sc, &TooLargeError{name, limit}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return sc, fmt.Errorf("%s cannot be read: %s", name, plainErr(err))
		}
	}
	sc.sha = hex.EncodeToString(h.Sum(nil))
	return sc, nil
}

// AddEvidence stores a file and links it to one requirement of one
// target, in one transaction recorded in the history (the file's hash,
// name, media type, size, who, when, caption and the session). A file
// whose bytes are already stored (the same sha256) is stored once and only
// linked. It returns the file's record and whether its bytes were new.
func (s *Store) AddEvidence(target, requirement string, f EvidenceFile) (model.Evidence, bool, error) {
	e := model.Evidence{Name: model.EvidenceName(f.Name), Caption: model.CleanText(strings.TrimSpace(f.Caption))}
	if s.readOnly {
		return e, false, ErrReadOnly
	}
	r, err := f.Open()
	if err != nil {
		return e, false, fmt.Errorf("%s cannot be read: %s", e.Name, plainErr(err))
	}
	sc, err := scan(e.Name, r, s.EvidenceLimit())
	r.Close()
	if err != nil {
		return e, false, err
	}
	e.SHA256, e.Size, e.MediaType = sc.sha, sc.size, model.MediaTypeOf(e.Name, sc.head)
	fresh := false
	session := s.CurrentSession()
	err = s.write(func(tx *sql.Tx, at int64) error {
		id, err := s.targetID(tx, target)
		if err != nil {
			return err
		}
		before, after := changeset{}, sessionNote(session)
		stored, err := s.evidenceRow(tx, e.SHA256)
		if err != nil {
			return err
		}
		if stored != nil {
			// Stored once: keep its record, and give it the caption if it
			// had none.
			e = *stored
			if e.Caption == "" && f.Caption != "" {
				e.Caption = model.CleanText(strings.TrimSpace(f.Caption))
				b, err := s.images(tx, "evidence", "sha256 = ?", e.SHA256)
				if err != nil {
					return err
				}
				if _, err := tx.Exec(`UPDATE evidence SET caption = ? WHERE sha256 = ?`, e.Caption, e.SHA256); err != nil {
					return err
				}
				a, err := s.images(tx, "evidence", "sha256 = ?", e.SHA256)
				if err != nil {
					return err
				}
				before.add("evidence", b...)
				after.add("evidence", a...)
			}
		} else {
			fresh = true
			e.AddedBy, e.AddedAt, e.Session = s.actor, time.UnixMilli(at).UTC(), session
			if _, err := tx.Exec(`INSERT INTO evidence (sha256, name, media_type, size, added_by, added_at, caption, session_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.SHA256, e.Name, e.MediaType, e.Size, e.AddedBy, at, e.Caption, nullID(session)); err != nil {
				return err
			}
			if err := s.storeChunks(tx, e, f.Open); err != nil {
				return err
			}
			a, err := s.images(tx, "evidence", "sha256 = ?", e.SHA256)
			if err != nil {
				return err
			}
			after.add("evidence", a...)
		}
		linked, err := s.link(tx, id, requirement, e.SHA256)
		if err != nil {
			return err
		}
		if linked == nil && !fresh && len(after["evidence"]) == 0 {
			return invalid("%s is already attached to %s %s", e.Name, target, requirement)
		}
		after.add("evidence_links", linked...)
		return s.record(tx, at, s.actor, "evidence", answerSubject(target, requirement), before, after)
	})
	if err != nil {
		return e, false, err
	}
	links, err := s.linksOf(e.SHA256)
	e.Links = links
	return e, fresh, err
}

// storeChunks reads the file a second time and stores it in chunks,
// checking it is still the file the first pass hashed.
func (s *Store) storeChunks(tx *sql.Tx, e model.Evidence, open func() (io.ReadCloser, error)) error {
	r, err := open()
	if err != nil {
		return fmt.Errorf("%s cannot be read: %s", e.Name, plainErr(err))
	}
	defer r.Close()
	return insertChunks(tx, e, r)
}

// insertChunks stores r as the bytes of e, chunk by chunk, and fails
// (naming the file) unless they hash to e.SHA256 with e.Size bytes: a
// file changed while it was read, or an altered bundle entry. The caller's
// transaction is then rolled back.
func insertChunks(tx *sql.Tx, e model.Evidence, r io.Reader) error {
	h := sha256.New()
	buf := make([]byte, model.EvidenceChunk)
	var size int64
	for seq := 0; ; seq++ {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			size += int64(n)
			if size > e.Size {
				return &BlobError{e.Name, e.SHA256, "has more bytes than the size recorded for it"}
			}
			h.Write(buf[:n])
			if _, err := tx.Exec(`INSERT INTO evidence_chunks (sha256, seq, data) VALUES (?, ?, ?)`, e.SHA256, seq, buf[:n]); err != nil {
				return err
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			var be *BlobError
			var named interface{ NamesEntry() }
			if errors.As(err, &be) || errors.As(err, &named) {
				return err // already says which file
			}
			return fmt.Errorf("%s cannot be read: %s", e.Name, plainErr(err))
		}
	}
	if size != e.Size || hex.EncodeToString(h.Sum(nil)) != e.SHA256 {
		return &BlobError{e.Name, e.SHA256, "does not match its sha256 (it changed while it was read, or was altered)"}
	}
	return nil
}

// BlobError is a file whose bytes do not match the hash recorded for it.
type BlobError struct {
	Name, SHA256, What string
}

func (e *BlobError) Error() string { return fmt.Sprintf("%s (sha256 %s) %s", e.Name, e.SHA256, e.What) }

// LinkEvidence links a stored file to one more requirement of a target.
func (s *Store) LinkEvidence(sha, target, requirement string) error {
	session := s.CurrentSession()
	return s.write(func(tx *sql.Tx, at int64) error {
		added, name, err := s.linkTx(tx, at, target, requirement, sha, session)
		if err == nil && !added {
			return invalid("%s is already attached to %s %s", name, target, requirement)
		}
		return err
	})
}

// linkTx links a stored file to a requirement of a target, with its
// history row; it reports whether the link is new, and the file's name.
func (s *Store) linkTx(tx *sql.Tx, at int64, target, requirement, sha string, session int64) (bool, string, error) {
	stored, err := s.evidenceRow(tx, sha)
	if err != nil {
		return false, "", err
	}
	if stored == nil {
		return false, "", invalid("no evidence file with sha256 %s", sha)
	}
	id, err := s.targetID(tx, target)
	if err != nil {
		return false, stored.Name, err
	}
	linked, err := s.link(tx, id, requirement, sha)
	if err != nil || linked == nil {
		return false, stored.Name, err
	}
	return true, stored.Name, s.record(tx, at, s.actor, "evidence", answerSubject(target, requirement), nil,
		sessionNote(session).add("evidence_links", linked...))
}

// link adds a link row and returns its image (nil when it existed).
func (s *Store) link(tx *sql.Tx, targetID int64, requirement, sha string) ([]rowImage, error) {
	res, err := tx.Exec(`INSERT INTO evidence_links (target_id, requirement, sha256) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, targetID, requirement, sha)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, nil
	}
	return s.images(tx, "evidence_links", "target_id = ? AND requirement = ? AND sha256 = ?", targetID, requirement, sha)
}

// UnlinkEvidence removes a file's link to one requirement of a target.
// When that was the file's last link, deleteBytes says whether the file
// goes too (its bytes deleted; the history keeps its hash and verify then
// expects the bytes absent) or stays, unlinked. It reports whether the
// file is left without a link.
func (s *Store) UnlinkEvidence(sha, target, requirement string, deleteBytes bool) (orphan bool, err error) {
	session := s.CurrentSession()
	err = s.write(func(tx *sql.Tx, at int64) error {
		id, err := s.targetID(tx, target)
		if err != nil {
			return err
		}
		before, err := s.images(tx, "evidence_links", "target_id = ? AND requirement = ? AND sha256 = ?", id, requirement, sha)
		if err != nil {
			return err
		}
		if len(before) == 0 {
			return invalid("that file is not attached to %s %s", target, requirement)
		}
		if _, err := tx.Exec(`DELETE FROM evidence_links WHERE target_id = ? AND requirement = ? AND sha256 = ?`, id, requirement, sha); err != nil {
			return err
		}
		var left int
		if err := tx.QueryRow(`SELECT count(*) FROM evidence_links WHERE sha256 = ?`, sha).Scan(&left); err != nil {
			return err
		}
		old := changeset{}.add("evidence_links", before...)
		if left == 0 && deleteBytes {
			gone, err := s.deleteFile(tx, sha)
			if err != nil {
				return err
			}
			old.merge(gone)
		}
		orphan = left == 0 && !deleteBytes
		return s.record(tx, at, s.actor, "evidence", answerSubject(target, requirement), old, sessionNote(session))
	})
	return orphan, err
}

// DeleteEvidence deletes a file: its bytes, its record and every link. The
// history keeps the row that added it, hash included.
func (s *Store) DeleteEvidence(sha string) error {
	session := s.CurrentSession()
	return s.write(func(tx *sql.Tx, at int64) error {
		links, err := s.images(tx, "evidence_links", "sha256 = ? ORDER BY target_id, requirement", sha)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM evidence_links WHERE sha256 = ?`, sha); err != nil {
			return err
		}
		gone, err := s.deleteFile(tx, sha)
		if err != nil {
			return err
		}
		if len(gone["evidence"]) == 0 {
			return invalid("no evidence file with sha256 %s", sha)
		}
		return s.record(tx, at, s.actor, "evidence.delete", sha, changeset{}.add("evidence_links", links...).merge(gone), sessionNote(session))
	})
}

// deleteFile removes a file's record and bytes and returns the record's
// image.
func (s *Store) deleteFile(tx *sql.Tx, sha string) (changeset, error) {
	rec, err := s.images(tx, "evidence", "sha256 = ?", sha)
	if err != nil {
		return nil, err
	}
	if _, err := tx.Exec(`DELETE FROM evidence_chunks WHERE sha256 = ?`, sha); err != nil {
		return nil, err
	}
	if _, err := tx.Exec(`DELETE FROM evidence WHERE sha256 = ?`, sha); err != nil {
		return nil, err
	}
	return changeset{}.add("evidence", rec...), nil
}

// evidenceRow reads a file's record (nil when there is none).
func (s *Store) evidenceRow(q querier, sha string) (*model.Evidence, error) {
	var e model.Evidence
	var at int64
	var session sql.NullInt64
	err := q.QueryRow(`SELECT sha256, name, media_type, size, added_by, added_at, caption, session_id FROM evidence WHERE sha256 = ?`, sha).
		Scan(&e.SHA256, &e.Name, &e.MediaType, &e.Size, &e.AddedBy, &at, &e.Caption, &session)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	e.AddedAt, e.Session = time.UnixMilli(at).UTC(), session.Int64
	return &e, nil
}

// linksOf lists a file's links.
func (s *Store) linksOf(sha string) ([]model.EvidenceLink, error) {
	rows, err := s.db.Query(`SELECT t.key, l.requirement FROM evidence_links l JOIN targets t ON t.id = l.target_id
		WHERE l.sha256 = ? ORDER BY t.key, l.requirement`, sha)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.EvidenceLink
	for rows.Next() {
		var l model.EvidenceLink
		if err := rows.Scan(&l.Target, &l.Requirement); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// loadEvidence reads every file's record and links; never a byte of a
// file.
func loadEvidence(db *sql.DB, a *model.Assessment) error {
	rows, err := db.Query(`SELECT sha256, name, media_type, size, added_by, added_at, caption, session_id
		FROM evidence ORDER BY name, sha256`)
	if err != nil {
		return err
	}
	index := map[string]int{}
	for rows.Next() {
		var e model.Evidence
		var at int64
		var session sql.NullInt64
		if err := rows.Scan(&e.SHA256, &e.Name, &e.MediaType, &e.Size, &e.AddedBy, &at, &e.Caption, &session); err != nil {
			rows.Close()
			return err
		}
		e.AddedAt, e.Session = time.UnixMilli(at).UTC(), session.Int64
		index[e.SHA256] = len(a.Evidence)
		a.Evidence = append(a.Evidence, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = db.Query(`SELECT l.sha256, t.key, l.requirement FROM evidence_links l JOIN targets t ON t.id = l.target_id
		ORDER BY t.key, l.requirement`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sha string
		var l model.EvidenceLink
		if err := rows.Scan(&sha, &l.Target, &l.Requirement); err != nil {
			return err
		}
		if i, ok := index[sha]; ok {
			a.Evidence[i].Links = append(a.Evidence[i].Links, l)
		}
	}
	return rows.Err()
}

// OpenEvidence returns a file's record and a reader of its bytes, which
// reads one chunk at a time and fails at the end (naming the file) unless
// the bytes match the recorded sha256 and size: a file altered behind
// Slate's back is never handed out as if it were the one recorded.
func (s *Store) OpenEvidence(sha string) (model.Evidence, io.ReadCloser, error) {
	e, err := s.evidenceRow(s.db, sha)
	if err != nil {
		return model.Evidence{}, nil, err
	}
	if e == nil {
		return model.Evidence{}, nil, fmt.Errorf("no evidence file with sha256 %s in %s", sha, s.path)
	}
	return *e, &chunkReader{db: s.db, e: *e, h: sha256.New()}, nil
}

// chunkReader streams a file's chunks in order.
type chunkReader struct {
	db *sql.DB
	e  model.Evidence
	h  interface {
		io.Writer
		Sum([]byte) []byte
	}
	seq  int
	buf  []byte
	read int64
	done bool
}

func (c *chunkReader) Read(p []byte) (int, error) {
	for len(c.buf) == 0 {
		if c.done {
			return 0, io.EOF
		}
		var data []byte
		err := c.db.QueryRow(`SELECT data FROM evidence_chunks WHERE sha256 = ? AND seq = ?`, c.e.SHA256, c.seq).Scan(&data)
		if errors.Is(err, sql.ErrNoRows) {
			c.done = true
			if c.read != c.e.Size || hex.EncodeToString(c.h.Sum(nil)) != c.e.SHA256 {
				return 0, &BlobError{c.e.Name, c.e.SHA256, "does not match the bytes stored for it: the file was changed outside Slate (slate verify shows it)"}
			}
			return 0, io.EOF
		}
		if err != nil {
			return 0, fmt.Errorf("reading %s: %s", c.e.Name, sqliteReason(err))
		}
		c.seq++
		c.read += int64(len(data))
		c.h.Write(data)
		c.buf = data
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
}

func (c *chunkReader) Close() error { c.done, c.buf = true, nil; return nil }
