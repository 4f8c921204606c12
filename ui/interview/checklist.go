package interview

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/ui/common"
)

// checklist is a list of rows to tick (the zones and conduits to copy an
// answer to, an SR's enhancements to mark n/a): the cursor moves with the
// list keys, space ticks.
type checklist struct {
	rows   []checkRow
	cursor int
	offset int
}

// checkRow is one row: its text (already safe to show) and whether it is
// ticked. option marks a row that is not one of the list's items but a
// choice about them (link the evidence too), which "all" leaves alone.
type checkRow struct {
	text   string
	ticked bool
	option bool
}

// update takes a list key; it reports whether the key was one.
func (c *checklist) update(kk *keyMap, k tea.KeyPressMsg, page int) bool {
	if to, ok := kk.Nav.Target(k, c.cursor, page, len(c.rows)); ok {
		c.cursor = to
		return true
	}
	switch {
	case key.Matches(k, kk.PickToggle):
		if c.cursor < len(c.rows) {
			c.rows[c.cursor].ticked = !c.rows[c.cursor].ticked
		}
	case key.Matches(k, kk.PickAll):
		all := false
		for _, r := range c.rows {
			all = all || !r.option && !r.ticked
		}
		for i := range c.rows {
			if !c.rows[i].option {
				c.rows[i].ticked = all
			}
		}
	default:
		return false
	}
	return true
}

// ticks counts the ticked items (options left out).
func (c *checklist) ticks() int {
	n := 0
	for _, r := range c.rows {
		if r.ticked && !r.option {
			n++
		}
	}
	return n
}

// view draws at most h rows of w cells, keeping the cursor's in sight.
func (c *checklist) view(st *common.Styles, w, h int) []string {
	h = max(1, h)
	if c.cursor < c.offset {
		c.offset = c.cursor
	}
	if c.cursor >= c.offset+h {
		c.offset = c.cursor - h + 1
	}
	var out []string
	for i := c.offset; i < len(c.rows) && i < c.offset+h; i++ {
		box := "[ ] "
		if c.rows[i].ticked {
			box = "[x] "
		}
		line := common.Fit(box+c.rows[i].text, w)
		if i == c.cursor {
			line = st.Selected.Render(line)
		}
		out = append(out, line)
	}
	return out
}
