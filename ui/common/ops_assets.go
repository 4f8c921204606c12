package common

import (
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"

	"slate/assetcsv"
	"slate/model"
)

type assetStore interface {
	AddAsset(targetKey string, a model.Asset) (model.Asset, error)
	UpdateAsset(a model.Asset) error
	DeleteAsset(id int64) error
	MoveAsset(id int64, targetKey string) error
	PutAssets(items []model.AssetPut) ([]model.AssetPut, error)
}

// PutAsset adds (ID 0) or updates an asset of a zone or conduit; the
// result's Value is the asset with its ID.
func (o *Ops) PutAsset(from ScreenID, targetKey string, a model.Asset) (Ticket, tea.Cmd) {
	return o.change(from, "asset "+a.Name, func() (func(*Data), any, error) {
		var err error
		if a.ID == 0 {
			a, err = o.st.AddAsset(targetKey, a)
		} else {
			err = o.st.UpdateAsset(a)
		}
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutAsset(targetKey, a) }, a, nil
	})
}

// DeleteAsset removes an asset.
func (o *Ops) DeleteAsset(from ScreenID, targetKey string, a model.Asset) (Ticket, tea.Cmd) {
	return o.change(from, "deleted asset "+a.Name, func() (func(*Data), any, error) {
		if err := o.st.DeleteAsset(a.ID); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.RemoveAsset(targetKey, a.ID) }, a, nil
	})
}

// MoveAsset moves an asset from one zone or conduit to another; the
// result's Value is the asset.
func (o *Ops) MoveAsset(from ScreenID, fromKey, toKey string, a model.Asset) (Ticket, tea.Cmd) {
	return o.change(from, "moved asset "+a.Name, func() (func(*Data), any, error) {
		if err := o.st.MoveAsset(a.ID, toKey); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.MoveAsset(fromKey, toKey, a) }, a, nil
	})
}

// AssetPreview is the Value of PreviewAssets: the file read and what
// importing it would do.
type AssetPreview struct {
	Path    string
	Preview assetcsv.Preview
}

// PreviewAssets (a read, not a change: its Value is an AssetPreview even
// when the file cannot be read) reads an inventory export (CSV) and plans its import into
// the zones and conduits as they are when the command runs: the same
// preview as `slate assets import --dry-run`. Nothing is written. targets
// is a copy taken when asked (assetcsv.TargetsOf).
func (o *Ops) PreviewAssets(from ScreenID, path string, targets []assetcsv.Target) (Ticket, tea.Cmd) {
	return o.read(from, "preview of "+path, func() (func(*Data), any, error) {
		data, err := readLimited(path, maxCSV)
		if err != nil {
			return nil, AssetPreview{Path: path}, readError{err}
		}
		return nil, AssetPreview{Path: path, Preview: assetcsv.Plan(data, targets, assetcsv.Options{})}, nil
	})
}

// maxCSV bounds the inventory export read for a preview.
const maxCSV = 64 << 20

// readLimited reads a file of at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d MB: not an asset list", path, limit>>20)
	}
	return data, nil
}

// ImportAssets saves the adds and updates of an asset import in one
// transaction: all or none. The result's Value is the number of assets.
func (o *Ops) ImportAssets(from ScreenID, puts []model.AssetPut) (Ticket, tea.Cmd) {
	return o.change(from, fmt.Sprintf("imported %d assets", len(puts)), func() (func(*Data), any, error) {
		saved, err := o.st.PutAssets(puts)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			for _, p := range saved {
				d.PutAsset(p.Target, p.Asset)
			}
		}, len(saved), nil
	})
}
