package bundle

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

// The document is read through its limit: one that expands beyond it is
// refused while it is read, naming the entry.
func TestDocumentBeyondTheLimit(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: DocName, Method: zip.Deflate})
	w.Write([]byte(strings.Repeat(" ", 1<<20)))
	zw.Close()
	r, err := Open(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Document(1 << 20); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
	_, err = r.Document(1<<20 - 1)
	var ee *EntryError
	if !errors.As(err, &ee) || ee.Entry != DocName || !strings.Contains(err.Error(), "expands beyond the limit") {
		t.Fatalf("beyond the limit: %v", err)
	}
}

// A name is quoted, so a crafted one cannot carry a control sequence to
// the terminal.
func TestEntryNamesAreQuoted(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.Create("\x1b]0;owned\x07")
	zw.Close()
	_, err := Open(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\x07") {
		t.Fatalf("%q", err)
	}
}
