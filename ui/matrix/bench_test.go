package matrix

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/common"
	"slate/ui/uitest"
)

// bigPlant is 200 zones and 300 conduits, every applicable requirement
// answered, in a 200x57 body (a 200x60 terminal).
func bigPlant(b *testing.B) (*Model, *common.Context) {
	b.Helper()
	a := model.GeneratePlant(questionnaires.Builtin(), model.PlantSpec{Zones: 200, Conduits: 300, Answered: 1, Seed: 1})
	ctx := &common.Context{
		Data:   common.NewData(questionnaires.Builtin(), a, "bench.slate"),
		Styles: common.NewStyles(true),
		Ops:    common.NewOps(nil, true),
	}
	s := New(ctx)
	s.SetSize(200, 57)
	if out := s.View(); len(out) == 0 {
		b.Fatal("empty view")
	}
	return s, ctx
}

// BenchmarkMatrixView is a keypress on a large plant: the cursor moves one
// row (down to the end, then up again) and the view is rendered. Rows not
// under the cursor come from the cache.
func BenchmarkMatrixView(b *testing.B) {
	s, ctx := bigPlant(b)
	down, up := uitest.Key("down"), uitest.Key("up")
	n := len(ctx.Data.M.Rows)
	dir := tea.Msg(down)
	b.ReportAllocs()
	for b.Loop() {
		if k, _ := s.Cursor(); k == ctx.Data.M.Rows[n-1].Target.Key {
			dir = up
		} else if k == ctx.Data.M.Rows[0].Target.Key {
			dir = down
		}
		s.Update(dir)
		_ = s.View()
	}
}

// BenchmarkMatrixViewDataChange is the uncached cost: every iteration the
// data version changes (as after a saved answer) and the whole visible
// matrix is rendered again.
func BenchmarkMatrixViewDataChange(b *testing.B) {
	s, ctx := bigPlant(b)
	b.ReportAllocs()
	for b.Loop() {
		ctx.Data.Version++
		_ = s.View()
	}
}

// BenchmarkDrillView renders the drill-down of a cell, moving its cursor.
func BenchmarkDrillView(b *testing.B) {
	s, _ := bigPlant(b)
	s.Update(common.GoTo{Screen: common.ScreenMatrix, Target: "z2", FR: 1})
	s.Update(uitest.Key("enter"))
	s.Update(uitest.Key("s"))
	down, home := uitest.Key("down"), uitest.Key("home")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i++; i%10 == 0 {
			s.Update(home)
		} else {
			s.Update(down)
		}
		_ = s.View()
	}
}
