package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// A file is identified by what os.SameFile compares (device and inode on
// Unix, volume serial and file index on Windows), never by its name: two
// names of one file (hard links) are one assessment.

// resolve returns the path SQLite and Slate's sidecar files use for the
// file named by path: its symbolic links resolved, so that "-wal", "-shm"
// and ".lock" always sit beside the file itself.
func resolve(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", refuse(path, "no such file")
	}
	if err != nil {
		return "", refuse(path, "cannot be reached: "+plainErr(err))
	}
	return filepath.Abs(real)
}

// held lists the files this process has open for writing. A second open
// of one of them in the same process is refused from this list alone,
// before any descriptor of the file is opened: closing a descriptor drops
// every POSIX lock the process holds on the file, SQLite's included.
var held = struct {
	sync.Mutex
	stores map[*Store]os.FileInfo
}{stores: map[*Store]os.FileInfo{}}

// heldBy returns the store of this process that has the file open for
// writing, if any.
func heldBy(fi os.FileInfo) *Store {
	held.Lock()
	defer held.Unlock()
	for s, id := range held.stores {
		if os.SameFile(id, fi) {
			return s
		}
	}
	return nil
}

func hold(s *Store, fi os.FileInfo) {
	held.Lock()
	held.stores[s] = fi
	held.Unlock()
}

func unhold(s *Store) {
	held.Lock()
	delete(held.stores, s)
	held.Unlock()
}

// sidecars are the files SQLite and Slate keep beside an assessment.
var sidecars = []string{"-wal", "-shm", "-journal", ".lock"}

// checkSidecars refuses a file whose sidecar names are taken by anything
// but a regular file: SQLite opens "-wal", "-shm" and "-journal" following
// symbolic links, and would write its journal into whatever one points to.
func checkSidecars(path, real string) error {
	for _, suffix := range sidecars {
		fi, err := os.Lstat(real + suffix)
		if err != nil {
			continue
		}
		if !fi.Mode().IsRegular() {
			return refuse(path, fmt.Sprintf("cannot be opened: %s is %s, not a file Slate or SQLite made; remove it first",
				filepath.Base(real+suffix), describeMode(fi.Mode())))
		}
	}
	return nil
}

// describeMode names a non-regular file type for messages.
func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// plainErr drops the "op path:" prefix of a *PathError: messages name the
// user's path themselves.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// otherNames finds the names in the file's folder that are hard links of
// it (the file itself included).
func otherNames(real string, fi os.FileInfo) []string {
	dir := filepath.Dir(real)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{real}
	}
	var out []string
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if st, err := os.Lstat(p); err == nil && os.SameFile(st, fi) {
			out = append(out, p)
		}
	}
	return out
}
