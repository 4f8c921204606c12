package interview

import (
	"fmt"
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// The evidence panel (x) lists the files of the requirement under the
// cursor: attach one (a, attach.go), remove one from the requirement (d:
// removing the last link asks whether to delete the file), export one to a
// folder (o). The files' bytes are read and written in the operations'
// commands, never here.

// evidencePanel is the panel's state.
type evidencePanel struct {
	item     item
	cursor   int
	save     common.Ticket // the open operation (attach, unlink, export)
	lastLink bool          // the file being removed has no other link
	status   string        // what the last operation did, or why it failed
	failed   bool
}

func (m *Model) openEvidence(it item) tea.Cmd {
	m.prov.ev = evidencePanel{item: it}
	m.mode = modeEvidence
	return nil
}

// files lists the panel's files.
func (m *Model) panelFiles() []*model.Evidence {
	it := m.prov.ev.item
	return m.ctx.Data.Evidence.Of(it.target, it.req.ID)
}

func (m *Model) selectedFile() (*model.Evidence, bool) {
	files := m.panelFiles()
	if c := m.prov.ev.cursor; c >= 0 && c < len(files) {
		return files[c], true
	}
	return nil, false
}

func (m *Model) updateEvidence(k tea.KeyPressMsg) tea.Cmd {
	kk, ev := m.keys, &m.prov.ev
	files := m.panelFiles()
	if to, ok := kk.Nav.Target(k, ev.cursor, max(1, m.h-6), len(files)); ok {
		ev.cursor = to
		return nil
	}
	// Read-only: attach and unlink are refused at once, file or none.
	if cmd, ok := common.RefuseReadOnly(m.ctx.Data, k, kk.Attach, kk.Unlink); ok {
		return cmd
	}
	switch {
	case key.Matches(k, kk.PanelClose):
		m.mode = modeList
	case key.Matches(k, kk.Attach):
		return m.openAttach()
	case key.Matches(k, kk.Unlink):
		e, ok := m.selectedFile()
		if !ok {
			return nil
		}
		ev.lastLink = len(e.Links) <= 1
		m.mode = modeUnlink
	case key.Matches(k, kk.Export):
		e, ok := m.selectedFile()
		if !ok {
			return nil
		}
		f := common.NewForm("Export "+e.Name+" to the folder", min(m.w-4, 76), m.keys.Form)
		f.AddText("Folder", filepath.Dir(m.ctx.Data.Path), 4096)
		m.form, m.mode = f, modeExport
	}
	return nil
}

// updateUnlink answers the question of d: remove the file from this
// requirement, and when that was its last link, delete it too or keep it.
func (m *Model) updateUnlink(k tea.KeyPressMsg) tea.Cmd {
	kk, ev := m.keys, &m.prov.ev
	e, ok := m.selectedFile()
	if !ok {
		m.mode = modeEvidence
		return nil
	}
	deleteToo := false
	switch {
	case key.Matches(k, kk.UnlinkCancel):
		m.mode = modeEvidence
		return nil
	case key.Matches(k, kk.DeleteToo):
		deleteToo = ev.lastLink
	case key.Matches(k, kk.KeepFile) && ev.lastLink:
	default:
		return nil
	}
	m.mode = modeEvidence
	var cmd tea.Cmd
	ev.status, ev.failed = "Removing "+e.Name+"…", false
	ev.save, cmd = m.ctx.Ops.UnlinkEvidence(m.ID(), *e, ev.item.target, ev.item.req.ID, deleteToo)
	return cmd
}

// updateExport takes the folder to export the selected file to.
func (m *Model) updateExport(k tea.KeyPressMsg) tea.Cmd {
	out, cmd := m.form.Update(k)
	switch out {
	case common.Cancelled:
		m.form, m.mode = nil, modeEvidence
	case common.Submitted:
		e, ok := m.selectedFile()
		dir := m.form.Fields[0].Text()
		m.form, m.mode = nil, modeEvidence
		if !ok {
			return nil
		}
		ev := &m.prov.ev
		ev.status, ev.failed = "Exporting "+e.Name+"…", false
		var c tea.Cmd
		ev.save, c = m.ctx.Ops.ExportEvidence(m.ID(), *e, dir)
		return c
	}
	return cmd
}

// evidenceSaved takes the result of the panel's operation.
func (m *Model) evidenceSaved(r common.Result) {
	ev := &m.prov.ev
	ev.save = 0
	if r.Err != nil {
		ev.status, ev.failed = common.ErrorText(r.Err), true
		if m.prov.attach != nil && m.mode == modeAttach {
			m.prov.attach.err = ev.status
		}
		return
	}
	ev.failed = false
	switch v := r.Value.(type) {
	case common.Exported:
		ev.status = fmt.Sprintf("Exported to %s (%s)", v.Path, model.HumanSize(v.Size))
	case model.Evidence:
		ev.status = "Attached " + v.Name + " (sha256 " + v.SHA256[:12] + "…, " + model.HumanSize(v.Size) + ")"
		m.prov.attach = nil
		m.mode = modeEvidence
		for i, f := range m.panelFiles() {
			if f.SHA256 == v.SHA256 {
				ev.cursor = i
			}
		}
	default:
		ev.status = "Done: " + r.Label
		ev.cursor = max(0, min(ev.cursor, len(m.panelFiles())-1))
	}
}

// evidenceView draws the panel, with the question of d over it.
func (m *Model) evidenceView() string {
	st, ev := m.ctx.Styles, &m.prov.ev
	w := m.w
	it := ev.item
	lines := []string{
		st.Title.Render(common.Fit("Evidence · "+m.ctx.Data.TargetName(it.target)+" · "+it.req.ID+" "+it.req.Title, w)),
	}
	hint := "Files kept inside the assessment file, by the sha256 of their bytes."
	if it.req.EvidenceFrom != model.EvidenceStaff {
		hint = "The catalog asks for " + string(it.req.EvidenceFrom) + " evidence here. " + hint
	}
	lines = append(lines, st.Muted.Render(common.Fit(hint, w)), "")
	files := m.panelFiles()
	if len(files) == 0 {
		lines = append(lines, st.Muted.Render(common.Fit(common.EditHint(m.ctx.Data, "No file yet: a attaches one (a photo, a configuration export, a PDF).", "No file yet."), w)))
	}
	for i, e := range files {
		others := len(e.Links) - 1
		also := ""
		if others > 0 {
			also = fmt.Sprintf(" · also on %d other", others)
		}
		row := fmt.Sprintf("%s  %8s  %s  %s%s", common.Fit(e.Name, min(32, w/3)), model.HumanSize(e.Size), e.SHA256[:12], e.MediaType, also)
		row = common.Fit(row, w)
		if i == ev.cursor {
			row = st.Selected.Render(row)
		}
		lines = append(lines, row)
		if e.Caption != "" {
			lines = append(lines, st.Muted.Render(common.Fit("    "+model.CleanLine(e.Caption), w)))
		}
	}
	if ev.status != "" {
		style := st.Muted
		if ev.failed {
			style = st.Error
		}
		lines = append(lines, "", style.Render(common.Fit(ev.status, w)))
	}
	body := common.Block(lines, w, m.h)
	if m.mode != modeUnlink {
		return body
	}
	e, _ := m.selectedFile()
	return m.overList(body, m.unlinkQuestion(e))
}

// unlinkQuestion asks before removing a file from the requirement, and
// before deleting a file that nothing else uses.
func (m *Model) unlinkQuestion(e *model.Evidence) string {
	st := m.ctx.Styles
	w := min(m.w-4, 70)
	if e == nil {
		return ""
	}
	it := m.prov.ev.item
	q := "Remove " + e.Name + " from " + it.req.ID + " here?"
	var warn, keys string
	if m.prov.ev.lastLink {
		warn = "Nothing else is linked to it. Delete the file from the assessment too? Its bytes are removed; the history keeps its sha256."
		keys = "y remove and delete the file · k remove, keep the file · esc keep it"
	} else {
		warn = fmt.Sprintf("It stays attached to %d other requirement(s).", len(e.Links)-1)
		keys = "y remove it · esc keep it"
	}
	lines := []string{st.Title.Render(common.Line(q, w))}
	for _, l := range common.Wrap(warn, w, 4) {
		lines = append(lines, st.Error.Render(l))
	}
	lines = append(lines, "", st.Muted.Render(common.Line(keys, w)))
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}
