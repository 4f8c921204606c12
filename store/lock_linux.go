//go:build linux

package store

import (
	"errors"
	"os"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// On Linux the lock is an open file description (OFD) lock: it belongs to
// Slate's descriptor alone, so no close(2) elsewhere in the process drops
// it. File systems without OFD locks fall back to POSIX record locks.
var posixOnly atomic.Bool

func lockByte(f *os.File, exclusive bool) error {
	lk := unix.Flock_t{Type: unix.F_RDLCK, Whence: 0, Start: lockOffset, Len: 1}
	if exclusive {
		lk.Type = unix.F_WRLCK
	}
	if !posixOnly.Load() {
		err := unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk)
		if !errors.Is(err, unix.EINVAL) {
			return lockResult(err)
		}
		posixOnly.Store(true)
	}
	return lockResult(unix.FcntlFlock(f.Fd(), unix.F_SETLK, &lk))
}

func unlockByte(f *os.File) {
	lk := unix.Flock_t{Type: unix.F_UNLCK, Whence: 0, Start: lockOffset, Len: 1}
	if !posixOnly.Load() {
		unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk)
	}
	unix.FcntlFlock(f.Fd(), unix.F_SETLK, &lk)
}

func lockResult(err error) error {
	if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
		return errWouldBlock
	}
	return err
}

// reassert takes a POSIX lock again: any close of a descriptor of the file
// in this process (SQLite's read-only check connection) dropped it.
func (l *fileLock) reassert() error {
	if !posixOnly.Load() || l == nil || l.f == nil {
		return nil
	}
	return lockByte(l.f, l.exclusive)
}
