package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Where an overlay sits over the screen it belongs to.
const (
	OverlayCenter = -1 // centred
	OverlayBottom = -2 // against the bottom edge, leaving the top visible
)

// Overlay draws box over background, both blocks of lines, inside w x h
// cells: the box centred across, at row y (OverlayCenter, OverlayBottom
// or a row number), with the background left visible around it. Editors
// and forms use it so that the question or the item being edited stays on
// screen while the assessor types.
func Overlay(background, box string, w, h, y int) string {
	bg := FitLines(strings.Split(background, "\n"), w, h)
	fg := strings.Split(box, "\n")
	if len(fg) > h {
		fg = fg[:h]
	}
	bw := 0
	for _, l := range fg {
		bw = max(bw, ansi.StringWidth(l))
	}
	bw = min(bw, w)
	x := (w - bw) / 2
	switch {
	case y == OverlayCenter:
		y = (h - len(fg)) / 2
	case y == OverlayBottom || y < 0:
		y = h - len(fg)
	}
	y = max(0, min(y, h-len(fg)))
	for i, l := range fg {
		row := bg[y+i]
		left := PadStyled(ansi.Truncate(row, x, ""), x)
		right := ansi.TruncateLeft(row, x+bw, "")
		bg[y+i] = left + "\x1b[m" + PadStyled(ansi.Truncate(l, bw, ""), bw) + "\x1b[m" + right
	}
	return strings.Join(bg, "\n")
}
