package store

import "database/sql"

// Prepared statements for the interview's hot path. Preparing costs more CPU
// than running these small statements, and a keypress should cost one fsync
// and little else. They are prepared when the file opens, while the single
// connection is free (preparing inside a transaction would wait for the
// connection the transaction holds); tx.Stmt then reuses them.
var hotStatements = []string{
	sqlLastAudit, sqlInsertAudit, sqlSelectAnswer, sqlUpsertAnswer, sqlDeleteAnswer, sqlTouch,
}

const (
	sqlLastAudit   = `SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`
	sqlInsertAudit = `INSERT INTO audit (seq, at, actor, kind, subject, old, new, prev, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlSelectAnswer = `SELECT status, note, justification, method, assessor, flagged, session_id, updated_at
		FROM answers WHERE target_id = ? AND requirement = ?`
	sqlUpsertAnswer = `INSERT INTO answers (target_id, requirement, status, note, justification,
		method, session_id, assessor, flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (target_id, requirement) DO UPDATE SET status = excluded.status,
		note = excluded.note, justification = excluded.justification,
		method = excluded.method, session_id = excluded.session_id, assessor = excluded.assessor,
		flagged = excluded.flagged, updated_at = excluded.updated_at`
	sqlDeleteAnswer = `DELETE FROM answers WHERE target_id = ? AND requirement = ?`
	sqlTouch        = `UPDATE assessment SET updated_at = ? WHERE id = 1`
)

func (s *Store) prepareHot() error {
	s.stmts = map[string]*sql.Stmt{}
	for _, q := range hotStatements {
		st, err := s.db.Prepare(q)
		if err != nil {
			return err
		}
		s.stmts[q] = st
	}
	return nil
}

func (s *Store) closeStatements() {
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
}

func (s *Store) exec(tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if st, ok := s.stmts[query]; ok {
		return tx.Stmt(st).Exec(args...)
	}
	return tx.Exec(query, args...)
}

func (s *Store) queryRow(tx *sql.Tx, query string, args ...any) *sql.Row {
	if st, ok := s.stmts[query]; ok {
		return tx.Stmt(st).QueryRow(args...)
	}
	return tx.QueryRow(query, args...)
}
