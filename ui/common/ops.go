package common

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/report"
	"slate/store"
)

// Store is what the TUI needs of the assessment file; *store.Store has it,
// and tests wrap it to inject faults such as a full disk.
type Store interface {
	SaveAnswer(targetKey string, a model.Answer) (model.Answer, error)
	SetMeta(m store.Meta) error
	AddZone(z model.Zone) (model.Zone, error)
	UpdateZone(z model.Zone) error
	AddConduit(c model.Conduit) (model.Conduit, error)
	UpdateConduit(c model.Conduit) error
	AddTargets(zones []model.Zone, conduits []model.Conduit) ([]model.Zone, []model.Conduit, error)
	DeleteTarget(key string) (int, error)
	MoveTarget(key string, delta int) error
	AddAsset(zoneKey string, a model.Asset) (model.Asset, error)
	UpdateAsset(a model.Asset) error
	DeleteAsset(id int64) error
	SetSetting(key, value string) error
	SaveTracking(t model.Tracking) (model.Tracking, error)
	PutWindow(w model.Window) (model.Window, error)
	DeleteWindow(id int64) error
	Head() (string, int64, error)
}

// Saved reports a finished store operation. The root applies it to Data on
// success (only then is anything shown as saved) and passes it on to every
// screen, so the one that asked can close its editor or keep the typed text.
type Saved struct {
	Origin string        // who asked, e.g. "interview.note"
	Label  string        // what it was, for the status line
	Apply  func(d *Data) // the change to the in-memory assessment
	Err    error         // nil when committed
	Ticket uint64        // order of the request
	Value  any           // the saved value, for the requester
}

// Ops turns store operations into commands. Operations are run one at a time
// in the order they were requested (a ticket queue), so two quick answers to
// the same requirement can never commit out of order.
type Ops struct {
	st       Store
	readOnly bool

	mu      sync.Mutex
	cond    *sync.Cond
	issued  uint64
	serving uint64
}

// NewOps wraps a store; readOnly refuses every change up front.
func NewOps(st Store, readOnly bool) *Ops {
	o := &Ops{st: st, readOnly: readOnly, serving: 1}
	o.cond = sync.NewCond(&o.mu)
	return o
}

// ErrReadOnly is the refusal shown when the file is open read-only.
var ErrReadOnly = store.ErrReadOnly

func (o *Ops) run(origin, label string, fn func() (func(*Data), any, error)) tea.Cmd {
	if o.readOnly {
		return func() tea.Msg { return Saved{Origin: origin, Label: label, Err: ErrReadOnly} }
	}
	return o.runAlways(origin, label, fn)
}

// runAlways queues an operation even on a read-only file (reports only read).
func (o *Ops) runAlways(origin, label string, fn func() (func(*Data), any, error)) tea.Cmd {
	o.mu.Lock()
	o.issued++
	ticket := o.issued
	o.mu.Unlock()
	return func() tea.Msg {
		o.mu.Lock()
		for o.serving != ticket {
			o.cond.Wait()
		}
		o.mu.Unlock()
		apply, value, err := fn()
		o.mu.Lock()
		o.serving++
		o.cond.Broadcast()
		o.mu.Unlock()
		return Saved{Origin: origin, Label: label, Apply: apply, Err: err, Ticket: ticket, Value: value}
	}
}

// Pending returns how many requested operations have not finished; the
// root waits for zero before quitting so nothing asked for is dropped.
func (o *Ops) Pending() uint64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.issued - (o.serving - 1)
}

// Issued returns how many operations have been requested so far.
func (o *Ops) Issued() uint64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.issued
}

// SaveAnswer commits one answer of one target.
func (o *Ops) SaveAnswer(origin, key string, a model.Answer) tea.Cmd {
	label := fmt.Sprintf("%s %s: %s", key, a.Requirement, a.Status.Norm().Label())
	return o.run(origin, label, func() (func(*Data), any, error) {
		saved, err := o.st.SaveAnswer(key, a)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.SetAnswer(key, saved) }, saved, nil
	})
}

// SetMeta commits the assessment's name, site, scope and assessor.
func (o *Ops) SetMeta(m store.Meta) tea.Cmd {
	return o.run("overview.meta", "assessment details", func() (func(*Data), any, error) {
		if err := o.st.SetMeta(m); err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			d.A.Name, d.A.Site, d.A.Scope, d.A.Assessor = m.Name, m.Site, m.Scope, m.Assessor
			d.Version++
		}, m, nil
	})
}

// AddZone commits a new zone.
func (o *Ops) AddZone(origin string, z model.Zone) tea.Cmd {
	return o.run(origin, "new zone "+z.Name, func() (func(*Data), any, error) {
		saved, err := o.st.AddZone(z)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutZone(saved) }, saved, nil
	})
}

// UpdateZone commits a zone's fields.
func (o *Ops) UpdateZone(origin string, z model.Zone) tea.Cmd {
	return o.run(origin, "zone "+z.Name, func() (func(*Data), any, error) {
		if err := o.st.UpdateZone(z); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutZone(z) }, z, nil
	})
}

// AddConduit commits a new conduit.
func (o *Ops) AddConduit(origin string, c model.Conduit) tea.Cmd {
	return o.run(origin, "new conduit "+c.Name, func() (func(*Data), any, error) {
		saved, err := o.st.AddConduit(c)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutConduit(saved) }, saved, nil
	})
}

