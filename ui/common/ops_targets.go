package common

import (
	tea "charm.land/bubbletea/v2"

	"slate/model"
)

type targetStore interface {
	AddZone(z model.Zone) (model.Zone, error)
	UpdateZone(z model.Zone) error
	AddConduit(c model.Conduit) (model.Conduit, error)
	UpdateConduit(c model.Conduit) error
	AddTargets(zones []model.Zone, conduits []model.Conduit) ([]model.Zone, []model.Conduit, error)
	DeleteTarget(key string) (int, error)
	MoveTarget(key string, delta int) error
	SetRationale(key string, r *model.SLTRationale) error
}

// SetRationale records a zone's or conduit's SL-T rationale with its final
// SL-T (nil removes the rationale).
func (o *Ops) SetRationale(from ScreenID, key string, r *model.SLTRationale) (Ticket, tea.Cmd) {
	return o.change(from, "SL-T rationale of "+key, func() (func(*Data), any, error) {
		if err := o.st.SetRationale(key, r); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.SetRationale(key, r) }, key, nil
	})
}

// AddZone commits a new zone; the result's Value is the zone with its key.
func (o *Ops) AddZone(from ScreenID, z model.Zone) (Ticket, tea.Cmd) {
	return o.change(from, "new zone "+z.Name, func() (func(*Data), any, error) {
		saved, err := o.st.AddZone(z)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutZone(saved) }, saved, nil
	})
}

// UpdateZone commits a zone's fields.
func (o *Ops) UpdateZone(from ScreenID, z model.Zone) (Ticket, tea.Cmd) {
	return o.change(from, "zone "+z.Name, func() (func(*Data), any, error) {
		if err := o.st.UpdateZone(z); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutZone(z) }, z, nil
	})
}

// AddConduit commits a new conduit; the result's Value is the conduit with
// its key.
func (o *Ops) AddConduit(from ScreenID, c model.Conduit) (Ticket, tea.Cmd) {
	return o.change(from, "new conduit "+c.Name, func() (func(*Data), any, error) {
		saved, err := o.st.AddConduit(c)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutConduit(saved) }, saved, nil
	})
}

// UpdateConduit commits a conduit's fields.
func (o *Ops) UpdateConduit(from ScreenID, c model.Conduit) (Ticket, tea.Cmd) {
	return o.change(from, "conduit "+c.Name, func() (func(*Data), any, error) {
		if err := o.st.UpdateConduit(c); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.PutConduit(c) }, c, nil
	})
}

// AddTargets commits several zones and conduits in one transaction (the
// "typical five zones" template).
func (o *Ops) AddTargets(from ScreenID, zones []model.Zone, conduits []model.Conduit) (Ticket, tea.Cmd) {
	return o.change(from, Plural(len(zones), "zone", "zones")+" and "+Plural(len(conduits), "conduit", "conduits"), func() (func(*Data), any, error) {
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
func (o *Ops) DeleteTarget(from ScreenID, key, name string) (Ticket, tea.Cmd) {
	return o.change(from, "deleted "+name, func() (func(*Data), any, error) {
		if _, err := o.st.DeleteTarget(key); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.RemoveTarget(key) }, key, nil
	})
}

// MoveTarget moves a zone or conduit up or down.
func (o *Ops) MoveTarget(from ScreenID, key string, delta int) (Ticket, tea.Cmd) {
	return o.change(from, "order", func() (func(*Data), any, error) {
		if err := o.st.MoveTarget(key, delta); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.MoveTarget(key, delta) }, key, nil
	})
}
