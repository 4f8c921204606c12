package store

import (
	"database/sql"
	"fmt"
	"io"

	"slate/model"
)

// BlobSource hands the bytes of the evidence files of an assessment being
// created or imported: a bundle's evidence/<sha256> entries. The store
// checks every file against its recorded sha256 and size while it reads.
type BlobSource interface {
	OpenBlob(e model.Evidence) (io.ReadCloser, error)
}

// insertSessions writes the sessions of a new assessment with their ids
// (the answers and files refer to them).
func (s *Store) insertSessions(tx *sql.Tx, at int64, sessions []model.Session) error {
	for _, ss := range sessions {
		if ss.ID <= 0 {
			return invalid("interview session %q has no id", ss.Label())
		}
		if err := cleanSession(&ss); err != nil {
			return err
		}
		if err := s.insertSession(tx, at, &ss); err != nil {
			return err
		}
	}
	return nil
}

// insertEvidence writes the files of a new assessment: each record with
// its bytes from blobs, then its links, each recorded in the history as
// adding and linking a file does.
func (s *Store) insertEvidence(tx *sql.Tx, at int64, files []model.Evidence, blobs BlobSource) error {
	for _, e := range files {
		if !model.ValidSHA256(e.SHA256) {
			return invalid("evidence %q: %q is not a sha256", e.Name, e.SHA256)
		}
		if e.Size > s.EvidenceLimit() {
			return &TooLargeError{e.Name, s.EvidenceLimit()}
		}
		if blobs == nil {
			return invalid("the bytes of evidence %s are not available", e.Name)
		}
		added := at
		if !e.AddedAt.IsZero() {
			added = e.AddedAt.UnixMilli()
		}
		if _, err := tx.Exec(`INSERT INTO evidence (sha256, name, media_type, size, added_by, added_at, caption, session_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.SHA256, model.EvidenceName(e.Name), e.MediaType, e.Size, e.AddedBy, added,
			model.CleanText(e.Caption), nullID(e.Session)); err != nil {
			return fmt.Errorf("evidence %s: %w", e.Name, err)
		}
		r, err := blobs.OpenBlob(e)
		if err != nil {
			return err
		}
		err = insertChunks(tx, e, r)
		r.Close()
		if err != nil {
			return err
		}
		after, err := s.images(tx, "evidence", "sha256 = ?", e.SHA256)
		if err != nil {
			return err
		}
		rec := changeset{"evidence": after}
		subject := e.SHA256
		for i, l := range e.Links {
			id, err := s.targetID(tx, l.Target)
			if err != nil {
				return err
			}
			linked, err := s.link(tx, id, l.Requirement, e.SHA256)
			if err != nil {
				return err
			}
			if i == 0 {
				// The file and its first link in one row, as when it was added.
				rec.add("evidence_links", linked...)
				subject = answerSubject(l.Target, l.Requirement)
				if err := s.record(tx, at, s.actorFor(e.AddedBy), "evidence", subject, nil, rec); err != nil {
					return err
				}
				continue
			}
			if err := s.record(tx, at, s.actorFor(e.AddedBy), "evidence", answerSubject(l.Target, l.Requirement), nil,
				changeset{"evidence_links": linked}); err != nil {
				return err
			}
		}
		if len(e.Links) == 0 {
			if err := s.record(tx, at, s.actorFor(e.AddedBy), "evidence", subject, nil, rec); err != nil {
				return err
			}
		}
	}
	return nil
}
