package interview

import (
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
	"slate/ui/uitest"
)

// BenchmarkAnswerKeypress measures one answer key on a 200-zone / 300-conduit
// fully answered plant, end to end: the key, the store commit (fsync'd), the
// rescoring of the target in the live matrix and the next frame.
// Aim: <= 10 ms per op.
func BenchmarkAnswerKeypress(b *testing.B) {
	cat := questionnaires.Builtin()
	path := filepath.Join(b.TempDir(), "large.slate")
	a := model.GeneratePlant(cat, model.PlantSpec{Zones: 200, Conduits: 300, Answered: 1, Seed: 1})
	st, err := store.Create(path, a, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	loaded, err := st.Load()
	if err != nil {
		b.Fatal(err)
	}
	ctx := &common.Context{Data: common.NewData(cat, loaded, path), Styles: common.NewStyles(true), Ops: common.NewOps(st, false)}
	m := New(ctx)
	m.SetSize(200, 57)
	m.goTo(common.GoTo{Target: "z100", FR: 1})
	keys := []tea.Msg{uitest.Key("y"), uitest.Key("n")}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.move(-m.cursor) // back to the first row: a moved cursor takes answers again
		cmd := m.Update(keys[i%2])
		done := cmd().(common.Done)
		if done.Err != nil {
			b.Fatal(done.Err)
		}
		done.ApplyTo(ctx.Data)
		m.Update(done.Result)
		_ = m.View()
	}
}
