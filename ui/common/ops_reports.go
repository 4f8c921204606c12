package common

import (
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/report"
	"slate/store"
)

type reportStore interface {
	Head() (string, int64, error)
	ChangesAfterSignOff() ([]model.Change, error)
}

// Written lists the files a report operation wrote, with their sizes.
type Written struct {
	Format string
	Paths  []string
	Bytes  []int
}

// WriteReport renders a report of a snapshot of the assessment (taken by the
// caller in Update, so the interview may go on meanwhile) in the view's
// scope and writes it next to the assessment file, mode 0600, replacing an
// older report atomically. It runs on a read-only file too: a report only
// reads. The result's Value is a Written.
func (o *Ops) WriteReport(from ScreenID, f report.Format, snapshot *model.Assessment, cat *model.Catalog, path string, at time.Time, scope model.Scope) (Ticket, tea.Cmd) {
	return o.read(from, f.Title+" report", func() (func(*Data), any, error) {
		head, rows, err := o.st.Head()
		if err != nil {
			return nil, nil, err
		}
		base := report.DefaultPath(path, f)
		for _, p := range f.Paths(base) {
			// The same refusals as slate report: never over the assessment,
			// its side files, a link, a folder or a device.
			if err := store.CheckOutput(p, path); err != nil {
				return nil, nil, err
			}
		}
		in := report.NewInput(snapshot, cat, at, filepath.Base(path), report.Chain{Head: head, Rows: rows}, scope)
		if in.AfterSignOff, err = o.st.ChangesAfterSignOff(); err != nil {
			return nil, nil, err
		}
		saved, err := report.Write(f, in, base)
		w := Written{Format: f.Key}
		for _, sv := range saved {
			w.Paths = append(w.Paths, sv.Path)
			w.Bytes = append(w.Bytes, int(sv.Bytes))
		}
		return nil, w, err
	})
}
