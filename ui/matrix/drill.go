package matrix

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// drill is the drill-down behind one cell: the unmet requirements of a
// target in one FR (in scope by default, up to SL 4 with s), with a cursor.
type drill struct {
	key   string
	fr    model.FR
	scope model.Scope // the view's scope when last refreshed

	target model.Target
	score  model.FRScore
	items  []item

	cursor, offset int
}

// item is one unmet requirement with the target's answer to it.
type item struct {
	id, title string
	sl        model.Level
	status    model.Status
	note      string // first line of the interview note, made safe
}

// drillKey is the part of the drill-down a rendered view depends on.
type drillKey struct {
	open           bool
	key            string
	fr             model.FR
	scope          model.Scope
	cursor, offset int
}

func (dr *drill) viewKey() drillKey {
	if dr == nil {
		return drillKey{}
	}
	return drillKey{true, dr.key, dr.fr, dr.scope, dr.cursor, dr.offset}
}

// statusW fits the labels of unsatisfied statuses ("unanswered").
const statusW = 10

// openDrill shows the drill-down of a target's FR.
func (m *Model) openDrill(targetKey string, fr model.FR) {
	dr := &drill{key: targetKey, fr: fr}
	if !dr.refresh(m.ctx.Data) {
		return
	}
	m.drill = dr
	dr.scroll(m.drillListHeight())
}

// refresh re-reads the target's score and unmet requirements (after a data
// change, a scope toggle or another FR), keeping the cursor on the same
// requirement when it is still listed. It reports false when the target is
// gone.
func (dr *drill) refresh(d *common.Data) bool {
	row, ok := d.Row(dr.key)
	if !ok {
		return false
	}
	prev := ""
	if dr.cursor < len(dr.items) {
		prev = dr.items[dr.cursor].id
	}
	dr.target = row.Target
	dr.scope = d.Scope
	dr.score = row.Score.At(dr.fr)
	answers := d.Answers(dr.key)
	unmet := d.Cat.Unmet(dr.target, dr.fr, answers, d.Scope)
	dr.items = dr.items[:0]
	for _, r := range unmet {
		a := answers[r.ID]
		note, _, _ := strings.Cut(model.CleanText(a.Note), "\n")
		dr.items = append(dr.items, item{id: r.ID, title: r.Title, sl: r.SL, status: a.Status.Norm(), note: strings.TrimSpace(note)})
	}
	if !dr.selectID(prev) {
		dr.cursor = min(dr.cursor, max(0, len(dr.items)-1))
	}
	return true
}

// selectID puts the cursor on a requirement if it is listed.
func (dr *drill) selectID(id string) bool {
	if dr == nil || id == "" {
		return false
	}
	for i, it := range dr.items {
		if it.id == id {
			dr.cursor = i
			return true
		}
	}
	return false
}

func (it *item) height() int {
	if it.note != "" {
		return 2
	}
	return 1
}

// scroll keeps the cursor's item (both its lines) in a list of listH lines
// and does not leave the end of the list half empty.
func (dr *drill) scroll(listH int) {
	n := len(dr.items)
	if n == 0 {
		dr.cursor, dr.offset = 0, 0
		return
	}
	dr.cursor = min(max(dr.cursor, 0), n-1)
	dr.offset = min(max(dr.offset, 0), dr.cursor)
	span := func(from, to int) int { // lines of items from..to
		h := 0
		for i := from; i <= to; i++ {
			h += dr.items[i].height()
		}
		return h
	}
	for dr.offset < dr.cursor && span(dr.offset, dr.cursor) > listH {
		dr.offset++
	}
	for dr.offset > 0 && span(dr.offset-1, n-1) <= listH {
		dr.offset--
	}
}

// drillListHeight is the list area below the three heading lines and above
// the hint line.
func (m *Model) drillListHeight() int { return max(1, m.height-4) }

func (m *Model) drillKey(k tea.KeyPressMsg) tea.Cmd {
	dr := m.drill
	listH := m.drillListHeight()
	page := max(1, listH/2)
	switch {
	case key.Matches(k, m.keys.Back):
		m.drill = nil
		m.scrollToCursor()
		return nil
	case key.Matches(k, m.keys.Enter):
		if len(dr.items) == 0 {
			return nil
		}
		return common.GoToCmd(common.GoTo{Screen: common.ScreenInterview, Target: dr.key, FR: dr.fr, Requirement: dr.items[dr.cursor].id})
	case key.Matches(k, m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Home, m.keys.End):
		dr.cursor, _ = m.keys.Target(k, dr.cursor, page, len(dr.items))
	case key.Matches(k, m.keys.Scope):
		// The scope is the view's, shared by every screen: the matrix and
		// this list are rescored in the other one.
		m.ctx.Data.SetScope(m.ctx.Data.Scope.Toggle())
		m.sync()
	case key.Matches(k, m.keys.Left), key.Matches(k, m.keys.Right):
		fr := dr.fr - 1
		if key.Matches(k, m.keys.Right) {
			fr = dr.fr + 1
		}
		if !fr.Valid() {
			return nil
		}
		dr.fr, dr.cursor, dr.offset = fr, 0, 0
		dr.refresh(m.ctx.Data)
		m.col = int(fr) - 1 // esc returns to this FR's cell
	}
	dr.scroll(listH)
	return nil
}

