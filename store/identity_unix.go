//go:build unix

package store

import (
	"os"
	"syscall"
)

// linkCount returns how many names (hard links) the file has.
func linkCount(path string, fi os.FileInfo) int {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Nlink)
	}
	return 1
}

// noFollow makes an open fail on a symbolic link.
const noFollow = syscall.O_NOFOLLOW
