package model

import "slices"

// DiagramMetrics are a renderer's units: pixels for SVG, character cells
// for a terminal.
type DiagramMetrics struct {
	BoxW, BoxH int // a zone box
	ColGap     int // the least space between two columns of boxes
	RowGap     int // the least space between two rows of boxes
	Track      int // the distance between two parallel lines, and from a line to a box
	Margin     int // around the drawing
}

// Point is a position in a renderer's units.
type Point struct{ X, Y int }

// Rect is a box: X, Y its top-left corner, W, H its size; it covers
// [X, X+W) × [Y, Y+H).
type Rect struct{ X, Y, W, H int }

// Overlaps reports whether two rects share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// OnBorder reports whether p lies on the rect's outline.
func (r Rect) OnBorder(p Point) bool {
	inX := p.X >= r.X && p.X <= r.X+r.W
	inY := p.Y >= r.Y && p.Y <= r.Y+r.H
	return inX && (p.Y == r.Y || p.Y == r.Y+r.H) || inY && (p.X == r.X || p.X == r.X+r.W)
}

// DiagramGeometry is a Diagram placed in a renderer's units.
type DiagramGeometry struct {
	W, H  int
	Boxes []Rect // by box index
	// Routes holds each link's line, by link index: horizontal and vertical
	// segments from a point on the From box's outline to a point on the To
	// box's outline. Lines run only in the gaps between boxes, never through
	// one; no two lines share a segment (they may cross).
	Routes [][]Point
	// Labels holds, by link index, the horizontal segment of the line
	// reserved for the link's label (left end first; it may have length 0).
	// No other line runs along it.
	Labels [][2]Point
}

