package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"slate/model"
)

// provenanceSchema is the schema migrateProvenance makes (its place in
// migrations, plus one): renumber both together.
const provenanceSchema = 7

// migrateProvenance adds provenance (docs/evidence.md):
//
//   - interview sessions (date, place, attendees with roles), replacing the
//     free-text interviewee each answer and site answer carried;
//   - how each answer was established (method: told, seen, tested);
//   - evidence files in the file itself: metadata, links to (target,
//     requirement) pairs, and the bytes in chunks of at most 1 MiB in a
//     table of their own (evidence_chunks), which verify rehashes and
//     nothing else reads on open;
//   - recorded sign-offs.
//
// Answer times become honest: an answer's time is that of its latest
// status change, read from the history (before, a note or flag edit moved
// it). Each answer's free-text interviewee becomes a session, one per (UTC
// day of that time, interviewee text), the text its attendee with no role
// (model.DeriveSessions). The history gets one "migration" row with every
// answer before and after and the sessions made.
func migrateProvenance(tx *sql.Tx) error {
	before, err := tableImages(tx, "answers")
	if err != nil {
		return err
	}
	marks, err := statusChanges(tx)
	if err != nil {
		return err
	}
	// The corrected time and the session of every answer.
	type fix struct {
		at      int64
		session int64
	}
	fixes := map[string]*fix{}
	var sources []model.SessionSource
	corrected := 0
	for _, img := range before {
		k := imageKey(img)
		stored := intOf(img["updated_at"])
		at := stored
		// Before schema 3 the history recorded no answer times: an answer
		// no later edit touched keeps its time (an imported one has its
		// document's); one moved by a later note or flag edit gets the time
		// of the row that changed its status.
		if m, ok := marks[k]; ok && (m.exact || m.moved) {
			at = m.at
		}
		if at != stored {
			corrected++
		}
		fixes[k] = &fix{at: at}
		sources = append(sources, model.SessionSource{Key: k, At: time.UnixMilli(at), Who: str(img["interviewee"])})
	}
	// The site answers (schema 6) carried an interviewee too; their times
	// are kept (they were recorded with images from the start).
	site, err := tableImages(tx, "site_answers")
	if err != nil {
		return err
	}
	for _, img := range site {
		k := siteKey(img)
		fixes[k] = &fix{at: intOf(img["updated_at"])}
		sources = append(sources, model.SessionSource{Key: k, At: time.UnixMilli(fixes[k].at), Who: str(img["interviewee"])})
	}
	sessions, assign := model.DeriveSessions(sources, 0)
	for k, id := range assign {
		fixes[k].session = id
	}
	if err := execAll(tx,
		`CREATE TABLE sessions (
			id        INTEGER PRIMARY KEY,
			date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
			place     TEXT NOT NULL DEFAULT '',
			attendees TEXT NOT NULL DEFAULT '[]'
		)`,
		`CREATE TABLE answers_v5 (
			target_id     INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
			requirement   TEXT NOT NULL,
			status        TEXT NOT NULL
			              CHECK (status IN ('unanswered', 'yes', 'partial', 'no', 'na', 'compensating')),
			note          TEXT NOT NULL DEFAULT '',
			justification TEXT NOT NULL DEFAULT '',
			method        TEXT NOT NULL DEFAULT '' CHECK (method IN ('', 'told', 'seen', 'tested')),
			session_id    INTEGER REFERENCES sessions(id),
			assessor      TEXT NOT NULL DEFAULT '',
			flagged       INTEGER NOT NULL DEFAULT 0,
			updated_at    INTEGER NOT NULL,
			PRIMARY KEY (target_id, requirement),
			CHECK (status NOT IN ('na', 'compensating') OR trim(justification) <> '')
		) WITHOUT ROWID`,
		`INSERT INTO answers_v5 (target_id, requirement, status, note, justification, assessor, flagged, updated_at)
			SELECT target_id, requirement, status, note, justification, assessor, flagged, updated_at FROM answers`,
		`DROP TABLE answers`,
		`ALTER TABLE answers_v5 RENAME TO answers`,
		`CREATE TABLE site_answers_v7 (
			question      TEXT PRIMARY KEY,
			status        TEXT NOT NULL
			              CHECK (status IN ('unanswered', 'yes', 'partial', 'no', 'na', 'compensating')),
			note          TEXT NOT NULL DEFAULT '',
			justification TEXT NOT NULL DEFAULT '',
			method        TEXT NOT NULL DEFAULT '' CHECK (method IN ('', 'told', 'seen', 'tested')),
			session_id    INTEGER REFERENCES sessions(id),
			assessor      TEXT NOT NULL DEFAULT '',
			flagged       INTEGER NOT NULL DEFAULT 0,
			updated_at    INTEGER NOT NULL,
			CHECK (status NOT IN ('na', 'compensating') OR trim(justification) <> '')
		) WITHOUT ROWID`,
		`INSERT INTO site_answers_v7 (question, status, note, justification, assessor, flagged, updated_at)
			SELECT question, status, note, justification, assessor, flagged, updated_at FROM site_answers`,
		`DROP TABLE site_answers`,
		`ALTER TABLE site_answers_v7 RENAME TO site_answers`,
		// A file's metadata; its bytes are in evidence_chunks.
		`CREATE TABLE evidence (
			sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
			name       TEXT NOT NULL CHECK (name <> ''),
			media_type TEXT NOT NULL,
			size       INTEGER NOT NULL CHECK (size >= 0),
			added_by   TEXT NOT NULL DEFAULT '',
			added_at   INTEGER NOT NULL,
			caption    TEXT NOT NULL DEFAULT '',
			session_id INTEGER REFERENCES sessions(id)
		) WITHOUT ROWID`,
		`CREATE TABLE evidence_links (
			target_id   INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
			requirement TEXT NOT NULL,
			sha256      TEXT NOT NULL REFERENCES evidence(sha256) ON DELETE CASCADE,
			PRIMARY KEY (target_id, requirement, sha256)
		) WITHOUT ROWID`,
		`CREATE INDEX evidence_links_file ON evidence_links(sha256)`,
		// The bytes, in chunks of at most 1 MiB: a rowid table, so each row's
		// blob sits in its own overflow pages and reading one never reads
		// another. Only verify and the commands that copy a file out read it.
		`CREATE TABLE evidence_chunks (
			sha256 TEXT NOT NULL,
			seq    INTEGER NOT NULL CHECK (seq >= 0),
			data   BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
			PRIMARY KEY (sha256, seq)
		)`,
		// The history of one requirement (the interview's h) without
		// reading the whole history.
		`CREATE INDEX audit_subject ON audit(subject)`,
		`CREATE TABLE signoffs (
			id            INTEGER PRIMARY KEY,
			date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
			assessor      TEXT NOT NULL CHECK (trim(assessor) <> ''),
			assessor_role TEXT NOT NULL DEFAULT '',
			owner         TEXT NOT NULL CHECK (trim(owner) <> ''),
			owner_role    TEXT NOT NULL CHECK (trim(owner_role) <> ''),
			head          TEXT NOT NULL DEFAULT '',
			rows          INTEGER NOT NULL DEFAULT 0,
			at            INTEGER NOT NULL
		)`,
	); err != nil {
		return err
	}
	for _, ss := range sessions {
		if _, err := tx.Exec(`INSERT INTO sessions (id, date, place, attendees) VALUES (?, ?, ?, ?)`,
			ss.ID, ss.Date, ss.Place, attendeesText(ss.Attendees)); err != nil {
			return err
		}
	}
	for _, img := range before {
		f := fixes[imageKey(img)]
		var session any
		if f.session != 0 {
			session = f.session
		}
		if _, err := tx.Exec(`UPDATE answers SET updated_at = ?, session_id = ? WHERE target_id = ? AND requirement = ?`,
			f.at, session, img["target_id"], img["requirement"]); err != nil {
			return err
		}
	}
	for _, img := range site {
		f := fixes[siteKey(img)]
		if f.session == 0 {
			continue
		}
		if _, err := tx.Exec(`UPDATE site_answers SET session_id = ? WHERE question = ?`, f.session, img["question"]); err != nil {
			return err
		}
	}
	if len(before)+len(site) == 0 {
		return nil // nothing rewritten: no history row
	}
	after := changeset{}
	for _, t := range []string{"answers", "site_answers", "sessions"} {
		rows, err := tableImages(tx, t)
		if err != nil {
			return err
		}
		after.add(t, rows...)
	}
	// An upgrade is not a change of the assessment: its updated time stays.
	// The row carries the assessment's row as it is, so the replay does not
	// move that time either (see record).
	meta, err := tableImages(tx, "assessment")
	if err != nil {
		return err
	}
	var s Store // no prepared statements: plain queries in tx
	subject := fmt.Sprintf("schema %d: sessions, methods, evidence; %d answer times corrected, %d sessions from interviewees", provenanceSchema, corrected, len(sessions))
	return s.appendAudit(tx, timeNow().UnixMilli(), "slate", "migration", subject,
		changeset{"answers": before, "site_answers": site, "assessment": meta}.text(), after.add("assessment", meta...).text())
}

