package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"slate/model"
)

// VerifyOptions tune Verify.
type VerifyOptions struct {
	// ExpectHead is a history head recorded elsewhere (a report, an export,
	// an e-mail): verify then also says whether the file's history still
	// ends there.
	ExpectHead string
}

// VerifyReport is the outcome of Verify.
type VerifyReport struct {
	Integrity string // "ok" or SQLite's first complaint
	Schema    uint32 // the file's schema version
	Rows      int64  // history rows checked
	Files     int    // evidence files rehashed
	Head      string // hash of the newest history row
	Problems  []string
}

// OK reports whether nothing is wrong.
func (r VerifyReport) OK() bool { return len(r.Problems) == 0 }

// maxProblems bounds the differences listed: the first ones say enough.
const maxProblems = 20

func (r *VerifyReport) problem(format string, args ...any) {
	switch n := len(r.Problems); {
	case n < maxProblems:
		r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
	case n == maxProblems:
		r.Problems = append(r.Problems, "further differences are not listed")
	}
}

// Verify checks a file without changing it or leaving anything beside it:
//
//   - SQLite's integrity check;
//   - the schema, append-only triggers included, is exactly Slate's;
//   - the sha256 chain of the history, row by row, naming the first broken row;
//   - the replay: every history row applied in order rebuilds every
//     user-state table, and every row and column of the file must be what
//     the history says (the first differences are named by table, row and
//     column); before the schema-3 baseline, what the history then recorded;
//   - every evidence file's bytes rehashed against the sha256 and size the
//     history recorded for it, and no bytes of a file it does not record
//     (naming the file);
//   - with ExpectHead, that the history still ends at that hash.
//
// Someone who can write the file can rewrite the history and recompute
// every hash; only a head recorded elsewhere (ExpectHead) detects that, or
// a newest change removed together with all its effects.
func Verify(path string, opt VerifyOptions) (VerifyReport, error) {
	var rep VerifyReport
	real, err := resolve(path)
	if err != nil {
		return rep, err
	}
	if _, err := precheck(path, real); err != nil {
		return rep, err
	}
	s := &Store{path: path, real: real}
	db, _, err := s.readDB()
	if err != nil {
		return rep, err
	}
	defer func() {
		db.Close()
		s.releaseSnapshot()
	}()
	if rep.Schema, err = identify(db, path); err != nil {
		return rep, err
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
		rep.problem("integrity check: %s", rep.Integrity)
		if !onlyConstraints(msgs) {
			return rep, nil // damaged: the tables cannot be trusted to read
		}
	}
	want, err := expectedSchema(rep.Schema)
	if err != nil {
		return rep, err
	}
	if err := checkSchema(db, want, &rep); err != nil {
		return rep, err
	}
	r := &replayer{schema: want, legacy: legacyView{}, rep: &rep, expect: strings.ToLower(strings.TrimSpace(opt.ExpectHead))}
	if err := r.walk(db); err != nil {
		return rep, fmt.Errorf("%s: reading the history: %s", path, sqliteReason(err))
	}
	if r.broken {
		return rep, nil
	}
	if err := r.compare(db); err != nil {
		return rep, fmt.Errorf("%s: reading the tables: %s", path, sqliteReason(err))
	}
	if err := checkEvidence(db, &rep); err != nil {
		return rep, fmt.Errorf("%s: reading the evidence: %s", path, sqliteReason(err))
	}
	r.checkAnchor()
	return rep, nil
}

// onlyConstraints reports whether SQLite's integrity complaints are all
// values breaking a constraint (edited with the checks switched off) rather
// than damage: the replay then still says which column holds what.
func onlyConstraints(msgs []string) bool {
	for _, m := range msgs {
		if !strings.HasPrefix(m, "CHECK constraint failed") && !strings.HasPrefix(m, "NULL value in") {
			return false
		}
	}
	return true
}

