package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The box replaces only the cells it covers: the background stays
// readable on every side, and every line keeps the screen's width.
func TestOverlayKeepsTheBackground(t *testing.T) {
	bg := strings.Join([]string{
		"Question: is every login personal?",
		"Met when: yes if every account is named",
		"Look for: the account list",
		"Note: shared operator account",
		"line five",
	}, "\n")
	box := "┌──────┐\n│ edit │\n└──────┘"
	for _, c := range []struct {
		y    int
		rows []int // rows the box takes
	}{{OverlayCenter, []int{1, 2, 3}}, {OverlayBottom, []int{2, 3, 4}}, {0, []int{0, 1, 2}}} {
		out := strings.Split(ansi.Strip(Overlay(bg, box, 40, 5, c.y)), "\n")
		if len(out) != 5 {
			t.Fatalf("y=%d: %d lines, want 5", c.y, len(out))
		}
		for i, l := range out {
			if w := ansi.StringWidth(l); w != 40 {
				t.Errorf("y=%d: line %d is %d cells wide, want 40: %q", c.y, i, w, l)
			}
		}
		first := c.rows[0]
		if !strings.Contains(out[first], "┌──────┐") || !strings.HasPrefix(out[first], strings.Split(bg, "\n")[first][:16]) {
			t.Errorf("y=%d: row %d = %q, want the box's top with the background on its left", c.y, first, out[first])
		}
		if c.y == OverlayBottom && !strings.HasPrefix(out[0], "Question: is every login personal?") {
			t.Errorf("the top of the screen is hidden under a bottom overlay: %q", out[0])
		}
	}
}
