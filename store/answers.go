package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"slate/model"
)

// answerRow is an answers row as stored.
type answerRow struct {
	Status        string
	Note          string
	Justification string
	Interviewee   string
	Assessor      string
	Flagged       bool
}

// rowOf is the stored form of an answer; free text is cleaned of control
// characters and escape sequences on the way in.
func rowOf(a model.Answer) answerRow {
	return answerRow{string(a.Status.Norm()), model.CleanText(a.Note), model.CleanText(a.Justification),
		strings.TrimSpace(model.CleanLine(a.Interviewee)), strings.TrimSpace(model.CleanLine(a.Assessor)), a.Flagged}
}

// empty reports whether the row carries nothing worth keeping.
func (r answerRow) empty() bool {
	return r.Status == string(model.Unanswered) && r.Note == "" && r.Justification == "" && !r.Flagged
}

// SaveAnswer records an answer of one target in one committed transaction,
// with an audit row holding the previous and the new state. The returned
// answer carries its saved time. Saving an unchanged answer writes nothing.
func (s *Store) SaveAnswer(targetKey string, a model.Answer) (model.Answer, error) {
	a.Status = a.Status.Norm()
	if err := a.Validate(); err != nil {
		return a, invalid("%s", err)
	}
	if !a.Status.NeedsJustification() {
		a.Justification = ""
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		saved, err := s.saveAnswerTx(tx, at, targetKey, a)
		a = saved
		return err
	})
	if errors.Is(err, errUnchanged) {
		return a, nil
	}
	return a, err
}

// saveAnswerTx is SaveAnswer inside a transaction; it returns errUnchanged
// (with the stored answer) when there is nothing to record.
func (s *Store) saveAnswerTx(tx *sql.Tx, at int64, targetKey string, a model.Answer) (model.Answer, error) {
	id, err := s.targetID(tx, targetKey)
	if err != nil {
		return a, err
	}
	var old answerRow
	var hadOld bool
	var oldAt int64
	err = s.queryRow(tx, sqlSelectAnswer, id, a.Requirement).
		Scan(&old.Status, &old.Note, &old.Justification, &old.Interviewee, &old.Assessor, &old.Flagged, &oldAt)
	switch {
	case err == nil:
		hadOld = true
	case !errors.Is(err, sql.ErrNoRows):
		return a, err
	}
	row := rowOf(a)
	if hadOld && old == row || !hadOld && row.empty() {
		a.Note, a.Justification, a.Interviewee, a.Assessor = row.Note, row.Justification, row.Interviewee, row.Assessor
		a.UpdatedAt = time.Time{}
		if hadOld {
			a.UpdatedAt = time.UnixMilli(oldAt).UTC()
		}
		return a, errUnchanged
	}
	before, after := "null", "null"
	if hadOld {
		before = answerImageOf(id, a.Requirement, old, oldAt).text()
	}
	if row.empty() {
		_, err = s.exec(tx, sqlDeleteAnswer, id, a.Requirement)
	} else {
		_, err = s.exec(tx, sqlUpsertAnswer,
			id, a.Requirement, row.Status, row.Note, row.Justification, row.Interviewee,
			row.Assessor, row.Flagged, at)
		after = answerImageOf(id, a.Requirement, row, at).text()
	}
	if err != nil {
		return a, err
	}
	if err := s.touch(tx, at); err != nil {
		return a, err
	}
	if err := s.appendAudit(tx, at, s.actorFor(a.Assessor), "answer", answerSubject(targetKey, a.Requirement), before, after); err != nil {
		return a, err
	}
	a.Note, a.Justification, a.Interviewee, a.Assessor = row.Note, row.Justification, row.Interviewee, row.Assessor
	a.UpdatedAt = time.UnixMilli(at).UTC()
	was := model.Unanswered
	if hadOld {
		was = model.Status(old.Status)
	}
	if was == model.Compensating || a.Status == model.Compensating {
		return a, s.followCompensating(tx, at, targetKey, a, was)
	}
	return a, nil
}

// answerImage is an answers row as stored, built without reading it back:
// saving an answer is the interview's hot path. Its JSON is that of the
// row's generic image (columns in name order); a test holds them equal.
type answerImage struct {
	Assessor      string `json:"assessor"`
	Flagged       int64  `json:"flagged"`
	Interviewee   string `json:"interviewee"`
	Justification string `json:"justification"`
	Note          string `json:"note"`
	Requirement   string `json:"requirement"`
	Status        string `json:"status"`
	TargetID      int64  `json:"target_id"`
	UpdatedAt     int64  `json:"updated_at"`
}

func answerImageOf(targetID int64, req string, r answerRow, at int64) answerImage {
	var flagged int64
	if r.Flagged {
		flagged = 1
	}
	return answerImage{r.Assessor, flagged, r.Interviewee, r.Justification, r.Note, req, r.Status, targetID, at}
}

// text is the changeset of this one row, as changeset.text writes it.
func (a answerImage) text() string {
	b, err := json.Marshal(map[string][]answerImage{"answers": {a}})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// answerKey selects one answer row.
const answerKey = `target_id = ? AND requirement = ?`

// errUnchanged aborts a transaction that would record nothing new.
var errUnchanged = errors.New("unchanged")

func (s *Store) actorFor(name string) string {
	if name != "" {
		return name
	}
	return s.actor
}