// siteKey names a site_answers row image among the answers' keys.
func siteKey(img rowImage) string { return "site|" + str(img["question"]) }

// statusMark is when an answer's status last changed, by the history.
type statusMark struct {
	at    int64
	exact bool // from a row image (schema 3 on), not a legacy row's own time
	moved bool // a later edit that kept the status moved the stored time
}

// statusChanges replays the answer history and returns, per answer
// ("target_id|requirement"), when its status last changed: a row that
// creates an answer or changes its status. From the schema-3 baseline on,
// the row's image carries the time the answer was given (an imported
// answer keeps its document's time); before it, the row's own time.
func statusChanges(tx *sql.Tx) (map[string]statusMark, error) {
	rows, err := tx.Query(`SELECT at, kind, subject, old, new FROM audit ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	marks := map[string]statusMark{}
	legacy := map[string]statusMark{} // "target key|requirement" before the baseline
	legacyStatus := map[string]string{}
	baseline := false
	for rows.Next() {
		var at int64
		var kind, subject, oldText, newText string
		if err := rows.Scan(&at, &kind, &subject, &oldText, &newText); err != nil {
			return nil, err
		}
		if kind == "baseline" {
			baseline = true
			snapshot, err := decodeChangeset(newText)
			if err != nil {
				continue
			}
			// The legacy marks, re-keyed by the target row ids the baseline
			// records; an answer the legacy history never saw change keeps
			// its recorded time.
			ids := map[string]string{}
			for _, t := range snapshot["targets"] {
				ids[text(t["id"])] = str(t["key"])
			}
			for _, img := range snapshot["answers"] {
				lk := ids[text(img["target_id"])] + "|" + str(img["requirement"])
				if m, ok := legacy[lk]; ok {
					marks[imageKey(img)] = m
				}
			}
			continue
		}
		if !baseline {
			if kind != "answer" {
				if strings.HasSuffix(kind, ".delete") {
					for k := range legacy {
						if strings.HasPrefix(k, subject+"|") {
							delete(legacy, k)
							delete(legacyStatus, k)
						}
					}
				}
				continue
			}
			var st struct {
				Status string `json:"status"`
			}
			if newText == "null" || json.Unmarshal([]byte(newText), &st) != nil {
				delete(legacy, subject)
				delete(legacyStatus, subject)
				continue
			}
			if prev, ok := legacyStatus[subject]; !ok || prev != st.Status {
				legacy[subject] = statusMark{at: at}
			} else if m, ok := legacy[subject]; ok {
				m.moved = true
				legacy[subject] = m
			}
			legacyStatus[subject] = st.Status
			continue
		}
		old, err1 := decodeChangeset(oldText)
		nw, err2 := decodeChangeset(newText)
		if err1 != nil || err2 != nil {
			continue
		}
		was := map[string]string{}
		for _, img := range old["answers"] {
			was[imageKey(img)] = str(img["status"])
		}
		now := map[string]bool{}
		for _, img := range nw["answers"] {
			k := imageKey(img)
			now[k] = true
			if prev, ok := was[k]; !ok || prev != str(img["status"]) {
				marks[k] = statusMark{at: intOf(img["updated_at"]), exact: true}
			} else if m, ok := marks[k]; ok && kind != "migration" {
				m.moved = true
				marks[k] = m
			}
		}
		for k := range was {
			if !now[k] {
				delete(marks, k) // deleted
			}
		}
	}
	return marks, rows.Err()
}

// imageKey names an answers row image: "target_id|requirement".
func imageKey(img rowImage) string { return text(img["target_id"]) + "|" + str(img["requirement"]) }

// intOf reads an integer image value (SQLite's int64, or the history's
// json.Number).
func intOf(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case json.Number:
		n, _ := x.Int64()
		return n
	}
	return 0
}

// attendeesText is the stored form of a session's attendees: a JSON array
// of {"name", "role"}.
func attendeesText(list []model.Attendee) string {
	type attendee struct {
		Name string `json:"name"`
		Role string `json:"role"`
	}
	out := make([]attendee, 0, len(list))
	for _, a := range list {
		out = append(out, attendee{a.Name, a.Role})
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// parseAttendees reads the stored attendees.
func parseAttendees(s string) ([]model.Attendee, error) {
	var in []struct {
		Name string `json:"name"`
		Role string `json:"role"`
	}
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, err
	}
	out := make([]model.Attendee, 0, len(in))
	for _, a := range in {
		out = append(out, model.Attendee{Name: a.Name, Role: a.Role})
	}
	return out, nil
}
