package store

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every bad file is refused with one clear line and is left byte-for-byte
// as it was.
func TestBadFilesAreRefusedUntouched(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"not sqlite", func(t *testing.T, p string) {
			os.WriteFile(p, []byte("Zone,SL-T\nControl,2\n"), 0o600)
		}, "is not a Slate assessment (not an SQLite database)"},
		{"empty", func(t *testing.T, p string) {
			os.WriteFile(p, nil, 0o600)
		}, "is empty, not a Slate assessment"},
		{"truncated", func(t *testing.T, p string) {
			copyFile(t, demoFile(t), p)
			st, _ := os.Stat(p)
			os.Truncate(p, st.Size()/2+100)
		}, "is truncated or damaged"},
		{"truncated on a page boundary", func(t *testing.T, p string) {
			copyFile(t, demoFile(t), p)
			os.Truncate(p, 4096*3)
		}, "is truncated or damaged"},
		{"corrupt pages", func(t *testing.T, p string) {
			copyFile(t, demoFile(t), p)
			corrupt(t, p)
		}, "is damaged"},
		{"another program's sqlite", func(t *testing.T, p string) {
			db, err := sql.Open("sqlite", p)
			if err != nil {
				t.Fatal(err)
			}
			db.Exec("CREATE TABLE contacts (name TEXT, phone TEXT)")
			db.Exec("INSERT INTO contacts VALUES ('Ann', '555')")
			db.Close()
		}, "is an SQLite database of another program"},
		{"newer schema", func(t *testing.T, p string) {
			copyFile(t, demoFile(t), p)
			setUserVersion(t, p, SchemaVersion+1)
		}, "was written by a newer Slate"},
		{"a folder", func(t *testing.T, p string) {
			os.Mkdir(p, 0o700)
		}, "is a folder"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.slate")
			tc.make(t, path)
			var before string
			if st, _ := os.Stat(path); !st.IsDir() {
				before = fileHash(t, path)
			}
			for _, ro := range []bool{false, true} {
				_, err := Open(path, Options{ReadOnly: ro})
				var fe *FileError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("read-only=%v: got %v, want a FileError containing %q", ro, err, tc.want)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("error spans lines: %q", err)
				}
				if _, _, err := OpenAndLoad(path, Options{ReadOnly: ro}); !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("OpenAndLoad read-only=%v: got %v, want %q", ro, err, tc.want)
				}
			}
			if _, err := Verify(path, VerifyOptions{}); err == nil && tc.name != "corrupt pages" {
				t.Fatal("verify accepted a bad file")
			}
			if before != "" && fileHash(t, path) != before {
				t.Fatal("the refused file was modified")
			}
			if tc.name == "newer schema" {
				_, err := Open(path, Options{})
				if !errors.Is(err, ErrNewerSchema) {
					t.Fatalf("newer schema is not ErrNewerSchema: %v", err)
				}
			}
		})
	}
}

func TestVerifyReportsCorruption(t *testing.T) {
	path := demoFile(t)
	corrupt(t, path)
	rep, err := Verify(path, VerifyOptions{})
	if err == nil && rep.OK() {
		t.Fatal("corruption not reported")
	}
}

// corrupt overwrites parts of two b-tree pages with junk.
func corrupt(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, 3000)
	for i := range junk {
		junk[i] = byte(i*7 + 3)
	}
	f.WriteAt(junk, 4096*3+20)
	f.WriteAt(junk, 4096*6+20)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// setUserVersion patches PRAGMA user_version in the header (offset 60) as a
// newer Slate would have written it.
func setUserVersion(t *testing.T, path string, v uint32) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], v)
	if _, err := f.WriteAt(b[:], 60); err != nil {
		t.Fatal(err)
	}
}