// Layout places the diagram: boxes on a grid of Cols columns and one row
// per tier present, each line routed through the gaps. A gap between two
// rows holds one horizontal track per line that runs along it; a gap
// between two columns (or beside the outer ones) one vertical track per
// line that passes rows on its way; gaps grow to fit their tracks.
//
// Boxes are BoxW wide unless more lines meet one than fit a Track apart.
// A line leaves the upper box through its bottom edge and enters the lower
// box through its top edge. Between neighbouring rows it turns once in the
// gap between them; across more rows it runs down a column gap; between
// two boxes of one row it runs through the gap below that row.
func (d *Diagram) Layout(m DiagramMetrics) DiagramGeometry {
	nRows, nCols := len(d.Rows), max(d.Cols, 1)
	g := DiagramGeometry{Boxes: make([]Rect, len(d.Boxes)), Routes: make([][]Point, len(d.Links)),
		Labels: make([][2]Point, len(d.Links))}
	if nRows == 0 {
		g.W, g.H = 2*m.Margin, 2*m.Margin
		return g
	}

	// Each link as an upper box a and a lower box b (a's row <= b's row).
	type plan struct {
		a, b         int
		swapped      bool
		gapTop       int // the row gap under a
		gapEntry     int // the row gap above b (== gapTop unless crossing rows)
		channel      int // column gap used when crossing rows, else -1
		tTop, tEntry int // tracks in those row gaps
		tChan        int // track in the channel
	}
	plans := make([]plan, len(d.Links))
	rowTracks := make([]int, nRows)
	chanTracks := make([]int, nCols+1)
	for i, l := range d.Links {
		p := plan{a: l.From, b: l.To, channel: -1}
		if d.Boxes[p.a].Row > d.Boxes[p.b].Row {
			p.a, p.b, p.swapped = p.b, p.a, true
		}
		ra, rb := d.Boxes[p.a].Row, d.Boxes[p.b].Row
		p.gapTop, p.gapEntry = ra, max(rb-1, ra)
		p.tTop = rowTracks[p.gapTop]
		rowTracks[p.gapTop]++
		p.tEntry = p.tTop
		if rb > ra+1 {
			ca, cb := d.Boxes[p.a].Col, d.Boxes[p.b].Col
			p.channel = ca + 1
			if ca != cb {
				p.channel = (ca + cb + 1) / 2
			}
			p.tChan = chanTracks[p.channel]
			chanTracks[p.channel]++
			p.tEntry = rowTracks[p.gapEntry]
			rowTracks[p.gapEntry]++
		}
		plans[i] = p
	}

	// Anchors: where lines meet a box edge. All the lines that meet the
	// bottoms of one row's box and the tops of the next row's box in one
	// column share the column's width, spread evenly and ordered by where
	// they head, so no two vertical stubs in a gap coincide.
	type attach struct {
		link   int
		bottom bool // on the upper box's bottom edge (else the lower box's top)
		toward int  // where the line heads, in half columns
	}
	slots := map[[2]int][]attach{} // (row gap, column) -> attachments
	heading := func(p plan, fromA bool) int {
		if p.channel >= 0 {
			return 2 * p.channel
		}
		if fromA {
			return 2*d.Boxes[p.b].Col + 1
		}
		return 2*d.Boxes[p.a].Col + 1
	}
	straight := make([]bool, len(plans)) // one slot for both ends: a straight line down
	for i, p := range plans {
		ba, bb := d.Boxes[p.a], d.Boxes[p.b]
		slots[[2]int{p.gapTop, ba.Col}] = append(slots[[2]int{p.gapTop, ba.Col}], attach{i, true, heading(p, true)})
		switch {
		case bb.Row == ba.Row+1 && bb.Col == ba.Col:
			straight[i] = true
		case ba.Row == bb.Row:
			slots[[2]int{p.gapTop, bb.Col}] = append(slots[[2]int{p.gapTop, bb.Col}], attach{i, true, heading(p, false)})
		default:
			slots[[2]int{p.gapEntry, bb.Col}] = append(slots[[2]int{p.gapEntry, bb.Col}], attach{i, false, heading(p, false)})
		}
	}
	// Column and row positions; gaps sized by their tracks.
	chanW := make([]int, nCols+1)
	for j := range chanW {
		need := 0
		if chanTracks[j] > 0 {
			need = (chanTracks[j] + 1) * m.Track
		}
		if j > 0 && j < nCols {
			need = max(need, m.ColGap)
		}
		chanW[j] = need
	}
	// A column is as wide as a box, or wider when more lines meet one of
	// its boxes than fit a track apart.
	colW := make([]int, nCols)
	for j := range colW {
		colW[j] = m.BoxW
	}
	for key, list := range slots {
		colW[key[1]] = max(colW[key[1]], (len(list)+1)*max(m.Track, 1))
	}
	colX := make([]int, nCols)
	x := m.Margin
	for j := range colX {
		x += chanW[j]
		colX[j] = x
		x += colW[j]
	}
	g.W = x + chanW[nCols] + m.Margin
	chanX := func(j, track int) int {
		left := m.Margin
		if j > 0 {
			left = colX[j-1] + colW[j-1]
		}
		return left + (track+1)*m.Track
	}
	rowY := make([]int, nRows)
	gapH := make([]int, nRows)
	y := m.Margin
	for r := range rowY {
		rowY[r] = y
		need := 0
		if rowTracks[r] > 0 {
			need = (rowTracks[r] + 1) * m.Track
		}
		if r < nRows-1 {
			need = max(need, m.RowGap)
		}
		gapH[r] = need
		y += m.BoxH + need
	}
	g.H = y + m.Margin
	trackY := func(gap, track int) int { return rowY[gap] + m.BoxH + (track+1)*m.Track }
	for i, b := range d.Boxes {
		g.Boxes[i] = Rect{X: colX[b.Col], Y: rowY[b.Row], W: colW[b.Col], H: m.BoxH}
	}

	anchorA := make([]int, len(plans)) // x on box a
	anchorB := make([]int, len(plans)) // x on box b
	seenA := make([]bool, len(plans))
	for key, list := range slots {
		slices.SortStableFunc(list, func(p, q attach) int {
			if p.toward != q.toward {
				return p.toward - q.toward
			}
			return p.link - q.link
		})
		for k, at := range list {
			ax := colX[key[1]] + (k+1)*colW[key[1]]/(len(list)+1)
			switch {
			case straight[at.link]:
				anchorA[at.link], anchorB[at.link] = ax, ax
			case at.bottom && !seenA[at.link] && d.Boxes[plans[at.link].a].Col == key[1]:
				anchorA[at.link], seenA[at.link] = ax, true
			default:
				anchorB[at.link] = ax
			}
		}
	}
	// A self-link or two boxes in one column attach twice to one list;
	// the order above gave them two distinct slots, first a then b.

	for i, p := range plans {
		ra, rb := g.Boxes[p.a], g.Boxes[p.b]
		xa, xb := anchorA[i], anchorB[i]
		y1 := trackY(p.gapTop, p.tTop)
		var pts []Point
		var label [2]Point
		switch {
		case d.Boxes[p.a].Row == d.Boxes[p.b].Row:
			pts = []Point{{xa, ra.Y + ra.H}, {xa, y1}, {xb, y1}, {xb, rb.Y + rb.H}}
			label = [2]Point{{xa, y1}, {xb, y1}}
		case p.channel < 0:
			pts = []Point{{xa, ra.Y + ra.H}, {xa, y1}, {xb, y1}, {xb, rb.Y}}
			label = [2]Point{{xa, y1}, {xb, y1}}
		default:
			cx := chanX(p.channel, p.tChan)
			y2 := trackY(p.gapEntry, p.tEntry)
			pts = []Point{{xa, ra.Y + ra.H}, {xa, y1}, {cx, y1}, {cx, y2}, {xb, y2}, {xb, rb.Y}}
			label = [2]Point{{cx, y2}, {xb, y2}}
		}
		if label[1].X < label[0].X {
			label[0], label[1] = label[1], label[0]
		}
		pts = simplify(pts)
		if p.swapped {
			slices.Reverse(pts)
		}
		g.Routes[i], g.Labels[i] = pts, label
	}
	return g
}

// simplify drops repeated points and points in the middle of a straight
// run.
func simplify(pts []Point) []Point {
	var out []Point
	for _, p := range pts {
		if n := len(out); n > 0 && out[n-1] == p {
			continue
		}
		if n := len(out); n >= 2 {
			a, b := out[n-2], out[n-1]
			if a.X == b.X && b.X == p.X || a.Y == b.Y && b.Y == p.Y {
				out[n-1] = p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}
