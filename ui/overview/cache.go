package overview

import (
	"cmp"
	"slices"
	"strconv"

	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// entry is one line of the scrolling target list: a section heading or a
// target (an index into Data.M.Rows).
type entry struct {
	heading bool
	label   string // heading text
	row     int
}

// gapItem is one target's FRs that fall short of their SL-T by the same
// levels (same SL-A, SL-T and provisional mark), so one line says them all.
type gapItem struct {
	row   int
	frs   []model.FR
	score model.FRScore
}

// cache keeps what only changes with the data (entries, the worst gaps, the
// totals) by Data.Version, and the rendered list rows by (version, width).
// Rows are rendered when first shown, so a 500-target plant costs only the
// rows on screen.
type cache struct {
	version uint64
	valid   bool

	index     map[string]int // target key -> row
	list      []entry
	entryOfRw []int // row -> index in list
	gaps      []gapItem
	gapFRs    int // FRs with a gap, over all targets
	gapTgts   int // targets with at least one gap
	answered  int
	applic    int
	countW    int // widest "answered/applicable" text
	nameW     int // widest target name (up to maxNameWidth)

	rowsWidth int
	rows      []string // rendered unselected rows, "" = not yet
}

func (c *cache) refresh(d *common.Data) {
	if c.valid && c.version == d.Version {
		return
	}
	*c = cache{version: d.Version, valid: true}
	rows := d.M.Rows
	c.index = make(map[string]int, len(rows))
	c.entryOfRw = make([]int, len(rows))
	c.rows = make([]string, len(rows))
	zones, conduits := 0, 0
	for i := range rows {
		if rows[i].Target.Kind == model.KindConduit {
			conduits++
		} else {
			zones++
		}
	}
	lastKind := model.TargetKind(255)
	for i := range rows {
		r := &rows[i]
		c.index[r.Target.Key] = i
		c.nameW = max(c.nameW, lipgloss.Width(common.Line(r.Target.Name, maxNameWidth)))
		if r.Target.Kind != lastKind {
			lastKind = r.Target.Kind
			label := "Zones (" + strconv.Itoa(zones) + ")"
			if lastKind == model.KindConduit {
				label = "Conduits (" + strconv.Itoa(conduits) + ")"
			}
			c.list = append(c.list, entry{heading: true, label: label})
		}
		c.entryOfRw[i] = len(c.list)
		c.list = append(c.list, entry{row: i})

		a, p := r.Completeness()
		c.answered += a
		c.applic += p
		c.countW = max(c.countW, lipgloss.Width(countText(a, p)))
		if r.Score.MaxGap() > 0 {
			c.gapTgts++
		}
		c.addGaps(i, r)
	}
	c.countW = max(c.countW, lipgloss.Width(countText(c.answered, c.applic)))
	// Largest gap first; among equals a confirmed SL-A before a provisional
	// one (a finding before an open question), then the higher target, then
	// plant order.
	slices.SortStableFunc(c.gaps, func(x, y gapItem) int {
		if d := cmp.Compare(y.score.Gap, x.score.Gap); d != 0 {
			return d
		}
		if x.score.Provisional != y.score.Provisional {
			if x.score.Provisional {
				return 1
			}
			return -1
		}
		if d := cmp.Compare(y.score.SLT, x.score.SLT); d != 0 {
			return d
		}
		return cmp.Compare(x.row, y.row)
	})
}

// addGaps groups a target's gaps by SL-A, SL-T and provisional mark.
func (c *cache) addGaps(row int, r *model.MatrixRow) {
	first := len(c.gaps)
	for _, fr := range model.FRs {
		s := r.Score.At(fr)
		if s.Gap == 0 {
			continue
		}
		c.gapFRs++
		found := false
		for j := first; j < len(c.gaps); j++ {
			g := &c.gaps[j]
			if g.score.SLA == s.SLA && g.score.SLT == s.SLT && g.score.Provisional == s.Provisional {
				g.frs = append(g.frs, fr)
				found = true
				break
			}
		}
		if !found {
			c.gaps = append(c.gaps, gapItem{row: row, frs: []model.FR{fr}, score: s})
		}
	}
}

func (c *cache) entries(d *common.Data) []entry {
	c.refresh(d)
	return c.list
}

func (c *cache) indexOf(d *common.Data, key string) (int, bool) {
	c.refresh(d)
	i, ok := c.index[key]
	return i, ok
}

func (c *cache) entryOf(d *common.Data, row int) int {
	c.refresh(d)
	if row < 0 || row >= len(c.entryOfRw) {
		return 0
	}
	return c.entryOfRw[row]
}

// row returns the rendered unselected line of a target at width w.
func (c *cache) row(d *common.Data, i int, w int, render func(i int) string) string {
	c.refresh(d)
	if c.rowsWidth != w {
		c.rowsWidth = w
		clear(c.rows)
	}
	if c.rows[i] == "" {
		c.rows[i] = render(i)
	}
	return c.rows[i]
}

// maxNameWidth caps the name column of the target list.
const maxNameWidth = 40
