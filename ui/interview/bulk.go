package interview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// Copying an answer (b): one domain password policy covers five zones, so
// its answer is given once and copied. The list names every other zone and
// conduit the requirement applies to, none ticked, each with its answer
// and whether the requirement is in scope there. The status, note,
// justification and how it was established are copied (each target keeps
// its flag); the evidence files and the countermeasure only when their own
// rows are ticked. Before anything is saved the assessor sees which
// answers would change; the copy is then one transaction in which every
// target gets its own answer and history row.

// bulkCopy is the open copy dialog.
type bulkCopy struct {
	it      item         // the requirement and target copied from
	a       model.Answer // the answer copied
	targets []string     // the keys of the list's target rows, in order
	list    checklist
	files   []string              // the source's evidence files (sha256)
	cm      *model.Countermeasure // the countermeasure it relies on
	link    model.CountermeasureLink
	evRow   int      // the list row of the evidence option (-1: none)
	cmRow   int      // the list row of the countermeasure option (-1: none)
	changes []string // what the copy would change, for the confirmation
	batch   []common.BatchAnswer
	err     string
	save    common.Ticket
}

// bulkTargets are the other zones and conduits the requirement of it
// applies to, and why b cannot copy its answer ("" when it can): the
// dialog and the help (which lists b only when it works) share them.
func (m *Model) bulkTargets(it item) ([]model.Target, string) {
	d := m.ctx.Data
	switch a := m.answer(it); {
	case it.site != nil:
		return nil, "Site questions are asked once for the whole site: there is nothing to copy them to"
	case it.gone:
		return nil, it.id() + " no longer applies here since the catalog upgrade: its answer is not copied"
	case !a.Status.Answered():
		return nil, "Answer " + it.id() + " first: b copies its answer to other zones and conduits"
	}
	var ts []model.Target
	for _, row := range d.M.Rows {
		if t := row.Target; t.Key != it.target && d.Cat.Applies(it.req.ID, t.Kind) {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return nil, it.id() + " applies to no other zone or conduit"
	}
	return ts, ""
}

// openBulk opens the copy dialog on an answered requirement of a zone or
// conduit.
func (m *Model) openBulk(it item) tea.Cmd {
	d := m.ctx.Data
	if d.ReadOnly {
		return common.StatusCmd("Read-only: nothing can be changed", true)
	}
	ts, why := m.bulkTargets(it)
	if why != "" {
		return common.StatusCmd(why, false)
	}
	b := &bulkCopy{it: it, a: m.answer(it), evRow: -1, cmRow: -1}
	for _, t := range ts {
		b.targets = append(b.targets, t.Key)
		b.list.rows = append(b.list.rows, checkRow{text: m.bulkRowText(t, it.req, m.dialogWidth()-4)})
	}
	for _, e := range d.Evidence.Of(it.target, it.req.ID) {
		b.files = append(b.files, e.SHA256)
	}
	if n := len(b.files); n > 0 {
		b.evRow = len(b.list.rows)
		b.list.rows = append(b.list.rows, checkRow{option: true,
			text: "also link its " + common.Plural(n, "evidence file", "evidence files")})
	}
	if cm, link, ok := d.A.CountermeasureOf(it.target, it.req.ID); ok && b.a.Status == model.Compensating {
		b.cm, b.link, b.cmRow = cm, *link, len(b.list.rows)
		b.list.rows = append(b.list.rows, checkRow{option: true,
			text: fmt.Sprintf("also rely on countermeasure %d (unticked: each gets its own)", cm.ID)})
	}
	m.bulk, m.mode = b, modeBulk
	return nil
}

// dialogWidth is the width of the copy and n/a dialogs' text.
func (m *Model) dialogWidth() int { return min(m.w-4, 76) }

// bulkRowText is a target's row in w cells: its name and kind, its answer
// to the requirement and whether the requirement is in scope there.
func (m *Model) bulkRowText(t model.Target, r *model.Requirement, w int) string {
	st, _ := m.status(item{target: t.Key, req: r})
	scope := "in scope"
	if !model.InScopeFor(t, r, m.ctx.Data.Scope) {
		scope = fmt.Sprintf("out of scope (SL-T %d)", t.SLT.At(r.FR))
	}
	name := model.CleanLine(t.Name) + " (" + t.Kind.String() + ")"
	return common.Fit(name, max(12, w-13-22)) + " " + common.Fit(st.Label(), 12) + " " + scope
}

func (m *Model) updateBulk(k tea.KeyPressMsg) tea.Cmd {
	b, kk := m.bulk, m.keys
	if b.save != 0 {
		return nil // the copy asked for is on its way
	}
	if m.mode == modeBulkSure {
		switch {
		case key.Matches(k, kk.BulkApply):
			return m.applyBulk()
		case key.Matches(k, kk.BulkBack):
			m.mode, b.err = modeBulk, ""
		}
		return nil
	}
	if b.list.update(kk, k, m.bulkRows()) {
		b.err = ""
		return nil
	}
	switch {
	case key.Matches(k, kk.PickCancel):
		m.bulk, m.mode = nil, modeList
	case key.Matches(k, kk.PickGo):
		if b.list.ticks() == 0 {
			b.err = "Tick at least one zone or conduit (space)."
			return nil
		}
		m.reviewBulk()
		if len(b.batch) == 0 {
			b.err = "The ticked ones already have this answer: nothing would change."
			return nil
		}
		m.mode = modeBulkSure
	}
	return nil
}

// reviewBulk builds the copy for the ticked targets and says what it
// would change, target by target; a target that would not change is left
// out of it.
func (m *Model) reviewBulk() {
	b, d := m.bulk, m.ctx.Data
	b.batch, b.changes = nil, nil
	withFiles := b.evRow >= 0 && b.list.rows[b.evRow].ticked
	withCM := b.cmRow >= 0 && b.list.rows[b.cmRow].ticked
	for i, key := range b.targets {
		if !b.list.rows[i].ticked {
			continue
		}
		to := item{target: key, req: b.it.req}
		old := m.answer(to)
		a := old
		a.Requirement, a.Status, a.Note, a.Justification, a.Method = b.it.req.ID, b.a.Status, b.a.Note, b.a.Justification, b.a.Method
		a = m.stamp(a)
		ba := common.BatchAnswer{Target: key, Answer: a}
		what := answerChanges(old, a)
		if withFiles {
			have := map[string]bool{}
			for _, e := range d.Evidence.Of(key, b.it.req.ID) {
				have[e.SHA256] = true
			}
			added := 0
			for _, sha := range b.files {
				if !have[sha] {
					ba.Evidence = append(ba.Evidence, sha)
					added++
				}
			}
			if added > 0 {
				what = append(what, "links "+common.Plural(added, "file", "files"))
			}
		}
		if withCM {
			ba.Countermeasure, ba.SL = b.cm.ID, b.link.SL
			if cur, _, ok := d.A.CountermeasureOf(key, b.it.req.ID); !ok || cur.ID != b.cm.ID {
				what = append(what, fmt.Sprintf("relies on countermeasure %d", b.cm.ID))
			}
		}
		if len(what) == 0 {
			continue
		}
		b.batch = append(b.batch, ba)
		b.changes = append(b.changes, model.CleanLine(d.TargetName(key))+": "+strings.Join(what, ", "))
	}
}

// answerChanges says what copying the answer a over old changes.
func answerChanges(old, a model.Answer) []string {
	var what []string
	if old.Status.Norm() != a.Status.Norm() {
		what = append(what, old.Status.Norm().Label()+" → "+a.Status.Norm().Label())
	}
	if strings.TrimSpace(old.Note) != strings.TrimSpace(a.Note) {
		if strings.TrimSpace(old.Note) == "" {
			what = append(what, "note added")
		} else {
			what = append(what, "note replaced")
		}
	}
	if a.Status.NeedsJustification() && strings.TrimSpace(old.Justification) != strings.TrimSpace(a.Justification) {
		what = append(what, "justification set")
	}
	if old.Method != a.Method {
		how := string(a.Method)
		if a.Method == model.MethodNone {
			how = "not recorded"
		}
		what = append(what, "how: "+how)
	}
	return what
}

// applyBulk makes the copy: one transaction.
func (m *Model) applyBulk() tea.Cmd {
	b := m.bulk
	var names, keys []string
	for _, ba := range b.batch {
		names = append(names, model.CleanLine(m.ctx.Data.TargetName(ba.Target)))
		to := item{target: ba.Target, req: b.it.req}
		m.pending[to.key()] = ba.Answer
		keys = append(keys, to.key())
	}
	label := fmt.Sprintf("%s %s copied to %s", b.it.req.ID, b.a.Status.Norm().Label(), strings.Join(names, ", "))
	b.err = "Saving…"
	var cmd tea.Cmd
	b.save, cmd = m.ctx.Ops.SaveAnswers(m.ID(), label, b.batch)
	m.answering[b.save] = keys
	return cmd
}

// bulkSaved closes the dialog once the copy is committed, or shows why
// nothing was copied.
func (m *Model) bulkSaved(r common.Result) {
	b := m.bulk
	b.save = 0
	if r.Err != nil {
		b.err = common.ErrorText(r.Err)
		return
	}
	m.bulk, m.mode = nil, modeList
}

// bulkRows is how many list rows the dialog shows.
func (m *Model) bulkRows() int { return max(3, m.h-10) }

// bulkView draws the dialog: the list, or what the copy would change.
func (m *Model) bulkView() string {
	st, b := m.ctx.Styles, m.bulk
	w := m.dialogWidth()
	from := model.CleanLine(m.ctx.Data.TargetName(b.it.target))
	var lines []string
	if m.mode == modeBulkSure {
		lines = append(lines, st.Title.Render(common.Line(fmt.Sprintf("Copy %s: %s to %s?", b.it.req.ID, b.a.Status.Norm().Label(),
			common.Plural(len(b.batch), "zone or conduit", "zones and conduits")), w)))
		rows := max(1, m.h-6)
		for i, c := range b.changes {
			wrapped := common.Wrap(c, w, 0)
			if len(lines)+len(wrapped) > rows {
				lines = append(lines, st.Muted.Render(common.Line(fmt.Sprintf("and %d more", len(b.changes)-i), w)))
				break
			}
			lines = append(lines, wrapped...)
		}
		lines = append(lines, dialogFoot(st, w, b.err, "y copy it · esc back to the list")...)
		return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
	}
	lines = append(lines,
		st.Title.Render(common.Line(fmt.Sprintf("Copy %s: %s (%s) to which zones and conduits?", b.it.req.ID, b.a.Status.Norm().Label(), from), w)),
		st.Muted.Render(common.Line("Copied: status, note, justification, how it was established.", w)))
	lines = append(lines, b.list.view(st, w, m.bulkRows())...)
	lines = append(lines, dialogFoot(st, w, b.err, "space tick · A all · enter review · esc cancel")...)
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

// dialogFoot is a dialog's last lines: its problem or state, and its keys.
func dialogFoot(st *common.Styles, w int, msg, keys string) []string {
	return []string{st.Error.Render(common.Line(msg, w)), st.Muted.Render(common.Line(keys, w))}
}

// bulkWorks reports whether b would open the copy dialog on the
// requirement under the cursor.
func (m *Model) bulkWorks() bool {
	it, ok := m.current()
	if !ok || m.ctx.Data.ReadOnly {
		return false
	}
	_, why := m.bulkTargets(it)
	return why == ""
}
