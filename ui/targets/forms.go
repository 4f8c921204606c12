package targets

import (
	"errors"
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Defaults of a new zone: most zones added beyond the template are control
// zones (a packaging line, utilities, a remote site) at SL-T 2.
const (
	defaultZoneKind    = model.ZoneControl
	defaultConduitKind = model.ConduitFirewall
	defaultLevel       = model.Level(2)
)

// Field positions in the forms.
const (
	zName, zKind, zLabel, zTier, zDesc, zSLT                         = 0, 1, 2, 3, 4, 5
	cName, cFrom, cTo, cKind, cLabel, cProtocols, cDesc, cSLT        = 0, 1, 2, 3, 4, 5, 6, 7
	aName, aType, aVendor, aModel, aFirmware, aAddress, aCrit, aNote = 0, 1, 2, 3, 4, 5, 6, 7
)

// kindChoice lists a closed list of kinds as the form's options (their
// labels) and values.
func kindChoice[K ~string](kinds []K, label func(K) string) (options, values []string) {
	for _, k := range kinds {
		options = append(options, label(k))
		values = append(values, string(k))
	}
	return options, values
}

// tierChoice lists the diagram rows for a zone of kind other.
func tierChoice() (options, values []string) {
	for _, t := range model.Tiers {
		options = append(options, "row "+fmt.Sprint(int(t)+1)+": "+t.String())
		values = append(values, fmt.Sprint(int(t)))
	}
	return options, values
}

// openZoneForm opens the form for a new zone (z == nil) or to edit z.
func (m *Model) openZoneForm(z *model.Zone) {
	cur := model.Zone{Kind: defaultZoneKind, Tier: model.TierControl, SLT: model.Uniform(defaultLevel)}
	title := "New zone"
	m.editKey = ""
	if z != nil {
		cur, title, m.editKey = *z, "Edit zone "+model.CleanLine(z.Name), z.Key
		if cur.Kind != model.ZoneOther {
			cur.Tier = model.TierControl
		}
	}
	f := common.NewForm(title, m.formWidth(), m.keys.Form)
	f.AddText("Name", model.CleanLine(cur.Name), 80)
	opts, vals := kindChoice(model.ZoneKinds, model.ZoneKind.Label)
	f.AddChoice("Kind", opts, vals, string(cur.Kind))
	f.AddText("Other: label", model.CleanLine(cur.Label), 80)
	opts, vals = tierChoice()
	f.AddChoice("Other: row", opts, vals, fmt.Sprint(int(cur.Tier)))
	f.AddText("Description", model.CleanLine(cur.Description), 1000)
	f.AddLevels("SL-T", cur.SLT)
	f.Validate = func(f *common.Form) error {
		if f.Fields[zName].Text() == "" {
			return errors.New("a zone needs a name")
		}
		if f.Fields[zKind].Choice() != string(model.ZoneOther) && f.Fields[zLabel].Text() != "" {
			return errors.New("a label names a zone of kind other: choose other, or clear the label")
		}
		return nil
	}
	m.form, m.dlg = f, zoneForm
}

func (m *Model) submitZone() tea.Cmd {
	f := m.form
	tier, _ := strconv.Atoi(f.Fields[zTier].Choice())
	z := model.Zone{
		Key:         m.editKey,
		Name:        model.CleanLine(f.Fields[zName].Text()),
		Kind:        model.ZoneKind(f.Fields[zKind].Choice()),
		Label:       model.CleanLine(f.Fields[zLabel].Text()),
		Tier:        model.Tier(tier),
		Description: f.Fields[zDesc].Text(),
		SLT:         f.Fields[zSLT].Levels(),
	}
	if z.Kind != model.ZoneOther {
		z.Label, z.Tier = "", 0
	}
	if z.Key == "" {
		return m.issue(m.ctx.Ops.AddZone(m.ID(), z))
	}
	if old, ok := m.ctx.Data.A.Zone(z.Key); ok {
		z.Description = common.KeepText(z.Description, old.Description)
		z.Assets, z.Rationale = old.Assets, old.Rationale
	}
	return m.issue(m.ctx.Ops.UpdateZone(m.ID(), z))
}

// openConduitForm opens the form for a new conduit (c == nil) or to edit c.
func (m *Model) openConduitForm(c *model.Conduit) tea.Cmd {
	zs := m.zones()
	if len(zs) < 2 {
		return common.StatusCmd("A conduit joins two zones: add the zones first (n, or T for the typical five)", true)
	}
	names := make([]string, len(zs))
	keys := make([]string, len(zs))
	for i, z := range zs {
		names[i], keys[i] = z.Name, z.Key
	}
	var cur model.Conduit
	title := "New conduit (an empty name becomes \"From - To\")"
	m.editKey = ""
	if c != nil {
		cur, title, m.editKey = *c, "Edit conduit "+model.CleanLine(c.Name), c.Key
	} else {
		// From the selected zone (or the first) to its next neighbour.
		from := min(max(m.cursor, 0), len(zs)-1)
		to := from + 1
		if to >= len(zs) {
			to = from - 1
		}
		cur = model.Conduit{From: zs[from].Key, To: zs[to].Key, Kind: defaultConduitKind,
			SLT: zs[from].SLT.Higher(zs[to].SLT)}
	}
	// The SL-T starts as the default of its two zones (per FR, the higher
	// of theirs) and follows From and To while it is that default and the
	// assessor has not typed a level; an SL-T set otherwise stays.
	follows := cur.SLT == m.conduitDefault(cur.From, cur.To)
	f := common.NewForm(title, m.formWidth(), m.keys.Form)
	f.AddText("Name", model.CleanLine(cur.Name), 80)
	f.AddChoice("From zone", names, keys, cur.From)
	f.AddChoice("To zone", names, keys, cur.To)
	opts, vals := kindChoice(model.ConduitKinds, model.ConduitKind.Label)
	f.AddChoice("Kind", opts, vals, string(cur.Kind))
	f.AddText("Other: label", model.CleanLine(cur.Label), 80)
	f.AddText("Protocols", model.CleanLine(cur.Protocols), 200)
	f.AddText("Description", model.CleanLine(cur.Description), 1000)
	f.AddLevels("SL-T", cur.SLT)
	f.OnChange = func(f *common.Form, field int) {
		if follows && (field == cFrom || field == cTo) && !f.Fields[cSLT].Edited() {
			f.Fields[cSLT].SetLevels(m.conduitDefault(f.Fields[cFrom].Choice(), f.Fields[cTo].Choice()))
		}
	}
	f.Validate = func(f *common.Form) error {
		if f.Fields[cFrom].Choice() == f.Fields[cTo].Choice() {
			return errors.New("a conduit joins two different zones: choose another To zone")
		}
		if f.Fields[cKind].Choice() != string(model.ConduitOther) && f.Fields[cLabel].Text() != "" {
			return errors.New("a label names a conduit of kind other: choose other, or clear the label")
		}
		return nil
	}
	m.form, m.dlg = f, conduitForm
	return nil
}

func (m *Model) submitConduit() tea.Cmd {
	f := m.form
	c := model.Conduit{
		Key:         m.editKey,
		Name:        model.CleanLine(f.Fields[cName].Text()),
		From:        f.Fields[cFrom].Choice(),
		To:          f.Fields[cTo].Choice(),
		Kind:        model.ConduitKind(f.Fields[cKind].Choice()),
		Label:       model.CleanLine(f.Fields[cLabel].Text()),
		Protocols:   model.CleanLine(f.Fields[cProtocols].Text()),
		Description: f.Fields[cDesc].Text(),
		SLT:         f.Fields[cSLT].Levels(),
	}
	if c.Name == "" {
		c.Name = model.CleanLine(m.zoneName(c.From) + " - " + m.zoneName(c.To))
	}
	if c.Key == "" {
		return m.issue(m.ctx.Ops.AddConduit(m.ID(), c))
	}
	if c.Kind != model.ConduitOther {
		c.Label = ""
	}
	if old, ok := m.ctx.Data.A.Conduit(c.Key); ok {
		c.Description = common.KeepText(c.Description, old.Description)
		c.Assets, c.Rationale = old.Assets, old.Rationale
	}
	return m.issue(m.ctx.Ops.UpdateConduit(m.ID(), c))
}

// openSLTForm opens just the SL-T of the selected zone or conduit: the quick
// "set all FRs to n" (a digit, then enter) or one FR at a time.
func (m *Model) openSLTForm(z *model.Zone, c *model.Conduit) {
	var name string
	var v model.SLVector
	switch {
	case z != nil:
		m.editKey, name, v = z.Key, "zone "+z.Name, z.SLT
	case c != nil:
		m.editKey, name, v = c.Key, "conduit "+c.Name, c.SLT
	default:
		return
	}
	f := common.NewForm("SL-T of "+model.CleanLine(name), m.formWidth(), m.keys.Form)
	f.AddLevels("SL-T", v)
	m.form, m.dlg = f, sltForm
}

func (m *Model) submitSLT() tea.Cmd {
	v := m.form.Fields[0].Levels()
	if z, ok := m.ctx.Data.A.Zone(m.editKey); ok {
		nz := *z
		nz.SLT = v
		return m.issue(m.ctx.Ops.UpdateZone(m.ID(), nz))
	}
	if c, ok := m.ctx.Data.A.Conduit(m.editKey); ok {
		nc := *c
		nc.SLT = v
		return m.issue(m.ctx.Ops.UpdateConduit(m.ID(), nc))
	}
	m.closeDialog() // deleted meanwhile
	return nil
}

// conduitDefault is the SL-T a conduit between two zones starts with:
// per FR, the higher SL-T of the two.
func (m *Model) conduitDefault(from, to string) model.SLVector {
	var a, b model.SLVector
	if z, ok := m.ctx.Data.A.Zone(from); ok {
		a = z.SLT
	}
	if z, ok := m.ctx.Data.A.Zone(to); ok {
		b = z.SLT
	}
	return a.Higher(b)
}
