package common

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
)

// A read-only session follows what another Slate commits: every PollEvery
// the root asks the store for the file's data version (SQLite's PRAGMA
// data_version, which changes when another connection commits, WAL or
// not; the file's modification time does not), and reads the assessment
// again when it changed. ctrl+r reads it again at once.

type reloadStore interface {
	Load() (*model.Assessment, error)
	DataVersion() (int64, error)
}

// PollEvery is how often a read-only session looks for changes.
const PollEvery = 2 * time.Second

// Polled is the file's data version as a poll read it.
type Polled struct {
	Version int64
	Err     error
}

// PollNow reads the file's data version (in a command: it is I/O).
func (o *Ops) PollNow() tea.Msg {
	v, err := o.st.DataVersion()
	return Polled{Version: v, Err: err}
}

// Poll returns a command that reads the data version after PollEvery.
func (o *Ops) Poll() tea.Cmd {
	return tea.Tick(PollEvery, func(time.Time) tea.Msg { return o.PollNow() })
}

// Reloaded is the value of a finished Reload: Auto when a poll saw
// another Slate's commit, else the user asked (ctrl+r).
type Reloaded struct{ Auto bool }

// Reload reads the whole assessment again and replaces the data with it
// (Data.Replace). It only reads, so a read-only session may run it.
func (o *Ops) Reload(from ScreenID, auto bool) (Ticket, tea.Cmd) {
	return o.read(from, "reload", func() (func(*Data), any, error) {
		a, err := o.st.Load()
		if err != nil {
			return nil, nil, readError{err}
		}
		return func(d *Data) { d.Replace(a) }, Reloaded{Auto: auto}, nil
	})
}
