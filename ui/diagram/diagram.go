// Package diagram draws the zone and conduit diagram for a terminal: the
// layout of model.Diagram in character cells, zones as boxes drawn with
// box-drawing characters, conduits as lines numbered for the legend below
// the drawing. It is a pure function of the diagram, the width and the
// styles; the screen that shows it scrolls when it is larger.
package diagram

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
)

// Styles colour the drawing by meaning; the zero value draws plain text.
// Every state a colour shows is also written out (gap text, E/W/I marks),
// so the drawing reads the same without colour.
type Styles struct {
	Line        lipgloss.Style // conduit lines
	Muted       lipgloss.Style // kinds, legend headings
	OK          lipgloss.Style // a target at its SL-T
	Gap1        lipgloss.Style // one level short
	Gap2        lipgloss.Style // two or more levels short
	NotAssessed lipgloss.Style
	NoTarget    lipgloss.Style
	Error       lipgloss.Style // findings marks, by the worst severity
	Warning     lipgloss.Style
	Info        lipgloss.Style
}

func (s *Styles) of(c class) lipgloss.Style {
	switch c {
	case clLine:
		return s.Line
	case clMuted:
		return s.Muted
	case clOK:
		return s.OK
	case clGap1:
		return s.Gap1
	case clGap2:
		return s.Gap2
	case clNotAssessed:
		return s.NotAssessed
	case clNoTarget:
		return s.NoTarget
	case clError:
		return s.Error
	case clWarning:
		return s.Warning
	case clInfo:
		return s.Info
	}
	return lipgloss.Style{}
}

// Box sizes in cells: a box holds its name, kind, SL-T and worst gap with
// the findings marks, and is wide enough for a seven-level SL-T vector.
const (
	boxH    = 6
	minBoxW = 24
	maxBoxW = 34
)

// Metrics are the character-cell units the layout is done in for width.
func Metrics(d *model.Diagram, width int) model.DiagramMetrics {
	cols := max(d.Cols, 1)
	const colGap = 3
	w := min(max((width-2)/cols-colGap, minBoxW), maxBoxW)
	return model.DiagramMetrics{BoxW: w, BoxH: boxH, ColGap: colGap, RowGap: 3, Track: 1, Margin: 0}
}

// Render draws d for a terminal width columns wide: the drawing (centred
// when narrower than width, wider when the plant needs it) and the legend.
func Render(d *model.Diagram, width int, st Styles) []string {
	if len(d.Boxes) == 0 {
		return []string{"No zones yet: add zones and conduits to see the diagram."}
	}
	g := d.Layout(Metrics(d, width))
	off := max(0, (width-g.W)/2)
	c := newCanvas(g.W+off, g.H)
	shift := func(p model.Point) model.Point { return model.Point{X: p.X + off, Y: p.Y} }

	for i, b := range d.Boxes {
		r := g.Boxes[i]
		r.X += off
		cl := stateClass(&b.DiagramItem)
		c.rect(r, cl)
		inner := r.W - 4
		x := r.X + 2
		c.text(x, r.Y+1, inner, b.Name, clPlain)
		c.text(x, r.Y+2, inner, b.Kind, clMuted)
		c.text(x, r.Y+3, inner, b.SLTText(), clPlain)
		n := c.text(x, r.Y+4, inner, b.GapText(), cl)
		if marks := b.Marks.Short(); marks != "" {
			mw := ansi.StringWidth(marks)
			mx := max(x+n+1, x+inner-mw)
			c.text(mx, r.Y+4, x+inner-mx, marks, marksClass(b.Marks))
		}
	}
	for i, l := range d.Links {
		pts := g.Routes[i]
		for j := 1; j < len(pts); j++ {
			a, b := shift(pts[j-1]), shift(pts[j])
			// A line that leaves through a box's bottom edge starts on the
			// edge's own row of cells.
			if j == 1 {
				a = onEdge(a, g.Boxes[l.From])
			}
			if j == len(pts)-1 {
				b = onEdge(b, g.Boxes[l.To])
			}
			c.line(a, b, clLine)
		}
	}
	for i, l := range d.Links {
		tag := strconv.Itoa(l.Tag)
		seg := [2]model.Point{shift(g.Labels[i][0]), shift(g.Labels[i][1])}
		y, tw := seg[0].Y, len(tag)
		x := seg[0].X + (seg[1].X-seg[0].X-tw+1)/2
		if seg[1].X-seg[0].X < tw+2 {
			// No room on the line: beside it, where the cells are free.
			x = seg[1].X + 1
			if !c.empty(x, y) || !c.empty(x+tw-1, y) {
				x = seg[0].X - tw
			}
		}
		c.text(x, y, tw, tag, stateClass(&l.DiagramItem))
	}
	return append(c.lines(&st), legend(d, width, &st)...)
}

