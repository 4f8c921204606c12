package common

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"slate/model"
)

type roadmapStore interface {
	SaveTracking(t model.Tracking) (model.Tracking, error)
	PutWindow(w model.Window) (model.Window, error)
	DeleteWindow(id int64) error
}

// SaveTracking commits an initiative's tracking record.
func (o *Ops) SaveTracking(from ScreenID, t model.Tracking) (Ticket, tea.Cmd) {
	return o.change(from, "tracking of "+t.Requirement, func() (func(*Data), any, error) {
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

// PutWindow adds (ID 0) or updates a maintenance window; the result's Value
// is the window with its ID.
func (o *Ops) PutWindow(from ScreenID, w model.Window) (Ticket, tea.Cmd) {
	return o.change(from, "maintenance window "+w.Name, func() (func(*Data), any, error) {
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
func (o *Ops) DeleteWindow(from ScreenID, w model.Window) (Ticket, tea.Cmd) {
	return o.change(from, "deleted window "+w.Name, func() (func(*Data), any, error) {
		if err := o.st.DeleteWindow(w.ID); err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			d.A.Windows = slices.DeleteFunc(d.A.Windows, func(x model.Window) bool { return x.ID == w.ID })
			d.Version++
		}, w, nil
	})
}
