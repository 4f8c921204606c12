package targets_test

import (
	"fmt"
	"strings"
	"testing"

	"slate/model"
	"slate/ui/targets"
	"slate/ui/uitest"
)

var sizes = [][2]int{{80, 21}, {100, 30}, {200, 57}, {40, 10}, {20, 3}, {1, 1}}

// Every mode renders exactly its size at every size, before and after a
// resize, without a panic.
func TestRenderSizes(t *testing.T) {
	t.Parallel()
	modes := []struct {
		name string
		keys []any
	}{
		{"list", nil},
		{"conduit", []any{"end"}},
		{"zone form", []any{"n", uitest.Type("Packaging")}},
		{"conduit form", []any{"c"}},
		{"edit conduit", []any{"end", "e"}},
		{"slt form", []any{"t"}},
		{"delete", []any{"x"}},
		{"template", []any{"T"}},
		{"assets", []any{"a"}},
		{"asset form", []any{"a", "n"}},
		{"asset delete", []any{"a", "x"}},
		{"empty assets", []any{"a", "x", "y", "x", "y"}},
	}
	for _, md := range modes {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", md.name, sz[0], sz[1]), func(t *testing.T) {
				t.Parallel()
				h := uitest.NewDemo(t)
				s := targets.New(h.Ctx)
				s.SetSize(sz[0], sz[1])
				send(h, s, md.keys...)
				uitest.Render(t, s, sz[0], sz[1])
				for _, other := range sizes {
					uitest.Render(t, s, other[0], other[1])
				}
			})
		}
	}
	for _, sz := range sizes {
		_, s := empty(t)
		uitest.Render(t, s, sz[0], sz[1])
	}
}

// Names, descriptions and asset fields reach the terminal without escape
// sequences or control characters.
func TestEscapesStripped(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	d := h.Ctx.Data
	evil := "Bad\x1b[2JName\x07\x1b]0;title\x07"
	for i := range d.A.Zones {
		d.A.Zones[i].Name = evil
		d.A.Zones[i].Kind, d.A.Zones[i].Label = model.ZoneOther, "ty\x1b[31mpe"
		d.A.Zones[i].Description = "desc\x1b[2J\x07ription"
		for j := range d.A.Zones[i].Assets {
			d.A.Zones[i].Assets[j].Name = evil
			d.A.Zones[i].Assets[j].Notes = "no\x1b[2Jtes\x07"
		}
	}
	for i := range d.A.Conduits {
		d.A.Conduits[i].Name = evil
		d.A.Conduits[i].Protocols = "S7\x1b[2J\x07comm"
	}
	d.Rebuild()
	check := func(what string) {
		t.Helper()
		for _, sz := range [][2]int{{80, 21}, {200, 57}} {
			out := uitest.Render(t, s, sz[0], sz[1])
			if strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\x07") || strings.Contains(out, "\x1b]") ||
				strings.Contains(out, "\x1b[31m") {
				t.Fatalf("%s: escape sequence reached the terminal: %q", what, out)
			}
			if !strings.Contains(out, "BadName") {
				t.Fatalf("%s: name not shown: %q", what, out)
			}
		}
	}
	check("list")
	send(h, s, "end")
	check("conduit detail")
	send(h, s, "home", "x")
	check("delete confirmation")
	send(h, s, "esc", "e")
	check("zone form")
	send(h, s, "esc", "end", "e")
	check("conduit form")
	send(h, s, "esc", "t")
	check("SL-T form")
	send(h, s, "esc", "home", "a")
	check("asset list")
	send(h, s, "e")
	check("asset form")
	send(h, s, "esc", "x")
	check("asset delete")
}
