package ui

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
	"slate/ui/uitest"
)

func openSession(b *testing.B, path string) (*store.Store, Session) {
	st, a, err := store.OpenAndLoad(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return st, Session{Store: st, Assessment: a, Catalog: questionnaires.Builtin(), Path: path}
}

// BenchmarkOpenToFirstFrame: open the file, load it, build every screen and
// draw the first frame at 200x60. Aim at 200 zones: <= 100 ms.
func BenchmarkOpenToFirstFrame(b *testing.B) {
	for _, n := range uitest.Sizes() {
		b.Run(fmt.Sprintf("zones=%d", n), func(b *testing.B) {
			path := uitest.PlantFile(b, n)
			b.ReportAllocs()
			for b.Loop() {
				st, s := openSession(b, path)
				app := NewRoot(s, true)
				app.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
				_ = app.View()
				st.Close()
			}
		})
	}
}

// BenchmarkKeypressToFrame: one answer key in the interview, the commit
// (fsync'd), the rescoring in the live matrix and the next frame, against a
// bare fsync'd single-row insert with the same pragmas in the same run.
// Aims at 200 zones: <= 10 ms, ratio <= 1.5.
func BenchmarkKeypressToFrame(b *testing.B) {
	for _, n := range uitest.Sizes() {
		b.Run(fmt.Sprintf("zones=%d", n), func(b *testing.B) {
			st, s := openSession(b, uitest.PlantFile(b, n))
			defer st.Close()
			base, err := store.NewBaseline(filepath.Join(b.TempDir(), "baseline.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer base.Close()
			app := NewRoot(s, true)
			app.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
			app.Update(uitest.Key("3"))
			app.Update(common.GoTo{Screen: common.ScreenInterview, Target: "z2", FR: 1})
			keys := []tea.Msg{uitest.Key("y"), uitest.Key("n")}
			var slate, bare time.Duration
			i := 0
			for b.Loop() {
				t0 := time.Now()
				app.Update(uitest.Key("home"))
				_, cmd := app.Update(keys[i%2])
				done := cmd().(common.Done)
				if done.Err != nil {
					b.Fatal(done.Err)
				}
				app.Update(done)
				_ = app.View()
				t1 := time.Now()
				if err := base.Insert(); err != nil {
					b.Fatal(err)
				}
				slate += t1.Sub(t0)
				bare += time.Since(t1)
				i++
			}
			b.ReportMetric(float64(slate.Microseconds())/float64(i), "µs/keypress")
			b.ReportMetric(float64(bare.Microseconds())/float64(i), "µs/bare-insert")
			b.ReportMetric(float64(slate)/float64(bare), "ratio")
		})
	}
}

// BenchmarkMatrixFrame: the gap matrix screen's frame at 200x60 after the
// cursor moves (the helper's ui/matrix benchmarks isolate the View itself).
func BenchmarkMatrixFrame(b *testing.B) {
	for _, n := range uitest.Sizes() {
		b.Run(fmt.Sprintf("zones=%d", n), func(b *testing.B) {
			st, s := openSession(b, uitest.PlantFile(b, n))
			defer st.Close()
			app := NewRoot(s, true)
			app.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
			app.Update(uitest.Key("4"))
			down, up := uitest.Key("down"), uitest.Key("up")
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				if i%2 == 0 {
					app.Update(down)
				} else {
					app.Update(up)
				}
				_ = app.View()
				i++
			}
		})
	}
}
