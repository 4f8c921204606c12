package targets

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// sep separates table columns.
const sep = "  "

// marker is the width of the cursor column ("> " on the selected row, so
// the selection reads without colour).
const marker = 2

// flex splits total cells among columns by weight (the remainder goes to
// the last column); every column gets at least minW cells.
func flex(total, minW int, weights ...int) []int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	out := make([]int, len(weights))
	used := 0
	for i, w := range weights {
		out[i] = max(minW, total*w/max(1, sum))
		used += out[i]
	}
	if last := len(out) - 1; last >= 0 {
		out[last] = max(minW, out[last]+total-used)
	}
	return out
}

// rule draws a muted heading line: "── text ─────".
func rule(st *common.Styles, text string, w int) string {
	if w <= 0 {
		return ""
	}
	head := "── " + common.Line(text, max(0, w-4)) + " "
	if lipgloss.Width(head) > w {
		head = ansi.Truncate(head, w, "")
	}
	return st.Muted.Render(head + strings.Repeat("─", max(0, w-lipgloss.Width(head))))
}

// sltText describes an SL-T vector in words for the detail area.
func sltText(v model.SLVector) string {
	if v.IsUniform() {
		if v[0] == 0 {
			return "SL-T 0 (no target)"
		}
		return fmt.Sprintf("SL-T %d (all FRs)", v[0])
	}
	parts := make([]string, model.NumFR)
	for i, l := range v {
		parts[i] = fmt.Sprintf("FR%d %d", i+1, l)
	}
	return "SL-T " + strings.Join(parts, " ")
}

// orNone shows an empty field as a muted dash.
func orNone(s string) string {
	if strings.TrimSpace(model.CleanLine(s)) == "" {
		return "–"
	}
	return s
}

// split divides the body between the list and the detail area: the list
// takes what it needs up to two thirds, the detail the rest.
// The first line of the body is the header (the findings count).
func (m *Model) split() (listH, detailH int) {
	h := max(0, m.height-1)
	if m.count() == 0 {
		return h, 0
	}
	detailMin := min(12, max(3, h/3))
	listH = max(min(h, 3), min(m.totalLines(), h-detailMin))
	return listH, h - listH
}

// totalLines is the height of the whole list: the zones heading and rows,
// a blank line, the conduits heading and rows (or a hint when none).
func (m *Model) totalLines() int {
	nz, nc := len(m.zones()), len(m.conduits())
	if nz == 0 && nc == 0 {
		return 0
	}
	return nz + 3 + max(1, nc)
}

// itemLine is the line of the list that shows item i.
func (m *Model) itemLine(i int) int {
	nz := len(m.zones())
	if i < nz {
		return 1 + i
	}
	return nz + 3 + (i - nz)
}

// scroll keeps the cursor's line (and its section heading where it fits)
// inside the visible part of the list.
func (m *Model) scroll() {
	if m.inAssets {
		m.scrollAssets()
	}
	if m.count() == 0 {
		m.offset = 0
		return
	}
	listH, _ := m.split()
	line := m.itemLine(m.cursor)
	top := line
	switch nz := len(m.zones()); {
	case m.cursor == 0:
		top = 0
	case m.cursor == nz:
		top = line - 1 // the conduits heading
	}
	if line-top >= listH {
		top = line
	}
	if top < m.offset {
		m.offset = top
	}
	if line >= m.offset+listH {
		m.offset = line - listH + 1
	}
	m.offset = max(0, min(m.offset, m.totalLines()-listH))
}
