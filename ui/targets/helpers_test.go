package targets_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/targets"
	"slate/ui/uitest"
)

// send delivers messages to the screen: key names ("ctrl+s"), lists of
// messages (uitest.Type) and any other message, running the commands the
// screen returns the way the root does (uitest.Harness.Send).
func send(h *uitest.Harness, s *targets.Model, msgs ...any) {
	h.T.Helper()
	var out []tea.Msg
	for _, m := range msgs {
		switch m := m.(type) {
		case []tea.Msg:
			out = append(out, m...)
		case string:
			out = append(out, uitest.Key(m))
		default:
			out = append(out, m)
		}
	}
	h.Send(s, out...)
}

// demo opens the sample plant with the screen at 80x21.
func demo(t *testing.T) (*uitest.Harness, *targets.Model) {
	t.Helper()
	h := uitest.NewDemo(t)
	s := targets.New(h.Ctx)
	s.SetSize(80, 21)
	return h, s
}

// empty opens an assessment without zones.
func empty(t *testing.T) (*uitest.Harness, *targets.Model) {
	t.Helper()
	cat := questionnaires.Builtin()
	h := uitest.New(t, &model.Assessment{Name: "x", CatalogID: cat.ID, CatalogVersion: cat.Version, CatalogHash: cat.Hash})
	s := targets.New(h.Ctx)
	s.SetSize(80, 21)
	return h, s
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
