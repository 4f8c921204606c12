package targets_test

import (
	"testing"

	"slate/model"
	"slate/questionnaires"
	"slate/ui/targets"
	"slate/ui/uitest"
)

// send delivers keys and messages, running commands as the root would.
func send(h *uitest.Harness, s *targets.Model, msgs ...any) {
	h.T.Helper()
	h.Do(s, msgs...)
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
