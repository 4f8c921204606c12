//go:build windows

package store

import "errors"

func mkfifo(path string) error { return errors.New("no named pipes in a folder on Windows") }
