package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Diagram is the zone and conduit model as a picture, before geometry:
// zones as boxes in rows by their tier (external and enterprise at the top,
// safety and field at the bottom), conduits as links between boxes, each
// with its SL-T, its worst gap and the marks of the model checks. Renderers
// (the report's SVG, the terminal's text) place it with Layout.
type Diagram struct {
	Rows  [][]int       // box indexes per row, top row first, left to right
	Cols  int           // the widest row's number of boxes
	Boxes []DiagramBox  // one per zone, in the model's order
	Links []DiagramLink // one per conduit whose zones both exist, in the model's order
	// Unplaced lists conduits that name a zone that does not exist; they
	// cannot be drawn and are listed instead.
	Unplaced []DiagramItem
}

// DiagramItem is what a box and a link show.
type DiagramItem struct {
	Key     string
	Name    string // cleaned for one line
	Kind    string // the kind as shown (the assessor's label for other)
	SLT     SLVector
	Gap     string    // the worst gap in the cell notation's words: -N, ok, ?, -
	State   CellState // the target's state, for colour
	MaxGap  Level
	Marks   Marks
	Details []string // the messages of the findings naming this target
}

// SLTText is "SL-T 2" or "SL-T 1,2,2,2,2,1,2".
func (it *DiagramItem) SLTText() string { return "SL-T " + it.SLT.String() }

// GapText is "gap -1", "gap ok", "gap ?" or "gap -".
func (it *DiagramItem) GapText() string { return "gap " + it.Gap }

// DiagramBox is a zone.
type DiagramBox struct {
	DiagramItem
	Tier     Tier
	Row, Col int // row index into Rows; column in the grid of Cols columns
}

// DiagramLink is a conduit between two boxes.
type DiagramLink struct {
	DiagramItem
	Tag      int // 1, 2, ...: the conduit's number in legends
	From, To int // box indexes
}

// Marks counts the findings of the model checks on one target.
type Marks struct{ Error, Warning, Info int }

// Any reports whether there is a finding.
func (m Marks) Any() bool { return m.Error+m.Warning+m.Info > 0 }

// Worst is the most severe severity marked; ok is false without findings.
func (m Marks) Worst() (s Severity, ok bool) {
	switch {
	case m.Error > 0:
		return SevError, true
	case m.Warning > 0:
		return SevWarning, true
	case m.Info > 0:
		return SevInfo, true
	}
	return "", false
}

// Short is the compact form for a terminal: "E1 W2 I1", "" without findings.
func (m Marks) Short() string {
	var parts []string
	for _, p := range []struct {
		n int
		c string
	}{{m.Error, "E"}, {m.Warning, "W"}, {m.Info, "I"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%s%d", p.c, p.n))
		}
	}
	return strings.Join(parts, " ")
}

// Words is the form for a report: "1 error, 2 warnings".
func (m Marks) Words() string {
	var parts []string
	for _, p := range []struct {
		n    int
		noun string
	}{{m.Error, "error"}, {m.Warning, "warning"}, {m.Info, "note"}} {
		switch {
		case p.n == 1:
			parts = append(parts, "1 "+p.noun)
		case p.n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", p.n, p.noun))
		}
	}
	return strings.Join(parts, ", ")
}

