package diagram

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
)

// Line directions a cell connects to; the box-drawing character follows
// from them, so corners, tees where a line meets a box and crossings come
// out right wherever lines meet.
const (
	up uint8 = 1 << iota
	down
	left
	right
)

var boxRunes = [16]rune{
	0: ' ', up: '│', down: '│', up | down: '│',
	left: '─', right: '─', left | right: '─',
	down | right: '┌', down | left: '┐', up | right: '└', up | left: '┘',
	up | down | right: '├', up | down | left: '┤',
	down | left | right: '┬', up | left | right: '┴',
	up | down | left | right: '┼',
}

// cell is one character cell: either line directions or text.
type cell struct {
	bits  uint8
	text  string // a character of text, when not a line
	cont  bool   // the second column of a wide character
	class class
}

// class says how a cell is coloured.
type class uint8

const (
	clPlain class = iota
	clLine
	clMuted
	clOK
	clGap1
	clGap2
	clNotAssessed
	clNoTarget
	clError
	clWarning
	clInfo
)

// canvas is a grid of cells that lines and text are drawn on.
type canvas struct {
	w, h  int
	cells [][]cell
}

func newCanvas(w, h int) *canvas {
	c := &canvas{w: w, h: h, cells: make([][]cell, h)}
	for y := range c.cells {
		c.cells[y] = make([]cell, w)
	}
	return c
}

func (c *canvas) in(x, y int) bool { return x >= 0 && y >= 0 && x < c.w && y < c.h }

// line draws an axis-parallel segment, adding directions to its cells.
func (c *canvas) line(a, b model.Point, cl class) {
	if a == b {
		return
	}
	dx, dy := sign(b.X-a.X), sign(b.Y-a.Y)
	var fwd, back uint8
	switch {
	case dx > 0:
		fwd, back = right, left
	case dx < 0:
		fwd, back = left, right
	case dy > 0:
		fwd, back = down, up
	default:
		fwd, back = up, down
	}
	for p := a; ; p = (model.Point{X: p.X + dx, Y: p.Y + dy}) {
		var bits uint8
		if p != a {
			bits |= back
		}
		if p != b {
			bits |= fwd
		}
		if c.in(p.X, p.Y) {
			cc := &c.cells[p.Y][p.X]
			cc.bits |= bits
			cc.text, cc.cont = "", false
			cc.class = cl
		}
		if p == b {
			return
		}
	}
}

// rect draws a box outline.
func (c *canvas) rect(r model.Rect, cl class) {
	x1, y1 := r.X+r.W-1, r.Y+r.H-1
	c.line(model.Point{X: r.X, Y: r.Y}, model.Point{X: x1, Y: r.Y}, cl)
	c.line(model.Point{X: x1, Y: r.Y}, model.Point{X: x1, Y: y1}, cl)
	c.line(model.Point{X: x1, Y: y1}, model.Point{X: r.X, Y: y1}, cl)
	c.line(model.Point{X: r.X, Y: y1}, model.Point{X: r.X, Y: r.Y}, cl)
}

// text writes s from (x, y), at most n columns (cut with an ellipsis),
// and returns the columns used. Wide characters take two cells.
func (c *canvas) text(x, y, n int, s string, cl class) int {
	if n <= 0 {
		return 0
	}
	s = ansi.Truncate(model.CleanLine(s), n, "…")
	used := 0
	for _, r := range s {
		w := ansi.StringWidth(string(r))
		if w == 0 {
			if used > 0 && c.in(x+used-1, y) && !c.cells[y][x+used-1].cont {
				c.cells[y][x+used-1].text += string(r)
			}
			continue
		}
		if used+w > n {
			break
		}
		if c.in(x+used, y) {
			c.cells[y][x+used] = cell{text: string(r), class: cl}
		}
		if w == 2 && c.in(x+used+1, y) {
			c.cells[y][x+used+1] = cell{cont: true, class: cl}
		}
		used += w
	}
	return used
}

// empty reports whether nothing is drawn at (x, y).
func (c *canvas) empty(x, y int) bool {
	if !c.in(x, y) {
		return false
	}
	cc := c.cells[y][x]
	return cc.bits == 0 && cc.text == "" && !cc.cont
}

// lines renders the canvas, each run of one class through its style, with
// trailing blanks cut.
func (c *canvas) lines(st *Styles) []string {
	out := make([]string, c.h)
	for y, row := range c.cells {
		var b, run strings.Builder
		cur := clPlain
		flush := func() {
			if run.Len() > 0 {
				b.WriteString(st.of(cur).Render(run.String()))
				run.Reset()
			}
		}
		end := len(row)
		for end > 0 && row[end-1].bits == 0 && row[end-1].text == "" && !row[end-1].cont {
			end--
		}
		for _, cc := range row[:end] {
			if cc.cont {
				continue
			}
			cl := cc.class
			s := cc.text
			switch {
			case cc.bits != 0:
				s = string(boxRunes[cc.bits])
			case s == "":
				s, cl = " ", clPlain
			}
			if cl != cur {
				flush()
				cur = cl
			}
			run.WriteString(s)
		}
		flush()
		out[y] = b.String()
	}
	return out
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}
