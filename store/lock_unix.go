//go:build unix && !linux

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// Elsewhere on Unix the lock is a POSIX record lock (flock(2) would
// conflict with SQLite's own record locks on BSD-derived systems). Any
// close of a descriptor of the file in this process drops it, so it is
// taken again after SQLite's read-only check connection has closed and
// before every save (reassert).

func lockByte(f *os.File, exclusive bool) error {
	lk := unix.Flock_t{Type: unix.F_RDLCK, Whence: 0, Start: lockOffset, Len: 1}
	if exclusive {
		lk.Type = unix.F_WRLCK
	}
	err := unix.FcntlFlock(f.Fd(), unix.F_SETLK, &lk)
	if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
		return errWouldBlock
	}
	return err
}

func unlockByte(f *os.File) {
	lk := unix.Flock_t{Type: unix.F_UNLCK, Whence: 0, Start: lockOffset, Len: 1}
	unix.FcntlFlock(f.Fd(), unix.F_SETLK, &lk)
}

func (l *fileLock) reassert() error {
	if l == nil || l.f == nil {
		return nil
	}
	return lockByte(l.f, l.exclusive)
}
