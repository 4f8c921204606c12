package store

import (
	"database/sql"
	"encoding/json"
	"slices"
	"sort"
	"strings"
)

// migrate4 gives the roadmap what a plant signs off (docs/roadmap.md):
//
//   - tracking per (initiative, target) pair, or for the whole initiative
//     (target ”), with who accepted a risk in which role, a review date,
//     the targets a whole-initiative acceptance covers, and the vendor's
//     name and lead time;
//   - maintenance windows with a duration and the zones and conduits they
//     cover;
//   - projects: the assessor's own, and which project an initiative is
//     funded in.
//
// Requirement-level tracking becomes whole-initiative tracking without
// loss. A risk acceptance recorded before covered the requirement
// everywhere; it now covers only the targets that had the gap when it was
// recorded, read from the history, and it has neither a role nor a review
// date (slate check lists it until both are given). The history gets one
// "migration" row with the images before and after.
func migrate4(tx *sql.Tx) error {
	before, err := tablesImages(tx, "tracking", "windows")
	if err != nil {
		return err
	}
	if err := execAll(tx,
		`CREATE TABLE tracking_v4 (
			requirement   TEXT NOT NULL,
			target        TEXT NOT NULL DEFAULT '',
			owner         TEXT NOT NULL DEFAULT '',
			due           TEXT NOT NULL DEFAULT ''
			              CHECK (due = '' OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
			status        TEXT NOT NULL DEFAULT 'open'
			              CHECK (status IN ('open', 'planned', 'in_progress', 'done', 'risk_accepted')),
			justification TEXT NOT NULL DEFAULT '',
			accepted_by   TEXT NOT NULL DEFAULT '',
			accepted_role TEXT NOT NULL DEFAULT '',
			review        TEXT NOT NULL DEFAULT ''
			              CHECK (review = '' OR review GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
			covers        TEXT NOT NULL DEFAULT '[]',
			effort        TEXT NOT NULL DEFAULT '' CHECK (effort IN ('', 'low', 'medium', 'high')),
			outage        INTEGER CHECK (outage IN (0, 1)),
			vendor        INTEGER CHECK (vendor IN (0, 1)),
			vendor_name   TEXT NOT NULL DEFAULT '',
			lead_days     INTEGER CHECK (lead_days BETWEEN 0 AND 3650),
			phase         TEXT NOT NULL DEFAULT '' CHECK (phase IN ('', 'now', '3-12', '12-24', 'later')),
			updated_at    INTEGER NOT NULL,
			PRIMARY KEY (requirement, target),
			CHECK (status <> 'risk_accepted' OR trim(justification) <> '')
		) WITHOUT ROWID`,
		`INSERT INTO tracking_v4 (requirement, owner, due, status, justification, effort, outage, vendor, phase, updated_at)
			SELECT requirement, owner, due, status, justification, effort, outage, vendor, phase, updated_at FROM tracking`,
		`DROP TABLE tracking`,
		`ALTER TABLE tracking_v4 RENAME TO tracking`,
		`ALTER TABLE windows ADD COLUMN days INTEGER NOT NULL DEFAULT 0 CHECK (days BETWEEN 0 AND 366)`,
		`ALTER TABLE windows ADD COLUMN targets TEXT NOT NULL DEFAULT '[]'`,
		`CREATE TABLE projects (
			id    TEXT PRIMARY KEY,
			title TEXT NOT NULL CHECK (trim(title) <> '')
		) WITHOUT ROWID`,
		`CREATE TABLE project_of (
			requirement TEXT PRIMARY KEY,
			project     TEXT NOT NULL
		) WITHOUT ROWID`,
	); err != nil {
		return err
	}
	if err := coverMigratedAcceptances(tx); err != nil {
		return err
	}
	after, err := tablesImages(tx, "tracking", "windows")
	if err != nil {
		return err
	}
	if len(before["tracking"])+len(before["windows"]) == 0 {
		return nil // nothing to rewrite: no history row
	}
	var s Store // no prepared statements: plain queries in tx
	return s.record(tx, timeNow().UnixMilli(), "slate", "migration", "schema 4: tracking per target", before, after)
}

