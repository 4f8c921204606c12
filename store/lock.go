package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The lock belongs to the file, not to its name. A writer locks one byte of
// the assessment file itself, far beyond any page (SQLite never locks or
// writes there), through a descriptor of its own that stays open until
// SQLite has closed the file; a reader taking a snapshot holds the same
// byte shared for the moment it reads. Two names of one file (hard links)
// therefore meet at the same lock. Beside the file, PATH.lock tells the
// others who holds it; the OS lock, not that file, decides, so a killed
// session leaves at most a stale PATH.lock, replaced by the next writer.

// lockOffset is the locked byte: beyond any database Slate could write
// (SQLite's own locks sit at 1 GiB), so even Windows' mandatory locks never
// block a read or write of a page.
const lockOffset = 1 << 62

// Holder describes the process that has an assessment open for writing.
type Holder struct {
	PID   int       `json:"pid"`
	User  string    `json:"user"`
	Host  string    `json:"host"`
	Since time.Time `json:"since"`
	Path  string    `json:"path"` // the name it opened the file by
}

// Why is the reason a read-only view of the holder's file gives:
// "another Slate has it open, pid 123, user ana".
func (h Holder) Why() string {
	if h.PID == 0 {
		return "another Slate has it open"
	}
	return fmt.Sprintf("another Slate has it open, pid %d, user %s", h.PID, h.User)
}

func (h Holder) String() string {
	if h.PID == 0 {
		return "another Slate process"
	}
	return fmt.Sprintf("Slate pid %d (user %s on %s, since %s)", h.PID, h.User, h.Host, h.Since.Local().Format("2006-01-02 15:04"))
}

// LockedError says that another Slate holds the file.
type LockedError struct {
	Path   string // the name this process asked for
	Holder Holder
	// OtherName is set when the holder opened the file under another name
	// (a hard link, or a name it was known by before a rename): such a
	// file is never offered read-only through this name, because SQLite
	// keeps the holder's latest changes in a journal named after the other.
	OtherName bool
	// Known is false when no holder file was found.
	Known bool
}

func (e *LockedError) Error() string {
	switch {
	case !e.Known:
		return fmt.Sprintf("%s is open in another Slate process: a read-only look (a command or a read-only session), or a session through another name or folder; close it first", e.Path)
	case e.OtherName:
		return fmt.Sprintf("%s is the same file as %s (a hard link), which is open in %s; Slate opens a file through one name at a time, so close that session first",
			e.Path, e.Holder.Path, e.Holder)
	}
	return fmt.Sprintf("%s is open in %s; close that session, or open the file read-only", e.Path, e.Holder)
}

// ReadOnlyOffered reports whether a read-only view may be offered: only
// through the very name the holder uses.
func (e *LockedError) ReadOnlyOffered() bool { return e.Known && !e.OtherName }

var (
	errWouldBlock = errors.New("lock held")
	// errNoWrite: the file or its folder cannot be written; open read-only.
	errNoWrite = errors.New("not writable")
)

// fileLock is a held lock on an assessment file.
type fileLock struct {
	f         *os.File // Slate's own descriptor of the file; closed last
	exclusive bool
	holder    string      // PATH.lock written by this writer ("" for readers)
	holderID  os.FileInfo // its identity, so release removes only our own
}

// lockForWriting takes the file's lock for writing and writes PATH.lock.
// It returns errNoWrite (wrapped) when the file or folder is read-only, a
// *LockedError when another Slate holds the file, and a *FileError when
// PATH.lock is something Slate must not touch.
func lockForWriting(path, real string) (*fileLock, error) {
	f, err := os.OpenFile(real, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || isReadOnlyFS(err) {
			return nil, fmt.Errorf("%w: the file is read-only", errNoWrite)
		}
		return nil, refuse(path, "cannot be opened for writing: "+plainErr(err))
	}
	l := &fileLock{f: f, exclusive: true}
	// A reader holds the lock shared for the moment it takes a snapshot:
	// wait a little for it. A writer announces itself in a holder file.
	for deadline := time.Now().Add(2 * time.Second); ; {
		err = lockByte(f, true)
		if err == nil {
			break
		}
		if !errors.Is(err, errWouldBlock) {
			f.Close()
			return nil, refuse(path, "cannot be locked: "+plainErr(err))
		}
		if le := lockedBy(path, real); le.Known || time.Now().After(deadline) {
			f.Close()
			return nil, le
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := l.writeHolder(path, real); err != nil {
		l.release()
		return nil, err
	}
	return l, nil
}

// lockForReading takes the file's lock shared, for a snapshot; it fails
// with errWouldBlock while a writer holds the file.
func lockForReading(path, real string) (*fileLock, error) {
	f, err := os.Open(real)
	if err != nil {
		return nil, refuse(path, "cannot be read: "+plainErr(err))
	}
	if err := lockByte(f, false); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, err
		}
		return nil, refuse(path, "cannot be locked for reading: "+plainErr(err))
	}
	return &fileLock{f: f}, nil
}

