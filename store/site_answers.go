package store

import (
	"database/sql"
	"fmt"
	"time"

	"slate/model"
)

// SaveSiteAnswer records the answer to one of the catalog's site questions
// (a.Requirement holds the question id, e.g. "SITE 1") in the current
// interview session: one transaction with its history row. As for the
// answers of zones and conduits, the answer's time and session change only
// with its status. Saving an unchanged answer writes nothing. The caller
// checks the id against the catalog; the store does not read catalogs.
func (s *Store) SaveSiteAnswer(a model.Answer) (model.Answer, error) {
	return s.saveOne(a, func(tx *sql.Tx, at, session int64, a model.Answer) (model.Answer, error) {
		return s.saveSiteAnswerTx(tx, at, 0, session, a)
	})
}

// saveSiteAnswerTx writes a site answer with its history row stamped at.
// updated is the answer's own time when an import gives it (0: at, or the
// stored time when the status does not change).
func (s *Store) saveSiteAnswerTx(tx *sql.Tx, at, updated, session int64, a model.Answer) (model.Answer, error) {
	row := rowOf(a)
	before, err := s.images(tx, "site_answers", "question = ?", a.Requirement)
	if err != nil {
		return a, err
	}
	a.Note, a.Justification, a.Assessor = row.Note, row.Justification, row.Assessor
	when, in := at, session
	if updated != 0 {
		when, in = updated, a.Session
	}
	if len(before) == 1 {
		var cur answerRow
		var curAt int64
		var curSession sql.NullInt64
		if err := tx.QueryRow(`SELECT status, note, justification, method, assessor, flagged, session_id, updated_at
			FROM site_answers WHERE question = ?`, a.Requirement).
			Scan(&cur.Status, &cur.Note, &cur.Justification, &cur.Method, &cur.Assessor, &cur.Flagged, &curSession, &curAt); err != nil {
			return a, err
		}
		if cur == row {
			a.UpdatedAt, a.Session = time.UnixMilli(curAt).UTC(), curSession.Int64
			return a, errUnchanged
		}
		if cur.Status == row.Status && updated == 0 {
			when, in = curAt, curSession.Int64
		}
	} else if row.empty() {
		return a, errUnchanged
	}
	var after []rowImage
	if row.empty() {
		_, err = tx.Exec(`DELETE FROM site_answers WHERE question = ?`, a.Requirement)
	} else {
		_, err = tx.Exec(`INSERT INTO site_answers (question, status, note, justification, method, session_id, assessor,
			flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (question) DO UPDATE SET status = excluded.status, note = excluded.note,
			justification = excluded.justification, method = excluded.method, session_id = excluded.session_id,
			assessor = excluded.assessor, flagged = excluded.flagged, updated_at = excluded.updated_at`,
			a.Requirement, row.Status, row.Note, row.Justification, row.Method, nullID(in), row.Assessor, row.Flagged, when)
		if err == nil {
			after, err = s.images(tx, "site_answers", "question = ?", a.Requirement)
		}
	}
	if err != nil {
		return a, err
	}
	a.UpdatedAt, a.Session = time.UnixMilli(when).UTC(), in
	return a, s.record(tx, at, s.actorFor(a.Assessor), "site.answer", a.Requirement,
		changeset{"site_answers": before}, sessionNote(session).add("site_answers", after...))
}

func loadSiteAnswers(db *sql.DB, a *model.Assessment) error {
	rows, err := db.Query(`SELECT question, status, note, justification, method, session_id, assessor, flagged, updated_at
		FROM site_answers ORDER BY question`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ans model.Answer
		var status, method string
		var session sql.NullInt64
		var at int64
		if err := rows.Scan(&ans.Requirement, &status, &ans.Note, &ans.Justification, &method, &session,
			&ans.Assessor, &ans.Flagged, &at); err != nil {
			return err
		}
		ans.Status = model.Status(status)
		if !ans.Status.Valid() {
			return crafted(fmt.Sprintf("the answer to %q", ans.Requirement), fmt.Errorf("status %q is not one Slate writes", status))
		}
		if ans.Method, err = model.ParseMethod(method); err != nil {
			return crafted(fmt.Sprintf("the answer to %q", ans.Requirement), err)
		}
		ans.Session = session.Int64
		ans.UpdatedAt = time.UnixMilli(at).UTC()
		if a.SiteAnswers == nil {
			a.SiteAnswers = model.Answers{}
		}
		a.SiteAnswers[ans.Requirement] = ans
	}
	return rows.Err()
}
