package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// OutputError is an output path (-o) refused before anything was written.
type OutputError struct{ Msg string }

func (e *OutputError) Error() string { return e.Msg }

// CheckOutput refuses an output path that would destroy the assessment or
// write somewhere no file is meant to be: the assessment file input itself
// (by any name), its -wal, -shm, -journal or lock file, and anything that
// exists but is not a regular file (a folder, a symbolic link whatever it
// points to, a device, a fifo, a socket). "-" means standard output and is
// always accepted; input may be "" when there is none. It is called before
// anything is written, so a refused output leaves every file as it was.
func CheckOutput(out, input string) error {
	if out == "-" {
		return nil
	}
	fi, err := os.Lstat(out)
	if err == nil && !fi.Mode().IsRegular() {
		return &OutputError{fmt.Sprintf("%s is not a regular file (it is %s); use -o - for standard output", out, describeMode(fi.Mode()))}
	}
	if input == "" {
		return nil
	}
	in, err := resolve(input)
	if err != nil {
		return nil // no input file to protect
	}
	inInfo, _ := os.Stat(in)
	target := outputTarget(out)
	for _, suffix := range append([]string{""}, sidecars...) {
		name := in + suffix
		same := target == name
		if !same && fi != nil {
			if si, err := os.Stat(name); err == nil && os.SameFile(fi, si) {
				same = true
			}
		}
		if !same {
			continue
		}
		if suffix == "" {
			return &OutputError{fmt.Sprintf("%s is the assessment file itself; Slate never writes over its input", out)}
		}
		return &OutputError{fmt.Sprintf("%s is the %s file of %s; writing there would destroy the assessment's changes", out, suffix, input)}
	}
	if fi != nil && inInfo != nil && os.SameFile(fi, inInfo) {
		return &OutputError{fmt.Sprintf("%s is the assessment file itself; Slate never writes over its input", out)}
	}
	return nil
}

// outputTarget is where out would land: its folder's links resolved.
func outputTarget(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		return out
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return abs // a missing folder: writing will fail and say so
	}
	return filepath.Join(dir, filepath.Base(abs))
}
