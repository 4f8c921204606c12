package overview_test

import (
	"testing"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/overview"
	"slate/ui/uitest"
)

func benchPlant(b *testing.B) (*uitest.Harness, *overview.Model) {
	h := uitest.New(b, model.GeneratePlant(questionnaires.Builtin(),
		model.PlantSpec{Zones: 300, Conduits: 200, Answered: 0.5, Seed: 1}))
	s := overview.New(h.Ctx)
	s.SetSize(120, 37)
	return h, s
}

// BenchmarkView500 renders a 500-target plant with nothing changed.
func BenchmarkView500(b *testing.B) {
	_, s := benchPlant(b)
	s.View()
	for b.Loop() {
		s.View()
	}
}

// BenchmarkView500Changed renders after every change of the data (an answer
// saved elsewhere), which drops the caches.
func BenchmarkView500Changed(b *testing.B) {
	h, s := benchPlant(b)
	for b.Loop() {
		h.Ctx.Data.Version++
		s.View()
	}
}

// BenchmarkScroll500 moves the cursor and renders, as holding j does.
func BenchmarkScroll500(b *testing.B) {
	h, s := benchPlant(b)
	down := uitest.Key("j")
	for b.Loop() {
		s.Update(down)
		s.View()
	}
	_ = h
}
