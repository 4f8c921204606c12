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
	PutProject(p model.Project) (model.Project, error)
	SetProjectOf(requirement, project string, clear bool) error
}

// SaveTracking commits the tracking record of an initiative or of one of
// its targets; a per-target record with nothing but defaults is removed
// (the target follows the initiative again).
func (o *Ops) SaveTracking(from ScreenID, t model.Tracking) (Ticket, tea.Cmd) {
	return o.change(from, "tracking of "+t.Key(), func() (func(*Data), any, error) {
		saved, err := o.st.SaveTracking(t)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			if d.A.Tracking == nil {
				d.A.Tracking = map[string]model.Tracking{}
			}
			if saved.Target != "" && saved.IsZero() {
				delete(d.A.Tracking, saved.Key())
			} else {
				d.A.Tracking[saved.Key()] = saved
			}
			d.Version++
		}, saved, nil
	})
}

// MoveToProject puts an initiative into a project, creating the project
// when it is new (p.ID not among the assessment's or the catalog's).
func (o *Ops) MoveToProject(from ScreenID, requirement string, p model.Project, create bool) (Ticket, tea.Cmd) {
	return o.change(from, requirement+" in project "+p.Title, func() (func(*Data), any, error) {
		if create {
			if _, err := o.st.PutProject(p); err != nil {
				return nil, nil, err
			}
		}
		if err := o.st.SetProjectOf(requirement, p.ID, false); err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			if create {
				d.A.Projects = append(d.A.Projects, p)
			}
			if d.A.ProjectOf == nil {
				d.A.ProjectOf = map[string]string{}
			}
			d.A.ProjectOf[requirement] = p.ID
			d.Version++
		}, p, nil
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
