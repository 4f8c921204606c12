package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// A read-only look at an assessment must see every committed transaction,
// including those still in the write-ahead log a killed session left, and
// must leave no file behind. SQLite can only read such a log through a
// shared-memory index it creates beside the file (-shm, and -wal if
// missing), so Slate reads the log itself, as SQLite's recovery does, and
// hands SQLite the pages it asks for with the log applied (snapshot.go).

const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagic           = 0x377f0682 // | 1: checksums in big-endian words
	walVersion         = 3007000
)

// walChecksum continues SQLite's WAL checksum over data (a multiple of 8
// bytes), read as 32-bit words in the log's byte order.
func walChecksum(order binary.ByteOrder, data []byte, s1, s2 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(data); i += 8 {
		s1 += order.Uint32(data[i:]) + s2
		s2 += order.Uint32(data[i+4:]) + s1
	}
	return s1, s2
}

// findLog opens the write-ahead log holding the file's latest commits, if
// any. SQLite names the log after the name it opened the file by, so for a
// file with several names every name's log in its folder is looked at.
func findLog(path, real string, fi os.FileInfo) (*os.File, error) {
	names := []string{real}
	if linkCount(real, fi) > 1 {
		names = otherNames(real, fi)
	}
	var found []string
	var wal *os.File
	for _, n := range names {
		f, err := openSidecar(n + "-wal")
		if err != nil {
			return nil, refuse(path, "cannot be read: "+path+"-wal: "+plainErr(err))
		}
		if f == nil {
			continue
		}
		if _, frames, _, _ := scanLog(f); len(frames) == 0 {
			f.Close()
			continue
		}
		found = append(found, n)
		if wal != nil {
			wal.Close()
		}
		wal = f
	}
	if len(found) > 1 {
		wal.Close()
		return nil, refuse(path, fmt.Sprintf("cannot be read: its latest changes are split between the logs of %v (the file has several names); open each name with the Slate that wrote it", found))
	}
	return wal, nil
}

// openSidecar opens a regular file beside the assessment, never following
// a link; a missing one gives nil.
func openSidecar(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s, not a file SQLite made", describeMode(fi.Mode()))
	}
	f, err := os.OpenFile(p, os.O_RDONLY|noFollow, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return f, err
}

// scanLog reads a log frame by frame, as SQLite's recovery does, keeping
// only where each committed page's newest copy is, and the database size
// in pages after its last commit. The log ends where its header, salts or
// running checksum stop checking out, and only frames up to the last
// commit frame count; a log that does not check out at all has none.
func scanLog(wal *os.File) (pageSize int64, pages map[int64]int64, dbPages int64, err error) {
	var hdr [walHeaderSize]byte
	if _, err := wal.ReadAt(hdr[:], 0); err != nil {
		return 0, nil, 0, nil // too short: no commits
	}
	be := binary.BigEndian
	magic := be.Uint32(hdr[0:])
	if magic&^1 != walMagic || be.Uint32(hdr[4:]) != walVersion {
		return 0, nil, 0, nil
	}
	order := binary.ByteOrder(binary.LittleEndian)
	if magic&1 == 1 {
		order = binary.BigEndian
	}
	pageSize = int64(be.Uint32(hdr[8:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return 0, nil, 0, nil
	}
	s1, s2 := walChecksum(order, hdr[:24], 0, 0)
	if s1 != be.Uint32(hdr[24:]) || s2 != be.Uint32(hdr[28:]) {
		return 0, nil, 0, nil
	}
	salt1, salt2 := be.Uint32(hdr[16:]), be.Uint32(hdr[20:])
	pages = map[int64]int64{}
	pending := map[int64]int64{}
	frame := make([]byte, walFrameHeaderSize+pageSize)
	for off := int64(walHeaderSize); ; off += walFrameHeaderSize + pageSize {
		if _, err := wal.ReadAt(frame, off); err != nil {
			break
		}
		h, page := frame[:walFrameHeaderSize], frame[walFrameHeaderSize:]
		pgno, commit := int64(be.Uint32(h[0:])), int64(be.Uint32(h[4:]))
		if pgno == 0 || be.Uint32(h[8:]) != salt1 || be.Uint32(h[12:]) != salt2 {
			break
		}
		s1, s2 = walChecksum(order, h[:8], s1, s2)
		s1, s2 = walChecksum(order, page, s1, s2)
		if s1 != be.Uint32(h[16:]) || s2 != be.Uint32(h[20:]) {
			break
		}
		pending[pgno] = off + walFrameHeaderSize
		if commit != 0 {
			for p, at := range pending {
				pages[p] = at
			}
			clear(pending)
			dbPages = commit
		}
	}
	if len(pages) == 0 {
		return 0, nil, 0, nil
	}
	return pageSize, pages, dbPages, nil
}
