package diagram_test

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/diagram"
)

// Regenerate with: go test ./ui/diagram -update

func demo(testing.TB) model.Diagram {
	return diagramOf(model.SamplePlant(questionnaires.Builtin()))
}

func flawed(testing.TB) model.Diagram {
	return diagramOf(model.FlawedSamplePlant(questionnaires.Builtin()))
}

func diagramOf(a *model.Assessment) model.Diagram {
	cat := questionnaires.Builtin()
	zm := model.NewZoneModel(a)
	m := model.BuildMatrix(cat, a, model.ScopeSLT)
	fs := model.CheckAssessment(cat, a, model.SampleDate)
	return model.BuildDiagram(&zm, &m, fs)
}

func TestGoldenDemo80(t *testing.T) {
	d := demo(t)
	golden.RequireEqual(t, []byte(strings.Join(diagram.Render(&d, 80, diagram.Styles{}), "\n")+"\n"))
}

func TestGoldenDemo120(t *testing.T) {
	d := demo(t)
	golden.RequireEqual(t, []byte(strings.Join(diagram.Render(&d, 120, diagram.Styles{}), "\n")+"\n"))
}

func TestGoldenFlawed80(t *testing.T) {
	d := flawed(t)
	golden.RequireEqual(t, []byte(strings.Join(diagram.Render(&d, 80, diagram.Styles{}), "\n")+"\n"))
}

func TestGoldenFlawed120(t *testing.T) {
	d := flawed(t)
	golden.RequireEqual(t, []byte(strings.Join(diagram.Render(&d, 120, diagram.Styles{}), "\n")+"\n"))
}

// Every zone and every conduit of the demo shows: the zones by name in
// their boxes, the conduits by number on their lines and in the legend.
func TestRenderShowsEveryTarget(t *testing.T) {
	d := flawed(t)
	out := strings.Join(diagram.Render(&d, 80, diagram.Styles{}), "\n")
	for _, b := range d.Boxes {
		// The whole name, or its start where a narrow box cuts it.
		if !strings.Contains(out, b.Name) && !strings.Contains(out, ansi.Truncate(b.Name, 20, "…")) {
			t.Errorf("zone %q missing", b.Name)
		}
	}
	for _, l := range d.Links {
		if !strings.Contains(out, l.Name) || !strings.Contains(out, l.Kind) {
			t.Errorf("conduit %q missing from the legend", l.Name)
		}
	}
}

// Names from a crafted file reach the terminal clean, and wide characters
// keep the boxes aligned.
func TestRenderHostileAndWideNames(t *testing.T) {
	zm := model.ZoneModel{Zones: []model.ModelZone{
		{Key: "a", Name: "Evil\x1b]52;c;AAAA\x07\x1b[2J zone\u202e", Kind: model.ZoneControl, SLT: model.Uniform(2)},
		{Key: "b", Name: "制御ゾーン北棟制御ゾーン北棟", Kind: model.ZoneControl, SLT: model.Uniform(2)},
	}, Conduits: []model.ModelConduit{{Key: "c", Name: "x\ny", Kind: model.ConduitFirewall, From: "a", To: "b", SLT: model.Uniform(2)}}}
	d := model.BuildDiagram(&zm, nil, nil)
	lines := diagram.Render(&d, 80, diagram.Styles{})
	var drawing []string
	for _, l := range lines {
		if strings.ContainsAny(l, "\x1b\x07\u202e\n") {
			t.Errorf("unsafe line %q", l)
		}
		if strings.Count(l, "│") == 4 { // a line through both boxes
			drawing = append(drawing, l)
		}
	}
	// Both boxes sit on one row: every line inside them ends at the same
	// column.
	if len(drawing) != 4 {
		t.Fatalf("box lines %q", drawing)
	}
	for _, l := range drawing {
		if ansi.StringWidth(l) != ansi.StringWidth(drawing[0]) {
			t.Errorf("misaligned box line %q (%d != %d)", l, ansi.StringWidth(l), ansi.StringWidth(drawing[0]))
		}
	}
	if !strings.Contains(strings.Join(lines, "\n"), "制御ゾーン") || !strings.Contains(strings.Join(lines, "\n"), "x y") {
		t.Error("names lost")
	}
}

func TestRenderEmpty(t *testing.T) {
	var d model.Diagram
	if got := diagram.Render(&d, 80, diagram.Styles{}); len(got) != 1 || !strings.Contains(got[0], "No zones") {
		t.Errorf("empty diagram %q", got)
	}
}

// The demo fits 80 columns; a plant of many zones in one row is wider
// than the screen rather than cramped (the screen scrolls).
func TestRenderWidth(t *testing.T) {
	d := demo(t)
	for _, l := range diagram.Render(&d, 80, diagram.Styles{}) {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("wider than 80: %q", l)
		}
	}
	var zm model.ZoneModel
	for i := range 6 {
		zm.Zones = append(zm.Zones, model.ModelZone{Key: string(rune('a' + i)), Name: "Zone", Kind: model.ZoneControl})
	}
	wide := model.BuildDiagram(&zm, nil, nil)
	w := 0
	for _, l := range diagram.Render(&wide, 80, diagram.Styles{}) {
		w = max(w, ansi.StringWidth(l))
	}
	if w <= 80 {
		t.Errorf("six boxes squeezed into %d columns", w)
	}
}

// Colour follows the gap, and the plain rendering is the coloured one
// without its escape codes.
func TestRenderStyles(t *testing.T) {
	d := demo(t)
	st := diagram.Styles{Gap2: lipgloss.NewStyle().Bold(true), Info: lipgloss.NewStyle().Underline(true)}
	styled := diagram.Render(&d, 80, st)
	plain := diagram.Render(&d, 80, diagram.Styles{})
	if strings.Join(styled, "\n") == strings.Join(plain, "\n") {
		t.Fatal("styles change nothing")
	}
	for i := range plain {
		if ansi.Strip(styled[i]) != plain[i] {
			t.Errorf("line %d differs beyond colour:\n%q\n%q", i, ansi.Strip(styled[i]), plain[i])
		}
	}
}
