package targets

import (
	"errors"
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// The asset list of one zone or conduit (a conduit's assets are the
// devices it consists of: the firewall, the diode, the VPN gateway): its
// own cursor, n/e/m/x for add, edit, move and delete, esc back to the
// list.

// assets returns the assets of the zone or conduit shown in the sub-view.
func (m *Model) assets() []model.Asset { return m.ctx.Data.A.Assets(m.assetZone) }

// openAssets shows a zone's or conduit's asset list.
func (m *Model) openAssets(zoneKey string) {
	m.inAssets, m.assetZone = true, zoneKey
	m.assetCursor, m.assetOffset, m.assetID = 0, 0, 0
	m.selectAssetIndex(0)
}

// selectAssetIndex moves the asset cursor (clamped).
func (m *Model) selectAssetIndex(i int) {
	as := m.assets()
	m.assetCursor = max(0, min(i, len(as)-1))
	m.assetID = 0
	if m.assetCursor < len(as) {
		m.assetID = as[m.assetCursor].ID
	}
	m.scrollAssets()
}

// selectAsset moves the asset cursor to the asset with the given ID.
func (m *Model) selectAsset(id int64) {
	if i := slices.IndexFunc(m.assets(), func(a model.Asset) bool { return a.ID == id }); i >= 0 {
		m.selectAssetIndex(i)
	}
}

// syncAssets keeps the asset cursor on the same asset after a change.
func (m *Model) syncAssets() {
	if i := slices.IndexFunc(m.assets(), func(a model.Asset) bool { return a.ID == m.assetID }); i >= 0 && m.assetID != 0 {
		m.assetCursor = i
	}
	m.selectAssetIndex(m.assetCursor)
}

// selectedAsset returns the asset under the cursor.
func (m *Model) selectedAsset() (model.Asset, bool) {
	as := m.assets()
	if m.assetCursor >= 0 && m.assetCursor < len(as) {
		return as[m.assetCursor], true
	}
	return model.Asset{}, false
}

// updateAssets handles a key on the asset list.
func (m *Model) updateAssets(k tea.KeyPressMsg) tea.Cmd {
	km := &m.keys
	a, ok := m.selectedAsset()
	if to, ok := km.Target(k, m.assetCursor, m.assetPage(), len(m.assets())); ok {
		m.selectAssetIndex(to)
		return nil
	}
	if cmd, ok := common.RefuseReadOnly(m.ctx.Data, k, m.editKeys()...); ok {
		return cmd
	}
	switch {
	case key.Matches(k, km.Back):
		m.inAssets = false
	case key.Matches(k, km.NewAsset):
		m.openAssetForm(model.Asset{})
	case key.Matches(k, km.EditAsset):
		if ok {
			m.openAssetForm(a)
		}
	case key.Matches(k, km.MoveAsset):
		if ok {
			m.openMoveAsset(a)
		}
	case key.Matches(k, km.DeleteAsset):
		if ok {
			m.asset = a
			m.confirm = common.NewConfirm("Delete asset "+model.CleanLine(a.Name)+"?",
				fmt.Sprintf("It is removed from %s. Answers are not affected.", model.CleanLine(m.targetWords(m.assetZone))),
				m.formWidth(), m.keys.Confirm)
			m.dlg = assetDeleteConfirm
		}
	}
	return nil
}

// openAssetForm opens the form for a new asset (ID 0) or to edit a.
func (m *Model) openAssetForm(a model.Asset) {
	title := "New asset in " + model.CleanLine(m.targetWords(m.assetZone))
	if a.ID != 0 {
		title = "Edit asset " + model.CleanLine(a.Name)
	}
	m.asset = a
	f := common.NewForm(title, m.formWidth(), m.keys.Form)
	f.AddText("Name", model.CleanLine(a.Name), 80)
	f.AddText("Type", model.CleanLine(a.Type), 80)
	f.AddText("Vendor", model.CleanLine(a.Vendor), 80)
	f.AddText("Model", model.CleanLine(a.Model), 80)
	f.AddText("Firmware", model.CleanLine(a.Firmware), 40)
	f.AddText("Address", model.CleanLine(a.Address), 80)
	var opts, vals []string
	for _, c := range model.Criticalities {
		opts, vals = append(opts, c.Label()), append(vals, string(c))
	}
	f.AddChoice("Criticality", opts, vals, string(a.Criticality))
	f.AddText("Notes", model.CleanLine(a.Notes), 1000)
	f.Validate = func(f *common.Form) error {
		if f.Fields[aName].Text() == "" {
			return errors.New("an asset needs a name")
		}
		return nil
	}
	m.form, m.dlg = f, assetForm
}

func (m *Model) submitAsset() tea.Cmd {
	f := m.form
	a := model.Asset{
		ID:       m.asset.ID,
		Name:     model.CleanLine(f.Fields[aName].Text()),
		Type:     model.CleanLine(f.Fields[aType].Text()),
		Vendor:   model.CleanLine(f.Fields[aVendor].Text()),
		Model:    model.CleanLine(f.Fields[aModel].Text()),
		Firmware: model.CleanLine(f.Fields[aFirmware].Text()),
		Address:  model.CleanLine(f.Fields[aAddress].Text()),
		Notes:    common.KeepText(f.Fields[aNote].Text(), m.asset.Notes),

		Criticality: model.Criticality(f.Fields[aCrit].Choice()),
	}
	zone := m.assetZone
	return m.issue(m.ctx.Ops.PutAsset(m.ID(), zone, a))
}

// openMoveAsset asks which zone or conduit the asset moves to.
func (m *Model) openMoveAsset(a model.Asset) {
	m.asset = a
	var names, keys []string
	for _, t := range m.ctx.Data.A.Targets() {
		if t.Key == m.assetZone {
			continue
		}
		names, keys = append(names, m.targetWords(t.Key)), append(keys, t.Key)
	}
	if len(keys) == 0 {
		return
	}
	f := common.NewForm("Move asset "+model.CleanLine(a.Name)+" from "+model.CleanLine(m.targetWords(m.assetZone)), m.formWidth(), m.keys.Form)
	f.AddChoice("To", names, keys, keys[0])
	m.form, m.dlg = f, assetMoveForm
}

func (m *Model) submitMoveAsset() tea.Cmd {
	return m.issue(m.ctx.Ops.MoveAsset(m.ID(), m.assetZone, m.form.Fields[0].Choice(), m.asset))
}

// targetWords names a zone or conduit with what it is: "zone Control",
// "conduit Enterprise - DMZ".
func (m *Model) targetWords(key string) string {
	if t, ok := m.ctx.Data.A.Target(key); ok {
		return t.Kind.String() + " " + t.Name
	}
	return key
}

// assetPage is how many assets pgup/pgdown skip.
func (m *Model) assetPage() int {
	listH, _ := m.assetSplit()
	return max(1, listH-3)
}

// assetSplit divides the body between the asset table (two heading lines
// and the rows) and the selected asset's details.
func (m *Model) assetSplit() (listH, detailH int) {
	h := m.height
	total := 2 + max(1, len(m.assets()))
	detailMin := min(10, max(3, h/3))
	listH = max(min(h, 3), min(total, h-detailMin))
	return listH, h - listH
}

// scrollAssets keeps the asset cursor visible.
func (m *Model) scrollAssets() {
	listH, _ := m.assetSplit()
	rows := max(1, listH-2)
	if m.assetCursor < m.assetOffset {
		m.assetOffset = m.assetCursor
	}
	if m.assetCursor >= m.assetOffset+rows {
		m.assetOffset = m.assetCursor - rows + 1
	}
	m.assetOffset = max(0, min(m.assetOffset, len(m.assets())-rows))
}
