package store

import "os/exec"

// chattr sets or clears the immutable attribute (Linux, as root), the one
// way to make a file read-only for a root test process.
func chattr(path string, on bool) error {
	flag := "-i"
	if on {
		flag = "+i"
	}
	return exec.Command("chattr", flag, path).Run()
}
