package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"slate/model"
)

// Compensating countermeasures are records of their own (migrate6): every
// compensating answer is linked to exactly one, and a countermeasure may
// carry several answers. The store keeps that invariant whatever path an
// answer takes: an answer turned compensating without a countermeasure gets
// one made of its own text on its own target, and an answer that stops
// being compensating loses its link (the countermeasure stays, with its
// approval, until the assessor deletes it).

func cleanCountermeasure(c *model.Countermeasure) error {
	c.Control = model.CleanText(c.Control)
	c.Target = strings.TrimSpace(c.Target)
	c.ApprovedBy.Name = strings.TrimSpace(model.CleanLine(c.ApprovedBy.Name))
	c.ApprovedBy.Role = strings.TrimSpace(model.CleanLine(c.ApprovedBy.Role))
	c.Review = strings.TrimSpace(c.Review)
	if err := c.Validate(); err != nil {
		return invalid("%s", err)
	}
	return nil
}

// SaveCompensating records a compensating answer together with the
// countermeasure it relies on (a new one when cm.ID is 0) and the level it
// supports, in one transaction. The answer's justification says why the
// countermeasure meets the requirement's intent. It returns the saved
// answer and countermeasure.
func (s *Store) SaveCompensating(targetKey string, a model.Answer, cm model.Countermeasure, sl model.Level) (model.Answer, model.Countermeasure, error) {
	a.Status = model.Compensating
	if err := a.Validate(); err != nil {
		return a, cm, invalid("%s", err)
	}
	if !sl.Valid() {
		return a, cm, invalid("level %d is not in 0..4", sl)
	}
	cm.Links = nil
	if err := cleanCountermeasure(&cm); err != nil {
		return a, cm, err
	}
	session := s.CurrentSession()
	err := s.write(func(tx *sql.Tx, at int64) error {
		if err := s.putCountermeasure(tx, at, &cm); err != nil {
			return err
		}
		// The link first: the answer then finds it and makes no
		// countermeasure of its own text.
		link := model.CountermeasureLink{Target: targetKey, Requirement: a.Requirement, SL: sl}
		if err := s.putLink(tx, at, cm.ID, link); err != nil {
			return err
		}
		saved, err := s.saveAnswerTx(tx, at, targetKey, a, session)
		if err != nil && !errors.Is(err, errUnchanged) {
			return err
		}
		a = saved
		cm.Links, err = s.countermeasureLinks(tx, cm.ID)
		return err
	})
	return a, cm, err
}