// coverMigratedAcceptances sets the targets a risk acceptance recorded
// before schema 4 covers: those whose answer to the requirement was no or
// partial when the acceptance was last saved, replayed from the history up
// to the history row that saved it.
func coverMigratedAcceptances(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT t.requirement,
		coalesce((SELECT max(seq) FROM audit WHERE kind = 'tracking' AND subject = t.requirement),
		         (SELECT max(seq) FROM audit), 0)
		FROM tracking t WHERE t.status = 'risk_accepted' AND t.target = ''`)
	if err != nil {
		return err
	}
	type acceptance struct {
		req string
		seq int64
	}
	var accepted []acceptance
	for rows.Next() {
		var a acceptance
		if err := rows.Scan(&a.req, &a.seq); err != nil {
			rows.Close()
			return err
		}
		accepted = append(accepted, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(accepted) == 0 {
		return err
	}
	keys, err := targetKeysByID(tx)
	if err != nil {
		return err
	}
	for _, a := range accepted {
		status, err := answersAt(tx, a.req, a.seq, keys)
		if err != nil {
			return err
		}
		var covers []string
		for key, st := range status {
			if _, exists := keys.byKey[key]; exists && (st == "no" || st == "partial") {
				covers = append(covers, key)
			}
		}
		sort.Strings(covers)
		text, err := json.Marshal(append([]string{}, covers...))
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE tracking SET covers = ? WHERE requirement = ? AND target = ''`, string(text), a.req); err != nil {
			return err
		}
	}
	return nil
}

// targetIndex maps target row ids to keys and back.
type targetIndex struct {
	byID  map[int64]string
	byKey map[string]int64
}

func targetKeysByID(tx *sql.Tx) (targetIndex, error) {
	ix := targetIndex{byID: map[int64]string{}, byKey: map[string]int64{}}
	rows, err := tx.Query(`SELECT id, key FROM targets`)
	if err != nil {
		return ix, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			return ix, err
		}
		ix.byID[id], ix.byKey[key] = key, id
	}
	return ix, rows.Err()
}

// answersAt replays the history up to and including row seq and returns
// the status of one requirement per target key. Before the schema-3
// baseline an answer row's subject is "target|requirement" and its new
// state carries the status; from the baseline on the rows carry images of
// the answers table (target by row id).
func answersAt(tx *sql.Tx, req string, seq int64, keys targetIndex) (map[string]string, error) {
	rows, err := tx.Query(`SELECT kind, subject, old, new FROM audit WHERE seq <= ? ORDER BY seq`, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	status := map[string]string{}
	imageKey := func(img rowImage) (string, bool) {
		if str(img["requirement"]) != req {
			return "", false
		}
		id, err := img["target_id"].(json.Number).Int64()
		if err != nil {
			return "", false
		}
		key, ok := keys.byID[id]
		return key, ok
	}
	baseline := false
	for rows.Next() {
		var kind, subject, oldText, newText string
		if err := rows.Scan(&kind, &subject, &oldText, &newText); err != nil {
			return nil, err
		}
		if kind == "baseline" {
			baseline = true
			status = map[string]string{}
		}
		if !baseline {
			target, r, ok := strings.Cut(subject, "|")
			if kind != "answer" || !ok || r != req {
				continue
			}
			var st struct {
				Status string `json:"status"`
			}
			if newText == "null" || json.Unmarshal([]byte(newText), &st) != nil {
				delete(status, target)
				continue
			}
			status[target] = st.Status
			continue
		}
		old, err1 := decodeChangeset(oldText)
		nw, err2 := decodeChangeset(newText)
		if err1 != nil || err2 != nil {
			continue
		}
		for _, img := range old["answers"] {
			if key, ok := imageKey(img); ok {
				delete(status, key)
			}
		}
		for _, img := range nw["answers"] {
			if key, ok := imageKey(img); ok {
				status[key] = str(img["status"])
			}
		}
	}
	return status, rows.Err()
}

// jsonList reads a stored JSON array of strings ("[]" or "" = none).
func jsonList(s string) ([]string, error) {
	if s == "" || s == "[]" {
		return nil, nil
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// jsonListText is the stored form of a list: sorted, no duplicates.
func jsonListText(list []string) string {
	out := slices.Clone(list)
	sort.Strings(out)
	out = slices.Compact(out)
	if out == nil {
		out = []string{}
	}
	b, _ := json.Marshal(out)
	return string(b)
}
