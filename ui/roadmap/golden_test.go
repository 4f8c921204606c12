package roadmap_test

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/roadmap"
	"slate/ui/uitest"
)

// Goldens are rendered in the ASCII profile (attributes kept, colours
// dropped), which is also what a NO_COLOR terminal sees. Regenerate with:
// go test ./ui/roadmap -update
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		keys []any
		w, h int
	}{
		{"list_80x21", nil, 80, 21},
		{"list_120x37", []any{"down"}, 120, 37},
		{"list_200x57", nil, 200, 57},
		{"detail_80x21", []any{"enter"}, 80, 21},
		{"filtered_80x21", []any{"z", "z", "z"}, 80, 21},
		{"tracking_form_80x21", []any{"e"}, 80, 21},
		{"windows_80x21", []any{"w", "down"}, 80, 21},
		{"window_delete_80x21", []any{"w", "down", "x"}, 80, 21},
		{"timeline_80x21", []any{"v"}, 80, 21},
		{"timeline_120x37", []any{"v"}, 120, 37},
		{"timeline_filtered_100x30", []any{"v", "f"}, 100, 30},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h, s := demo(t)
			s.SetSize(tc.w, tc.h)
			send(h, s, tc.keys...)
			golden.RequireEqual(t, uitest.Render(t, s, tc.w, tc.h))
		})
	}
}

// An assessment whose answered requirements are all met.
func TestGoldenNoGaps(t *testing.T) {
	t.Parallel()
	a := model.SamplePlant(questionnaires.Builtin())
	for _, as := range a.Answers {
		for id, ans := range as {
			if ans.Status == model.No || ans.Status == model.Partial {
				ans.Status = model.Yes
				as[id] = ans
			}
		}
	}
	h := uitest.New(t, a)
	s := roadmap.New(h.Ctx)
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}
