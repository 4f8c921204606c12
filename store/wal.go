package store

import "encoding/binary"

// A read-only look at an assessment must see every committed transaction,
// including those still in the write-ahead log a killed session left, and
// must leave no file behind. SQLite can only read such a log through a
// shared-memory index it creates beside the file (-shm, and -wal if
// missing), so Slate reads the log itself, as SQLite's recovery does, and
// hands SQLite an in-memory image of the database.

const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagic           = 0x377f0682 // | 1: checksums in big-endian words
	walVersion         = 3007000
)

// walFrame is a committed page of a log: its number and where it is.
type walFrame struct{ pgno, off int }

// applyWAL copies the committed frames of a write-ahead log into img, the
// main file's bytes, and returns the image and how many frames it applied.
func applyWAL(img, wal []byte) ([]byte, int) {
	pageSize, committed, dbPages := walCommitted(wal)
	if len(committed) == 0 {
		return img, 0
	}
	size := dbPages * pageSize
	if size > len(img) {
		img = append(img, make([]byte, size-len(img))...)
	}
	for _, f := range committed {
		at := (f.pgno - 1) * pageSize
		if at+pageSize > len(img) {
			img = append(img, make([]byte, at+pageSize-len(img))...)
		}
		copy(img[at:at+pageSize], wal[f.off:f.off+pageSize])
	}
	return img[:size], len(committed)
}

// walCommitted reads a log's committed frames and the database size in
// pages after its last commit. The log ends where its header, salts or
// running checksum stop checking out, and only frames up to the last
// commit frame count, exactly as in SQLite's recovery; a log that does not
// check out at all has no frames.
func walCommitted(wal []byte) (pageSize int, committed []walFrame, dbPages int) {
	if len(wal) < walHeaderSize {
		return 0, nil, 0
	}
	be := binary.BigEndian
	magic := be.Uint32(wal[0:])
	if magic&^1 != walMagic || be.Uint32(wal[4:]) != walVersion {
		return 0, nil, 0
	}
	order := binary.ByteOrder(binary.LittleEndian)
	if magic&1 == 1 {
		order = binary.BigEndian
	}
	pageSize = int(be.Uint32(wal[8:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return 0, nil, 0
	}
	s1, s2 := walChecksum(order, wal[:24], 0, 0)
	if s1 != be.Uint32(wal[24:]) || s2 != be.Uint32(wal[28:]) {
		return 0, nil, 0
	}
	salt1, salt2 := be.Uint32(wal[16:]), be.Uint32(wal[20:])

	var pending []walFrame
	for off := walHeaderSize; off+walFrameHeaderSize+pageSize <= len(wal); off += walFrameHeaderSize + pageSize {
		h := wal[off : off+walFrameHeaderSize]
		pgno, commit := int(be.Uint32(h[0:])), int(be.Uint32(h[4:]))
		if pgno == 0 || be.Uint32(h[8:]) != salt1 || be.Uint32(h[12:]) != salt2 {
			break
		}
		page := wal[off+walFrameHeaderSize : off+walFrameHeaderSize+pageSize]
		s1, s2 = walChecksum(order, h[:8], s1, s2)
		s1, s2 = walChecksum(order, page, s1, s2)
		if s1 != be.Uint32(h[16:]) || s2 != be.Uint32(h[20:]) {
			break
		}
		pending = append(pending, walFrame{pgno, off + walFrameHeaderSize})
		if commit != 0 {
			committed = append(committed, pending...)
			pending = pending[:0]
			dbPages = commit
		}
	}
	return pageSize, committed, dbPages
}

// walChecksum continues SQLite's WAL checksum over data (a multiple of 8
// bytes), read as 32-bit words in the log's byte order.
func walChecksum(order binary.ByteOrder, data []byte, s1, s2 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(data); i += 8 {
		s1 += order.Uint32(data[i:]) + s2
		s2 += order.Uint32(data[i+4:]) + s1
	}
	return s1, s2
}

// walCommits reports whether a log holds at least one committed frame.
func walCommits(wal []byte) bool {
	_, frames, _ := walCommitted(wal)
	return len(frames) > 0
}
