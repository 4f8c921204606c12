package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"slate/model"
)

// answerRow is what an answer's row says, apart from its time and
// session (which follow the status: see SaveAnswer).
type answerRow struct {
	Status        string
	Note          string
	Justification string
	Method        string
	Assessor      string
	Flagged       bool
}

// rowOf is the stored form of an answer; free text is cleaned of control
// characters and escape sequences on the way in.
func rowOf(a model.Answer) answerRow {
	return answerRow{string(a.Status.Norm()), model.CleanText(a.Note), model.CleanText(a.Justification),
		string(a.Method), strings.TrimSpace(model.CleanLine(a.Assessor)), a.Flagged}
}

// empty reports whether the row carries nothing worth keeping.
func (r answerRow) empty() bool {
	return r.Status == string(model.Unanswered) && r.Note == "" && r.Justification == "" && r.Method == "" && !r.Flagged
}

// SaveAnswer records an answer of one target in one committed transaction,
// with a history row holding the row before and after. The answer's time
// and session are those of its latest status change: a change of status
// (or a new answer) takes the time of the save and the current interview
// session; a note, flag or method edit keeps both, and its own time and
// session are in the history row only. The returned answer carries what
// was saved. Saving an unchanged answer writes nothing.
func (s *Store) SaveAnswer(targetKey string, a model.Answer) (model.Answer, error) {
	return s.saveOne(a, func(tx *sql.Tx, at, session int64, a model.Answer) (model.Answer, error) {
		return s.saveAnswerTx(tx, at, targetKey, a, session)
	})
}

// saveOne checks and normalises one answer (normalAnswer), then saves it
// with save in one transaction in the current interview session; an
// unchanged answer is no error. SaveAnswer and SaveSiteAnswer share it.
func (s *Store) saveOne(a model.Answer, save func(tx *sql.Tx, at, session int64, a model.Answer) (model.Answer, error)) (model.Answer, error) {
	a, err := normalAnswer(a)
	if err != nil {
		return a, invalid("%s", err)
	}
	session := s.CurrentSession()
	err = s.write(func(tx *sql.Tx, at int64) error {
		saved, err := save(tx, at, session, a)
		a = saved
		return err
	})
	if errors.Is(err, errUnchanged) {
		return a, nil
	}
	return a, err
}

// normalAnswer is an answer as stored: its status normalised, checked,
// and without a justification its status does not call for.
func normalAnswer(a model.Answer) (model.Answer, error) {
	a.Status = a.Status.Norm()
	if err := a.Validate(); err != nil {
		return a, err
	}
	if !a.Status.NeedsJustification() {
		a.Justification = ""
	}
	return a, nil
}

// saveAnswerTx is SaveAnswer inside a transaction, in interview session
// (0: none); it returns errUnchanged (with the stored answer) when there is
// nothing to record. An answer's time and session change only with its
// status: a note, flag or method edit keeps them (the history row says
// when and in which session the edit was made).
func (s *Store) saveAnswerTx(tx *sql.Tx, at int64, targetKey string, a model.Answer, session int64) (model.Answer, error) {
	id, err := s.targetID(tx, targetKey)
	if err != nil {
		return a, err
	}
	var old answerRow
	var hadOld bool
	var oldAt int64
	var oldSession sql.NullInt64
	err = s.queryRow(tx, sqlSelectAnswer, id, a.Requirement).
		Scan(&old.Status, &old.Note, &old.Justification, &old.Method, &old.Assessor, &old.Flagged, &oldSession, &oldAt)
	switch {
	case err == nil:
		hadOld = true
	case !errors.Is(err, sql.ErrNoRows):
		return a, err
	}
	row := rowOf(a)
	if hadOld && old == row || !hadOld && row.empty() {
		a.Note, a.Justification, a.Assessor = row.Note, row.Justification, row.Assessor
		a.UpdatedAt, a.Session = time.Time{}, 0
		if hadOld {
			a.UpdatedAt, a.Session = time.UnixMilli(oldAt).UTC(), oldSession.Int64
		}
		return a, errUnchanged
	}
	when, in := at, session
	if hadOld && old.Status == row.Status {
		when, in = oldAt, oldSession.Int64
	}
	before, after := "null", sessionNote(session).text()
	if hadOld {
		before = answerImageOf(id, a.Requirement, old, oldSession.Int64, oldAt).text(0)
	}
	if row.empty() {
		_, err = s.exec(tx, sqlDeleteAnswer, id, a.Requirement)
	} else {
		_, err = s.exec(tx, sqlUpsertAnswer,
			id, a.Requirement, row.Status, row.Note, row.Justification, row.Method, nullID(in),
			row.Assessor, row.Flagged, when)
		after = answerImageOf(id, a.Requirement, row, in, when).text(session)
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
	a.Note, a.Justification, a.Assessor = row.Note, row.Justification, row.Assessor
	a.UpdatedAt, a.Session = time.UnixMilli(when).UTC(), in
	was := model.Unanswered
	if hadOld {
		was = model.Status(old.Status)
	}
	if was == model.Compensating || a.Status == model.Compensating {
		return a, s.followCompensating(tx, at, targetKey, a, was)
	}
	return a, nil
}

// nullID stores an id, 0 as NULL (no session).
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// answerImage is an answers row as stored, built without reading it back:
// saving an answer is the interview's hot path. Its JSON is that of the
// row's generic image (columns in name order); a test holds them equal.
type answerImage struct {
	Assessor      string `json:"assessor"`
	Flagged       int64  `json:"flagged"`
	Justification string `json:"justification"`
	Method        string `json:"method"`
	Note          string `json:"note"`
	Requirement   string `json:"requirement"`
	SessionID     *int64 `json:"session_id"`
	Status        string `json:"status"`
	TargetID      int64  `json:"target_id"`
	UpdatedAt     int64  `json:"updated_at"`
}

func answerImageOf(targetID int64, req string, r answerRow, session, at int64) answerImage {
	var flagged int64
	if r.Flagged {
		flagged = 1
	}
	var sid *int64
	if session != 0 {
		sid = &session
	}
	return answerImage{r.Assessor, flagged, r.Justification, r.Method, r.Note, req, sid, r.Status, targetID, at}
}

// text is the changeset of this one row, as changeset.text writes it,
// with the session note of the change when one is given.
func (a answerImage) text(session int64) string {
	v := map[string]any{"answers": []answerImage{a}}
	if session != 0 {
		v[noteSession] = []rowImage{{"id": session}}
	}
	b, err := json.Marshal(v)
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
