package overview

import (
	"slate/model"
	"slate/ui/common"
)

// frOpts says how much the FR picture shows.
type frOpts struct {
	cell   int  // cells per level in the bar (1 or 2)
	names  bool // FR short names
	counts bool // answered/applicable per FR
}

// width of the FR picture drawn with these options.
func (o frOpts) width() int {
	w := 4 + barWidth(o.cell) + 2 + model.MaxCellWidth // "FR1 " bar "  1*/2 -1"
	if o.names {
		w += shortFRWidth + 1
	}
	if o.counts {
		w += 2 + countCol
	}
	return max(w, frMinWidth)
}

// frMinWidth keeps the picture wide enough for its title, a target's name
// and kind ("Control - Safety · conduit"), on the narrowest layout.
const frMinWidth = 26

// frOptsFor picks the richest FR picture that fits in w cells.
func frOptsFor(w int) frOpts {
	for _, o := range []frOpts{{2, true, true}, {2, true, false}, {1, false, false}} {
		if o.width() <= w {
			return o
		}
	}
	return frOpts{cell: 1}
}

// frPanelRows is the height of the FR picture: title, scale and FR1..FR7.
const frPanelRows = 2 + 7

// layout is where each part of the screen goes at the current size.
type layout struct {
	w int

	site     bool     // the site/assessor line
	scope    []string // wrapped scope lines (empty when dropped)
	siteQs   bool     // the site questions line
	catalog  bool     // the catalog line: answers to re-confirm after an upgrade
	blankTop bool     // blank line under the details
	blankGap bool     // blank line above the worst gaps
	gapRows  int      // worst-gap lines under the section heading; -1 hides the section

	middle int // lines for the target list and the FR picture

	side     bool // FR picture beside the list (else below it, or hidden)
	frBelow  bool
	fr       frOpts
	frW      int
	listW    int
	listRows int // scrolling lines of the list (below its heading and total)
}

const sideSep = " │ "

// layout computes the layout for the current size and data.
func (m *Model) layout() layout {
	d := m.ctx.Data
	m.cache.refresh(d)
	w, h := m.width, m.height
	lay := layout{w: w, site: true, blankTop: true, blankGap: true,
		siteQs: len(d.Cat.SiteQuestions) > 0, catalog: len(d.Outdated()) > 0}

	scopeMax := 2
	if w >= 110 {
		scopeMax = 3
	}
	wrapped := func(n int) []string {
		if n <= 0 {
			return nil
		}
		if d.A.Scope == "" {
			return []string{""}
		}
		return common.Wrap(d.A.Scope, max(1, w-scopeIndent), n)
	}
	lay.scope = wrapped(scopeMax)

	hasTargets := len(d.M.Rows) > 0
	switch {
	case !hasTargets:
		lay.gapRows = -1
		lay.blankGap = false
	case m.bottomItems() == 0:
		lay.gapRows = 1 // "no gaps" line
	default:
		lay.gapRows = min(5, m.bottomItems())
	}

	// Side by side from 64 cells; below that the FR picture goes under the list.
	switch {
	case w >= 140:
		lay.fr = frOpts{2, true, true}
	case w >= 110:
		lay.fr = frOpts{2, true, false}
	default:
		lay.fr = frOpts{cell: 1}
	}
	lay.side = w >= 64
	if !lay.side {
		lay.fr = frOptsFor(w)
	}
	lay.frW = lay.fr.width()

	need := 3 // list heading, total and one target
	if hasTargets {
		if lay.side {
			need = frPanelRows
		} else {
			need = 2 + 3 + 1 + frPanelRows
		}
	}

	fixed := func() int {
		n := 1 + len(lay.scope)
		for _, on := range []bool{lay.site, lay.siteQs, lay.catalog} {
			if on {
				n++
			}
		}
		if lay.blankTop {
			n++
		}
		if lay.blankGap {
			n++
		}
		if lay.gapRows >= 0 {
			n += 1 + lay.gapRows
		}
		return n
	}
	// Give up detail, least useful first, until the list and picture fit.
	shrink := []func() bool{
		func() bool { return lay.gapRows > 3 && dec(&lay.gapRows) },
		func() bool { return len(lay.scope) > 1 && rewrap(&lay.scope, wrapped(1)) },
		func() bool { return lay.gapRows > 1 && dec(&lay.gapRows) },
		func() bool { return lay.blankGap && off(&lay.blankGap) },
		func() bool { return lay.blankTop && off(&lay.blankTop) },
		func() bool { return lay.catalog && off(&lay.catalog) },
		func() bool { return lay.siteQs && off(&lay.siteQs) },
		func() bool { return lay.gapRows >= 0 && set(&lay.gapRows, -1) },
		func() bool { return lay.site && off(&lay.site) },
		func() bool { return len(lay.scope) > 0 && rewrap(&lay.scope, nil) },
	}
	for _, step := range shrink {
		for h-fixed() < need && step() {
		}
	}
	lay.middle = max(0, h-fixed())

	// A tall screen lists more gaps with the room the list does not use.
	if lay.gapRows > 0 && m.bottomItems() > lay.gapRows {
		used := 2 + len(m.cache.list)
		if lay.side { // the picture with its legend and the enter hint
			used = max(used, frPanelRows+1+len(legendLines(lay.frW))+1)
		} else {
			used += 1 + frPanelRows
		}
		extra := min(lay.middle-used, m.bottomItems()-lay.gapRows, maxGapRows-lay.gapRows)
		if extra > 0 {
			lay.gapRows += extra
			lay.middle -= extra
		}
	}

	if lay.side {
		lay.listW = max(0, w-lay.frW-sepWidth)
		lay.listRows = max(0, lay.middle-2)
	} else {
		lay.listW = w
		lay.frBelow = hasTargets && lay.middle >= 2+3+1+frPanelRows && lay.frW <= w
		lay.listRows = max(0, lay.middle-2)
		if lay.frBelow {
			lay.listRows -= 1 + frPanelRows
		}
	}
	return lay
}

// bottomItems is the number of lines the bottom section could show: the
// largest gaps, or the seven common findings.
func (m *Model) bottomItems() int {
	if m.findings {
		return len(model.CommonFindingKeys)
	}
	return len(m.cache.gaps)
}

// maxGapRows caps the worst-gaps list on a tall screen.
const maxGapRows = 10

// sepWidth is the display width of sideSep.
const sepWidth = 3

// scopeIndent is the width of the "Scope" label column.
const scopeIndent = 10

func dec(n *int) bool                     { *n--; return true }
func set(n *int, v int) bool              { *n = v; return true }
func off(b *bool) bool                    { *b = false; return true }
func rewrap(s *[]string, v []string) bool { *s = v; return true }
