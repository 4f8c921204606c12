// Package interview is the interview screen: one target and one FR at a
// time (or one FR across every target), one key per answer, with the
// target's SL-A against SL-T beside it, updated as soon as an answer commits.
package interview

import (
	"slate/model"
	"slate/ui/common"
)

type mode int

const (
	modeList mode = iota
	modeEditor
	modeSession // the interview session form (I new, i attendees: session.go)
	modeSearch
	modeCompensating
	modeBulk     // copying an answer to other zones and conduits (bulk.go)
	modeBulkSure // the answers the copy would change, before it is made
	modeRelated  // an SR's enhancements to mark not applicable with it (related.go)
)

// item is one row of the list: a requirement of a target, or one of the
// site questions (asked once per assessment, target "").
type item struct {
	target string
	req    *model.Requirement  // nil for a site question
	site   *model.SiteQuestion // nil for a requirement
	// gone marks an answer whose requirement no longer applies to the
	// target's kind since a catalog upgrade: listed, kept, not scored.
	gone bool
}

// id is the requirement's or the site question's id.
func (it item) id() string {
	if it.site != nil {
		return it.site.ID
	}
	return it.req.ID
}

func (it item) title() string {
	if it.site != nil {
		return it.site.Title
	}
	return it.req.Title
}

func (it item) key() string { return it.target + "|" + it.id() }

// editKind says what the open editor edits.
type editKind int

const (
	editNote editKind = iota
	editJustification
)

// Model is the interview screen.
type Model struct {
	ctx  *common.Context
	keys *keyMap
	w, h int

	target string   // current target key
	fr     model.FR // current FR
	byFR   bool     // one FR across all targets
	site   bool     // the site questions instead of a target

	items  []item
	cursor int
	offset int

	// pending holds answers asked for but not committed yet, by item key,
	// shown with an ellipsis until the store confirms (and built on by a
	// note or flag asked for meanwhile); answering maps the tickets of those
	// saves to their item keys.
	pending   map[string]model.Answer
	answering map[common.Ticket][]string

	// After an answer (cursor.go): the requirement it was for, which e, f,
	// m and x act on for one key press; the row the cursor stayed on when
	// nothing unanswered is below it, which takes no answer key until the
	// cursor moves; and the ticket of the newest answer, whose result the
	// status line completes.
	recent     *item
	held       string
	lastAnswer common.Ticket
	// afterShown: the status line shows afterText's tail for the answer
	// saved as afterLabel (afterEnded puts the plain line back).
	afterShown bool
	afterLabel string

	// The detail pane's scroll (ctrl+d, ctrl+u), for the item it shows.
	detailOff int
	detailFor string

	mode       mode
	editor     *common.Editor
	editKind   editKind
	editItem   item
	editStatus model.Status
	editSave   common.Ticket // the open editor's save (0: not saving)
	form       *common.Form  // the interview session form
	formSave   common.Ticket // the session form's save (0: not saving)
	search     *search
	comp       *compensating // the compensating countermeasure form
	bulk       *bulkCopy     // copying an answer to other targets (bulk.go)
	related    *relatedNA    // an SR's enhancements to mark n/a too (related.go)

	prov provenance // evidence, history, follow-ups, the session prompt (provenance.go)

	seen uint64 // the Data.Version the list was last built for

	cache viewCache
}

// viewCache holds rendered pieces of the frame: a keypress changes one or
// two rows and the detail, so the rest is reused. Entries are keyed by what
// they show; a new width or theme drops them all.
type viewCache struct {
	width int
	dark  bool
	rows  map[string]string
	// details are the requirements' details by item, each with the key
	// it was drawn for: moving back to a row, or saving the answer just
	// given, finds its detail drawn.
	details map[string]cachedDetail
	// paras are the catalog's paragraphs (questions, criteria, what to
	// look for) wrapped and padded: they are most of a detail, and an
	// answer, which redraws the detail, never changes them.
	paras   map[paraKey][]string
	sideKey string
	side    string
}

type cachedDetail struct {
	key   string
	lines []string
}

// paraKey names a wrapped catalog paragraph: its text, prefix and style at
// a width (the theme is the cache's).
type paraKey struct {
	text, prefix string
	style        paraStyle
	w            int
}

func (m *Model) freshCache() {
	c := &m.cache
	if c.rows == nil || c.width != m.w || c.dark != m.ctx.Styles.IsDark || len(c.rows) > 4096 || len(c.paras) > 1024 || len(c.details) > 256 {
		*c = viewCache{width: m.w, dark: m.ctx.Styles.IsDark, rows: map[string]string{}, paras: map[paraKey][]string{},
			details: map[string]cachedDetail{}}
	}
}

// New builds the screen on the first zone or conduit, in matrix order,
// with an unanswered requirement in scope (Resume may then reopen it where
// the last session left it).
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeys(), fr: 1, pending: map[string]model.Answer{},
		answering: map[common.Ticket][]string{}, w: 80, h: 21}
	m.keys.m = m
	if rows := ctx.Data.M.Rows; len(rows) > 0 {
		m.target = rows[0].Target.Key
	}
	m.rebuild()
	m.openWhereOpen()
	m.askAboutSession()
	return m
}