// PutCountermeasure saves a countermeasure's own fields (control, place,
// approval, review); its links are set by the answers (SaveCompensating).
func (s *Store) PutCountermeasure(cm model.Countermeasure) (model.Countermeasure, error) {
	if err := cleanCountermeasure(&cm); err != nil {
		return cm, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		if cm.ID != 0 {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM countermeasures WHERE id = ?`, cm.ID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return invalid("no countermeasure %d", cm.ID)
			}
		}
		if err := s.putCountermeasure(tx, at, &cm); err != nil {
			return err
		}
		var err error
		cm.Links, err = s.countermeasureLinks(tx, cm.ID)
		return err
	})
	return cm, err
}

// DeleteCountermeasure removes a countermeasure no answer relies on.
func (s *Store) DeleteCountermeasure(id int64) error {
	return s.write(func(tx *sql.Tx, at int64) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM countermeasure_links WHERE countermeasure = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("%d compensating answer(s) rely on this countermeasure; answer them otherwise first", n)
		}
		before, err := s.images(tx, "countermeasures", "id = ?", id)
		if err != nil {
			return err
		}
		if len(before) == 0 {
			return invalid("no countermeasure %d", id)
		}
		if _, err := tx.Exec(`DELETE FROM countermeasures WHERE id = ?`, id); err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "countermeasure.delete", fmt.Sprint(id), changeset{"countermeasures": before}, nil)
	})
}

// putCountermeasure inserts (ID 0) or updates a countermeasure's own row,
// with its history row when anything changed.
func (s *Store) putCountermeasure(tx *sql.Tx, at int64, cm *model.Countermeasure) error {
	if cm.Target != "" {
		if _, err := s.targetID(tx, cm.Target); err != nil {
			return err
		}
	}
	var before []rowImage
	var err error
	if cm.ID != 0 {
		if before, err = s.images(tx, "countermeasures", "id = ?", cm.ID); err != nil {
			return err
		}
	}
	if len(before) == 0 {
		var res sql.Result
		if cm.ID != 0 { // an import keeps the document's ids
			res, err = tx.Exec(`INSERT INTO countermeasures (id, control, target, approved_by, approved_role, review)
				VALUES (?, ?, ?, ?, ?, ?)`, cm.ID, cm.Control, cm.Target, cm.ApprovedBy.Name, cm.ApprovedBy.Role, cm.Review)
		} else {
			res, err = tx.Exec(`INSERT INTO countermeasures (control, target, approved_by, approved_role, review)
				VALUES (?, ?, ?, ?, ?)`, cm.Control, cm.Target, cm.ApprovedBy.Name, cm.ApprovedBy.Role, cm.Review)
		}
		if err != nil {
			return err
		}
		if cm.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	} else if _, err := tx.Exec(`UPDATE countermeasures SET control = ?, target = ?, approved_by = ?,
		approved_role = ?, review = ? WHERE id = ?`,
		cm.Control, cm.Target, cm.ApprovedBy.Name, cm.ApprovedBy.Role, cm.Review, cm.ID); err != nil {
		return err
	}
	after, err := s.images(tx, "countermeasures", "id = ?", cm.ID)
	if err != nil {
		return err
	}
	if len(before) == 1 && rowText(before[0]) == rowText(after[0]) {
		return nil
	}
	return s.record(tx, at, s.actor, "countermeasure", fmt.Sprint(cm.ID), changeset{"countermeasures": before}, changeset{"countermeasures": after})
}

const linkWhere = "target = ? AND requirement = ?"

// putLink links a compensating answer to a countermeasure.
func (s *Store) putLink(tx *sql.Tx, at int64, id int64, l model.CountermeasureLink) error {
	before, err := s.images(tx, "countermeasure_links", linkWhere, l.Target, l.Requirement)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO countermeasure_links (target, requirement, countermeasure, sl) VALUES (?, ?, ?, ?)
		ON CONFLICT (target, requirement) DO UPDATE SET countermeasure = excluded.countermeasure, sl = excluded.sl`,
		l.Target, l.Requirement, id, int(l.SL)); err != nil {
		return err
	}
	after, err := s.images(tx, "countermeasure_links", linkWhere, l.Target, l.Requirement)
	if err != nil {
		return err
	}
	if len(before) == 1 && rowText(before[0]) == rowText(after[0]) {
		return nil
	}
	return s.record(tx, at, s.actor, "countermeasure.link", answerSubject(l.Target, l.Requirement),
		changeset{"countermeasure_links": before}, changeset{"countermeasure_links": after})
}

// followCompensating keeps the link invariant after an answer's status
// changed from was to now.
func (s *Store) followCompensating(tx *sql.Tx, at int64, targetKey string, a model.Answer, was model.Status) error {
	now := a.Status
	switch {
	case now == model.Compensating && was != model.Compensating:
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM countermeasure_links WHERE `+linkWhere, targetKey, a.Requirement).Scan(&n); err != nil || n > 0 {
			return err
		}
		cm := model.Countermeasure{Control: a.Justification, Target: targetKey}
		if err := s.putCountermeasure(tx, at, &cm); err != nil {
			return err
		}
		return s.putLink(tx, at, cm.ID, model.CountermeasureLink{Target: targetKey, Requirement: a.Requirement})
	case was == model.Compensating && now != model.Compensating:
		before, err := s.images(tx, "countermeasure_links", linkWhere, targetKey, a.Requirement)
		if err != nil || len(before) == 0 {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM countermeasure_links WHERE `+linkWhere, targetKey, a.Requirement); err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "countermeasure.unlink", answerSubject(targetKey, a.Requirement),
			changeset{"countermeasure_links": before}, nil)
	}
	return nil
}

