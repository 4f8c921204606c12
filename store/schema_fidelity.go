package store

import "database/sql"

// migrate6 gives the catalog's fidelity its records (docs/catalog-format.md,
// docs/scoring.md):
//
//   - compensating countermeasures as records of their own (the alternative
//     control, where it sits, who approved it in which role, a review
//     date), linked from the compensating answers that rely on them, each
//     link with the level it supports and why;
//   - the answers to the catalog's site questions (asked once per
//     assessment, never scored);
//   - catalog upgrades: the version the assessment was upgraded from and
//     when, and the answers re-confirmed since (r in the interview).
//
// Every compensating answer of the file becomes a countermeasure whose
// control is the answer's text, sitting on the answer's target and linked
// from it: nothing is lost. The history gets one "migration" row with the
// images before and after.
func migrate6(tx *sql.Tx) error {
	before, err := tableImages(tx, "assessment")
	if err != nil {
		return err
	}
	if err := execAll(tx,
		`ALTER TABLE assessment ADD COLUMN catalog_before TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE assessment ADD COLUMN catalog_upgraded_at INTEGER NOT NULL DEFAULT 0`,
		`CREATE TABLE countermeasures (
			id            INTEGER PRIMARY KEY,
			control       TEXT NOT NULL CHECK (trim(control) <> ''),
			target        TEXT NOT NULL DEFAULT '',
			approved_by   TEXT NOT NULL DEFAULT '',
			approved_role TEXT NOT NULL DEFAULT '',
			review        TEXT NOT NULL DEFAULT ''
			              CHECK (review = '' OR review GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
		)`,
		`CREATE TABLE countermeasure_links (
			target         TEXT NOT NULL,
			requirement    TEXT NOT NULL,
			countermeasure INTEGER NOT NULL,
			sl             INTEGER NOT NULL DEFAULT 0 CHECK (sl BETWEEN 0 AND 4),
			PRIMARY KEY (target, requirement)
		) WITHOUT ROWID`,
		`CREATE INDEX countermeasure_links_of ON countermeasure_links(countermeasure)`,
		`CREATE TABLE site_answers (
			question      TEXT PRIMARY KEY,
			status        TEXT NOT NULL
			              CHECK (status IN ('unanswered', 'yes', 'partial', 'no', 'na', 'compensating')),
			note          TEXT NOT NULL DEFAULT '',
			justification TEXT NOT NULL DEFAULT '',
			interviewee   TEXT NOT NULL DEFAULT '',
			assessor      TEXT NOT NULL DEFAULT '',
			flagged       INTEGER NOT NULL DEFAULT 0,
			updated_at    INTEGER NOT NULL,
			CHECK (status NOT IN ('na', 'compensating') OR trim(justification) <> '')
		) WITHOUT ROWID`,
		`CREATE TABLE confirmations (
			target          TEXT NOT NULL,
			requirement     TEXT NOT NULL,
			catalog_version TEXT NOT NULL,
			at              INTEGER NOT NULL,
			PRIMARY KEY (target, requirement)
		) WITHOUT ROWID`,
		// Each compensating answer's text becomes a countermeasure on its
		// target, linked from the answer.
		// One countermeasure per text and target, even when several answers
		// of the target gave the same text.
		`INSERT INTO countermeasures (control, target)
			SELECT control, key FROM (
				SELECT a.justification AS control, t.key AS key, t.kind AS kind, t.position AS pos,
					min(a.requirement) AS req
				FROM answers a JOIN targets t ON t.id = a.target_id
				WHERE a.status = 'compensating' GROUP BY t.key, a.justification)
			ORDER BY kind DESC, pos, req`,
		`INSERT INTO countermeasure_links (target, requirement, countermeasure)
			SELECT t.key, a.requirement,
				(SELECT c.id FROM countermeasures c WHERE c.target = t.key AND c.control = a.justification
				 ORDER BY c.id LIMIT 1)
			FROM answers a JOIN targets t ON t.id = a.target_id WHERE a.status = 'compensating'`,
	); err != nil {
		return err
	}
	after := changeset{}
	for _, t := range []string{"assessment", "countermeasures", "countermeasure_links"} {
		rows, err := tableImages(tx, t)
		if err != nil {
			return err
		}
		after.add(t, rows...)
	}
	if len(before) == 0 {
		return nil // a file still being built: nothing to record
	}
	var s Store // no prepared statements: plain queries in tx
	return s.record(tx, timeNow().UnixMilli(), "slate", "migration", "schema 6: compensating countermeasures, site questions, catalog upgrades",
		changeset{"assessment": before}, after)
}
