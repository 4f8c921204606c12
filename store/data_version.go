package store

// DataVersion is SQLite's data version of the file as this store's
// connection sees it: it changes when another connection (another Slate)
// commits, and only then. A read-only view of a file another Slate holds
// polls it to follow that session's changes; the file's modification time
// would not do, since a commit in WAL mode writes only the -wal. (The
// store keeps one connection, so successive calls compare like with like.)
func (s *Store) DataVersion() (int64, error) {
	var v int64
	err := s.db.QueryRow("PRAGMA data_version").Scan(&v)
	return v, err
}

// OpenedVersion is the data version a read-only store read just before it
// loaded the assessment (0: not read, or the store is writable): the view
// compares its first poll with it, so that a commit made while the file
// was being loaded is not missed. Read before the load, a commit in
// between can only cause one reload too many.
func (s *Store) OpenedVersion() int64 { return s.openedVersion }
