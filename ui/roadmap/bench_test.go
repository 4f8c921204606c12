package roadmap_test

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/common"
	"slate/ui/roadmap"
	"slate/ui/uitest"
)

// bigPlan is 200 zones and 300 conduits with every applicable requirement
// answered no: about a hundred initiatives with up to 500 targets each, in
// a 200x57 body (a 200x60 terminal).
func bigPlan(b *testing.B, w, h int) (*roadmap.Model, *common.Context) {
	b.Helper()
	cat := questionnaires.Builtin()
	a := model.GeneratePlant(cat, model.PlantSpec{Zones: 200, Conduits: 300, Answered: 1, Seed: 1, Status: model.No})
	ctx := &common.Context{
		Data:   common.NewData(cat, a, "bench.slate"),
		Styles: common.NewStyles(true),
		Ops:    common.NewOps(nil, true),
		Now:    func() time.Time { return time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC) },
	}
	s := roadmap.New(ctx)
	s.SetSize(w, h)
	if len(s.Shown()) < 50 {
		b.Fatalf("only %d initiatives", len(s.Shown()))
	}
	if out := s.View(); len(out) == 0 {
		b.Fatal("empty view")
	}
	return s, ctx
}

// walk moves the cursor down to the end, then up again, and renders.
func walk(b *testing.B, s *roadmap.Model) {
	down, up := uitest.Key("down"), uitest.Key("up")
	shown := s.Shown()
	first, last := shown[0].Requirement.ID, shown[len(shown)-1].Requirement.ID
	dir := tea.Msg(down)
	b.ReportAllocs()
	for b.Loop() {
		switch s.Selected().Requirement.ID {
		case last:
			dir = up
		case first:
			dir = down
		}
		s.Update(dir)
		_ = s.View()
	}
}

// BenchmarkRoadmapView is a keypress: the cursor moves one initiative and
// the view (rows from the cache, the detail pane of the new selection) is
// rendered.
func BenchmarkRoadmapView(b *testing.B) {
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x21", 80, 21}, {"200x57", 200, 57}} {
		b.Run(size.name, func(b *testing.B) {
			s, _ := bigPlan(b, size.w, size.h)
			walk(b, s)
		})
	}
}

// BenchmarkRoadmapDetailView moves through the full detail (every target
// listed).
func BenchmarkRoadmapDetailView(b *testing.B) {
	s, _ := bigPlan(b, 200, 57)
	s.Update(uitest.Key("enter"))
	next, prev := uitest.Key("right"), uitest.Key("left")
	n := len(s.Shown())
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		if i++; (i/n)%2 == 0 {
			s.Update(next)
		} else {
			s.Update(prev)
		}
		_ = s.View()
	}
}

// BenchmarkRoadmapViewDataChange is the uncached cost: every iteration the
// data version changes (as after a saved answer), the plan is rebuilt and
// the visible list and detail are rendered again.
func BenchmarkRoadmapViewDataChange(b *testing.B) {
	s, ctx := bigPlan(b, 200, 57)
	b.ReportAllocs()
	for b.Loop() {
		ctx.Data.Version++
		_ = s.View()
	}
}

// BenchmarkRoadmapTimeline renders the timeline after a data change.
func BenchmarkRoadmapTimeline(b *testing.B) {
	s, ctx := bigPlan(b, 200, 57)
	s.Update(uitest.Key("v"))
	down := uitest.Key("down")
	b.ReportAllocs()
	for b.Loop() {
		ctx.Data.Version++
		s.Update(down)
		_ = s.View()
	}
}
