package targets

import (
	"errors"
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"slate/assetcsv"
	"slate/model"
	"slate/ui/common"
)

// The inventory import (I): a CSV file's path, then the same preview as
// `slate assets import --dry-run` (what is added, what is updated, every
// error with its line and column), and only on y the import, all or
// nothing in one transaction. Reading the file is a command, as every
// store operation is.

// importView is the preview dialog.
type importView struct {
	path    string
	preview assetcsv.Preview
	lines   []string
	offset  int
}

// openImport asks for the file.
func (m *Model) openImport() {
	f := common.NewForm("Import assets from an inventory export (CSV)", m.formWidth(), m.keys.Form)
	f.AddText("CSV file", "", 1000)
	f.Info = func(*common.Form) []string {
		return []string{"Columns such as Name, Zone (or Conduit), Type, Vendor, Model, Firmware, IP address, Criticality; " +
			"comma or semicolon; the preview comes before anything is imported (docs/asset-import.md)."}
	}
	f.Validate = func(f *common.Form) error {
		if f.Fields[0].Text() == "" {
			return errors.New("give the path of the CSV file")
		}
		return nil
	}
	m.form, m.dlg = f, importPathForm
}

// submitImportPath reads and plans the file (a command) against a copy of
// the zones and conduits as they are now.
func (m *Model) submitImportPath() tea.Cmd {
	targets := assetcsv.TargetsOf(m.ctx.Data.A)
	for i := range targets {
		targets[i].Assets = slices.Clone(targets[i].Assets) // the command reads them while the screen goes on
	}
	return m.issue(m.ctx.Ops.PreviewAssets(m.ID(), m.form.Fields[0].Text(), targets))
}

// showPreview replaces the path form by the preview.
func (m *Model) showPreview(p common.AssetPreview) {
	m.form, m.preview, m.dlg = nil, &importView{path: p.Path, preview: p.Preview, lines: p.Preview.Lines()}, importPreview
}

// updatePreview scrolls the preview; y imports when it holds no error.
func (m *Model) updatePreview(k tea.KeyPressMsg) tea.Cmd {
	km := &m.keys
	v := m.preview
	if to, ok := km.Target(k, v.offset, 5, len(v.lines)); ok {
		v.offset = to
		return nil
	}
	switch {
	case key.Matches(k, km.Preview.No):
		m.closeDialog()
	case key.Matches(k, km.Preview.Yes):
		if !v.preview.OK() || m.wait != 0 {
			return nil
		}
		puts := v.preview.Puts()
		if len(puts) == 0 {
			m.closeDialog()
			return common.StatusCmd("Nothing to import: every asset in the file is already recorded as it is", false)
		}
		return m.issue(m.ctx.Ops.ImportAssets(m.ID(), puts))
	}
	return nil
}

// shortHelp is the help bar while the preview is open.
func (v *importView) shortHelp(k *keys) []key.Binding {
	out := []key.Binding{common.Describe("↑↓", "scroll", k.Up, k.Down)}
	if v.preview.OK() {
		out = append(out, common.Describe("y", "import", k.Preview.Yes))
	}
	return append(out, common.Describe("esc", "cancel", k.Preview.No))
}

// view draws the preview in a frame of at most w x h cells.
func (v *importView) view(st *common.Styles, w, h int) string {
	inner := max(10, w-4)
	title := "Import " + model.CleanLine(v.path) + "?"
	foot := "y imports all of it in one change · esc imports nothing"
	if !v.preview.OK() {
		title = "Nothing can be imported from " + model.CleanLine(v.path)
		foot = "fix the file and import it again · esc closes"
	}
	rows := max(1, h-6)
	v.offset = max(0, min(v.offset, len(v.lines)-rows))
	body := []string{st.Title.Render(common.Line(title, inner)), ""}
	for i := v.offset; i < len(v.lines) && i < v.offset+rows; i++ {
		style := lipgloss.NewStyle()
		if !v.preview.OK() && i > 0 {
			style = st.Error
		}
		body = append(body, style.Render(common.Line(v.lines[i], inner)))
	}
	if len(v.lines) > rows {
		body = append(body, st.Muted.Render(common.Line(fmt.Sprintf("  ↑↓ scroll: lines %d-%d of %d",
			v.offset+1, min(len(v.lines), v.offset+rows), len(v.lines)), inner)))
	}
	body = append(body, st.Muted.Render(common.Line(foot, inner)))
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, body...))
}
