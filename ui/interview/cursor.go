package interview

import (
	"encoding/json"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Where the cursor goes, so that every key lands where the assessor
// expects (docs/keys.md, "After an answer"):
//
//   - After an answer the cursor moves to the next unanswered requirement
//     below it, of the same zone or conduit and FR. With none below it
//     stays on the row just answered, which then takes no answer key until
//     the cursor moves: the status line says why ("FR3 complete · ] next
//     FR", "2 unanswered above · g to go"). It never moves up, or to
//     another FR or target, without a key press.
//   - For the one key press after an answer, e, f, m and x act on the
//     requirement just answered, wherever the cursor went.
//   - A new FR or target (], [, }, {, a jump from another screen) opens on
//     its first unanswered requirement, or its first when all are
//     answered; the interview opens where the last session left it, or on
//     the first zone or conduit and FR, in matrix order, with an
//     unanswered requirement in scope.

// answered applies the rules after an answer to it was asked for (t is the
// save's ticket; 0 when the save has already committed).
func (m *Model) answered(it item, t common.Ticket) {
	m.lastAnswer = t
	m.advance(it)
	m.recent = &it
}

// advance moves the cursor from the answered item to the next unanswered
// one below it, of the same target; with none, the cursor stays on the
// answered item and holds it.
func (m *Model) advance(from item) {
	idx := m.indexOf(from)
	if idx < 0 {
		return
	}
	m.held = ""
	for i := idx + 1; i < len(m.items) && m.items[i].target == from.target; i++ {
		if m.open(m.items[i]) {
			m.cursor = i
			m.clampScroll()
			return
		}
	}
	m.cursor = idx
	m.held = from.key()
	m.clampScroll()
}

// open reports whether an item waits for an answer (a pending one counts
// as given).
func (m *Model) open(it item) bool {
	if it.gone {
		return false
	}
	st, _ := m.status(it)
	return !st.Answered()
}

func (m *Model) indexOf(it item) int {
	for i, x := range m.items {
		if x.key() == it.key() {
			return i
		}
	}
	return -1
}

// holding reports whether the cursor is on a row an answer left it on.
func (m *Model) holding() bool {
	it, ok := m.current()
	return ok && m.held != "" && it.key() == m.held
}

// firstOpenAbove is the first unanswered item of the held row's target
// above it (-1: none).
func (m *Model) firstOpenAbove() (first, count int) {
	first = -1
	it, ok := m.current()
	if !ok {
		return first, 0
	}
	for i := m.cursor - 1; i >= 0 && m.items[i].target == it.target; i-- {
		if m.open(m.items[i]) {
			first = i
			count++
		}
	}
	return first, count
}

// holdText says why the answer keys do nothing on the held row, and which
// key goes on.
func (m *Model) holdText() string {
	if _, n := m.firstOpenAbove(); n > 0 {
		return fmt.Sprintf("%d unanswered above · g to go", n)
	}
	switch it, _ := m.current(); {
	case m.site:
		return "Site questions complete · } or { to a zone or conduit"
	case m.byFR:
		return fmt.Sprintf("%v of %s complete · } next zone or conduit", m.fr, m.ctx.Data.TargetName(it.target))
	}
	return fmt.Sprintf("%v complete · ] next FR", m.fr)
}

// afterText completes the status line once the newest answer is saved:
// the row the cursor holds and why, or the requirement e, f, m and x still
// act on.
func (m *Model) afterText(saved string) string {
	switch {
	case m.holding():
		return "Saved: " + saved + " · " + m.holdText()
	case m.recent != nil:
		return "Saved: " + saved + " · next e/f/m/x is for " + m.recent.id()
	}
	return ""
}

// afterSaved returns the status command completing the line after the
// result of the newest answer (nil for any other result, or once keys
// have moved on).
func (m *Model) afterSaved(r common.Result) tea.Cmd {
	if r.Err != nil || r.Ticket != m.lastAnswer {
		return nil
	}
	m.lastAnswer = 0
	if text := m.afterText(r.Label); text != "" {
		m.afterShown, m.afterLabel = true, r.Label
		return common.StatusCmd(text, false)
	}
	return nil
}

// hidden ends the one-key window after an answer when another screen is
// shown, and puts back the plain "Saved: …" (the hold on the row stays:
// answer keys still wait for the cursor to move).
func (m *Model) hidden() tea.Cmd {
	m.recent = nil
	if !m.afterShown {
		return nil
	}
	m.afterShown = false
	return common.StatusCmd("Saved: "+m.afterLabel, false)
}

// afterEnded puts back the plain "Saved: …" once the status line's tail
// (which row e/f/m/x act on, why the cursor holds) no longer holds: the
// key after the answer moved on. (A key that ends it sets no status of
// its own: an answer starts a new tail, and a refused key holds it.)
func (m *Model) afterEnded(cmd tea.Cmd) tea.Cmd {
	if !m.afterShown || m.recent != nil || m.holding() {
		return cmd
	}
	m.afterShown = false
	saved := common.StatusCmd("Saved: "+m.afterLabel, false)
	if cmd == nil {
		return saved
	}
	return tea.Batch(saved, cmd)
}

// firstOpen puts the cursor on the first unanswered item of the list, or
// on the first item when all are answered.
func (m *Model) firstOpen() {
	m.cursor, m.offset = 0, 0
	for i, it := range m.items {
		if m.open(it) {
			m.cursor = i
			break
		}
	}
	m.clampScroll()
}

// hasOpen reports whether a target has an unanswered requirement in scope
// in an FR.
func (m *Model) hasOpen(t model.Target, fr model.FR) bool {
	as := m.ctx.Data.Answers(t.Key)
	for _, r := range m.ctx.Data.Cat.InScope(t.Kind, t.SLT, fr, m.ctx.Data.Scope) {
		if !as.Status(r.ID).Answered() {
			return true
		}
	}
	return false
}

// openWhereOpen shows the first zone or conduit and FR, in matrix order,
// with an unanswered requirement in scope, on the first of them; with none
// anywhere, the first target's FR1.
func (m *Model) openWhereOpen() {
	for _, row := range m.ctx.Data.M.Rows {
		for _, fr := range model.FRs {
			if m.hasOpen(row.Target, fr) {
				m.site, m.byFR, m.target, m.fr = false, false, row.Target.Key, fr
				m.rebuild()
				m.firstOpen()
				return
			}
		}
	}
}

// place is where the interview was left: the site questions, or a zone's
// or conduit's FR, with the requirement under the cursor.
type place struct {
	Site        bool     `json:"site,omitempty"`
	Target      string   `json:"target,omitempty"`
	FR          model.FR `json:"fr,omitempty"`
	Requirement string   `json:"requirement,omitempty"`
}

// Place says where the interview is, for the next session to open there
// (a per-file preference the file keeps; "" with nothing to show).
func (m *Model) Place() string {
	it, ok := m.current()
	p := place{Site: m.site, FR: m.fr}
	switch {
	case m.site:
		p.FR = 0
	case ok:
		p.Target = it.target
	default:
		p.Target = m.target
	}
	if ok {
		p.Requirement = it.id()
	}
	if !p.Site && p.Target == "" {
		return ""
	}
	b, _ := json.Marshal(p)
	return string(b)
}

// Resume opens the interview where a session left it (Place), when that
// zone's or conduit's FR (or the site questions) still has an unanswered
// question in scope; it reports whether it did. Otherwise the interview
// stays where it opened.
func (m *Model) Resume(saved string) bool {
	var p place
	if saved == "" || json.Unmarshal([]byte(saved), &p) != nil {
		return false
	}
	d := m.ctx.Data
	if p.Site {
		for i := range d.Cat.SiteQuestions {
			if !d.A.SiteAnswers.Status(d.Cat.SiteQuestions[i].ID).Answered() {
				m.site, m.byFR = true, false
				m.rebuild()
				m.cursorOn(p.Requirement)
				return true
			}
		}
		return false
	}
	t, ok := d.Target(p.Target)
	if !ok || !p.FR.Valid() || !m.hasOpen(t, p.FR) {
		return false
	}
	m.site, m.byFR, m.target, m.fr = false, false, t.Key, p.FR
	m.rebuild()
	m.cursorOn(p.Requirement)
	return true
}

// cursorOn puts the cursor on the item with that id, or on the first
// unanswered one when it is not listed.
func (m *Model) cursorOn(id string) {
	m.firstOpen()
	for i, it := range m.items {
		if it.id() == id {
			m.cursor = i
			m.clampScroll()
			return
		}
	}
}
