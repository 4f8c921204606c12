package common

import (
	tea "charm.land/bubbletea/v2"

	"slate/model"
)

type assetStore interface {
	AddAsset(zoneKey string, a model.Asset) (model.Asset, error)
	UpdateAsset(a model.Asset) error
	DeleteAsset(id int64) error
}

// PutAsset adds (ID 0) or updates an asset of a zone; the result's Value is
// the asset with its ID.
func (o *Ops) PutAsset(from ScreenID, zoneKey string, a model.Asset) (Ticket, tea.Cmd) {
	return o.change(from, "asset "+a.Name, func() (func(*Data), any, error) {
		var err error
		if a.ID == 0 {
			a, err = o.st.AddAsset(zoneKey, a)
		} else {
			err = o.st.UpdateAsset(a)
		}
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutAsset(zoneKey, a) }, a, nil
	})
}

// DeleteAsset removes an asset.
func (o *Ops) DeleteAsset(from ScreenID, zoneKey string, a model.Asset) (Ticket, tea.Cmd) {
	return o.change(from, "deleted asset "+a.Name, func() (func(*Data), any, error) {
		if err := o.st.DeleteAsset(a.ID); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.RemoveAsset(zoneKey, a.ID) }, a, nil
	})
}
