package overview

import (
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

// cache keeps what only changes with the data (entries, the worst gaps, the
// totals) by Data.Version, and the rendered list rows by (version, width).
// Rows are rendered when first shown, so a 500-target plant costs only the
// rows on screen.
type cache struct {
	version uint64
	valid   bool

	index     map[string]int // target key -> row
	list      []entry
	entryOfRw []int              // row -> index in list
	gaps      []model.GapCell    // the largest gaps, ranked by model
	plant     model.PlantSummary // gap cells, targets at SL-T, completeness
	answered  int
	applic    int
	countW    int // widest "answered/applicable" text
	nameW     int // widest target name (up to maxNameWidth)

	rowsWidth int
	rows      []string // rendered unselected rows, "" = not yet

	findings   []model.CommonFindingStatus // the seven, planned when first shown
	findingsOK bool
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

		s := r.Summary()
		c.countW = max(c.countW, lipgloss.Width(countText(s.Answered, s.Applicable)))
	}
	c.plant = d.M.Summary()
	c.answered, c.applic = c.plant.Answered, c.plant.Applicable
	c.countW = max(c.countW, lipgloss.Width(countText(c.answered, c.applic)))
	c.gaps = d.M.WorstGaps(maxGapRows)
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

// commonFindings evaluates the seven common findings (which plans the
// roadmap) the first time they are shown for a data version.
func (c *cache) commonFindings(ctx *common.Context) []model.CommonFindingStatus {
	c.refresh(ctx.Data)
	if !c.findingsOK {
		d := ctx.Data
		plan := model.BuildPlan(d.Cat, d.A, d.A.Tracking, d.A.Windows, ctx.Today())
		c.findings, c.findingsOK = model.CommonFindingsStatus(d.Cat, d.A, plan), true
	}
	return c.findings
}