// BuildDiagram draws the zone model: boxes from zm's zones, links from its
// conduits, the worst gap of each target from the matrix's row (not
// assessed, "?", when the matrix has no row for it), and the findings as
// marks on the targets they name. The order of boxes in a row keeps
// connected zones above each other where it can.
func BuildDiagram(zm *ZoneModel, m *Matrix, findings []Finding) Diagram {
	d := Diagram{Boxes: make([]DiagramBox, len(zm.Zones))}
	item := func(key, name, kind string, slt SLVector) DiagramItem {
		it := DiagramItem{Key: key, Name: strings.TrimSpace(CleanLine(name)),
			Kind: strings.TrimSpace(CleanLine(kind)), SLT: slt, Gap: "?", State: StateNotAssessed}
		if m != nil {
			if row, ok := m.Row(key); ok {
				s := row.Summary()
				it.Gap, it.State, it.MaxGap = s.Text(), s.State(), s.MaxGap
			}
		}
		for _, f := range FindingsOf(findings, key) {
			switch f.Severity {
			case SevError:
				it.Marks.Error++
			case SevWarning:
				it.Marks.Warning++
			default:
				it.Marks.Info++
			}
			it.Details = append(it.Details, strings.TrimSpace(CleanLine(f.Message)))
		}
		return it
	}
	index := map[string]int{}
	for i := range zm.Zones {
		z := &zm.Zones[i]
		d.Boxes[i] = DiagramBox{DiagramItem: item(z.Key, z.Name, z.KindText(), z.SLT), Tier: ZoneTier(z.Kind, z.Tier)}
		if _, dup := index[z.Key]; !dup {
			index[z.Key] = i
		}
	}
	for i := range zm.Conduits {
		c := &zm.Conduits[i]
		it := item(c.Key, c.Name, c.KindText(), c.SLT)
		from, okF := index[c.From]
		to, okT := index[c.To]
		if !okF || !okT {
			d.Unplaced = append(d.Unplaced, it)
			continue
		}
		d.Links = append(d.Links, DiagramLink{DiagramItem: it, Tag: len(d.Links) + 1, From: from, To: to})
	}
	d.arrange()
	return d
}

// arrange puts the boxes in rows by tier and orders each row so that a box
// sits near the boxes it is linked to (one pass down, one pass up, each
// sorting a row by the mean position of its neighbours in the rows already
// placed; ties keep the model's order).
func (d *Diagram) arrange() {
	var tiers []Tier
	for _, b := range d.Boxes {
		if !slices.Contains(tiers, b.Tier) {
			tiers = append(tiers, b.Tier)
		}
	}
	slices.Sort(tiers)
	d.Rows = make([][]int, len(tiers))
	for i := range d.Boxes {
		r := slices.Index(tiers, d.Boxes[i].Tier)
		d.Boxes[i].Row = r
		d.Rows[r] = append(d.Rows[r], i)
	}
	neighbours := make([][]int, len(d.Boxes))
	for _, l := range d.Links {
		if l.From != l.To {
			neighbours[l.From] = append(neighbours[l.From], l.To)
			neighbours[l.To] = append(neighbours[l.To], l.From)
		}
	}
	// pos is a box's centred position in its row, in half columns so rows
	// of different length compare.
	pos := make([]int, len(d.Boxes))
	place := func(r int) {
		n := len(d.Rows[r])
		for i, b := range d.Rows[r] {
			pos[b] = 2*i - (n - 1)
		}
	}
	for r := range d.Rows {
		place(r)
	}
	sortRow := func(r int, from func(other int) bool) {
		type key struct {
			box  int
			mean float64
		}
		keys := make([]key, len(d.Rows[r]))
		for i, b := range d.Rows[r] {
			sum, n := 0, 0
			for _, o := range neighbours[b] {
				if from(d.Boxes[o].Row) {
					sum += pos[o]
					n++
				}
			}
			mean := float64(pos[b])
			if n > 0 {
				mean = float64(sum) / float64(n)
			}
			keys[i] = key{b, mean}
		}
		slices.SortStableFunc(keys, func(a, b key) int { return cmp.Compare(a.mean, b.mean) })
		for i, k := range keys {
			d.Rows[r][i] = k.box
		}
		place(r)
	}
	for r := 1; r < len(d.Rows); r++ {
		sortRow(r, func(o int) bool { return o < r })
	}
	for r := len(d.Rows) - 2; r >= 0; r-- {
		sortRow(r, func(o int) bool { return o > r })
	}
	d.Cols = 0
	for _, row := range d.Rows {
		d.Cols = max(d.Cols, len(row))
	}
	for _, row := range d.Rows {
		off := (d.Cols - len(row)) / 2
		for i, b := range row {
			d.Boxes[b].Col = off + i
		}
	}
}