// UpdateConduit commits a conduit's fields.
func (o *Ops) UpdateConduit(origin string, c model.Conduit) tea.Cmd {
	return o.run(origin, "conduit "+c.Name, func() (func(*Data), any, error) {
		if err := o.st.UpdateConduit(c); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutConduit(c) }, c, nil
	})
}

// AddTargets commits several zones and conduits in one transaction (the
// "typical five zones" template).
func (o *Ops) AddTargets(origin string, zones []model.Zone, conduits []model.Conduit) tea.Cmd {
	return o.run(origin, fmt.Sprintf("%d zones and %d conduits", len(zones), len(conduits)), func() (func(*Data), any, error) {
		zs, cs, err := o.st.AddTargets(zones, conduits)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			d.A.Zones = append(d.A.Zones, zs...)
			d.A.Conduits = append(d.A.Conduits, cs...)
			d.Rebuild()
		}, nil, nil
	})
}

// DeleteTarget removes a zone or conduit with what depends on it.
func (o *Ops) DeleteTarget(origin, key, name string) tea.Cmd {
	return o.run(origin, "deleted "+name, func() (func(*Data), any, error) {
		if _, err := o.st.DeleteTarget(key); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.RemoveTarget(key) }, key, nil
	})
}

// MoveTarget moves a zone or conduit up or down.
func (o *Ops) MoveTarget(origin, key string, delta int) tea.Cmd {
	return o.run(origin, "order", func() (func(*Data), any, error) {
		if err := o.st.MoveTarget(key, delta); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.MoveTarget(key, delta) }, key, nil
	})
}

// PutAsset adds (ID 0) or updates an asset of a zone.
func (o *Ops) PutAsset(origin, zoneKey string, a model.Asset) tea.Cmd {
	return o.run(origin, "asset "+a.Name, func() (func(*Data), any, error) {
		var err error
		if a.ID == 0 {
			a, err = o.st.AddAsset(zoneKey, a)
		} else {
			err = o.st.UpdateAsset(a)
		}
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutAsset(zoneKey, a) }, a, nil
	})
}

// DeleteAsset removes an asset.
func (o *Ops) DeleteAsset(origin, zoneKey string, a model.Asset) tea.Cmd {
	return o.run(origin, "deleted asset "+a.Name, func() (func(*Data), any, error) {
		if err := o.st.DeleteAsset(a.ID); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.RemoveAsset(zoneKey, a.ID) }, a, nil
	})
}

// SetInterviewee remembers the current interviewee in the file.
func (o *Ops) SetInterviewee(name string) tea.Cmd {
	return o.run("interview.interviewee", "interviewee "+name, func() (func(*Data), any, error) {
		if err := o.st.SetSetting("interviewee", name); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.Interviewee = name }, name, nil
	})
}

// SaveTracking commits an initiative's tracking record.
func (o *Ops) SaveTracking(origin string, t model.Tracking) tea.Cmd {
	return o.run(origin, "tracking of "+t.Requirement, func() (func(*Data), any, error) {
		saved, err := o.st.SaveTracking(t)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			if d.A.Tracking == nil {
				d.A.Tracking = map[string]model.Tracking{}
			}
			d.A.Tracking[saved.Requirement] = saved
			d.Version++
		}, saved, nil
	})
}

// PutWindow adds (ID 0) or updates a maintenance window.
func (o *Ops) PutWindow(origin string, w model.Window) tea.Cmd {
	return o.run(origin, "maintenance window "+w.Name, func() (func(*Data), any, error) {
		saved, err := o.st.PutWindow(w)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			if i := slices.IndexFunc(d.A.Windows, func(x model.Window) bool { return x.ID == saved.ID }); i >= 0 {
				d.A.Windows[i] = saved
			} else {
				d.A.Windows = append(d.A.Windows, saved)
			}
			d.Version++
		}, saved, nil
	})
}

// DeleteWindow removes a maintenance window.
func (o *Ops) DeleteWindow(origin string, w model.Window) tea.Cmd {
	return o.run(origin, "deleted window "+w.Name, func() (func(*Data), any, error) {
		if err := o.st.DeleteWindow(w.ID); err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			d.A.Windows = slices.DeleteFunc(d.A.Windows, func(x model.Window) bool { return x.ID == w.ID })
			d.Version++
		}, w, nil
	})
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
// older report atomically.
func (o *Ops) WriteReport(origin string, f report.Format, snapshot *model.Assessment, cat *model.Catalog, path string, at time.Time, scope model.Scope) tea.Cmd {
	label := f.Title + " report"
	return o.runAlways(origin, label, func() (func(*Data), any, error) {
		head, rows, err := o.st.Head()
		if err != nil {
			return nil, nil, err
		}
		in := report.NewInput(snapshot, cat, at, filepath.Base(path), report.Chain{Head: head, Rows: rows}, scope)
		saved, err := report.Write(f, in, report.DefaultPath(path, f))
		w := Written{Format: f.Key}
		for _, sv := range saved {
			w.Paths = append(w.Paths, sv.Path)
			w.Bytes = append(w.Bytes, int(sv.Bytes))
		}
		return nil, w, err
	})
}

// ErrorText phrases an error for the status line.
func ErrorText(err error) string {
	var se *store.SaveError
	var ve *store.ValidationError
	switch {
	case errors.As(err, &se):
		return "NOT SAVED: " + se.Reason
	case errors.Is(err, store.ErrReadOnly):
		return "read-only: nothing was saved"
	case errors.As(err, &ve):
		return "not saved: " + ve.Msg
	}
	return "NOT SAVED: " + err.Error()
}
