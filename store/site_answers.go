package store

import (
	"database/sql"
	"fmt"
	"time"

	"slate/model"
)

// SaveSiteAnswer records the answer to one of the catalog's site questions
// (a.Requirement holds the question id, e.g. "SITE 1"): one transaction with
// its history row. Saving an unchanged answer writes nothing. The caller
// checks the id against the catalog; the store does not read catalogs.
func (s *Store) SaveSiteAnswer(a model.Answer) (model.Answer, error) {
	a.Status = a.Status.Norm()
	if err := a.Validate(); err != nil {
		return a, invalid("%s", err)
	}
	if !a.Status.NeedsJustification() {
		a.Justification = ""
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		saved, err := s.saveSiteAnswerTx(tx, at, at, a)
		a = saved
		return err
	})
	if err == errUnchanged {
		return a, nil
	}
	return a, err
}

// saveSiteAnswerTx writes a site answer changed at updated (an import takes
// it from the document) with its history row stamped at.
func (s *Store) saveSiteAnswerTx(tx *sql.Tx, at, updated int64, a model.Answer) (model.Answer, error) {
	row := rowOf(a)
	before, err := s.images(tx, "site_answers", "question = ?", a.Requirement)
	if err != nil {
		return a, err
	}
	a.Note, a.Justification, a.Interviewee, a.Assessor = row.Note, row.Justification, row.Interviewee, row.Assessor
	if len(before) == 1 {
		var cur answerRow
		var curAt int64
		if err := tx.QueryRow(`SELECT status, note, justification, interviewee, assessor, flagged, updated_at
			FROM site_answers WHERE question = ?`, a.Requirement).
			Scan(&cur.Status, &cur.Note, &cur.Justification, &cur.Interviewee, &cur.Assessor, &cur.Flagged, &curAt); err != nil {
			return a, err
		}
		if cur == row {
			a.UpdatedAt = time.UnixMilli(curAt).UTC()
			return a, errUnchanged
		}
	} else if row.empty() {
		return a, errUnchanged
	}
	var after []rowImage
	if row.empty() {
		_, err = tx.Exec(`DELETE FROM site_answers WHERE question = ?`, a.Requirement)
	} else {
		_, err = tx.Exec(`INSERT INTO site_answers (question, status, note, justification, interviewee, assessor,
			flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (question) DO UPDATE SET status = excluded.status, note = excluded.note,
			justification = excluded.justification, interviewee = excluded.interviewee,
			assessor = excluded.assessor, flagged = excluded.flagged, updated_at = excluded.updated_at`,
			a.Requirement, row.Status, row.Note, row.Justification, row.Interviewee, row.Assessor, row.Flagged, updated)
		if err == nil {
			after, err = s.images(tx, "site_answers", "question = ?", a.Requirement)
		}
	}
	if err != nil {
		return a, err
	}
	a.UpdatedAt = time.UnixMilli(updated).UTC()
	return a, s.record(tx, at, s.actorFor(a.Assessor), "site.answer", a.Requirement,
		changeset{"site_answers": before}, changeset{"site_answers": after})
}

func loadSiteAnswers(db *sql.DB, a *model.Assessment) error {
	rows, err := db.Query(`SELECT question, status, note, justification, interviewee, assessor, flagged, updated_at
		FROM site_answers ORDER BY question`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ans model.Answer
		var status string
		var at int64
		if err := rows.Scan(&ans.Requirement, &status, &ans.Note, &ans.Justification, &ans.Interviewee,
			&ans.Assessor, &ans.Flagged, &at); err != nil {
			return err
		}
		ans.Status = model.Status(status)
		if !ans.Status.Valid() {
			return crafted(fmt.Sprintf("the answer to %q", ans.Requirement), fmt.Errorf("status %q is not one Slate writes", status))
		}
		ans.UpdatedAt = time.UnixMilli(at).UTC()
		if a.SiteAnswers == nil {
			a.SiteAnswers = model.Answers{}
		}
		a.SiteAnswers[ans.Requirement] = ans
	}
	return rows.Err()
}
