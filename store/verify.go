package store

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// VerifyReport is the outcome of Verify.
type VerifyReport struct {
	Integrity string // "ok" or SQLite's first complaint
	Rows      int64  // audit rows checked
	Head      string // hash of the newest audit row
	Problems  []string
}

// OK reports whether nothing is wrong.
func (r VerifyReport) OK() bool { return len(r.Problems) == 0 }

// Verify checks a file without writing to it: SQLite's integrity_check, the
// audit hash chain row by row (naming the first broken row), and that the
// answers in the file are exactly those the history leads to, so an answer
// edited behind Slate's back shows up even when the chain itself is intact.
func Verify(path string) (VerifyReport, error) {
	var rep VerifyReport
	if _, err := precheck(path); err != nil {
		return rep, err
	}
	db, err := openReadOnly(path)
	if err != nil {
		return rep, refuse(path, "cannot be read: "+sqliteReason(err))
	}
	defer db.Close()
	var appID uint32
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
		return rep, refuse(path, "is not a Slate assessment")
	}
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		return rep, refuse(path, "is damaged: "+sqliteReason(err))
	}
	var msgs []string
	for rows.Next() {
		var m string
		rows.Scan(&m)
		msgs = append(msgs, m)
	}
	rows.Close()
	rep.Integrity = strings.Join(msgs, "; ")
	if rep.Integrity != "ok" {
		rep.Problems = append(rep.Problems, "integrity check: "+rep.Integrity)
		return rep, nil
	}
	state, err := verifyChain(db, &rep)
	if err != nil {
		return rep, err
	}
	if rep.OK() {
		if err := verifyAnswers(db, state, &rep); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// verifyChain recomputes every hash and returns the answer states the
// history leads to, keyed by audit subject.
func verifyChain(db *sql.DB, rep *VerifyReport) (map[string]string, error) {
	rows, err := db.Query(`SELECT seq, at, actor, kind, subject, old, new, prev, hash FROM audit ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	state := map[string]string{}
	prev := ""
	want := int64(1)
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.Seq, &r.At, &r.Actor, &r.Kind, &r.Subject, &r.Old, &r.New, &r.Prev, &r.Hash); err != nil {
			return nil, err
		}
		switch {
		case r.Seq != want:
			rep.Problems = append(rep.Problems, fmt.Sprintf("audit row %d is missing (next row is %d): history was deleted", want, r.Seq))
		case r.Prev != prev:
			rep.Problems = append(rep.Problems, fmt.Sprintf("audit row %d does not follow row %d: the chain was broken", r.Seq, r.Seq-1))
		case chainHash(prev, r) != r.Hash:
			rep.Problems = append(rep.Problems, fmt.Sprintf("audit row %d (%s %s) was altered: its hash does not match its content", r.Seq, r.Kind, r.Subject))
		}
		if !rep.OK() {
			return nil, nil
		}
		rep.Rows++
		prev, want = r.Hash, r.Seq+1
		switch {
		case r.Kind == "answer":
			state[r.Subject] = r.New
		case strings.HasSuffix(r.Kind, ".delete"):
			for k := range state {
				if strings.HasPrefix(k, r.Subject+"|") {
					delete(state, k)
				}
			}
		}
	}
	rep.Head = prev
	return state, rows.Err()
}

// verifyAnswers compares the answers table with the replayed history.
func verifyAnswers(db *sql.DB, state map[string]string, rep *VerifyReport) error {
	rows, err := db.Query(`SELECT t.key, a.requirement, a.status, a.note, a.justification, a.interviewee,
		a.assessor, a.flagged FROM answers a JOIN targets t ON t.id = a.target_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var key, req string
		var r answerRow
		if err := rows.Scan(&key, &req, &r.Status, &r.Note, &r.Justification, &r.Interviewee, &r.Assessor, &r.Flagged); err != nil {
			return err
		}
		subj := answerSubject(key, req)
		seen[subj] = true
		if got := canonical(stateOf(r)); state[subj] != got {
			rep.Problems = append(rep.Problems, fmt.Sprintf("answer %s %s differs from its audit history (changed outside Slate)", key, req))
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var missing []string
	for subj, st := range state {
		if st != "null" && !seen[subj] {
			missing = append(missing, subj)
		}
	}
	sort.Strings(missing)
	for _, subj := range missing {
		rep.Problems = append(rep.Problems, fmt.Sprintf("answer %s is in the history but missing from the file (deleted outside Slate)", strings.Replace(subj, "|", " ", 1)))
	}
	return nil
}