// schemaInfo is Slate's own schema of one version: what sqlite_master holds
// and each user-state table's primary key.
type schemaInfo struct {
	objects map[string]string // "type name" -> SQL
	tables  []string
	pk      map[string][]string
}

var schemas sync.Map // version -> *schemaInfo

// expectedSchema builds the schema of a version in memory, by the same
// migrations that built the file.
func expectedSchema(version uint32) (*schemaInfo, error) {
	if v, ok := schemas.Load(version); ok {
		return v.(*schemaInfo), nil
	}
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for v := uint32(0); v < version; v++ {
		tx, err := db.Begin()
		if err != nil {
			return nil, err
		}
		if err := migrations[v](tx); err != nil {
			tx.Rollback()
			return nil, err
		}
		if err := tx.Commit(); err != nil {
			return nil, err
		}
	}
	info := &schemaInfo{pk: map[string][]string{}}
	if info.objects, err = schemaObjects(db); err != nil {
		return nil, err
	}
	if info.tables, err = userTables(db); err != nil {
		return nil, err
	}
	for _, t := range info.tables {
		if info.pk[t], err = primaryKey(db, t); err != nil {
			return nil, err
		}
	}
	schemas.Store(version, info)
	return info, nil
}

func schemaObjects(q queryer) (map[string]string, error) {
	rows, err := q.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_master`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			return nil, err
		}
		out[typ+" "+name] = text
	}
	return out, rows.Err()
}

// checkSchema compares the file's tables, indexes and triggers with
// Slate's: the append-only triggers are what keep the history from being
// edited through SQLite, so a dropped or altered one is a problem.
func checkSchema(db *sql.DB, want *schemaInfo, rep *VerifyReport) error {
	got, err := schemaObjects(db)
	if err != nil {
		return err
	}
	for _, k := range sortedUnion(want.objects, got) {
		w, expected := want.objects[k]
		g, present := got[k]
		what := k
		if strings.HasPrefix(k, "trigger ") {
			what = "the append-only " + k
		}
		switch {
		case !present:
			rep.problem("%s is missing (dropped outside Slate)", what)
		case !expected:
			rep.problem("%s is not part of Slate's schema (added outside Slate)", k)
		case w != g:
			rep.problem("%s differs from Slate's schema (changed outside Slate)", what)
		}
	}
	return nil
}

// replayer walks the history: it checks the chain and rebuilds the tables.
type replayer struct {
	schema *schemaInfo
	rep    *VerifyReport
	expect string
	anchor int64 // seq of the expected head, 0 if not seen

	legacy   legacyView                   // the view of the rows before the baseline
	baseline int64                        // seq of the baseline row, 0 before it
	tables   map[string]map[string]string // table -> primary key -> canonical row
	broken   bool
}

// walk reads every history row in order.
func (r *replayer) walk(db *sql.DB) error {
	rows, err := db.Query(`SELECT seq, at, actor, kind, subject, old, new, prev, hash FROM audit ORDER BY seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	prev, want := "", int64(1)
	for rows.Next() {
		var a auditRow
		if err := rows.Scan(&a.Seq, &a.At, &a.Actor, &a.Kind, &a.Subject, &a.Old, &a.New, &a.Prev, &a.Hash); err != nil {
			return err
		}
		r.broken = true
		switch {
		case a.Seq != want:
			r.rep.problem("history row %d is missing (next row is %d): history was deleted", want, a.Seq)
		case a.Prev != prev:
			r.rep.problem("history row %d does not follow row %d: the chain was broken", a.Seq, a.Seq-1)
		case chainHash(prev, a) != a.Hash:
			r.rep.problem("history row %d (%s %s) was altered: its hash does not match its content", a.Seq, a.Kind, a.Subject)
		default:
			r.broken = false
		}
		if r.broken {
			return nil
		}
		r.rep.Rows++
		prev, want = a.Hash, a.Seq+1
		if r.expect != "" && a.Hash == r.expect {
			r.anchor = a.Seq
		}
		r.apply(a)
	}
	r.rep.Head = prev
	return rows.Err()
}

