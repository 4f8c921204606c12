package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Holder describes the process that has an assessment open for writing.
type Holder struct {
	PID   int       `json:"pid"`
	User  string    `json:"user"`
	Host  string    `json:"host"`
	Since time.Time `json:"since"`
}

func (h Holder) String() string {
	if h.PID == 0 {
		return "another Slate process"
	}
	return fmt.Sprintf("Slate pid %d, user %s on %s, since %s", h.PID, h.User, h.Host, h.Since.Local().Format("2006-01-02 15:04"))
}

// LockedError says that another process holds the file.
type LockedError struct {
	Path   string
	Holder Holder
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is open in %s; open it read-only or close the other session", e.Path, e.Holder)
}

// fileLock is an advisory OS lock on a sidecar file next to the assessment
// (PATH.lock). The OS drops it when the process dies, so a SIGKILL never leaves
// a stale lock; the file's content names the holder for the error message.
type fileLock struct {
	f    *os.File
	path string
}

var errWouldBlock = errors.New("lock held")

func acquireLock(dbPath string) (*fileLock, error) {
	path := dbPath + ".lock"
	for range 3 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, err
		}
		if err := lockFile(f); err != nil {
			h := readHolder(f)
			f.Close()
			if errors.Is(err, errWouldBlock) {
				return nil, &LockedError{Path: dbPath, Holder: h}
			}
			return nil, err
		}
		// The previous holder may have removed the file between our open and
		// our lock; then we hold a lock on a name nobody sees. Try again.
		if st, err1 := f.Stat(); err1 == nil {
			if cur, err2 := os.Stat(path); err2 == nil && os.SameFile(st, cur) {
				l := &fileLock{f: f, path: path}
				l.writeHolder()
				return l, nil
			}
		}
		unlockFile(f)
		f.Close()
	}
	return nil, fmt.Errorf("%s: could not take the lock", path)
}

func (l *fileLock) writeHolder() {
	h := Holder{PID: os.Getpid(), Since: time.Now().UTC().Truncate(time.Second)}
	h.Host, _ = os.Hostname()
	h.User = currentUser()
	data, _ := json.Marshal(h)
	if err := l.f.Truncate(0); err == nil {
		l.f.WriteAt(data, 0)
	}
}

func readHolder(f *os.File) Holder {
	var h Holder
	data, _ := io.ReadAll(io.LimitReader(io.NewSectionReader(f, 0, 4096), 4096))
	_ = json.Unmarshal([]byte(strings.TrimSpace(string(data))), &h)
	return h
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	// Remove before unlocking so a waiting process never locks a file that is
	// about to disappear; a racing opener re-checks with SameFile.
	os.Remove(l.path)
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}
