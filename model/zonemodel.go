package model

// ZoneModel is the zone and conduit model as the checks and the diagram
// read it: every zone with its kind and diagram row, every conduit with its
// kind, and which zones have a recorded SL-T rationale. It is built by the
// caller (NewZoneModel) so the checks and the drawing never depend on how
// the store keeps these facts.
type ZoneModel struct {
	Zones    []ModelZone    // in display order
	Conduits []ModelConduit // in display order
}

// ModelZone is one zone of a ZoneModel.
type ModelZone struct {
	Key, Name string
	Kind      ZoneKind
	// Label is the assessor's own word for a ZoneOther zone (the old free
	// text); empty for the kinds of the closed list.
	Label string
	Tier  Tier // the diagram row: the kind's, or the assessor's for other
	SLT   SLVector
	// Rationale: the zone's SL-T is the one a recorded rationale set
	// (Zone.RationaleCurrent); slt-without-rationale reports the zones
	// without.
	Rationale bool
}

// ModelConduit is one conduit of a ZoneModel.
type ModelConduit struct {
	Key, Name string
	Kind      ConduitKind
	Label     string // the assessor's word for a ConduitOther conduit
	From, To  string // zone keys
	SLT       SLVector
}

// KindText is the kind as shown: the assessor's label for other, else the
// kind's label.
func (z *ModelZone) KindText() string {
	if z.Kind == ZoneOther && z.Label != "" {
		return z.Label
	}
	return z.Kind.Label()
}

// KindText is the kind as shown: the assessor's label for other, else the
// kind's label.
func (c *ModelConduit) KindText() string {
	if c.Kind == ConduitOther && c.Label != "" {
		return c.Label
	}
	return c.Kind.Label()
}

// NewZoneModel builds the zone model of an assessment from the stored
// kinds (the free-text mapping ZoneKindOf is only for migrating older files
// and importing older documents).
func NewZoneModel(a *Assessment) ZoneModel {
	m := ZoneModel{Zones: make([]ModelZone, len(a.Zones)), Conduits: make([]ModelConduit, len(a.Conduits))}
	for i := range a.Zones {
		z := &a.Zones[i]
		kind := z.Kind
		if !kind.Valid() {
			kind = ZoneOther
		}
		m.Zones[i] = ModelZone{Key: z.Key, Name: z.Name, Kind: kind, Label: z.Label,
			Tier: ZoneTier(kind, z.Tier), SLT: z.SLT, Rationale: z.RationaleCurrent()}
	}
	for i := range a.Conduits {
		c := &a.Conduits[i]
		kind := c.Kind
		if !kind.Valid() {
			kind = ConduitOther
		}
		m.Conduits[i] = ModelConduit{Key: c.Key, Name: c.Name, Kind: kind, Label: c.Label,
			From: c.From, To: c.To, SLT: c.SLT}
	}
	return m
}

// ZoneTier is the diagram row of a zone of kind k: the kind's own row, or
// for ZoneOther the assessor's choice (the control row when that is not a
// valid row).
func ZoneTier(k ZoneKind, chosen Tier) Tier {
	if t, ok := k.Tier(); ok {
		return t
	}
	if chosen.Valid() {
		return chosen
	}
	return TierControl
}

// Zone returns the zone with the given key.
func (m *ZoneModel) Zone(key string) (*ModelZone, bool) {
	for i := range m.Zones {
		if m.Zones[i].Key == key {
			return &m.Zones[i], true
		}
	}
	return nil, false
}

// Ends returns the two zones a conduit joins; ok is false when either
// does not exist.
func (m *ZoneModel) Ends(c *ModelConduit) (from, to *ModelZone, ok bool) {
	from, okF := m.Zone(c.From)
	to, okT := m.Zone(c.To)
	return from, to, okF && okT
}

// Name returns a target's name by key (the key when unknown).
func (m *ZoneModel) Name(key string) string {
	if z, ok := m.Zone(key); ok {
		return z.Name
	}
	for i := range m.Conduits {
		if m.Conduits[i].Key == key {
			return m.Conduits[i].Name
		}
	}
	return key
}

// order maps every target key to its place: zones first, then conduits.
func (m *ZoneModel) order() map[string]int {
	o := make(map[string]int, len(m.Zones)+len(m.Conduits))
	for i := range m.Zones {
		o[m.Zones[i].Key] = i
	}
	for i := range m.Conduits {
		o[m.Conduits[i].Key] = len(m.Zones) + i
	}
	return o
}
