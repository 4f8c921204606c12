package targets

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.Result:
		m.follow()
		return m.saved(msg)
	case common.GoTo:
		m.follow()
		if msg.Screen == m.ID() && msg.Target != "" && m.dlg == noDialog {
			m.inAssets, m.diagram = false, false
			m.selectKey(msg.Target)
		}
		return nil
	case tea.KeyPressMsg:
		m.follow()
		switch {
		case m.dlg == findingsList:
			return m.updateFindings(msg)
		case m.dlg == importPreview:
			return m.updatePreview(msg)
		case m.dlg != noDialog:
			return m.updateDialog(msg)
		case m.inAssets:
			return m.updateAssets(msg)
		case m.diagram:
			return m.updateDiagram(msg)
		}
		return m.updateList(msg)
	}
	if m.dlg.isForm() && m.form != nil {
		_, cmd := m.form.Update(msg) // cursor blink and the like
		return cmd
	}
	return nil
}

// saved closes the dialog that waited for a store operation of the screen,
// or shows the error in that dialog.
func (m *Model) saved(msg common.Result) tea.Cmd {
	if m.tmpl != 0 && msg.Ticket == m.tmpl {
		m.tmpl = 0
		if msg.Err == nil {
			m.selectIndex(m.templateFirst)
		}
	}
	if m.wait == 0 || msg.Ticket != m.wait {
		return nil
	}
	m.wait = 0
	if msg.Err != nil {
		text := common.ErrorText(msg.Err)
		switch {
		case m.form != nil:
			m.form.SetError(text)
		case m.confirm != nil:
			m.confirm.Warning = text
		}
		return nil // the root shows it in the status line as well
	}
	switch v := msg.Value.(type) {
	case common.AssetPreview:
		if m.dlg == importPathForm {
			m.showPreview(v)
			return nil
		}
	case model.Zone:
		m.selectKey(v.Key)
	case model.Conduit:
		m.selectKey(v.Key)
	case model.Asset:
		if m.dlg == assetForm {
			m.selectAsset(v.ID)
		}
	}
	if m.dlg == templateConfirm {
		m.selectIndex(m.templateFirst)
	}
	m.closeDialog()
	return nil
}

// updateDialog sends a key to the open form or confirmation.
func (m *Model) updateDialog(k tea.KeyPressMsg) tea.Cmd {
	if m.dlg.isForm() {
		out, cmd := m.form.Update(k)
		switch out {
		case common.Cancelled:
			if m.dlg == rationaleFinal && m.wait == 0 {
				m.backToThreat()
				return nil
			}
			m.closeDialog()
			return nil
		case common.Submitted:
			if m.dlg == rationaleThreat {
				m.openRationaleFinal() // the second step; nothing is saved yet
				return cmd
			}
			if m.wait != 0 {
				return cmd // already saving; the result decides
			}
			return tea.Batch(cmd, m.submitForm())
		}
		return cmd
	}
	switch m.confirm.Update(k) {
	case common.Cancelled:
		m.closeDialog()
	case common.Submitted:
		if m.wait == 0 {
			return m.confirmed()
		}
	}
	return nil
}

// submitForm turns the open form into a store operation.
func (m *Model) submitForm() tea.Cmd {
	switch m.dlg {
	case zoneForm:
		return m.submitZone()
	case conduitForm:
		return m.submitConduit()
	case sltForm:
		return m.submitSLT()
	case assetForm:
		return m.submitAsset()
	case rationaleFinal:
		return m.submitRationale()
	case assetMoveForm:
		return m.submitMoveAsset()
	case importPathForm:
		return m.submitImportPath()
	}
	return nil
}

// confirmed runs what the open confirmation asked about.
func (m *Model) confirmed() tea.Cmd {
	switch m.dlg {
	case deleteConfirm:
		return m.issue(m.ctx.Ops.DeleteTarget(m.ID(), m.editKey, m.ctx.Data.TargetName(m.editKey)))
	case templateConfirm:
		return m.addTemplate()
	case assetDeleteConfirm:
		return m.issue(m.ctx.Ops.DeleteAsset(m.ID(), m.assetZone, m.asset))
	}
	return nil
}

// updateList handles a key on the zone and conduit list.
func (m *Model) updateList(k tea.KeyPressMsg) tea.Cmd {
	km := &m.keys
	z, c := m.selected()
	if to, ok := km.Target(k, m.cursor, m.page(), m.count()); ok {
		m.selectIndex(to)
		return nil
	}
	if cmd, ok := common.RefuseReadOnly(m.ctx.Data, k, m.editKeys()...); ok {
		return cmd
	}
	switch {
	case key.Matches(k, km.NewZone):
		m.openZoneForm(nil)
	case key.Matches(k, km.NewConduit):
		return m.openConduitForm(nil)
	case key.Matches(k, km.Edit):
		switch {
		case z != nil:
			m.openZoneForm(z)
		case c != nil:
			return m.openConduitForm(c)
		}
	case key.Matches(k, km.SLT):
		m.openSLTForm(z, c)
	case key.Matches(k, km.Rationale):
		m.openRationale(z, c)
	case key.Matches(k, km.Assets):
		if target := m.keyAt(m.cursor); target != "" {
			m.openAssets(target)
		}
	case key.Matches(k, km.Diagram):
		m.diagram = true
	case key.Matches(k, km.Findings):
		m.openFindings()
	case key.Matches(k, km.Import):
		if m.count() == 0 {
			return common.StatusCmd("Add zones first: assets are imported into the zones and conduits they sit in", true)
		}
		m.openImport()
	case key.Matches(k, km.Delete):
		m.openDeleteConfirm(z, c)
	case key.Matches(k, km.MoveUp):
		return m.move(-1)
	case key.Matches(k, km.MoveDown):
		return m.move(+1)
	case key.Matches(k, km.Template):
		return m.template()
	}
	return nil
}

// page is how many items pgup/pgdown skip.
func (m *Model) page() int {
	listH, _ := m.split()
	return max(1, listH-2)
}

// move swaps the selected zone or conduit with its neighbour of the same kind.
func (m *Model) move(delta int) tea.Cmd {
	key := m.keyAt(m.cursor)
	if key == "" {
		return nil
	}
	nz := len(m.zones())
	first, last := 0, nz-1
	if m.cursor >= nz {
		first, last = nz, m.count()-1
	}
	if j := m.cursor + delta; j < first || j > last {
		return nil // already first or last of its section
	}
	_, cmd := m.ctx.Ops.MoveTarget(m.ID(), key, delta)
	return cmd
}

// openDeleteConfirm asks before deleting a zone or conduit, naming what
// goes with it.
func (m *Model) openDeleteConfirm(z *model.Zone, c *model.Conduit) {
	var question, key string
	switch {
	case z != nil:
		key, question = z.Key, "Delete zone "+model.CleanLine(z.Name)+"?"
	case c != nil:
		key, question = c.Key, "Delete conduit "+model.CleanLine(c.Name)+"?"
	default:
		return
	}
	m.editKey = key
	m.confirm = common.NewConfirm(question, m.impactText(key), m.formWidth(), m.keys.Confirm)
	m.dlg = deleteConfirm
}
