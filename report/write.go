// Package report turns an assessment into documents people hand over: HTML,
// Markdown, CSV and the JSON exchange document. It works on model types only.
package report

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// AtomicFile is a file written under a temporary name in its folder (mode
// 0600) and moved into place by Commit: a crash leaves either the old file
// or the new one, never half a report.
type AtomicFile struct {
	*os.File
	path string
	done bool
}

// CreateAtomic starts writing path. The temporary file is created
// exclusively (never through a link); errors name path, never the
// temporary name.
func CreateAtomic(path string) (*AtomicFile, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
		}
		return nil, fmt.Errorf("cannot write %s: %s", path, reason(err))
	}
	return &AtomicFile{File: tmp, path: path}, nil
}

// Commit syncs the file and renames it over the destination.
func (f *AtomicFile) Commit() error {
	err := f.Sync()
	if err == nil {
		err = f.Close()
	}
	if err == nil {
		err = os.Rename(f.Name(), f.path)
	}
	if err != nil {
		f.Abort()
		return fmt.Errorf("cannot write %s: %s", f.path, reason(err))
	}
	f.done = true
	return nil
}

// reason is an error without the file name it carries (the temporary one).
func reason(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	}
	return err.Error()
}

// Abort discards the temporary file (a no-op after Commit).
func (f *AtomicFile) Abort() {
	if !f.done {
		f.Close()
		os.Remove(f.Name())
		f.done = true
	}
}

// WriteFile writes data to path atomically with mode 0600.
func WriteFile(path string, data []byte) error {
	f, err := CreateAtomic(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("cannot write %s: %s", path, reason(err))
	}
	return f.Commit()
}
