package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
)

// checkEvidence covers the evidence bytes, which the history records by
// hash, not by row images (see history.go): every file's chunks, read one
// at a time in order, must be numbered 0, 1, 2, ... and hash to the sha256
// and size of the file's record, which the replay has checked against the
// history; and no chunk may belong to a file without a record (bytes a
// deletion should have removed, or added outside Slate). A problem names
// the file.
func checkEvidence(db *sql.DB, rep *VerifyReport) error {
	var present int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, chunkTable).Scan(&present); err != nil || present == 0 {
		return err // a schema before evidence
	}
	type file struct {
		sha, name string
		size      int64
	}
	var files []file
	rows, err := db.Query(`SELECT sha256, name, size FROM evidence ORDER BY name, sha256`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var f file
		if err := rows.Scan(&f.sha, &f.name, &f.size); err != nil {
			rows.Close()
			return err
		}
		files = append(files, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range files {
		ok, err := rehash(db, f.sha, f.size)
		if err != nil {
			return err
		}
		if !ok {
			rep.problem("evidence file %s (sha256 %s): its stored bytes do not match its recorded sha256 and size (changed outside Slate)", f.name, f.sha)
		}
		rep.Files++
	}
	orphans, err := column(db, `SELECT DISTINCT sha256 FROM evidence_chunks WHERE sha256 NOT IN (SELECT sha256 FROM evidence) ORDER BY sha256`)
	if err != nil {
		return err
	}
	for _, sha := range orphans {
		rep.problem("table %s holds bytes (sha256 %s) of no evidence file the history records (added outside Slate, or left by a deletion)", chunkTable, clip(sha))
	}
	return nil
}

// rehash reads a file's chunks in order and reports whether they are
// numbered from 0 without a gap and hash to sha with size bytes.
func rehash(db *sql.DB, sha string, size int64) (bool, error) {
	rows, err := db.Query(`SELECT seq, data FROM evidence_chunks WHERE sha256 = ? ORDER BY seq`, sha)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	h := sha256.New()
	var n, want int64
	ok := true
	for rows.Next() {
		var seq int64
		var data sql.RawBytes
		if err := rows.Scan(&seq, &data); err != nil {
			return false, err
		}
		if seq != want {
			ok = false
		}
		want++
		n += int64(len(data))
		h.Write(data)
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	return ok && n == size && hex.EncodeToString(h.Sum(nil)) == sha, nil
}
