//go:build unix

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// legacyHeld reports whether a Slate of the previous release, which held
// flock(2) on PATH.lock itself, still has the file open.
func legacyHeld(hp string) bool {
	f, err := os.OpenFile(hp, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if err == nil {
		unix.Flock(int(f.Fd()), unix.LOCK_UN)
	}
	return errors.Is(err, unix.EWOULDBLOCK)
}
