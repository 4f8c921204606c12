package model_test

import (
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"slate/model"
	"slate/questionnaires"
)

func demoDiagram(t testing.TB) (model.Diagram, *model.Assessment) {
	cat := questionnaires.Builtin()
	a := model.SamplePlant(cat)
	zm := model.NewZoneModel(a)
	m := model.BuildMatrix(cat, a, model.ScopeSLT)
	fs := model.Check(&model.CheckInput{Model: zm, Catalog: cat, Answers: a.Answers})
	return model.BuildDiagram(&zm, &m, fs), a
}

func TestBuildDiagramDemo(t *testing.T) {
	d, a := demoDiagram(t)
	if len(d.Boxes) != len(a.Zones) || len(d.Links) != len(a.Conduits) || len(d.Unplaced) != 0 {
		t.Fatalf("%d boxes, %d links, %d unplaced", len(d.Boxes), len(d.Links), len(d.Unplaced))
	}
	// The demo is a chain from the enterprise down to the safety system:
	// one zone per row, top to bottom.
	var order []string
	for _, row := range d.Rows {
		if len(row) != 1 {
			t.Fatalf("rows %v", d.Rows)
		}
		order = append(order, d.Boxes[row[0]].Key)
	}
	if want := []string{"enterprise", "dmz", "supervisory", "control", "safety"}; !slices.Equal(order, want) {
		t.Errorf("rows %v, want %v", order, want)
	}
	cat := questionnaires.Builtin()
	m := model.BuildMatrix(cat, a, model.ScopeSLT)
	for _, b := range d.Boxes {
		row, _ := m.Row(b.Key)
		if b.Gap != row.Summary().Text() || b.State != row.Summary().State() {
			t.Errorf("%s: gap %q state %s, matrix says %q %s", b.Key, b.Gap, b.State, row.Summary().Text(), row.Summary().State())
		}
		// The demo records the rationale of control and safety only: the
		// other zones carry one note each.
		want := 1
		if z, _ := a.Zone(b.Key); z.RationaleCurrent() {
			want = 0
		}
		if b.Marks.Info != want || len(b.Details) != want {
			t.Errorf("%s: marks %+v, want %d note", b.Key, b.Marks, want)
		}
	}
	if l := d.Links[3]; l.Tag != 4 || l.Kind != "safety gateway" || l.SLTText() != "SL-T 3" {
		t.Errorf("last link %+v", l)
	}
}

func TestBuildDiagramItems(t *testing.T) {
	zm := model.ZoneModel{
		Zones: []model.ModelZone{
			{Key: "a", Name: "A\x1b[31m\nzone", Kind: model.ZoneOther, Label: "Lab", Tier: model.TierDMZ, SLT: model.Uniform(2)},
			{Key: "b", Name: "B", Kind: model.ZoneControl, SLT: model.Uniform(2).With(4, 1)},
		},
		Conduits: []model.ModelConduit{
			{Key: "ab", Name: "A-B", Kind: model.ConduitDirect, From: "a", To: "b", SLT: model.Uniform(2)},
			{Key: "ax", Name: "A-X", Kind: model.ConduitOther, Label: "serial", From: "a", To: "x"},
		},
	}
	fs := []model.Finding{
		{Rule: "r1", Severity: model.SevError, Targets: []string{"ab", "a"}, Message: "one"},
		{Rule: "r2", Severity: model.SevWarning, Targets: []string{"a"}, Message: "two"},
		{Rule: "r3", Severity: model.SevWarning, Targets: []string{"a"}, Message: "three"},
	}
	d := model.BuildDiagram(&zm, nil, fs)
	a, b := d.Boxes[0], d.Boxes[1]
	if a.Name != "A zone" || a.Kind != "Lab" || a.Tier != model.TierDMZ || a.Row != 0 || b.Row != 1 {
		t.Errorf("box a %+v", a)
	}
	if a.Gap != "?" || a.State != model.StateNotAssessed || a.GapText() != "gap ?" {
		t.Errorf("without a matrix nothing is assessed: %+v", a.DiagramItem)
	}
	if a.Marks != (model.Marks{Error: 1, Warning: 2}) || a.Marks.Short() != "E1 W2" || a.Marks.Words() != "1 error, 2 warnings" {
		t.Errorf("marks %+v", a.Marks)
	}
	if w, _ := a.Marks.Worst(); w != model.SevError {
		t.Errorf("worst %s", w)
	}
	if b.SLTText() != "SL-T 2,2,2,1,2,2,2" || b.Marks.Any() {
		t.Errorf("box b %+v", b)
	}
	if len(d.Links) != 1 || len(d.Unplaced) != 1 || d.Unplaced[0].Key != "ax" || d.Unplaced[0].Kind != "serial" {
		t.Errorf("links %+v unplaced %+v", d.Links, d.Unplaced)
	}
}

