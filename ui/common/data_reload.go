package common

import "slate/model"

// Replace swaps in the assessment as just read again from the file (a
// read-only session following what another Slate commits), keeping the
// view's settings: the scope, the session, the read-only state. The
// catalog follows the file when another Slate upgraded it and this run
// knows the new one. Version increases, so every screen refreshes what it
// derives from the data.
func (d *Data) Replace(a *model.Assessment) {
	cat := d.Cat
	if d.Catalogs != nil && (a.CatalogID != cat.ID || a.CatalogVersion != cat.Version) {
		if c, ok := d.Catalogs(a.CatalogID, a.CatalogVersion); ok {
			cat = c
		}
	}
	n := NewData(cat, a, d.Path)
	n.ReadOnly, n.ReadOnlyReason = d.ReadOnly, d.ReadOnlyReason
	n.Session, n.Catalogs = d.Session, d.Catalogs
	n.Scope = d.Scope
	n.Version = d.Version
	n.Rebuild() // with the scope kept; bumps Version past the old one
	*d = *n
}
