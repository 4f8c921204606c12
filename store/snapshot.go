package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sync"
	"time"

	"modernc.org/sqlite/vfs"
)

// A read-only look at a file no writer holds reads it through a snapshot:
// SQLite asks for pages, and the snapshot reads each one when asked, from
// the write-ahead log a killed session left when the log has the page, from
// the file otherwise, through Slate's own descriptor, under the shared lock
// that keeps any writer out until the look is over. Nothing is written,
// nothing is created beside the file, and nothing is read that the command
// does not need: a file with hundreds of megabytes of evidence is read
// without holding it in memory (an in-memory copy, which an older schema
// still needs to be upgraded in, would hold all of it).

// snapshot is one file as SQLite sees it through the snapshot VFS.
type snapshot struct {
	main     *os.File // Slate's locked descriptor of the file
	wal      *os.File // the log, or nil
	pageSize int64
	size     int64           // the database's size after the log's last commit
	pages    map[int64]int64 // page number -> offset of its newest committed copy in the log
}

// snapshotFS is the file system the snapshot VFS reads: each open snapshot
// under a name of its own.
type snapshotFS struct {
	mu    sync.Mutex
	next  int
	files map[string]*snapshot
}

var (
	snapFS   = &snapshotFS{files: map[string]*snapshot{}}
	snapVFS  string
	snapOnce sync.Once
	snapErr  error
)

// register adds a snapshot and returns the DSN that opens it.
func (f *snapshotFS) register(s *snapshot) (name string, dsn string, err error) {
	snapOnce.Do(func() { snapVFS, _, snapErr = vfs.New(snapFS) })
	if snapErr != nil {
		return "", "", snapErr
	}
	f.mu.Lock()
	f.next++
	name = fmt.Sprintf("snapshot-%d.db", f.next)
	f.files[name] = s
	f.mu.Unlock()
	return name, "file:/" + name + "?vfs=" + snapVFS + "&mode=ro&immutable=1", nil
}

func (f *snapshotFS) forget(name string) {
	f.mu.Lock()
	delete(f.files, name)
	f.mu.Unlock()
}

// Open implements fs.FS for SQLite: the snapshot itself, and nothing else
// (no journal, no log: the snapshot applies the log).
func (f *snapshotFS) Open(name string) (fs.File, error) {
	f.mu.Lock()
	s, ok := f.files[path.Base(name)]
	f.mu.Unlock()
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &snapshotFile{s: s, name: path.Base(name)}, nil
}

// snapshotFile is one open handle of a snapshot, with its own position.
type snapshotFile struct {
	s    *snapshot
	name string
	off  int64
}

func (h *snapshotFile) Stat() (fs.FileInfo, error) { return snapshotInfo{h.name, h.s.size}, nil }
func (h *snapshotFile) Close() error               { return nil }

func (h *snapshotFile) Read(p []byte) (int, error) {
	if h.off >= h.s.size {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), h.s.size-h.off)]
	n, err := h.s.readAt(p, h.off)
	h.off += int64(n)
	return n, err
}

func (h *snapshotFile) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		off += h.off
	case io.SeekEnd:
		off += h.s.size
	}
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	h.off = off
	return off, nil
}

// readAt reads the database's bytes at off, page by page, each from the
// log when the log has it.
func (s *snapshot) readAt(p []byte, off int64) (int, error) {
	done := 0
	for done < len(p) {
		pos := off + int64(done)
		pgno := pos/s.pageSize + 1
		inPage := pos % s.pageSize
		n := min(int64(len(p)-done), s.pageSize-inPage)
		buf := p[done : done+int(n)]
		var err error
		if at, ok := s.pages[pgno]; ok {
			_, err = s.wal.ReadAt(buf, at+inPage)
		} else {
			var m int
			m, err = s.main.ReadAt(buf, pos)
			if err == io.EOF {
				clear(buf[m:]) // a page the log extended the file with
				err = nil
			}
		}
		if err != nil {
			return done, err
		}
		done += int(n)
	}
	// The log is applied: to SQLite this is a database with a rollback
	// journal (header bytes 18 and 19), never one that needs its -wal.
	for i := int64(18); i <= 19; i++ {
		if i >= off && i < off+int64(len(p)) {
			p[i-off] = 1
		}
	}
	return done, nil
}

type snapshotInfo struct {
	name string
	size int64
}

func (i snapshotInfo) Name() string       { return i.name }
func (i snapshotInfo) Size() int64        { return i.size }
func (i snapshotInfo) Mode() fs.FileMode  { return 0o400 }
func (i snapshotInfo) ModTime() time.Time { return time.Time{} }
func (i snapshotInfo) IsDir() bool        { return false }
func (i snapshotInfo) Sys() any           { return nil }

// newSnapshot prepares the snapshot of a file read through f (Slate's
// locked descriptor): it finds the log holding the latest commits, if any,
// and indexes its committed pages without keeping them.
func newSnapshot(path, real string, f *os.File) (*snapshot, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, refuse(path, "cannot be read: "+plainErr(err))
	}
	var head [100]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return nil, refuse(path, "cannot be read: "+plainErr(err))
	}
	h, ok := parseHeader(head[:])
	if !ok {
		return nil, refuse(path, "is not a Slate assessment (not an SQLite database)")
	}
	s := &snapshot{main: f, pageSize: h.pageSize, size: st.Size()}
	wal, err := findLog(path, real, st)
	if err != nil || wal == nil {
		return s, err
	}
	pageSize, frames, dbPages, err := scanLog(wal)
	if err != nil || len(frames) == 0 || pageSize != s.pageSize {
		wal.Close()
		return s, nil
	}
	s.wal, s.pages, s.size = wal, frames, dbPages*pageSize
	return s, nil
}

func (s *snapshot) close() {
	if s.wal != nil {
		s.wal.Close()
	}
}
