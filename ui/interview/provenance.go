package interview

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Where answers come from (docs/evidence.md): the interview session
// (session.go), how each answer was established (method.go), its evidence
// (evidence.go, attach.go), its history (history.go) and the follow-up
// list (followups.go). This file holds their state and routes keys,
// results and widget messages to them; the interview's own files only
// call the hooks below.

// The modes of the provenance panels and dialogs, after the interview's
// own (model.go).
const (
	modeSessionAsk mode = iota + 16 // a session from an earlier day, at start
	modeEvidence                    // the evidence panel
	modeAttach                      // attaching a file
	modeUnlink                      // removing a file from the requirement
	modeExport                      // the folder to export a file to
	modeHistory                     // the requirement's history
	modeFollowUps                   // the follow-up list
)

// provenance is the state of the panels and dialogs.
type provenance struct {
	sessionNew bool // the session form starts a session (I), else edits the current one (i)
	ev         evidencePanel
	attach     *attachDialog
	hist       historyView
	follow     followList
	// asked is set once the start-up question about an earlier day's
	// session has been asked.
	asked bool
}

// NeedsAttention reports whether the screen has a question for the user
// at start (a session from an earlier day): the root then opens on it.
func (m *Model) NeedsAttention() bool { return m.mode == modeSessionAsk }

// provenanceKey handles a key while a provenance panel or dialog is open.
func (m *Model) provenanceKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch m.mode {
	case modeSessionAsk:
		return m.updateSessionAsk(k), true
	case modeEvidence:
		return m.updateEvidence(k), true
	case modeAttach:
		return m.updateAttach(k), true
	case modeUnlink:
		return m.updateUnlink(k), true
	case modeExport:
		return m.updateExport(k), true
	case modeHistory:
		return m.updateHistory(k), true
	case modeFollowUps:
		return m.updateFollowUps(k), true
	}
	return nil, false
}

// provenanceListKey handles the provenance keys of the requirement list.
func (m *Model) provenanceListKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	kk := m.keys
	switch {
	case key.Matches(k, kk.NewSession):
		return m.openSessionForm(true), true
	case key.Matches(k, kk.Attendees):
		return m.openSessionForm(false), true
	case key.Matches(k, kk.FollowUps):
		return m.openFollowUps(), true
	}
	it, ok := m.current()
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, kk.Method):
		return m.cycleMethod(it), true
	case it.site != nil && (key.Matches(k, kk.Evidence) || key.Matches(k, kk.History)):
		// Evidence files and the per-answer history view hang on a
		// requirement of a zone or conduit; a site answer's changes are in
		// the file's history all the same (slate verify replays them).
		return common.StatusCmd("Evidence files and the history view are for the requirements of zones and conduits; describe what you saw in the note", false), true
	case key.Matches(k, kk.Evidence):
		return m.openEvidence(it), true
	case key.Matches(k, kk.History):
		return m.openHistory(it), true
	}
	return nil, false
}

// provenanceMsg hands widget messages (the file picker's folder listings,
// the text fields' cursor blink) to the open dialog.
func (m *Model) provenanceMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case pickerStep:
		return m.pickerStepped(msg), true
	}
	switch m.mode {
	case modeAttach:
		if fromPicker(msg) {
			return m.stepPicker(msg), true // a folder listing
		}
		return m.attach().widgetMsg(msg), true
	case modeExport:
		_, cmd := m.form.Update(msg)
		return cmd, true
	}
	return nil, false
}

// provenanceResult takes the results of the provenance operations; it
// reports whether the result was one of them.
func (m *Model) provenanceResult(r common.Result) bool {
	switch {
	case m.prov.hist.ticket != 0 && r.Ticket == m.prov.hist.ticket:
		m.historyRead(r)
	case m.prov.ev.save != 0 && r.Ticket == m.prov.ev.save:
		m.evidenceSaved(r)
	default:
		return false
	}
	return true
}

// provenanceView draws an open provenance panel, or a dialog over what it
// is about.
func (m *Model) provenanceView() (string, bool) {
	st := m.ctx.Styles
	switch m.mode {
	case modeSessionAsk:
		return m.overList(m.listView(), m.sessionAskView(st)), true
	case modeEvidence, modeUnlink:
		return m.evidenceView(), true
	case modeAttach:
		return m.attachView(), true
	case modeExport:
		return m.overList(m.evidenceView(), m.form.View(st)), true
	case modeHistory:
		return m.historyView(), true
	case modeFollowUps:
		return m.followUpsView(), true
	}
	return "", false
}

// provenanceKeyOf is what the requirement's detail shows of its
// provenance, for the detail cache's key.
func (m *Model) provenanceKeyOf(it item, a model.Answer) string {
	return "|" + string(a.Method) + "|" + m.answeredWhen(a) + "|" + m.filesText(it)
}