// Linked zones end up above each other: the box in the lower row moves
// under its neighbour.
func TestDiagramOrdersRowsByNeighbours(t *testing.T) {
	zm := model.ZoneModel{Zones: []model.ModelZone{
		{Key: "s1", Kind: model.ZoneSupervisory}, {Key: "s2", Kind: model.ZoneSupervisory},
		{Key: "c1", Kind: model.ZoneControl}, {Key: "c2", Kind: model.ZoneControl},
	}, Conduits: []model.ModelConduit{
		{Key: "x", From: "s1", To: "c2"}, {Key: "y", From: "s2", To: "c1"},
	}}
	d := model.BuildDiagram(&zm, nil, nil)
	col := map[string]int{}
	for _, b := range d.Boxes {
		col[b.Key] = b.Col
	}
	if col["s1"] != col["c2"] || col["s2"] != col["c1"] {
		t.Errorf("columns %v", col)
	}
}

var testMetrics = []model.DiagramMetrics{
	{BoxW: 190, BoxH: 70, ColGap: 40, RowGap: 44, Track: 16, Margin: 12},
	{BoxW: 24, BoxH: 5, ColGap: 3, RowGap: 3, Track: 1, Margin: 1},
}

func genZoneModel(t *rapid.T) model.ZoneModel {
	var zm model.ZoneModel
	n := rapid.IntRange(0, 9).Draw(t, "zones")
	for i := 0; i < n; i++ {
		kind := rapid.SampledFrom(model.ZoneKinds).Draw(t, "kind")
		zm.Zones = append(zm.Zones, model.ModelZone{Key: fmt.Sprintf("z%d", i), Name: fmt.Sprintf("Zone %d", i), Kind: kind,
			Tier: model.Tier(rapid.IntRange(0, 4).Draw(t, "tier")), SLT: model.Uniform(2)})
	}
	if n > 0 {
		links := rapid.IntRange(0, 14).Draw(t, "conduits")
		for i := 0; i < links; i++ {
			zm.Conduits = append(zm.Conduits, model.ModelConduit{Key: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Conduit %d", i),
				From: fmt.Sprintf("z%d", rapid.IntRange(0, n-1).Draw(t, "from")),
				To:   fmt.Sprintf("z%d", rapid.IntRange(0, n-1).Draw(t, "to"))})
		}
	}
	return zm
}

type segment struct{ a, b model.Point }

func segments(route []model.Point) []segment {
	var out []segment
	for i := 1; i < len(route); i++ {
		out = append(out, segment{route[i-1], route[i]})
	}
	return out
}

// crossesInterior reports whether an axis-parallel segment runs through
// the inside of r (touching its outline is allowed).
func crossesInterior(s segment, r model.Rect) bool {
	x0, x1 := min(s.a.X, s.b.X), max(s.a.X, s.b.X)
	y0, y1 := min(s.a.Y, s.b.Y), max(s.a.Y, s.b.Y)
	return x0 < r.X+r.W && x1 > r.X && y0 < r.Y+r.H && y1 > r.Y &&
		(x0 > r.X && x0 < r.X+r.W || y0 > r.Y && y0 < r.Y+r.H)
}

