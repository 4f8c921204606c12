package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// ApplicationID marks a SQLite file as a Slate assessment ("SLAT").
const ApplicationID = 0x534C4154

// FileError is a refusal to open a file, with the reason in plain words. The
// file has not been written to.
type FileError struct {
	Path   string
	Reason string
	Err    error // a sentinel such as ErrNewerSchema, when one applies
}

func (e *FileError) Error() string { return e.Path + ": " + e.Reason }

// Unwrap exposes the sentinel.
func (e *FileError) Unwrap() error { return e.Err }

func refuse(path, reason string) error { return &FileError{Path: path, Reason: reason} }

// ErrNewerSchema is wrapped by FileError when a newer Slate made the file.
var ErrNewerSchema = errors.New("newer schema")

// header holds what Slate reads from the first 100 bytes of a SQLite file
// before letting SQLite near it, so that a foreign or damaged file is refused
// without a single byte being written.
type header struct {
	pageSize      int64
	pageCount     int64
	sizeValid     bool
	userVersion   uint32
	applicationID uint32
}

const sqliteMagic = "SQLite format 3\x00"

// precheck refuses anything that is not an intact Slate file of a schema this
// build understands.
func precheck(path, real string) (header, error) {
	var h header
	if st, err := os.Stat(real); err == nil && st.IsDir() {
		return h, refuse(path, "is a folder, not an assessment file")
	} else if err == nil && !st.Mode().IsRegular() {
		return h, refuse(path, "is "+describeMode(st.Mode())+", not an assessment file")
	}
	f, err := os.Open(real)
	if err != nil {
		return h, refuse(path, "cannot be read: "+plainErr(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return h, refuse(path, "cannot be read: "+plainErr(err))
	}
	buf := make([]byte, 100)
	n, err := io.ReadFull(f, buf)
	if n == 0 {
		return h, refuse(path, "is empty, not a Slate assessment")
	}
	h, ok := parseHeader(buf[:n])
	if err != nil || !ok {
		return h, refuse(path, "is not a Slate assessment (not an SQLite database)")
	}
	if h.pageSize < 512 || h.pageSize&(h.pageSize-1) != 0 {
		return h, refuse(path, "is damaged (invalid page size in the header)")
	}
	// A write-ahead log may hold pages the main file does not have yet (after a
	// crash, or mid-checkpoint); then SQLite's own check after opening decides.
	if !walPending(real) && (st.Size()%h.pageSize != 0 || (h.sizeValid && st.Size() < h.pageCount*h.pageSize)) {
		return h, refuse(path, fmt.Sprintf("is truncated or damaged (%d bytes, expected %d)", st.Size(), h.pageCount*h.pageSize))
	}
	if h.applicationID != ApplicationID {
		return h, refuse(path, "is an SQLite database of another program, not a Slate assessment")
	}
	if h.userVersion > SchemaVersion {
		return h, newerSchema(path, h.userVersion)
	}
	if h.userVersion == 0 {
		return h, refuse(path, "is damaged (Slate file without a schema version)")
	}
	return h, nil
}

// parseHeader reads the fields Slate checks from a database header; ok is
// false when buf is not the start of an SQLite file.
func parseHeader(buf []byte) (h header, ok bool) {
	if len(buf) < 100 || string(buf[:16]) != sqliteMagic {
		return h, false
	}
	h.pageSize = int64(binary.BigEndian.Uint16(buf[16:18]))
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	h.pageCount = int64(binary.BigEndian.Uint32(buf[28:32]))
	h.sizeValid = h.pageCount > 0 && binary.BigEndian.Uint32(buf[24:28]) == binary.BigEndian.Uint32(buf[92:96])
	h.userVersion = binary.BigEndian.Uint32(buf[60:64])
	h.applicationID = binary.BigEndian.Uint32(buf[68:72])
	return h, true
}

func newerSchema(path string, v uint32) error {
	return &FileError{Path: path, Err: ErrNewerSchema, Reason: fmt.Sprintf(
		"was written by a newer Slate (file schema %d, this Slate reads up to %d); upgrade Slate to open it", v, SchemaVersion)}
}

func walPending(path string) bool {
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 0
}