// apply replays one history row.
func (r *replayer) apply(a auditRow) {
	switch {
	case a.Kind == "baseline":
		snapshot, err := decodeChangeset(a.New)
		if err != nil {
			r.rep.problem("history row %d (baseline) cannot be read: %v", a.Seq, err)
			return
		}
		for _, d := range diffViews(r.legacy, viewOf(snapshot)) {
			r.rep.problem("history row %d (the baseline of the schema-3 upgrade) disagrees with the history before it: %s", a.Seq, d)
		}
		r.baseline, r.tables = a.Seq, map[string]map[string]string{}
		r.upsert(snapshot)
	case r.baseline == 0:
		r.legacy.apply(a)
	default:
		before, err1 := decodeChangeset(a.Old)
		after, err2 := decodeChangeset(a.New)
		if err1 != nil || err2 != nil {
			r.rep.problem("history row %d (%s %s) cannot be read", a.Seq, a.Kind, a.Subject)
			return
		}
		for _, t := range sortedTables(before) {
			if isNote(t) {
				continue
			}
			for _, img := range before[t] {
				pk := r.pkText(t, img)
				if cur, ok := r.tables[t][pk]; !ok || cur != rowText(img) {
					r.rep.problem("history row %d (%s %s) does not follow from the rows before it: table %s, row %s", a.Seq, a.Kind, a.Subject, t, r.rowName(t, img))
				}
				delete(r.tables[t], pk)
			}
		}
		r.upsert(after)
		if !after.carriesAssessment() {
			r.touch(a.At)
		}
	}
}

// touch applies the one rule for the assessment's updated_at (see record).
func (r *replayer) touch(at int64) {
	for pk, text := range r.tables["assessment"] {
		img, err := decodeRow(text)
		if err != nil {
			continue
		}
		img["updated_at"] = json.Number(strconv.FormatInt(at, 10))
		r.tables["assessment"][pk] = rowText(img)
	}
}

func (r *replayer) upsert(c changeset) {
	for t, rows := range c {
		if isNote(t) {
			continue
		}
		if r.tables[t] == nil {
			r.tables[t] = map[string]string{}
		}
		for _, img := range rows {
			r.tables[t][r.pkText(t, img)] = rowText(img)
		}
	}
}

// compare checks every row and column of every user-state table against
// the replay (or, for a file not yet upgraded to schema 3, the view of its
// legacy history).
func (r *replayer) compare(db *sql.DB) error {
	if r.baseline == 0 {
		file := changeset{}
		for _, t := range r.schema.tables {
			rows, err := tableImages(db, t)
			if err != nil {
				return err
			}
			file.add(t, rows...)
		}
		for _, d := range diffViews(r.legacy, viewOf(file)) {
			r.rep.problem("%s", d)
		}
		return nil
	}
	for t := range r.tables {
		if !contains(r.schema.tables, t) {
			r.rep.problem("the history has rows of table %s, which Slate's schema does not have", t)
		}
	}
	for _, t := range r.schema.tables {
		rows, err := tableImages(db, t)
		if err != nil {
			return err
		}
		r.compareTable(t, rows)
	}
	return nil
}

