package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The line being edited stays visible whether it is near the top, in the
// middle or near the bottom; a box too tall for either side is centred.
func TestOverlayKeepingLeavesTheLineVisible(t *testing.T) {
	var bg []string
	for i := range 20 {
		bg = append(bg, "row "+string(rune('a'+i))+" of the list")
	}
	box := strings.TrimSuffix(strings.Repeat("┃ form ┃\n", 6), "\n")
	for _, keep := range []int{0, 3, 9, 13, 19} {
		out := strings.Split(ansi.Strip(OverlayKeeping(strings.Join(bg, "\n"), box, 30, 20, keep)), "\n")
		if out[keep] != bg[keep]+strings.Repeat(" ", 30-len(bg[keep])) {
			t.Errorf("keep %d: the line is covered: %q", keep, out[keep])
		}
		if n := strings.Count(strings.Join(out, "\n"), "form"); n != 6 {
			t.Errorf("keep %d: %d lines of the box shown, want 6", keep, n)
		}
	}
	if got := keepRow(15, 20, 10); got != OverlayCenter {
		t.Errorf("a box that fits on neither side starts at %d, want centred", got)
	}
}
