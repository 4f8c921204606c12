package store

import (
	"database/sql"
	"errors"
	"strings"

	"slate/model"
)

type assetState struct {
	Zone     string `json:"zone"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Vendor   string `json:"vendor"`
	Model    string `json:"model"`
	Firmware string `json:"firmware"`
	Address  string `json:"address"`
	Notes    string `json:"notes"`
}

func cleanAsset(a *model.Asset) error {
	for _, f := range []*string{&a.Name, &a.Type, &a.Vendor, &a.Model, &a.Firmware, &a.Address} {
		*f = strings.TrimSpace(model.CleanLine(*f))
	}
	a.Notes = model.CleanText(a.Notes)
	if a.Name == "" {
		return invalid("an asset needs a name")
	}
	return nil
}

func assetStateOf(zone string, a model.Asset) assetState {
	return assetState{zone, a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, a.Notes}
}

// insertAsset adds an asset to a zone; the caller records the change.
func (s *Store) insertAsset(tx *sql.Tx, zoneID int64, a *model.Asset) error {
	if err := cleanAsset(a); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO assets (zone_id, position, name, type, vendor, model, firmware, address, notes)
		VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM assets WHERE zone_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
		zoneID, zoneID, a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, a.Notes)
	if err != nil {
		return err
	}
	a.ID, err = res.LastInsertId()
	return err
}

// assetRow returns the image of one asset.
func (s *Store) assetRow(tx *sql.Tx, id int64) (changeset, error) {
	rows, err := s.images(tx, "assets", "id = ?", id)
	return changeset{}.add("assets", rows...), err
}

// AddAsset appends an asset to a zone and returns it with its id.
func (s *Store) AddAsset(zoneKey string, a model.Asset) (model.Asset, error) {
	if err := cleanAsset(&a); err != nil {
		return a, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		id, err := zoneID(tx, zoneKey)
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
		return s.record(tx, at, s.actor, "asset", zoneKey, nil, after)
	})
	return a, err
}

// UpdateAsset saves an asset's fields (found by ID).
func (s *Store) UpdateAsset(a model.Asset) error {
	if err := cleanAsset(&a); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx, at int64) error {
		old, err := loadAsset(tx, a.ID)
		if err != nil {
			return err
		}
		if assetStateOf(old.Zone, a) == old {
			return nil
		}
		before, err := s.assetRow(tx, a.ID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE assets SET name = ?, type = ?, vendor = ?, model = ?, firmware = ?,
			address = ?, notes = ? WHERE id = ?`, a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, a.Notes, a.ID); err != nil {
			return err
		}
		after, err := s.assetRow(tx, a.ID)
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "asset", old.Zone, before, after)
	})
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
		return s.record(tx, at, s.actor, "asset", old.Zone, before, nil)
	})
}

func loadAsset(tx *sql.Tx, id int64) (assetState, error) {
	var st assetState
	err := tx.QueryRow(`SELECT t.key, a.name, a.type, a.vendor, a.model, a.firmware, a.address, a.notes
		FROM assets a JOIN targets t ON t.id = a.zone_id WHERE a.id = ?`, id).
		Scan(&st.Zone, &st.Name, &st.Type, &st.Vendor, &st.Model, &st.Firmware, &st.Address, &st.Notes)
	if errors.Is(err, sql.ErrNoRows) {
		return st, invalid("no asset %d", id)
	}
	return st, err
}
