package store

import (
	"database/sql"
	"fmt"
)

// SchemaVersion is the schema this build writes, kept in PRAGMA user_version.
var SchemaVersion = uint32(len(migrations))

// migrations are forward-only; migrations[i] takes a file from version i to
// i+1 inside the same transaction that records the new user_version. Never
// edit a released step: add a new one, with a test from the previous schema
// and the released file testdata/schemaN.slate of the new one.
//
// A migration that changes or derives user state (a new column filled in,
// rows rewritten) must append, in its transaction, a history row of kind
// "migration" with the images of the rows before and after (see history.go),
// so that verify replays the history without knowing older schemas. The
// canonical history row and its hash rule never change.
var migrations = []func(*sql.Tx) error{
	migrate1,
	migrate2,
	migrate3,
	migrate4,
	migrate5,
	migrate6,
	migrateProvenance, // schema 7 (provenanceSchema)
}

func migrate1(tx *sql.Tx) error {
	return execAll(tx,
		`CREATE TABLE assessment (
			id              INTEGER PRIMARY KEY CHECK (id = 1),
			name            TEXT NOT NULL DEFAULT '',
			site            TEXT NOT NULL DEFAULT '',
			scope           TEXT NOT NULL DEFAULT '',
			assessor        TEXT NOT NULL DEFAULT '',
			catalog_id      TEXT NOT NULL,
			catalog_version TEXT NOT NULL,
			catalog_hash    TEXT NOT NULL,
			created_at      INTEGER NOT NULL,
			updated_at      INTEGER NOT NULL
		)`,
		// Zones and conduits share one table so answers reference either, and
		// their keys (the exchange ids) are unique across both.
		`CREATE TABLE targets (
			id          INTEGER PRIMARY KEY,
			key         TEXT NOT NULL UNIQUE,
			kind        TEXT NOT NULL CHECK (kind IN ('zone', 'conduit')),
			name        TEXT NOT NULL,
			description TEXT NOT NULL DEFAULT '',
			type        TEXT NOT NULL DEFAULT '',
			slt         TEXT NOT NULL DEFAULT '0000000'
			            CHECK (length(slt) = 7 AND slt NOT GLOB '*[^0-4]*'),
			position    INTEGER NOT NULL,
			from_zone   INTEGER REFERENCES targets(id) ON DELETE CASCADE,
			to_zone     INTEGER REFERENCES targets(id) ON DELETE CASCADE,
			protocols   TEXT NOT NULL DEFAULT '',
			CHECK ((kind = 'zone') = (from_zone IS NULL AND to_zone IS NULL))
		)`,
		`CREATE INDEX targets_from ON targets(from_zone)`,
		`CREATE INDEX targets_to ON targets(to_zone)`,
		`CREATE TABLE assets (
			id       INTEGER PRIMARY KEY,
			zone_id  INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
			position INTEGER NOT NULL,
			name     TEXT NOT NULL,
			type     TEXT NOT NULL DEFAULT '',
			vendor   TEXT NOT NULL DEFAULT '',
			model    TEXT NOT NULL DEFAULT '',
			firmware TEXT NOT NULL DEFAULT '',
			address  TEXT NOT NULL DEFAULT '',
			notes    TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX assets_zone ON assets(zone_id, position)`,
		`CREATE TABLE answers (
			target_id     INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
			requirement   TEXT NOT NULL,
			status        TEXT NOT NULL
			              CHECK (status IN ('unanswered', 'yes', 'partial', 'no', 'na', 'compensating')),
			note          TEXT NOT NULL DEFAULT '',
			justification TEXT NOT NULL DEFAULT '',
			interviewee   TEXT NOT NULL DEFAULT '',
			assessor      TEXT NOT NULL DEFAULT '',
			flagged       INTEGER NOT NULL DEFAULT 0,
			updated_at    INTEGER NOT NULL,
			PRIMARY KEY (target_id, requirement),
			CHECK (status NOT IN ('na', 'compensating') OR trim(justification) <> '')
		) WITHOUT ROWID`,
		// The audit chain: append-only, each row hashing the previous one.
		`CREATE TABLE audit (
			seq     INTEGER PRIMARY KEY,
			at      INTEGER NOT NULL,
			actor   TEXT NOT NULL,
			kind    TEXT NOT NULL,
			subject TEXT NOT NULL,
			old     TEXT NOT NULL,
			new     TEXT NOT NULL,
			prev    TEXT NOT NULL,
			hash    TEXT NOT NULL
		)`,
		`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
			BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END`,
		`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
			BEGIN SELECT RAISE(ABORT, 'the audit history is append-only'); END`,
		// Small per-file preferences, e.g. the current interviewee.
		`CREATE TABLE settings (
			key   TEXT PRIMARY KEY,
			value TEXT NOT NULL
		) WITHOUT ROWID`,
	)
}

// migrate2 adds the remediation roadmap: tracking per initiative (one per
// requirement) and the maintenance windows.
func migrate2(tx *sql.Tx) error {
	return execAll(tx,
		`CREATE TABLE tracking (
			requirement   TEXT PRIMARY KEY,
			owner         TEXT NOT NULL DEFAULT '',
			due           TEXT NOT NULL DEFAULT '',
			status        TEXT NOT NULL DEFAULT 'open'
			              CHECK (status IN ('open', 'planned', 'in_progress', 'done', 'risk_accepted')),
			justification TEXT NOT NULL DEFAULT '',
			effort        TEXT NOT NULL DEFAULT '' CHECK (effort IN ('', 'low', 'medium', 'high')),
			outage        INTEGER CHECK (outage IN (0, 1)),
			vendor        INTEGER CHECK (vendor IN (0, 1)),
			phase         TEXT NOT NULL DEFAULT '' CHECK (phase IN ('', 'now', '3-12', '12-24', 'later')),
			updated_at    INTEGER NOT NULL,
			CHECK (status <> 'risk_accepted' OR trim(justification) <> '')
		) WITHOUT ROWID`,
		`CREATE TABLE windows (
			id   INTEGER PRIMARY KEY,
			name TEXT NOT NULL,
			date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
		)`,
	)
}

// migrate3 makes every user-state column derivable from the history. The
// history so far recorded answers in full but other data only in part (no
// ids, order, catalog or times): one "baseline" row now records the images
// of every row of every user-state table, and from here on every change
// records the full images of the rows it changes.
func migrate3(tx *sql.Tx) error {
	tables, err := userTables(tx)
	if err != nil {
		return err
	}
	snapshot := changeset{}
	for _, t := range tables {
		rows, err := tableImages(tx, t)
		if err != nil {
			return err
		}
		snapshot.add(t, rows...)
	}
	var s Store // no prepared statements: plain queries in tx
	return s.appendAudit(tx, timeNow().UnixMilli(), "slate", "baseline", "schema 3", "null", snapshot.text())
}

func execAll(tx *sql.Tx, stmts ...string) error {
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
	}
	return nil
}

// migrate brings the file from version `from` to SchemaVersion, one
// committed step at a time.
func migrate(db *sql.DB, from uint32) error {
	for v := from; v < SchemaVersion; v++ {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if err := migrations[v](tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("upgrading the file to schema %d: %w", v+1, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("upgrading the file to schema %d: %w", v+1, err)
		}
	}
	return nil
}