// onEdge moves a point on a box's bottom edge (just below its last row
// of cells) onto that row, where the box outline is drawn.
func onEdge(p model.Point, r model.Rect) model.Point {
	if p.Y == r.Y+r.H {
		p.Y--
	}
	return p
}

// stateClass colours a target by its worst gap.
func stateClass(it *model.DiagramItem) class {
	switch it.State {
	case model.StateAtTarget:
		return clOK
	case model.StateNotAssessed:
		return clNotAssessed
	case model.StateNoTarget:
		return clNoTarget
	}
	if it.MaxGap <= 1 {
		return clGap1
	}
	return clGap2
}

func marksClass(m model.Marks) class {
	switch s, _ := m.Worst(); s {
	case model.SevError:
		return clError
	case model.SevWarning:
		return clWarning
	}
	return clInfo
}

// legend lists the conduits by number with kind, SL-T, gap and marks, the
// conduits that cannot be drawn, and what the notation means.
func legend(d *model.Diagram, width int, st *Styles) []string {
	out := []string{""}
	items := make([]*model.DiagramItem, 0, len(d.Links)+len(d.Unplaced))
	tags := make([]string, 0, cap(items))
	for i := range d.Links {
		items = append(items, &d.Links[i].DiagramItem)
		tags = append(tags, strconv.Itoa(d.Links[i].Tag))
	}
	for i := range d.Unplaced {
		items = append(items, &d.Unplaced[i])
		tags = append(tags, "-")
	}
	if len(items) > 0 {
		out = append(out, st.Muted.Render("Conduits"))
		tagW, nameW, kindW, sltW := 1, 0, 0, 0
		for i, it := range items {
			tagW = max(tagW, len(tags[i]))
			nameW = max(nameW, ansi.StringWidth(it.Name))
			kindW = max(kindW, ansi.StringWidth(it.Kind))
			sltW = max(sltW, len(it.SLTText()))
		}
		nameW = min(nameW, max(12, width-tagW-kindW-sltW-20))
		for i, it := range items {
			cl := stateClass(it)
			line := fmt.Sprintf(" %*s  %s  %s  %s  %s", tagW, tags[i], pad(it.Name, nameW),
				st.Muted.Render(pad(it.Kind, kindW)), pad(it.SLTText(), sltW), st.of(cl).Render(pad(it.GapText(), 6)))
			if m := it.Marks.Short(); m != "" {
				line += " " + st.of(marksClass(it.Marks)).Render(m)
			}
			out = append(out, strings.TrimRight(line, " "))
		}
		if len(d.Unplaced) > 0 {
			out = append(out, st.Muted.Render(" - not drawn: names a zone that does not exist"))
		}
		out = append(out, "")
	}
	out = append(out,
		st.Muted.Render("gap: worst gap, -N levels short, ok at target, ? not assessed, - no target"),
		st.Muted.Render("marks: E errors, W warnings, I notes found by slate check"))
	return out
}

// pad cuts or pads s to exactly n columns.
func pad(s string, n int) string {
	s = ansi.Truncate(model.CleanLine(s), n, "…")
	return s + strings.Repeat(" ", max(0, n-ansi.StringWidth(s)))
}
