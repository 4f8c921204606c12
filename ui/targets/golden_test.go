package targets_test

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"slate/ui/uitest"
)

// Goldens are rendered in the ASCII profile (attributes kept, colours
// dropped). Regenerate with: go test ./ui/targets -update

func TestGoldenList80x21(t *testing.T) {
	t.Parallel()
	_, s := demo(t)
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}

func TestGoldenList120x37(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "end") // a conduit's details
	golden.RequireEqual(t, uitest.Render(t, s, 120, 37))
}

func TestGoldenEmpty(t *testing.T) {
	t.Parallel()
	_, s := empty(t)
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}

func TestGoldenAddZoneForm(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	// Kind other (three to the right of control), with its label and row.
	send(h, s, "n", uitest.Type("Packaging"), "tab", "right", "right", "right", "tab", uitest.Type("Packaging line"),
		"tab", "left", "tab", uitest.Type("Bottling lines"), "tab", "right", "1")
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}

func TestGoldenConduitForm(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "end", "e")
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}

func TestGoldenDeleteConfirm(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "j", "x")
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}

func TestGoldenAssets(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "j", "a", "j")
	golden.RequireEqual(t, uitest.Render(t, s, 80, 21))
}
