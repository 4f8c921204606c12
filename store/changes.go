package store

import (
	"encoding/json"
	"strings"
	"time"

	"slate/model"
)

// AnswerHistory lists the changes of one requirement of one target,
// oldest first, from the chained history: every answer edit (status, note,
// justification, method, flag) and every file attached or removed, each
// with its time, who made it and the interview session it was made in.
func (s *Store) AnswerHistory(target, requirement string) ([]model.Change, error) {
	return s.changes(`SELECT seq, at, actor, kind, subject, old, new FROM audit
		WHERE subject = ? AND kind IN ('answer', 'evidence') ORDER BY seq`, answerSubject(target, requirement))
}

// changes reads history rows as model.Change values.
func (s *Store) changes(query string, args ...any) ([]model.Change, error) {
	names, err := s.evidenceNames()
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Change
	for rows.Next() {
		var a auditRow
		if err := rows.Scan(&a.Seq, &a.At, &a.Actor, &a.Kind, &a.Subject, &a.Old, &a.New); err != nil {
			return nil, err
		}
		out = append(out, changeOf(a, names))
	}
	return out, rows.Err()
}

// evidenceNames maps the sha256 of every stored file to its name.
func (s *Store) evidenceNames() (map[string]string, error) {
	names := map[string]string{}
	rows, err := s.db.Query(`SELECT sha256, name FROM evidence`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var sha, name string
		if err := rows.Scan(&sha, &name); err != nil {
			return nil, err
		}
		names[sha] = name
	}
	return names, rows.Err()
}

// changeOf describes one history row. names holds file names by sha256;
// the names a row itself records are added to it.
func changeOf(a auditRow, names map[string]string) model.Change {
	c := model.Change{Seq: a.Seq, At: time.UnixMilli(a.At).UTC(), Actor: a.Actor, Kind: a.Kind, Subject: a.Subject}
	if a.Kind == "answer" || a.Kind == "evidence" {
		c.Target, c.Requirement, _ = strings.Cut(a.Subject, "|")
	}
	before, err1 := decodeChangeset(a.Old)
	after, err2 := decodeChangeset(a.New)
	if err1 != nil || err2 != nil {
		if a.Kind == "answer" {
			c.Fields = legacyAnswerFields(a.Old, a.New) // a row from before schema 3
		}
		return c
	}
	c.Session = noteOf(after)
	for _, t := range []string{"evidence", "evidence_links"} {
		for _, img := range append(append([]rowImage{}, before[t]...), after[t]...) {
			if n := str(img["name"]); n != "" {
				names[str(img["sha256"])] = n
			}
		}
	}
	c.Fields = append(c.Fields, answerFields(before["answers"], after["answers"])...)
	if c.Session == 0 {
		for _, img := range after["answers"] {
			c.Session = intOf(img["session_id"])
		}
	}
	nameOf := func(sha string) string {
		if n, ok := names[sha]; ok {
			return n
		}
		return "sha256 " + sha[:min(12, len(sha))]
	}
	linked := map[string]bool{}
	for _, img := range before["evidence_links"] {
		linked[rowText(img)] = true
	}
	for _, img := range after["evidence_links"] {
		if !linked[rowText(img)] {
			c.Fields = append(c.Fields, model.FieldChange{Field: "evidence", New: nameOf(str(img["sha256"]))})
		}
		delete(linked, rowText(img))
	}
	for _, img := range before["evidence_links"] {
		if linked[rowText(img)] && a.Kind != "evidence.delete" {
			c.Fields = append(c.Fields, model.FieldChange{Field: "evidence", Old: nameOf(str(img["sha256"]))})
		}
	}
	kept := map[string]rowImage{}
	for _, img := range after["evidence"] {
		kept[str(img["sha256"])] = img
	}
	for _, img := range before["evidence"] {
		sha := str(img["sha256"])
		if now, ok := kept[sha]; ok {
			if str(now["caption"]) != str(img["caption"]) {
				c.Fields = append(c.Fields, model.FieldChange{Field: "caption", Old: str(img["caption"]), New: str(now["caption"])})
			}
			continue
		}
		c.Fields = append(c.Fields, model.FieldChange{Field: "evidence deleted", Old: nameOf(sha)})
	}
	return c
}

// answerFields compares an answer's row before and after a change.
func answerFields(before, after []rowImage) []model.FieldChange {
	if len(before) == 0 && len(after) == 0 {
		return nil
	}
	get := func(imgs []rowImage, col string) string {
		if len(imgs) == 0 {
			return ""
		}
		return str(imgs[0][col])
	}
	return fieldDiff(func(col string) string { return get(before, col) }, func(col string) string { return get(after, col) })
}

// fieldDiff lists the answer fields that differ, in a fixed order.
func fieldDiff(old, new func(string) string) []model.FieldChange {
	var out []model.FieldChange
	status := func(s string) string { return model.Status(s).Norm().Label() }
	if o, n := old("status"), new("status"); status(o) != status(n) {
		out = append(out, model.FieldChange{Field: "status", Old: status(o), New: status(n)})
	}
	for _, col := range []string{"justification", "note", "method"} {
		if o, n := old(col), new(col); o != n {
			out = append(out, model.FieldChange{Field: col, Old: o, New: n})
		}
	}
	flag := func(s string) string {
		if s == "" || s == "0" || s == "false" {
			return "not flagged"
		}
		return "flagged"
	}
	if o, n := flag(old("flagged")), flag(new("flagged")); o != n {
		out = append(out, model.FieldChange{Field: "flag", Old: o, New: n})
	}
	return out
}

// legacyAnswerFields compares the answer states a history row recorded
// before schema 3.
func legacyAnswerFields(oldText, newText string) []model.FieldChange {
	read := func(s string) map[string]string {
		var st answerState
		out := map[string]string{}
		if s == "null" || json.Unmarshal([]byte(s), &st) != nil {
			return out
		}
		out["status"], out["note"], out["justification"] = st.Status, st.Note, st.Justification
		if st.Flagged {
			out["flagged"] = "1"
		}
		return out
	}
	o, n := read(oldText), read(newText)
	return fieldDiff(func(c string) string { return o[c] }, func(c string) string { return n[c] })
}
