package store

import (
	"database/sql"
	"errors"
	"strings"

	"slate/model"
)

// assetState is an asset's stored columns with the key of its zone or
// conduit, to tell a save that changes nothing from one that does.
type assetState struct {
	Target                                              string
	Name, Type, Vendor, Model, Firmware, Address, Notes string
	Criticality                                         string
}

func cleanAsset(a *model.Asset) error {
	for _, f := range []*string{&a.Name, &a.Type, &a.Vendor, &a.Model, &a.Firmware, &a.Address} {
		*f = strings.TrimSpace(model.CleanLine(*f))
	}
	a.Notes = model.CleanText(a.Notes)
	if a.Name == "" {
		return invalid("an asset needs a name")
	}
	if !a.Criticality.Valid() {
		return invalid("criticality %q: use low, medium or high", a.Criticality)
	}
	return nil
}

func assetStateOf(target string, a model.Asset) assetState {
	return assetState{target, a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, a.Notes, string(a.Criticality)}
}

// insertAsset adds an asset at the end of a zone's or conduit's list; the
// caller records the change.
func (s *Store) insertAsset(tx *sql.Tx, targetID int64, a *model.Asset) error {
	if err := cleanAsset(a); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO assets (target_id, position, name, type, vendor, model, firmware, address, notes, criticality)
		VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM assets WHERE target_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
		targetID, targetID, a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, a.Notes, string(a.Criticality))
	if err != nil {
		return err
	}
	a.ID, err = res.LastInsertId()
	return err
}

// anyTargetID is the row id of a zone or conduit.
func anyTargetID(tx *sql.Tx, key string) (int64, error) {
	var id int64
	err := tx.QueryRow(`SELECT id FROM targets WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, invalid("no zone or conduit %q", key)
	}
	return id, err
}

// assetRow returns the image of one asset.
func (s *Store) assetRow(tx *sql.Tx, id int64) (changeset, error) {
	rows, err := s.images(tx, "assets", "id = ?", id)
	return changeset{}.add("assets", rows...), err
}

// AddAsset appends an asset to a zone or conduit and returns it with its id.
func (s *Store) AddAsset(targetKey string, a model.Asset) (model.Asset, error) {
	if err := cleanAsset(&a); err != nil {
		return a, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		id, err := anyTargetID(tx, targetKey)
		if err != nil {
			return err
		}
		if err := s.insertAsset(tx, id, &a); err != nil {
			return err
		}
		after, err := s.assetRow(tx, a.ID)
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "asset", targetKey, nil, after)
	})
	return a, err
}

// UpdateAsset saves an asset's fields (found by ID).
func (s *Store) UpdateAsset(a model.Asset) error {
	if err := cleanAsset(&a); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx, at int64) error {
		return s.updateAsset(tx, at, a)
	})
}

func (s *Store) updateAsset(tx *sql.Tx, at int64, a model.Asset) error {
	old, err := loadAsset(tx, a.ID)
	if err != nil {
		return err
	}
	if assetStateOf(old.Target, a) == old {
		return nil
	}
	before, err := s.assetRow(tx, a.ID)
	if err != nil {
		return err
	}
	if err := setAsset(tx, a); err != nil {
		return err
	}
	after, err := s.assetRow(tx, a.ID)
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actor, "asset", old.Target, before, after)
}

// setAsset writes an asset's fields; the caller records the change.
func setAsset(tx *sql.Tx, a model.Asset) error {
	_, err := tx.Exec(`UPDATE assets SET name = ?, type = ?, vendor = ?, model = ?, firmware = ?,
		address = ?, notes = ?, criticality = ? WHERE id = ?`,
		a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, a.Notes, string(a.Criticality), a.ID)
	return err
}

// MoveAsset moves an asset to the end of another zone's or conduit's list
// (the firewall recorded in the DMZ belongs to the conduit it filters).
func (s *Store) MoveAsset(id int64, targetKey string) error {
	return s.write(func(tx *sql.Tx, at int64) error {
		old, err := loadAsset(tx, id)
		if err != nil {
			return err
		}
		if old.Target == targetKey {
			return nil
		}
		to, err := anyTargetID(tx, targetKey)
		if err != nil {
			return err
		}
		before, err := s.assetRow(tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE assets SET target_id = ?,
			position = (SELECT coalesce(max(position), 0) + 1 FROM assets WHERE target_id = ?) WHERE id = ?`, to, to, id); err != nil {
			return err
		}
		after, err := s.assetRow(tx, id)
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "asset.move", targetKey, before, after)
	})
}

// PutAssets adds and updates assets in one transaction (an inventory
// import): all of them or, on any error, none. The history records the
// whole import as one change. It returns the assets as saved.
func (s *Store) PutAssets(items []model.AssetPut) ([]model.AssetPut, error) {
	out := make([]model.AssetPut, len(items))
	copy(out, items)
	for i := range out {
		if err := cleanAsset(&out[i].Asset); err != nil {
			return nil, invalid("asset %d (%s): %s", i+1, out[i].Asset.Name, err)
		}
	}
	if len(out) == 0 {
		return out, nil
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		before, after := changeset{}, changeset{}
		for i := range out {
			it := &out[i]
			if it.Asset.ID == 0 {
				id, err := anyTargetID(tx, it.Target)
				if err != nil {
					return err
				}
				if err := s.insertAsset(tx, id, &it.Asset); err != nil {
					return err
				}
			} else {
				old, err := loadAsset(tx, it.Asset.ID)
				if err != nil {
					return err
				}
				if old.Target != it.Target {
					return invalid("asset %d belongs to %s, not %s", it.Asset.ID, old.Target, it.Target)
				}
				if assetStateOf(old.Target, it.Asset) == old {
					continue
				}
				img, err := s.assetRow(tx, it.Asset.ID)
				if err != nil {
					return err
				}
				before.merge(img)
				if err := setAsset(tx, it.Asset); err != nil {
					return err
				}
			}
			img, err := s.assetRow(tx, it.Asset.ID)
			if err != nil {
				return err
			}
			after.merge(img)
		}
		if len(after["assets"]) == 0 {
			return nil
		}
		return s.record(tx, at, s.actor, "asset.import", "", before, after)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteAsset removes an asset.
func (s *Store) DeleteAsset(id int64) error {
	return s.write(func(tx *sql.Tx, at int64) error {
		old, err := loadAsset(tx, id)
		if err != nil {
			return err
		}
		before, err := s.assetRow(tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM assets WHERE id = ?`, id); err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "asset", old.Target, before, nil)
	})
}

func loadAsset(tx *sql.Tx, id int64) (assetState, error) {
	var st assetState
	err := tx.QueryRow(`SELECT t.key, a.name, a.type, a.vendor, a.model, a.firmware, a.address, a.notes, a.criticality
		FROM assets a JOIN targets t ON t.id = a.target_id WHERE a.id = ?`, id).
		Scan(&st.Target, &st.Name, &st.Type, &st.Vendor, &st.Model, &st.Firmware, &st.Address, &st.Notes, &st.Criticality)
	if errors.Is(err, sql.ErrNoRows) {
		return st, invalid("no asset %d", id)
	}
	return st, err
}