func (m *Model) drillView() string {
	c := &m.cache
	dr := m.drill
	k := viewKey{version: c.version, width: m.width, height: m.height, drill: dr.viewKey()}
	if c.view != "" && c.viewKey == k {
		return c.view
	}
	st := m.ctx.Styles
	w := m.width
	cat := m.ctx.Data.Cat
	s := dr.score
	out := make([]string, 0, m.height)

	kind := "zone"
	if dr.target.Kind == model.KindConduit {
		kind = "conduit"
	}
	title := common.Line(dr.target.Name, max(10, w/2)) + " (" + kind + ") · " + dr.fr.String() + " " + cat.FRTitle[dr.fr-1]
	out = append(out, common.Exact(st.Title.Render(common.Line(title, w)), w))

	scope := fmt.Sprintf("%d unmet with sl ≤ %d · %s", len(dr.items), s.Ceiling, dr.scope.Label())
	cell := s.Text()
	out = append(out, common.Exact(st.CellStyle(s).Render(cell)+"  "+common.Line(sentenceAfter(s)+" · "+scope, max(0, w-len(cell)-2)), w))

	idW := len("Requirement")
	for _, it := range dr.items {
		idW = max(idW, ansi.StringWidth(it.id))
	}
	idW = min(idW, 20)
	titleX := gutterW + idW + 2 + 3 + 1 + statusW + 1
	titleW := max(0, w-titleX)
	out = append(out, common.Exact(st.Header.Render(common.Fit("  Requirement", gutterW+idW+2)+"SL  "+common.Fit("Status", statusW+1)+"Title"), w))

	listH := m.drillListHeight()
	if len(dr.items) == 0 {
		out = append(out, c.blank, common.Exact(st.OK.Render("  "+common.Line(m.allMet(), w-2)), w))
	}
	for i := dr.offset; i < len(dr.items) && len(out) < 3+listH; i++ {
		it := &dr.items[i]
		lvl := fmt.Sprintf("%d", it.sl)
		if it.sl > s.SLT {
			lvl += "+" // above SL-T: capability beyond the target
		}
		status := common.Fit(it.status.Label(), statusW)
		head := common.Fit(it.id, idW) + "  " + common.Fit(lvl, 3) + " "
		if i == dr.cursor {
			out = append(out, st.Selected.Render(common.Exact("> "+head+status+" "+common.Line(it.title, titleW), w)))
		} else {
			out = append(out, common.Exact("  "+head+statusStyle(st, it.status).Render(status)+" "+common.Line(it.title, titleW), w))
		}
		if it.note != "" && len(out) < 3+listH {
			out = append(out, common.Exact(strings.Repeat(" ", min(titleX, w))+st.Muted.Render(common.Line(it.note, titleW)), w))
		}
	}
	for len(out) < 3+listH {
		out = append(out, c.blank)
	}
	hint := fmt.Sprintf("Up to SL-T %d · s widens to SL 4 · enter answer in interview · esc back", s.SLT)
	if dr.scope == model.ScopeSL4 {
		hint = "Up to SL 4 (+ above SL-T) · s back to SL-T · enter answer in interview · esc back"
	}
	out = append(out, common.Exact(st.Muted.Render(common.Line(hint, w)), w))
	c.view = join(out, c.blank, m.height)
	c.viewKey = k
	return c.view
}

// allMet is the message shown when nothing is unmet.
func (m *Model) allMet() string {
	dr := m.drill
	switch {
	case dr.scope == model.ScopeSL4:
		return fmt.Sprintf("All requirements of %s up to SL 4 are met.", dr.fr)
	case dr.score.SLT == 0:
		return fmt.Sprintf("%s has no target (SL-T 0), so nothing is in scope; s lists unmet requirements up to SL 4.", dr.fr)
	}
	return fmt.Sprintf("All in-scope requirements of %s are met.", dr.fr)
}

// statusStyle colours an unsatisfied status like the gap it causes.
func statusStyle(st *common.Styles, s model.Status) lipgloss.Style {
	switch s.Norm() {
	case model.No:
		return st.Gap2
	case model.Partial:
		return st.Gap1
	}
	return st.NotAssessed
}
