package matrix

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"slate/ui/uitest"
)

// The goldens are rendered in the ASCII colour profile: attributes (bold,
// faint, reverse) stay, colours go, so they also show what a NO_COLOR
// terminal sees. Regenerate with: go test ./ui/matrix -update
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		w, h int
	}{
		{"matrix_80x21", nil, 80, 21},
		{"matrix_120x37", nil, 120, 37},
		{"matrix_cursor_moved_80x21", []string{"down", "down", "down", "right", "right"}, 80, 21},
		{"drill_supervisory_fr1_80x21", []string{"down", "down", "enter"}, 80, 21},
		{"drill_supervisory_fr1_upto_sl4_100x30", []string{"down", "down", "enter", "s", "down"}, 100, 30},
		{"drill_all_met_80x21", []string{"enter"}, 80, 21},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := uitest.NewDemo(t)
			s := New(h.Ctx)
			s.SetSize(tc.w, tc.h)
			h.Send(s, uitest.Keys(tc.keys...)...)
			golden.RequireEqual(t, uitest.Render(t, s, tc.w, tc.h))
		})
	}
}
