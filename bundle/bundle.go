// Package bundle writes and reads an assessment bundle: a zip archive
// holding the JSON exchange document as assessment.json and the bytes of
// every evidence file as evidence/<sha256> (docs/exchange-format.md).
//
// Reading trusts nothing in the archive: every entry name must be one of
// those two forms (no folder, no "..", no absolute path, no other file),
// each may appear once, every file the document lists must be there and
// nothing else, and every entry is read through a limit (the document's
// size limit, or the size the document records for the file) and hashed
// while it is read. No entry is ever written to disk under its name: the
// bytes go into the assessment file, or nowhere.
package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"slate/model"
)

// The entry names of a bundle.
const (
	DocName     = "assessment.json"
	EvidenceDir = "evidence/"
)

// IsBundle reports whether the first bytes of a file are those of a zip
// archive: import recognises a bundle by its content, never by its name.
func IsBundle(head []byte) bool { return bytes.HasPrefix(head, []byte("PK\x03\x04")) }

// EntryError is a bundle refused because of one of its entries.
type EntryError struct {
	Entry string
	Msg   string
}

func (e *EntryError) Error() string { return "bundle entry " + quote(e.Entry) + ": " + e.Msg }

// NamesEntry marks the error as naming its entry (the store passes it on
// as it is).
func (e *EntryError) NamesEntry() {}

// quote shows an entry name safely: its bytes as Go would quote them, so a
// crafted name cannot carry a control sequence to the terminal.
func quote(name string) string { return fmt.Sprintf("%q", name) }

// Write writes a bundle to w: doc as assessment.json, then each file's
// bytes, read with open, as evidence/<sha256>, in the order given. Every
// entry carries the time modified, so the same input gives the same bytes.
func Write(w io.Writer, doc []byte, files []model.Evidence, open func(sha string) (io.ReadCloser, error), modified time.Time) error {
	zw := zip.NewWriter(w)
	entry := func(name string) (io.Writer, error) {
		return zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified.UTC()})
	}
	dw, err := entry(DocName)
	if err != nil {
		return err
	}
	if _, err := dw.Write(doc); err != nil {
		return err
	}
	for _, e := range files {
		ew, err := entry(EvidenceDir + e.SHA256)
		if err != nil {
			return err
		}
		r, err := open(e.SHA256)
		if err != nil {
			return err
		}
		_, err = io.Copy(ew, r)
		r.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}

// Reader is an opened bundle whose entry names have been checked.
type Reader struct {
	zr    *zip.Reader
	doc   *zip.File
	blobs map[string]*zip.File // by sha256
	order []string             // the evidence entries, as archived
}

// Open reads a bundle's directory from r (size bytes) and checks every
// entry name: assessment.json once, evidence/<sha256> (64 lower-case hex
// digits) once each, and nothing else.
func Open(r io.ReaderAt, size int64) (*Reader, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a readable bundle (zip archive): %v", err)
	}
	b := &Reader{zr: zr, blobs: map[string]*zip.File{}}
	seen := map[string]bool{}
	for _, f := range zr.File {
		if seen[f.Name] {
			return nil, &EntryError{f.Name, "appears twice in the bundle"}
		}
		seen[f.Name] = true
		switch sha, isBlob := strings.CutPrefix(f.Name, EvidenceDir); {
		case f.Name == DocName:
			b.doc = f
		case isBlob && model.ValidSHA256(sha):
			b.blobs[sha] = f
			b.order = append(b.order, sha)
		default:
			return nil, &EntryError{f.Name, "is not a name a bundle holds (only " + DocName + " and " + EvidenceDir + "<sha256>)"}
		}
	}
	if b.doc == nil {
		return nil, &EntryError{DocName, "is missing: a bundle holds the exchange document as " + DocName}
	}
	return b, nil
}

// Document reads assessment.json, refusing it as soon as it expands
// beyond limit bytes.
func (b *Reader) Document(limit int64) ([]byte, error) {
	rc, err := b.doc.Open()
	if err != nil {
		return nil, &EntryError{DocName, err.Error()}
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, &EntryError{DocName, "cannot be read: " + err.Error()}
	}
	if int64(len(data)) > limit {
		return nil, &EntryError{DocName, fmt.Sprintf("expands beyond the limit of %s", model.HumanSize(limit))}
	}
	return data, nil
}

// Check matches the files the document lists with the archived ones:
// each listed file must be there, nothing unlisted may be, and no file
// may be larger than limit.
func (b *Reader) Check(files []model.Evidence, limit int64) error {
	listed := map[string]bool{}
	for _, e := range files {
		listed[e.SHA256] = true
		if _, ok := b.blobs[e.SHA256]; !ok {
			return &EntryError{EvidenceDir + e.SHA256, "is listed in " + DocName + " (" + e.Name + ") but missing from the bundle"}
		}
		if e.Size > limit {
			return &EntryError{EvidenceDir + e.SHA256, fmt.Sprintf("(%s) is larger than the limit of %s per evidence file", e.Name, model.HumanSize(limit))}
		}
	}
	for _, sha := range b.order {
		if !listed[sha] {
			return &EntryError{EvidenceDir + sha, "is in the bundle but " + DocName + " does not list it"}
		}
	}
	return nil
}

// OpenBlob reads the bytes of one file: at most its recorded size (an
// entry that expands beyond it is refused while it is read), hashed as it
// is read, and refused at the end unless they are exactly the recorded
// sha256 and size.
func (b *Reader) OpenBlob(e model.Evidence) (io.ReadCloser, error) {
	name := EvidenceDir + e.SHA256
	f, ok := b.blobs[e.SHA256]
	if !ok {
		return nil, &EntryError{name, "is missing from the bundle"}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &EntryError{name, err.Error()}
	}
	return &checked{rc: rc, name: name, want: e, h: sha256.New()}, nil
}

// checked reads one entry through its limit and hash.
type checked struct {
	rc   io.ReadCloser
	name string
	want model.Evidence
	h    interface {
		io.Writer
		Sum([]byte) []byte
	}
	n int64
}

func (c *checked) Read(p []byte) (int, error) {
	// Read one byte past the limit to tell "ends here" from "goes on".
	if room := c.want.Size + 1 - c.n; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := c.rc.Read(p)
	c.n += int64(n)
	c.h.Write(p[:n])
	if c.n > c.want.Size {
		return 0, &EntryError{c.name, fmt.Sprintf("expands beyond the %d bytes recorded for %s", c.want.Size, c.want.Name)}
	}
	if errors.Is(err, io.EOF) {
		if c.n != c.want.Size || hex.EncodeToString(c.h.Sum(nil)) != c.want.SHA256 {
			return n, &EntryError{c.name, "its bytes do not match its sha256 (the bundle was altered or damaged)"}
		}
		return n, io.EOF
	}
	if err != nil {
		return n, &EntryError{c.name, "cannot be read: " + err.Error()}
	}
	return n, nil
}

func (c *checked) Close() error { return c.rc.Close() }
