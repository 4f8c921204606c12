//go:build windows

package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// linkCount returns how many names (hard links) the file has. Windows
// locks belong to a handle, so opening and closing one here releases no
// lock of SQLite's.
func linkCount(path string, fi os.FileInfo) int {
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(windows.Handle(f.Fd()), &info); err != nil {
		return 1
	}
	return int(info.NumberOfLinks)
}

// noFollow: O_EXCL alone never follows a link on Windows (CREATE_NEW).
const noFollow = 0