func (s *Store) countermeasureLinks(tx *sql.Tx, id int64) ([]model.CountermeasureLink, error) {
	rows, err := tx.Query(`SELECT target, requirement, sl FROM countermeasure_links WHERE countermeasure = ?
		ORDER BY target, requirement`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.CountermeasureLink
	for rows.Next() {
		var l model.CountermeasureLink
		if err := rows.Scan(&l.Target, &l.Requirement, &l.SL); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// insertCountermeasures writes an imported assessment's countermeasures
// with their links (the answers are already in).
func (s *Store) insertCountermeasures(tx *sql.Tx, at int64, a *model.Assessment) error {
	for i := range a.Countermeasures {
		cm := a.Countermeasures[i]
		links := cm.Links
		cm.Links = nil
		if err := cleanCountermeasure(&cm); err != nil {
			return invalid("countermeasure %d: %s", i+1, err)
		}
		if err := s.putCountermeasure(tx, at, &cm); err != nil {
			return err
		}
		for _, l := range links {
			if st := a.Answers[l.Target].Status(l.Requirement); st != model.Compensating {
				return invalid("countermeasure %d is linked from %s of %s, which is answered %s, not compensating",
					i+1, l.Requirement, l.Target, st)
			}
			if err := s.putLink(tx, at, cm.ID, l); err != nil {
				return err
			}
		}
	}
	return nil
}

// linkUnlinked gives every compensating answer without a countermeasure one
// made of its own text (a document written before countermeasures were
// records), as migrate6 does for a file.
func (s *Store) linkUnlinked(tx *sql.Tx, at int64, a *model.Assessment) error {
	for _, t := range a.Targets() {
		for _, req := range sortedKeys(a.Answers[t.Key]) {
			ans := a.Answers[t.Key][req]
			if ans.Status.Norm() != model.Compensating {
				continue
			}
			ans.Justification = model.CleanText(ans.Justification)
			if err := s.followCompensating(tx, at, t.Key, ans, model.Unanswered); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadCountermeasures reads the countermeasures with their links, in one
// pass: a large plant has thousands of compensating answers.
func loadCountermeasures(db *sql.DB, a *model.Assessment) error {
	rows, err := db.Query(`SELECT c.id, c.control, c.target, c.approved_by, c.approved_role, c.review,
		l.target, l.requirement, l.sl
		FROM countermeasures c LEFT JOIN countermeasure_links l ON l.countermeasure = c.id
		ORDER BY c.id, l.target, l.requirement`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var links int
	for rows.Next() {
		var c model.Countermeasure
		var target, req sql.NullString
		var sl sql.NullInt64
		if err := rows.Scan(&c.ID, &c.Control, &c.Target, &c.ApprovedBy.Name, &c.ApprovedBy.Role, &c.Review,
			&target, &req, &sl); err != nil {
			return err
		}
		if n := len(a.Countermeasures); n == 0 || a.Countermeasures[n-1].ID != c.ID {
			a.Countermeasures = append(a.Countermeasures, c)
		}
		if !target.Valid {
			continue
		}
		l := model.CountermeasureLink{Target: target.String, Requirement: req.String, SL: model.Level(sl.Int64)}
		if !l.SL.Valid() {
			return crafted(fmt.Sprintf("the countermeasure of %s of %s", l.Requirement, l.Target), fmt.Errorf("level %d is not in 0..4", sl.Int64))
		}
		last := &a.Countermeasures[len(a.Countermeasures)-1]
		last.Links = append(last.Links, l)
		links++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	// A link to no countermeasure was made outside Slate.
	var all int
	if err := db.QueryRow(`SELECT count(*) FROM countermeasure_links`).Scan(&all); err != nil {
		return err
	}
	if all != links {
		return crafted("a compensating answer", errors.New("it relies on a countermeasure that does not exist"))
	}
	return nil
}

// forgetTargetFidelity removes a deleted target's links and
// re-confirmations, and the place of the countermeasures that sat on it
// (they stay: other answers may rely on them). The images go into the
// deletion's history row.
func forgetTargetFidelity(tx *sql.Tx, s *Store, key string, before, after changeset) error {
	for _, table := range []string{"countermeasure_links", "confirmations"} {
		own, err := s.images(tx, table, "target = ?", key)
		if err != nil {
			return err
		}
		before.add(table, own...)
		if _, err := tx.Exec(`DELETE FROM `+table+` WHERE target = ?`, key); err != nil {
			return err
		}
	}
	placed, err := s.images(tx, "countermeasures", "target = ?", key)
	if err != nil || len(placed) == 0 {
		return err
	}
	before.add("countermeasures", placed...)
	if _, err := tx.Exec(`UPDATE countermeasures SET target = '' WHERE target = ?`, key); err != nil {
		return err
	}
	for _, img := range placed {
		moved, err := s.images(tx, "countermeasures", "id = ?", img["id"])
		if err != nil {
			return err
		}
		after.add("countermeasures", moved...)
	}
	return nil
}