// compareTable names, for each row that differs, its first differing
// column. A row whose primary key was changed shows as one row missing and
// one added; the two are then compared column by column.
func (r *replayer) compareTable(t string, fileRows []rowImage) {
	history := r.tables[t]
	seen := map[string]bool{}
	var added []rowImage
	for _, img := range fileRows {
		pk := r.pkText(t, img)
		seen[pk] = true
		want, ok := history[pk]
		if !ok {
			added = append(added, img)
			continue
		}
		if got := rowText(img); got != want {
			r.diffRow(t, img, want)
		}
	}
	var missing []string
	for pk := range history {
		if !seen[pk] {
			missing = append(missing, pk)
		}
	}
	sort.Strings(missing)
	for i, img := range added {
		if i < len(missing) {
			r.diffRow(t, img, history[missing[i]])
			continue
		}
		r.rep.problem("table %s, row %s: in the file but not in the history (added outside Slate)", t, r.rowName(t, img))
	}
	for _, pk := range missing[min(len(added), len(missing)):] {
		img, _ := decodeRow(history[pk])
		r.rep.problem("table %s, row %s: in the history but missing from the file (deleted outside Slate)", t, r.rowName(t, img))
	}
}

// diffRow names the first column of a file row that differs from the
// history's row.
func (r *replayer) diffRow(t string, file rowImage, historyText string) {
	hist, err := decodeRow(historyText)
	if err != nil {
		r.rep.problem("table %s, row %s: its history cannot be read", t, r.rowName(t, file))
		return
	}
	for _, c := range sortedUnion(file, hist) {
		f, inFile := file[c]
		h, inHistory := hist[c]
		switch {
		case !inHistory:
			r.rep.problem("table %s, row %s, column %s: the history never recorded this column", t, r.rowName(t, file), c)
		case !inFile:
			r.rep.problem("table %s, row %s, column %s: missing from the file", t, r.rowName(t, file), c)
		case valueText(f) != valueText(h):
			r.rep.problem("table %s, row %s, column %s: the file has %s, the history %s (changed outside Slate)",
				t, r.rowName(t, hist), c, clip(valueText(f)), clip(valueText(h)))
		default:
			continue
		}
		return
	}
}

// checkAnchor reports where the expected head stands in the history.
func (r *replayer) checkAnchor() {
	switch {
	case r.expect == "" || r.expect == r.rep.Head:
	case r.anchor > 0:
		n := r.rep.Rows - r.anchor
		rows := fmt.Sprintf("rows %d-%d", r.anchor+1, r.rep.Rows)
		if n == 1 {
			rows = fmt.Sprintf("row %d", r.rep.Rows)
		}
		r.rep.problem("%s after %s (%s)", model.Plural(int(n), "change", "changes"), r.expect, rows)
	default:
		r.rep.problem("%s is not in this file's history", r.expect)
	}
}

// pkText is a row's primary key as text, the replay's row identity.
func (r *replayer) pkText(t string, img rowImage) string {
	pk := r.schema.pk[t]
	if pk == nil {
		pk = []string{"rowid"}
	}
	parts := make([]string, len(pk))
	for i, c := range pk {
		parts[i] = valueText(img[c])
	}
	return strings.Join(parts, ",")
}

// rowName names a row by its primary key, e.g. "id=4" or
// "target_id=4, requirement=SR 1.5".
func (r *replayer) rowName(t string, img rowImage) string {
	var parts []string
	for _, c := range r.schema.pk[t] {
		parts = append(parts, c+"="+str(img[c]))
	}
	return strings.Join(parts, ", ")
}

func decodeChangeset(s string) (changeset, error) {
	c := changeset{}
	if s == "null" {
		return c, nil
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	return c, dec.Decode(&c)
}

func decodeRow(s string) (rowImage, error) {
	img := rowImage{}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	return img, dec.Decode(&img)
}

// rowText is a row's canonical JSON: columns in name order.
func rowText(img rowImage) string { return canonical(img) }

// valueText is one value's canonical JSON; a number reads the same whether
// it came from SQLite or from the history's JSON.
func valueText(v any) string { return canonical(v) }

func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

func sortedTables(c changeset) []string {
	out := make([]string, 0, len(c))
	for t := range c {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// sortedUnion lists the keys of a and b, each once, in order.
func sortedUnion[A, B any](a map[string]A, b map[string]B) []string {
	out := make([]string, 0, len(a)+len(b))
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
