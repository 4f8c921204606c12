package questionnaires

import "slate/model"

// UpgradeFor returns the newest built-in catalog when c is an older
// built-in version of it (same id, same content as an embedded older
// file): the upgrade a writable session offers. Custom catalogs are never
// upgraded by Slate, even under the built-in id.
func UpgradeFor(c *model.Catalog) (*model.Catalog, bool) {
	all := mustBuiltins()
	newest := all[0]
	if c.ID != newest.ID || c.Version == newest.Version {
		return nil, false
	}
	for _, old := range all[1:] {
		if old.ID == c.ID && old.Version == c.Version && old.Hash == c.Hash {
			return newest, true
		}
	}
	return nil, false
}
