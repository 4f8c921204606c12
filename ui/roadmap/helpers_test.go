package roadmap_test

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/roadmap"
	"slate/ui/uitest"
)

// send delivers keys and messages, running commands as the root would.
func send(h *uitest.Harness, s *roadmap.Model, msgs ...any) {
	h.T.Helper()
	h.Do(s, msgs...)
}

// demo opens the sample plant with the screen at 80x21.
func demo(t *testing.T) (*uitest.Harness, *roadmap.Model) {
	t.Helper()
	h := uitest.NewDemo(t)
	s := roadmap.New(h.Ctx)
	s.SetSize(80, 21)
	return h, s
}

// view renders the screen at 80x21 as plain text.
func view(t *testing.T, s *roadmap.Model) string {
	t.Helper()
	return render(t, s, 80, 21)
}

// render renders the screen at a size as plain text (attributes dropped,
// so that tests can look for text that spans styles).
func render(t *testing.T, s *roadmap.Model, w, h int) string {
	t.Helper()
	return ansi.Strip(uitest.Render(t, s, w, h))
}

// load reads the file back.
func load(t *testing.T, h *uitest.Harness) *model.Assessment {
	t.Helper()
	a, err := h.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// initiative finds an initiative of the screen's plan.
func initiative(s *roadmap.Model, id string) *model.Initiative {
	for _, in := range s.Plan().Initiatives {
		if in.Requirement.ID == id {
			return in
		}
	}
	return nil
}

// selectID moves the cursor to an initiative by pressing down.
func selectID(t *testing.T, h *uitest.Harness, s *roadmap.Model, id string) {
	t.Helper()
	send(h, s, "home")
	for range len(s.Plan().Initiatives) {
		if in := s.Selected(); in != nil && in.Requirement.ID == id {
			return
		}
		send(h, s, "down")
	}
	t.Fatalf("initiative %s not in the list", id)
}
