package store

import (
	"database/sql"
	"errors"

	"slate/model"
)

// BatchAnswer is one answer of a SaveAnswers batch: the answer of one
// target, with what to link to it. The interview uses batches to copy an
// answer to other zones and conduits, and to mark an SR's enhancements not
// applicable with the SR.
type BatchAnswer struct {
	Target string
	Answer model.Answer
	// Evidence lists the sha256 of stored files to link to the answer's
	// requirement of Target; a link that is there already stays as it is.
	Evidence []string
	// Countermeasure links a compensating answer to that recorded
	// countermeasure, supporting SL. 0 leaves the rule of every
	// compensating answer: one without a link gets a countermeasure made of
	// its own text, sitting on its own target.
	Countermeasure int64
	SL             model.Level
}

// BatchSaved is what SaveAnswers committed.
type BatchSaved struct {
	// Answers holds each answer of the batch as saved, in batch order.
	Answers []model.Answer
	// Links holds the evidence links the batch added, by file sha256.
	Links map[string][]model.EvidenceLink
	// Countermeasures are those the batch's compensating answers rely on
	// now, each with all its links.
	Countermeasures []model.Countermeasure
}

// SaveAnswers records a batch of answers in one transaction: all of them or
// none. Each answer is written as SaveAnswer writes it, with its own
// history row, the time of the save when its status changes and the
// current interview session; each evidence link and countermeasure link
// has its history row as when made one at a time.
func (s *Store) SaveAnswers(batch []BatchAnswer) (BatchSaved, error) {
	out := BatchSaved{Answers: make([]model.Answer, len(batch)), Links: map[string][]model.EvidenceLink{}}
	for i := range batch {
		a, err := normalAnswer(batch[i].Answer)
		if err != nil {
			return out, invalid("%s of %s: %s", a.Requirement, batch[i].Target, err)
		}
		batch[i].Answer = a
		if !batch[i].SL.Valid() {
			return out, invalid("level %d is not in 0..4", batch[i].SL)
		}
	}
	session := s.CurrentSession()
	err := s.write(func(tx *sql.Tx, at int64) error {
		cms := map[int64]bool{}
		for i, b := range batch {
			saved, err := s.saveBatchAnswer(tx, at, b, session)
			if err != nil {
				return err
			}
			out.Answers[i] = saved
			for _, sha := range b.Evidence {
				added, _, err := s.linkTx(tx, at, b.Target, saved.Requirement, sha, session)
				if err != nil {
					return err
				}
				if added {
					out.Links[sha] = append(out.Links[sha], model.EvidenceLink{Target: b.Target, Requirement: saved.Requirement})
				}
			}
			if saved.Status != model.Compensating {
				continue
			}
			var id int64
			if err := tx.QueryRow(`SELECT countermeasure FROM countermeasure_links WHERE `+linkWhere, b.Target, saved.Requirement).Scan(&id); err != nil {
				return err
			}
			cms[id] = true
		}
		for id := range cms {
			cm, err := s.countermeasureTx(tx, id)
			if err != nil {
				return err
			}
			out.Countermeasures = append(out.Countermeasures, cm)
		}
		return nil
	})
	return out, err
}

// saveBatchAnswer writes one answer of a batch, its countermeasure link
// first when it names one (the answer then finds it and makes no
// countermeasure of its own text).
func (s *Store) saveBatchAnswer(tx *sql.Tx, at int64, b BatchAnswer, session int64) (model.Answer, error) {
	if b.Countermeasure != 0 && b.Answer.Status == model.Compensating {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM countermeasures WHERE id = ?`, b.Countermeasure).Scan(&n); err != nil {
			return b.Answer, err
		}
		if n == 0 {
			return b.Answer, invalid("no countermeasure %d", b.Countermeasure)
		}
		link := model.CountermeasureLink{Target: b.Target, Requirement: b.Answer.Requirement, SL: b.SL}
		if err := s.putLink(tx, at, b.Countermeasure, link); err != nil {
			return b.Answer, err
		}
	}
	saved, err := s.saveAnswerTx(tx, at, b.Target, b.Answer, session)
	if errors.Is(err, errUnchanged) {
		err = nil
	}
	return saved, err
}

// countermeasureTx reads one countermeasure with its links.
func (s *Store) countermeasureTx(tx *sql.Tx, id int64) (model.Countermeasure, error) {
	c := model.Countermeasure{ID: id}
	err := tx.QueryRow(`SELECT control, target, approved_by, approved_role, review FROM countermeasures WHERE id = ?`, id).
		Scan(&c.Control, &c.Target, &c.ApprovedBy.Name, &c.ApprovedBy.Role, &c.Review)
	if err != nil {
		return c, err
	}
	c.Links, err = s.countermeasureLinks(tx, id)
	return c, err
}
