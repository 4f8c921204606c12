package overview_test

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/overview"
	"slate/ui/uitest"
)

// Regenerate with: go test ./ui/overview -update

func TestGoldenDemo80x21(t *testing.T) {
	h := uitest.NewDemo(t)
	golden.RequireEqual(t, uitest.Render(t, overview.New(h.Ctx), 80, 21))
}

func TestGoldenDemo120x37(t *testing.T) {
	h := uitest.NewDemo(t)
	golden.RequireEqual(t, uitest.Render(t, overview.New(h.Ctx), 120, 37))
}

// The cursor on the last conduit: the list has scrolled and the picture
// shows the conduit.
func TestGoldenDemoScrolled80x21(t *testing.T) {
	h := uitest.NewDemo(t)
	s := overview.New(h.Ctx)
	s.SetSize(80, 21)
	h.Send(s, uitest.Key("end"))
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}

func TestGoldenEmpty80x21(t *testing.T) {
	h := uitest.New(t, &model.Assessment{Name: "New assessment", CatalogID: questionnaires.Builtin().ID})
	golden.RequireEqual(t, uitest.Render(t, overview.New(h.Ctx), 80, 21))
}

func TestGoldenForm80x21(t *testing.T) {
	h := uitest.NewDemo(t)
	s := overview.New(h.Ctx)
	s.SetSize(80, 21)
	h.Send(s, uitest.Key("e"))
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}

// The seven common findings in place of the largest gaps (c).
func TestGoldenFindings(t *testing.T) {
	for _, size := range [][2]int{{80, 21}, {120, 37}} {
		h := uitest.NewDemo(t)
		s := overview.New(h.Ctx)
		s.SetSize(size[0], size[1])
		h.Send(s, uitest.Key("c"))
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			golden.RequireEqual(t, uitest.Render(t, s, size[0], size[1]))
		})
	}
}
