package model_test

import (
	"testing"

	"slate/model"
)

// A conduit between two zones starts at the stricter zone's SL-T, FR by FR.
func TestHigherIsPerFR(t *testing.T) {
	a := model.SLVector{1, 3, 1, 3, 1, 3, 1}
	b := model.Uniform(2)
	if got, want := a.Higher(b), (model.SLVector{2, 3, 2, 3, 2, 3, 2}); got != want {
		t.Fatalf("%v.Higher(%v) = %v, want %v", a, b, got, want)
	}
	if a != (model.SLVector{1, 3, 1, 3, 1, 3, 1}) {
		t.Fatal("Higher changed its receiver")
	}
}
