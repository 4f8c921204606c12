package roadmap

import (
	"cmp"
	"slices"
	"strconv"

	"slate/model"
)

// filters narrow the list (and the timeline). The zero value shows all.
type filters struct {
	target  string            // zone or conduit key: initiatives with that target
	fr      model.FR          // 0 = every FR
	status  model.TrackStatus // "" = every status
	owner   string            // with byOwner: that owner ("" = nobody yet)
	byOwner bool
}

func (f filters) active() bool {
	return f.target != "" || f.fr != 0 || f.status != "" || f.byOwner
}

// match reports whether an initiative passes the filters.
func (f filters) match(in *model.Initiative) bool {
	if f.fr != 0 && in.Requirement.FR != f.fr {
		return false
	}
	if f.status != "" && in.Status() != f.status {
		return false
	}
	if f.byOwner && in.Tracking.Owner != f.owner {
		return false
	}
	if f.target != "" {
		for i := range in.Targets {
			if in.Targets[i].Target.Key == f.target {
				return true
			}
		}
		return false
	}
	return true
}

// filterOptions are the values the filter keys cycle through: only those
// that occur in the plan, so no step of a cycle shows an empty list (except
// the statuses, which are offered in workflow order).
type filterOptions struct {
	valid   bool
	version uint64
	targets []model.Target // in the assessment's order
	frs     []model.FR
	owners  []string // "" (nobody yet) first, then by name
}

// options returns the filter values of the current plan, worked out on
// first use after a change (a large plant has many targets to collect).
func (m *Model) options() *filterOptions {
	if m.opts.valid && m.opts.version == m.version {
		return &m.opts
	}
	o := filterOptions{valid: true, version: m.version}
	inPlan := map[string]bool{}
	frs := [model.NumFR + 1]bool{}
	owners := map[string]bool{}
	for _, in := range m.plan.Initiatives {
		frs[in.Requirement.FR] = true
		owners[in.Tracking.Owner] = true
		for i := range in.Targets {
			inPlan[in.Targets[i].Target.Key] = true
		}
	}
	for _, t := range m.ctx.Data.A.Targets() {
		if inPlan[t.Key] {
			o.targets = append(o.targets, t)
		}
	}
	for _, fr := range model.FRs {
		if frs[fr] {
			o.frs = append(o.frs, fr)
		}
	}
	for k := range owners {
		o.owners = append(o.owners, k)
	}
	slices.SortFunc(o.owners, func(a, b string) int {
		return cmp.Or(cmp.Compare(model.CleanLine(a), model.CleanLine(b)), cmp.Compare(a, b))
	})
	m.opts = o
	return &m.opts
}

// cycle steps through "all" (off) and the options: step 1 forward, -1 back.
func cycle[T comparable](opts []T, cur T, on bool, step int) (T, bool) {
	pos := -1
	if on {
		pos = slices.Index(opts, cur)
	}
	n := len(opts) + 1 // the options and "all"
	pos = ((pos+1+step)%n+n)%n - 1
	if pos < 0 {
		var zero T
		return zero, false
	}
	return opts[pos], true
}

// cycleTarget moves the zone/conduit filter.
func (m *Model) cycleTarget(step int) {
	o := m.options()
	keys := make([]string, len(o.targets))
	for i, t := range o.targets {
		keys[i] = t.Key
	}
	m.filter.target, _ = cycle(keys, m.filter.target, m.filter.target != "", step)
	m.refilter()
}

// cycleFR moves the FR filter.
func (m *Model) cycleFR() {
	m.filter.fr, _ = cycle(m.options().frs, m.filter.fr, m.filter.fr != 0, 1)
	m.refilter()
}

// cycleStatus moves the status filter through every status.
func (m *Model) cycleStatus() {
	m.filter.status, _ = cycle(model.TrackStatuses, m.filter.status, m.filter.status != "", 1)
	m.refilter()
}

// cycleOwner moves the owner filter.
func (m *Model) cycleOwner() {
	m.filter.owner, m.filter.byOwner = cycle(m.options().owners, m.filter.owner, m.filter.byOwner, 1)
	m.refilter()
}

// clearFilters shows every initiative again.
func (m *Model) clearFilters() {
	m.filter = filters{}
	m.refilter()
}

// filterParts describes the active filters in words, one part each.
func (m *Model) filterParts() []string {
	f := m.filter
	var parts []string
	if f.target != "" {
		name, kind := f.target, "target"
		if t, ok := m.ctx.Data.A.Target(f.target); ok {
			name, kind = model.CleanLine(t.Name), t.Kind.String()
		}
		parts = append(parts, kind+" "+name)
	}
	if f.fr != 0 {
		parts = append(parts, f.fr.String())
	}
	if f.status != "" {
		parts = append(parts, "status "+f.status.Label())
	}
	if f.byOwner {
		if f.owner == "" {
			parts = append(parts, "no owner yet")
		} else {
			parts = append(parts, "owner "+model.CleanLine(f.owner))
		}
	}
	return parts
}

// Groups of the list: the four phases, then the closed initiatives.
const (
	groupClosed = 4 // after the four phases of model.Phases
	numGroups   = groupClosed + 1
)

// phases are the plannable phases (model.Phases) in order.
var phases = model.Phases[:groupClosed]

func groupOf(in *model.Initiative) int {
	if in.Closed() {
		return groupClosed
	}
	if i := slices.Index(phases, in.Phase); i >= 0 {
		return i
	}
	return 0
}

// lineKind says what a list line shows.
type lineKind uint8

const (
	lineHeading lineKind = iota // a group heading
	lineItem                    // an initiative
	lineNote                    // the unanswered requirements
)

type listLine struct {
	kind  lineKind
	group int
	item  int // index into list.items
}

// list is the filtered initiatives in plan order and the lines that show
// them under their group headings.
type list struct {
	items    []int          // indexes into plan.Initiatives
	index    map[string]int // requirement id -> index into items
	group    []int          // item -> group
	lines    []listLine
	itemLine []int // item -> its line
	counts   [numGroups]int
	open     int
}

// build fills the list from the plan (already in display order).
func (l *list) build(p *model.Plan, f filters) {
	l.items, l.group, l.lines, l.itemLine = l.items[:0], l.group[:0], l.lines[:0], l.itemLine[:0]
	l.index = make(map[string]int, len(p.Initiatives))
	l.counts = [numGroups]int{}
	l.open = 0
	for i, in := range p.Initiatives {
		if !f.match(in) {
			continue
		}
		g := groupOf(in)
		l.index[in.Requirement.ID] = len(l.items)
		l.items = append(l.items, i)
		l.group = append(l.group, g)
		l.counts[g]++
		if g != groupClosed {
			l.open++
		}
	}
	prev := -1
	for j, g := range l.group {
		if g != prev {
			l.lines = append(l.lines, listLine{kind: lineHeading, group: g})
			prev = g
		}
		l.itemLine = append(l.itemLine, len(l.lines))
		l.lines = append(l.lines, listLine{kind: lineItem, group: g, item: j})
	}
	if len(l.items) > 0 && p.Unanswered > 0 {
		l.lines = append(l.lines, listLine{kind: lineNote})
	}
}

// unansweredText says what the plan leaves out until it is answered.
func unansweredText(n int) string {
	if n == 1 {
		return "1 in-scope question not answered yet is not planned"
	}
	return strconv.Itoa(n) + " in-scope questions not answered yet are not planned"
}
