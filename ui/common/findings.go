package common

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/report"
)

// The findings of `slate check` in the terminal: a count for a screen's
// header and a list with jump-to, shared by the Overview and the Zones &
// conduits screens so both say the same in the same words.

// Findings are the model checks' findings as of now, computed once per
// data version and day (model.CheckAssessment: the zone model, the answers
// and the roadmap).
func (d *Data) Findings(now time.Time) []model.Finding {
	day := now.UTC().Format(time.DateOnly)
	c := &d.findings
	if !c.ok || c.version != d.Version || c.day != day {
		*c = findingsCache{ok: true, version: d.Version, day: day, list: model.CheckAssessment(d.Cat, d.A, now)}
	}
	return c.list
}

type findingsCache struct {
	ok      bool
	version uint64
	day     string
	list    []model.Finding
}

// FindingsCount is the count a screen shows: "checks: 1 error, 2
// warnings, 3 notes" or "checks: no findings".
func FindingsCount(fs []model.Finding) string { return "checks: " + report.ChecksCount(fs) }

// FindingsCountStyled colours the count by the worst severity.
func (s *Styles) FindingsCount(fs []model.Finding) string {
	return s.SeverityStyle(fs).Render(FindingsCount(fs))
}

// SeverityStyle is the style of the worst severity among fs.
func (s *Styles) SeverityStyle(fs []model.Finding) lipgloss.Style {
	worst, ok := model.WorstSeverity(fs)
	if !ok {
		return s.OK
	}
	return s.Severity(worst)
}

// Severity is the style of one severity: errors as the largest gaps,
// warnings as a gap of one, notes muted.
func (s *Styles) Severity(sev model.Severity) lipgloss.Style {
	switch sev {
	case model.SevError:
		return s.Gap2
	case model.SevWarning:
		return s.Gap1
	}
	return s.Muted
}

// JumpTo is where a finding is looked at: a roadmap rule's initiative on
// the roadmap, any other finding's first zone or conduit on the Zones &
// conduits screen.
func JumpTo(f model.Finding) GoTo {
	target := ""
	if len(f.Targets) > 0 {
		target = f.Targets[0]
	}
	if f.OnRoadmap() {
		return GoTo{Screen: ScreenRoadmap, Requirement: f.Requirement, Target: target}
	}
	return GoTo{Screen: ScreenTargets, Target: target}
}

// FindingsKeys are the keys of the findings list.
type FindingsKeys struct {
	Nav
	Go, Close key.Binding
}

// NewFindingsKeys builds the findings list's keys.
func NewFindingsKeys() FindingsKeys {
	return FindingsKeys{
		Nav:   NewNav("finding"),
		Go:    Bind("enter", "go to the zone, conduit or initiative", "enter"),
		Close: Bind("esc/f", "close the findings", "esc", "f"),
	}
}

// Group lists the keys for the full help.
func (k FindingsKeys) Group() KeyGroup {
	return KeyGroup{Title: "Findings of slate check", Keys: append(k.Nav.Bindings(), k.Go, k.Close)}
}

// ShortHelp is the help bar while the list is open.
func (k FindingsKeys) ShortHelp() []key.Binding {
	return []key.Binding{Describe("↑↓", "choose", k.Up, k.Down), Describe("enter", "go to", k.Go), Describe("esc", "close", k.Close)}
}

// FindingsList is the list of findings with a cursor; enter picks one.
type FindingsList struct {
	list   []model.Finding
	names  func(key string) string
	keys   FindingsKeys
	cursor int
	offset int
}

// NewFindingsList opens the list on findings, naming targets with names.
func NewFindingsList(fs []model.Finding, names func(key string) string, keys FindingsKeys) *FindingsList {
	return &FindingsList{list: fs, names: names, keys: keys}
}

// Update moves the cursor; Submitted means the finding under the cursor
// was chosen (Selected), Cancelled that the list was closed.
func (l *FindingsList) Update(msg tea.Msg) Outcome {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return Pending
	}
	if to, ok := l.keys.Target(k, l.cursor, 5, len(l.list)); ok {
		l.cursor = to
		return Pending
	}
	switch {
	case key.Matches(k, l.keys.Close):
		return Cancelled
	case key.Matches(k, l.keys.Go) && len(l.list) > 0:
		return Submitted
	}
	return Pending
}

// Selected is the finding under the cursor.
func (l *FindingsList) Selected() (model.Finding, bool) {
	if l.cursor < 0 || l.cursor >= len(l.list) {
		return model.Finding{}, false
	}
	return l.list[l.cursor], true
}

// View draws the list in exactly h lines of w cells: a heading, one line
// per finding (severity, rule, where), and the chosen finding's message
// and advice below.
func (l *FindingsList) View(st *Styles, w, h int) []string {
	head := st.Title.Render(Line("Findings of slate check", w/2))
	lines := []string{Spread(head, st.SeverityStyle(l.list).Render(report.ChecksCount(l.list)), w)}
	if len(l.list) == 0 {
		lines = append(lines, "", st.OK.Render(Line("The zone and conduit model passes every check.", w)))
		return FitLines(lines, w, h)
	}
	f, _ := l.Selected()
	var detail []string
	detail = append(detail, Wrap(f.Message, w, 4)...)
	for _, a := range Wrap("Advice: "+f.Advice, w, 3) {
		detail = append(detail, st.Muted.Render(a))
	}
	where := "enter: go to the zone or conduit"
	if f.OnRoadmap() {
		where = "enter: go to the initiative on the roadmap"
	}
	detail = append(detail, st.Muted.Render(Line(where+" · esc: close", w)))
	rows := max(1, h-2-len(detail))
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = max(0, min(l.offset, len(l.list)-rows))
	for i := l.offset; i < len(l.list) && i < l.offset+rows; i++ {
		lines = append(lines, l.row(st, i, w))
	}
	for len(lines) < 1+rows {
		lines = append(lines, "")
	}
	lines = append(lines, st.Muted.Render(strings.Repeat("─", max(0, w))))
	return FitLines(append(lines, detail...), w, h)
}

// row is one finding: "E it-ot-bypass  ERP to PLC, Enterprise (SR 5.1)".
func (l *FindingsList) row(st *Styles, i, w int) string {
	f := l.list[i]
	var where []string
	for _, k := range f.Targets {
		where = append(where, l.names(k))
	}
	text := fmt.Sprintf("%-7s %-26s %s", report.SeverityWord(f.Severity), f.Rule, joinNames(where))
	if f.Requirement != "" {
		text += " (" + f.Requirement + ")"
	}
	if i == l.cursor {
		return st.Selected.Render(Fit("> "+text, w))
	}
	return st.Severity(f.Severity).Render(Fit("  "+text, w))
}

func joinNames(names []string) string {
	for i, n := range names {
		names[i] = model.CleanLine(n)
	}
	return strings.Join(names, ", ")
}