// ID names the screen in messages.
func (m *Model) ID() common.ScreenID { return common.ScreenInterview }

// Title names the screen.
func (m *Model) Title() string { return "Interview" }

// Keys returns the key map for the help bar.
func (m *Model) Keys() common.KeyMap { return m.keys }

// follow rebuilds the list when the data changed since it was built
// (targets, SL-T or answers may have changed on any screen).
func (m *Model) follow() {
	if m.seen != m.ctx.Data.Version {
		m.rebuild()
	}
}

// Capturing is true while an editor, a form, a panel or search is open.
func (m *Model) Capturing() bool { return m.mode != modeList }

// SetSize sets the body area.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	if m.editor != nil {
		m.editor.SetSize(m.editorWidth(), m.editorHeight())
	}
	m.clampScroll()
}

// rebuild recomputes the requirement list, keeping the cursor on the same
// requirement when it is still there.
func (m *Model) rebuild() {
	var keep string
	if m.cursor < len(m.items) {
		keep = m.items[m.cursor].key()
	}
	d := m.ctx.Data
	m.seen = d.Version
	if _, ok := d.Row(m.target); !ok {
		m.target = ""
		if len(d.M.Rows) > 0 {
			m.target = d.M.Rows[0].Target.Key
		}
	}
	m.items = m.items[:0]
	m.site = m.site && len(d.Cat.SiteQuestions) > 0
	if m.site {
		for i := range d.Cat.SiteQuestions {
			m.items = append(m.items, item{site: &d.Cat.SiteQuestions[i]})
		}
	} else if m.byFR {
		for _, r := range d.M.Rows {
			m.items = append(m.items, m.scope(r.Target)...)
		}
	} else if t, ok := d.Target(m.target); ok {
		m.items = append(m.items, m.scope(t)...)
	}
	m.cursor = 0
	for i, it := range m.items {
		if it.key() == keep {
			m.cursor = i
		}
	}
	m.clampScroll()
}

// scope lists a target's requirements of the current FR in scope, then
// its answers in this FR whose requirement no longer applies to it.
func (m *Model) scope(t model.Target) []item {
	reqs := m.ctx.Data.Cat.InScope(t.Kind, t.SLT, m.fr, m.ctx.Data.Scope)
	out := make([]item, len(reqs), len(reqs)+1)
	for i, r := range reqs {
		out[i] = item{target: t.Key, req: r}
	}
	return append(out, m.goneItems(t.Key)...)
}

// current returns the item under the cursor.
func (m *Model) current() (item, bool) {
	if m.cursor < 0 || m.cursor >= len(m.items) {
		return item{}, false
	}
	return m.items[m.cursor], true
}

// currentTarget is the target whose scores the side panel shows ("" on
// the site questions).
func (m *Model) currentTarget() string {
	if m.site {
		return ""
	}
	if it, ok := m.current(); ok {
		return it.target
	}
	return m.target
}

// answer is an item's answer: the one being saved when there is one, so
// that a note or flag asked for meanwhile builds on it.
func (m *Model) answer(it item) model.Answer {
	if a, ok := m.pending[it.key()]; ok {
		return a
	}
	as := m.ctx.Data.A.SiteAnswers
	if it.site == nil {
		as = m.ctx.Data.Answers(it.target)
	}
	a, ok := as[it.id()]
	if !ok {
		a = model.Answer{Requirement: it.id(), Status: model.Unanswered}
	}
	return a
}

// status is the status shown for an item: a pending one wins.
func (m *Model) status(it item) (model.Status, bool) {
	if a, ok := m.pending[it.key()]; ok {
		return a.Status.Norm(), true
	}
	return m.answer(it).Status.Norm(), false
}

// listHeight is how many requirement rows are visible: what the detail of
// the current requirement leaves, but at least a few rows.
func (m *Model) listHeight() int {
	m.freshCache()
	detail := len(m.detailLines(m.mainWidth()))
	free := m.h - 4 - detail // header, session line, separator, pager
	return max(min(5, len(m.items)), min(len(m.items), free))
}

// mainWidth is the width left of the side panel.
func (m *Model) mainWidth() int {
	if m.w < 60 {
		return m.w
	}
	return m.w - sideWidth - 1
}

func (m *Model) clampScroll() {
	if m.cursor >= len(m.items) {
		m.cursor = max(0, len(m.items)-1)
	}
	// At the top of the list, within the rows it always has, nothing moves
	// whatever the detail's length: skip laying the detail out (the next
	// frame does it).
	if m.offset == 0 && m.cursor < min(5, len(m.items)) {
		return
	}
	lh := m.listHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+lh {
		m.offset = m.cursor - lh + 1
	}
	m.offset = max(0, min(m.offset, len(m.items)-lh))
}
