package matrix

import (
	"strings"

	"slate/model"
	"slate/ui/common"
)

// Label lines of the scrolling list (a line is otherwise a row index).
const (
	labelZones    = -1
	labelConduits = -2
)

// cache holds what View needs so that a cursor move re-renders one row:
//
//   - per data version: the list lines (section labels and rows), the
//     rendered cells by score, and the widest name;
//   - per version and size: the column layout, the rendered rows (without the
//     cursor), the header and the legend;
//   - the last whole view, by everything it depends on.
//
// The root bumps Data.Version on every change, including a new theme, so a
// version change clears everything styled.
type cache struct {
	valid   bool
	version uint64
	width   int
	height  int

	lines   []int // list lines: a row index, labelZones or labelConduits
	rowLine []int // row index -> its line
	zones   int
	conds   int
	kinds   [2]kindSummary // zones, conduits
	longest int            // widest target name, in cells
	cells   map[model.FRScore]string

	lay     layout
	rows    []string // rendered rows without the cursor ("" = not yet)
	headers [model.NumFR]string
	legend  string
	// legendFor is the width and theme the legend was drawn for: it shows
	// no data, so a data change keeps it.
	legendFor struct {
		w    int
		dark bool
	}
	title  string
	labels [2]string
	blank  string

	viewKey viewKey
	view    string
}

// kindSummary sums one section of the matrix for its label line, from the
// model's target summaries.
type kindSummary struct {
	targets, withTarget, atTarget int
	answered, applicable          int
}

// layout is the column geometry for one width.
type layout struct {
	nameW int  // gutter + name
	sep   int  // spaces before each FR column and the completeness column
	done  bool // the completeness column is shown
	rowW  int  // the row's natural width
}

// gutterW is the cursor marker column ("> ") in front of the names.
const gutterW = 2

// viewKey is everything the rendered view depends on besides the caches.
type viewKey struct {
	version       uint64
	width, height int
	row, col      int
	offset        int
	drill         drillKey
}

// reset rebuilds the per-version part. It walks the rows once: no scoring,
// the root keeps ctx.Data.M current.
func (c *cache) reset(d *common.Data) {
	rows := d.M.Rows
	c.valid = true
	c.version = d.Version
	c.lines = c.lines[:0]
	c.rowLine = c.rowLine[:0]
	c.zones, c.conds, c.longest = 0, 0, len("Target")
	c.kinds = [2]kindSummary{}
	prevKind := model.TargetKind(255)
	for i := range rows {
		t := &rows[i].Target
		if t.Kind != prevKind {
			if t.Kind == model.KindConduit {
				c.lines = append(c.lines, labelConduits)
			} else {
				c.lines = append(c.lines, labelZones)
			}
			prevKind = t.Kind
		}
		if t.Kind == model.KindConduit {
			c.conds++
		} else {
			c.zones++
		}
		ks := &c.kinds[0]
		if t.Kind == model.KindConduit {
			ks = &c.kinds[1]
		}
		ks.targets++
		sum := rows[i].Summary()
		if sum.WithTarget {
			ks.withTarget++
		}
		if sum.AtTarget {
			ks.atTarget++
		}
		ks.answered += sum.Answered
		ks.applicable += sum.Applicable
		c.rowLine = append(c.rowLine, len(c.lines))
		c.lines = append(c.lines, i)
		c.longest = max(c.longest, common.TextWidth(t.Name))
	}
	clear(c.cells)
	if c.cells == nil {
		c.cells = make(map[model.FRScore]string, 64)
	}
	c.width, c.height = -1, -1 // force the per-size part
	c.viewKey = viewKey{}
	c.view = ""
}

// resize rebuilds the per-size part.
func (c *cache) resize(w, h int) {
	c.width, c.height = w, h
	c.lay = computeLayout(w, c.longest)
	if cap(c.rows) >= len(c.rowLine) {
		c.rows = c.rows[:len(c.rowLine)]
		clear(c.rows)
	} else {
		c.rows = make([]string, len(c.rowLine))
	}
	c.headers = [model.NumFR]string{}
	c.title, c.labels = "", [2]string{}
	c.blank = strings.Repeat(" ", w)
	c.viewKey = viewKey{}
	c.view = ""
}

// computeLayout fits the name column, seven cells and completeness in w
// cells: one space between columns, two when the names still fit in full;
// the name column takes what is left, up to the widest name. When that
// leaves fewer than minName cells for names (80 columns), the completeness
// column goes: the section labels and the detail line still give it.
func computeLayout(w, longest int) layout {
	fixed := func(sep int, done bool) int {
		n := model.NumFR * (sep + cellW)
		if done {
			n += sep + doneW
		}
		return n
	}
	need := gutterW + longest
	lay := layout{sep: 1, done: true}
	if w-fixed(2, true) >= need {
		lay.sep = 2
	}
	if w-fixed(lay.sep, true) < gutterW+minName && need > w-fixed(lay.sep, true) {
		lay.done = false
	}
	lay.nameW = min(w-fixed(lay.sep, lay.done), need)
	lay.nameW = max(lay.nameW, gutterW+6) // very narrow: the row is cut at the right
	lay.rowW = lay.nameW + fixed(lay.sep, lay.done)
	return lay
}

// minName is the name width below which the completeness column is dropped.
const minName = 14