// writeHolder creates PATH.lock exclusively, never following a link. One
// that exists while we hold the file's lock is a dead session's, and is
// replaced, unless a Slate of the previous release (which locked the
// holder file itself) still holds it.
func (l *fileLock) writeHolder(path, real string) error {
	hp := real + ".lock"
	h := Holder{PID: os.Getpid(), User: currentUser(), Since: time.Now().UTC().Truncate(time.Second), Path: real}
	h.Host, _ = os.Hostname()
	data, _ := json.Marshal(h)
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(hp, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
		if err == nil {
			_, werr := f.Write(data)
			id, serr := f.Stat()
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr == nil {
				werr = serr
			}
			if werr != nil {
				os.Remove(hp)
				return refuse(path, "cannot write its lock file "+filepath.Base(hp)+": "+plainErr(werr))
			}
			l.holder, l.holderID = hp, id
			return nil
		}
		if errors.Is(err, fs.ErrPermission) || isReadOnlyFS(err) {
			return fmt.Errorf("%w: its folder is read-only", errNoWrite)
		}
		fi, lerr := os.Lstat(hp)
		if !errors.Is(err, fs.ErrExist) || lerr != nil {
			return refuse(path, "cannot create its lock file "+filepath.Base(hp)+": "+plainErr(err))
		}
		if !fi.Mode().IsRegular() {
			return refuse(path, fmt.Sprintf("cannot be opened for writing: %s is %s, not Slate's lock file; remove it first",
				filepath.Base(hp), describeMode(fi.Mode())))
		}
		if legacyHeld(hp) {
			return &LockedError{Path: path, Holder: readHolder(hp), Known: true}
		}
		if attempt > 0 {
			return refuse(path, "cannot replace the stale lock file "+filepath.Base(hp))
		}
		if err := os.Remove(hp); err != nil {
			return refuse(path, "cannot replace the stale lock file "+filepath.Base(hp)+": "+plainErr(err))
		}
	}
}

// release removes our holder file, then drops the lock and the descriptor.
// It runs after SQLite has closed the file.
func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	if l.holder != "" {
		if fi, err := os.Lstat(l.holder); err == nil && os.SameFile(fi, l.holderID) {
			os.Remove(l.holder)
		}
	}
	unlockByte(l.f)
	l.f.Close()
	l.f = nil
}

// lockedBy describes who holds the file: the holder file beside this name,
// or one beside another name of the same file in its folder.
func lockedBy(path, real string) *LockedError {
	le := &LockedError{Path: path}
	self, err := os.Stat(real)
	if err != nil {
		return le
	}
	match := func(hp string) bool {
		h := readHolder(hp)
		if h.Path == "" {
			return false
		}
		if fi, err := os.Stat(h.Path); err != nil || !os.SameFile(fi, self) {
			return false
		}
		le.Holder, le.Known, le.OtherName = h, true, h.Path != real
		return true
	}
	if match(real + ".lock") {
		return le
	}
	entries, err := os.ReadDir(filepath.Dir(real))
	if err != nil {
		return le
	}
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".lock") && match(filepath.Join(filepath.Dir(real), e.Name())) {
			return le
		}
	}
	return le
}

// readHolder reads a holder file; anything unexpected gives a zero Holder.
func readHolder(hp string) Holder {
	var h Holder
	fi, err := os.Lstat(hp)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > 4096 {
		return h
	}
	f, err := os.OpenFile(hp, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return h
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, 4096))
	if json.Unmarshal(data, &h) != nil {
		return Holder{}
	}
	return h
}
