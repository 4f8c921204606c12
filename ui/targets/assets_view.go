package targets

import (
	"fmt"

	"slate/model"
	"slate/ui/common"
)

// assetColumns splits w cells among name, type, vendor, model, firmware
// (a fixed 8 cells), address (wide enough for an IPv4 range) and
// criticality (a fixed 6 cells).
func assetColumns(w int) []int {
	const firmwareW, critW = 8, 6
	c := flex(w-6*len(sep)-firmwareW-critW, 4, 3, 4, 3, 3, 4)
	return []int{c[0], c[1], c[2], c[3], firmwareW, c[4], critW}
}

// assetRow renders one asset in the given columns.
func assetRow(a model.Asset, cols []int) string {
	vals := []string{a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, string(a.Criticality)}
	out := ""
	for i, v := range vals {
		if i > 0 {
			out += sep
		}
		out += common.Fit(v, cols[i])
	}
	return out
}

// assetsView is the asset list of one zone from asset off and the
// selected asset's details.
func (m *Model) assetsView(off int) []string {
	st := m.ctx.Styles
	w := m.width
	as := m.assets()
	title := fmt.Sprintf("Assets of %s (%d)", model.CleanLine(m.targetWords(m.assetZone)), len(as))
	back := " · esc back to the zones"
	lines := []string{st.Title.Render(common.Line(title, w)) + st.Muted.Render(common.Line(back, max(0, w-common.TextWidth(title))))}
	cols := assetColumns(w - marker)
	heads := []string{"Name", "Type", "Vendor", "Model", "Firmware", "Address", "Crit."}
	head := ""
	for i, h := range heads {
		if i > 0 {
			head += sep
		}
		head += common.Fit(h, cols[i])
	}
	lines = append(lines, "  "+st.Header.Render(head))
	listH, detailH := m.assetSplit()
	if len(as) == 0 {
		lines = append(lines, "  "+st.Muted.Render(common.Line(common.EditHint(m.ctx.Data, "No assets yet: press n to add one.", "No assets yet."), w-2)))
	}
	for i := off; i < len(as) && len(lines) < listH; i++ {
		row := assetRow(as[i], cols)
		if i == m.assetCursor {
			lines = append(lines, st.Selected.Render(common.PadStyled("> "+row, w)))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	for len(lines) < listH {
		lines = append(lines, "")
	}
	return append(lines, m.assetDetail(w, detailH)...)
}

// assetDetail describes the selected asset in h lines.
func (m *Model) assetDetail(w, h int) []string {
	a, ok := m.selectedAsset()
	if !ok || h <= 0 {
		return nil
	}
	st := m.ctx.Styles
	lines := []string{rule(st, fmt.Sprintf("Asset %d of %d: %s", m.assetCursor+1, len(m.assets()), model.CleanLine(a.Name)), w)}
	facts := fmt.Sprintf("Type %s · Vendor %s · Model %s · Firmware %s · Address %s · Criticality %s",
		orNone(a.Type), orNone(a.Vendor), orNone(a.Model), orNone(a.Firmware), orNone(a.Address), a.Criticality.Label())
	lines = append(lines, common.Wrap(facts, w, 2)...)
	if model.CleanLine(a.Notes) == "" {
		lines = append(lines, st.Muted.Render(common.Line(common.EditHint(m.ctx.Data, "No notes: press e to add some.", "No notes."), w)))
	} else {
		lines = append(lines, common.Wrap("Notes: "+a.Notes, w, max(1, h-len(lines)))...)
	}
	return lines
}