// collinearOverlap reports whether two segments run along each other for
// more than a point.
func collinearOverlap(s, u segment) bool {
	if s.a.X == s.b.X && u.a.X == u.b.X && s.a.X == u.a.X {
		return min(max(s.a.Y, s.b.Y), max(u.a.Y, u.b.Y)) > max(min(s.a.Y, s.b.Y), min(u.a.Y, u.b.Y))
	}
	if s.a.Y == s.b.Y && u.a.Y == u.b.Y && s.a.Y == u.a.Y {
		return min(max(s.a.X, s.b.X), max(u.a.X, u.b.X)) > max(min(s.a.X, s.b.X), min(u.a.X, u.b.X))
	}
	return false
}

// The layout's promises, on random zone models in both renderers' units:
// boxes never overlap, rows follow the tiers, every line is made of
// horizontal and vertical segments from its From box to its To box, runs
// through no box, shares no segment with another line, and stays inside
// the drawing.
func TestDiagramLayoutProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		zm := genZoneModel(t)
		d := model.BuildDiagram(&zm, nil, nil)
		met := rapid.SampledFrom(testMetrics).Draw(t, "metrics")
		g := d.Layout(met)
		inside := func(p model.Point) bool { return p.X >= 0 && p.Y >= 0 && p.X <= g.W && p.Y <= g.H }
		for i := range g.Boxes {
			for j := range i {
				if g.Boxes[i].Overlaps(g.Boxes[j]) {
					t.Fatalf("boxes %d and %d overlap: %+v %+v", i, j, g.Boxes[i], g.Boxes[j])
				}
			}
			if !inside(model.Point{X: g.Boxes[i].X + g.Boxes[i].W, Y: g.Boxes[i].Y + g.Boxes[i].H}) {
				t.Fatalf("box %d outside the drawing %dx%d", i, g.W, g.H)
			}
			for j := range g.Boxes {
				ti, tj := d.Boxes[i].Tier, d.Boxes[j].Tier
				if ti < tj && g.Boxes[i].Y+g.Boxes[i].H > g.Boxes[j].Y || ti == tj && g.Boxes[i].Y != g.Boxes[j].Y {
					t.Fatalf("box %d (tier %d) not above box %d (tier %d)", i, ti, j, tj)
				}
			}
		}
		for i, l := range d.Links {
			r := g.Routes[i]
			if len(r) < 2 {
				t.Fatalf("link %d route %v", i, r)
			}
			if !g.Boxes[l.From].OnBorder(r[0]) || !g.Boxes[l.To].OnBorder(r[len(r)-1]) {
				t.Fatalf("link %d does not end on its boxes: %v, from %+v to %+v", i, r, g.Boxes[l.From], g.Boxes[l.To])
			}
			for _, s := range segments(r) {
				if s.a.X != s.b.X && s.a.Y != s.b.Y {
					t.Fatalf("link %d has a slanted segment %v", i, s)
				}
				if !inside(s.a) || !inside(s.b) {
					t.Fatalf("link %d leaves the drawing: %v", i, s)
				}
				for bi, b := range g.Boxes {
					if crossesInterior(s, b) {
						t.Fatalf("link %d runs through box %d: %v %+v", i, bi, s, b)
					}
				}
				for j := range i {
					for _, u := range segments(g.Routes[j]) {
						if collinearOverlap(s, u) {
							t.Fatalf("links %d and %d share a segment: %v %v", i, j, s, u)
						}
					}
				}
			}
			lab := g.Labels[i]
			if lab[0].Y != lab[1].Y || lab[0].X > lab[1].X {
				t.Fatalf("link %d label segment %v", i, lab)
			}
		}
	})
}

func TestDiagramLayoutEmptyAndDeterministic(t *testing.T) {
	var d model.Diagram
	if g := d.Layout(testMetrics[0]); g.W != 24 || g.H != 24 || len(g.Boxes) != 0 {
		t.Errorf("empty layout %+v", g)
	}
	d1, _ := demoDiagram(t)
	d2, _ := demoDiagram(t)
	g1, g2 := d1.Layout(testMetrics[0]), d2.Layout(testMetrics[0])
	if fmt.Sprint(g1) != fmt.Sprint(g2) {
		t.Error("two layouts of the demo differ")
	}
}
