package common

import (
	tea "charm.land/bubbletea/v2"

	"slate/model"
)

type metaStore interface {
	SetMeta(m model.Meta) error
}

// SetMeta commits the assessment's name, site, scope and assessor.
func (o *Ops) SetMeta(from ScreenID, m model.Meta) (Ticket, tea.Cmd) {
	return o.change(from, "assessment details", func() (func(*Data), any, error) {
		if err := o.st.SetMeta(m); err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			d.A.SetMeta(m)
			d.Version++
		}, m, nil
	})
}
