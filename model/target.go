package model

import "time"

// Zone is a group of assets sharing security requirements.
type Zone struct {
	Key         string // stable id, unique across zones and conduits
	Name        string
	Description string
	Kind        ZoneKind // from the closed list (docs/zone-model.md)
	// Label is the assessor's own word for a zone of kind other (e.g. the
	// free text an older file or document had); empty for the other kinds.
	Label string
	// Tier is the diagram row the assessor chose for a zone of kind other;
	// the other kinds have their own row and ignore it. Note that the zero
	// value is the top row: give other zones a tier (TierControl by
	// default).
	Tier Tier
	SLT  SLVector
	// Rationale is why the zone has its SL-T (nil: none recorded). It holds
	// the vector the assessor set with it; an SL-T changed afterwards is no
	// longer justified by it (RationaleCurrent).
	Rationale *SLTRationale
	Assets    []Asset
}

// Conduit is a controlled communication path between two zones.
type Conduit struct {
	Key         string
	Name        string
	Description string
	Kind        ConduitKind // from the closed list (docs/zone-model.md)
	Label       string      // the assessor's word for a conduit of kind other
	From, To    string      // zone keys
	Protocols   string
	SLT         SLVector
	Rationale   *SLTRationale // why the conduit has its SL-T (nil: none recorded)
	// Assets are the devices the conduit consists of: the firewall, the
	// data diode, the VPN gateway.
	Assets []Asset
}

// Asset is one component of a zone or a conduit.
type Asset struct {
	ID          int64 // assigned by the store; 0 for a new asset
	Name        string
	Type        string
	Vendor      string
	Model       string
	Firmware    string
	Address     string
	Notes       string
	Criticality Criticality // how much the process depends on it ("" = not rated)
}

// AssetPut is one asset to save in a zone or conduit (an inventory
// import): added when its ID is 0, else the existing asset with that ID
// updated.
type AssetPut struct {
	Target string // zone or conduit key
	Asset  Asset
}

// KindText is the zone's kind as shown: the assessor's label for other,
// else the kind's label.
func (z *Zone) KindText() string { return kindText(z.Kind.Label(), z.Kind == ZoneOther, z.Label) }

// KindText is the conduit's kind as shown: the assessor's label for other,
// else the kind's label.
func (c *Conduit) KindText() string {
	return kindText(c.Kind.Label(), c.Kind == ConduitOther || c.Kind == "", c.Label)
}

func kindText(label string, other bool, own string) string {
	if other && own != "" {
		return own
	}
	return label
}

// DiagramTier is the zone's row in the diagram: its kind's, or for kind
// other the row the assessor chose.
func (z *Zone) DiagramTier() Tier { return ZoneTier(z.Kind, z.Tier) }

// RationaleCurrent reports whether the zone's SL-T is the one its recorded
// rationale set: a rationale exists and the SL-T was not changed since.
func (z *Zone) RationaleCurrent() bool { return z.Rationale != nil && z.Rationale.Final == z.SLT }

// RationaleCurrent reports whether the conduit's SL-T is the one its
// recorded rationale set.
func (c *Conduit) RationaleCurrent() bool { return c.Rationale != nil && c.Rationale.Final == c.SLT }

// Target is what the scoring needs to know about a zone or a conduit.
type Target struct {
	Kind TargetKind
	Key  string
	Name string
	SLT  SLVector
}

// Target returns the zone as a scoring target.
func (z *Zone) Target() Target { return Target{KindZone, z.Key, z.Name, z.SLT} }

// Target returns the conduit as a scoring target.
func (c *Conduit) Target() Target { return Target{KindConduit, c.Key, c.Name, c.SLT} }

// Assessment is a whole assessment: its metadata, targets and answers.
type Assessment struct {
	Name     string
	Site     string
	Scope    string
	Assessor string

	CatalogID      string
	CatalogVersion string
	CatalogHash    string

	Created time.Time
	Updated time.Time

	Zones    []Zone
	Conduits []Conduit
	// Answers holds each target's answers, keyed by target key.
	Answers map[string]Answers

	// Tracking holds the roadmap tracking records by TrackingKey (the
	// requirement id for a whole initiative, "id|target" for one target),
	// and Windows the planned maintenance windows.
	Tracking map[string]Tracking
	Windows  []Window
	// Projects are the assessor's own projects (and renamed catalog ones);
	// ProjectOf moves an initiative (by requirement id) into a project,
	// overriding the catalog's default grouping ("" = no project).
	Projects  []Project
	ProjectOf map[string]string

	// SiteAnswers holds the answers to the catalog's site questions (asked
	// once per assessment, never scored), by question id.
	SiteAnswers Answers

	// Countermeasures are the compensating countermeasures with the
	// answers that rely on them.
	Countermeasures []Countermeasure

	// CatalogBefore is the catalog version the assessment was upgraded
	// from ("" = never upgraded) at CatalogUpgraded. An answer whose status
	// was last set before the upgrade was given under that version, unless
	// it was re-confirmed since: Confirmed holds the version each answer
	// ("target|requirement") was re-confirmed under (r in the interview).
	CatalogBefore   string
	CatalogUpgraded time.Time
	Confirmed       map[string]string

	// Sessions are the interview sessions, oldest first; Evidence the files
	// kept in the assessment (metadata and links: the bytes stay in the
	// file); SignOffs the recorded sign-offs, oldest first.
	Sessions []Session
	Evidence []Evidence
	SignOffs []SignOff
}

// Meta is the assessment's descriptive fields: what the Overview's details
// form edits, and what the history records as one change of the assessment.
type Meta struct {
	Name     string `json:"name"`
	Site     string `json:"site"`
	Scope    string `json:"scope"`
	Assessor string `json:"assessor"`
}

// Meta returns the assessment's descriptive fields.
func (a *Assessment) Meta() Meta { return Meta{a.Name, a.Site, a.Scope, a.Assessor} }

// SetMeta replaces the assessment's descriptive fields.
func (a *Assessment) SetMeta(m Meta) {
	a.Name, a.Site, a.Scope, a.Assessor = m.Name, m.Site, m.Scope, m.Assessor
}

// Targets lists zones first, then conduits, in their display order.
func (a *Assessment) Targets() []Target {
	out := make([]Target, 0, len(a.Zones)+len(a.Conduits))
	for i := range a.Zones {
		out = append(out, a.Zones[i].Target())
	}
	for i := range a.Conduits {
		out = append(out, a.Conduits[i].Target())
	}
	return out
}

// Zone returns the zone with the given key.
func (a *Assessment) Zone(key string) (*Zone, bool) {
	for i := range a.Zones {
		if a.Zones[i].Key == key {
			return &a.Zones[i], true
		}
	}
	return nil, false
}

// Conduit returns the conduit with the given key.
func (a *Assessment) Conduit(key string) (*Conduit, bool) {
	for i := range a.Conduits {
		if a.Conduits[i].Key == key {
			return &a.Conduits[i], true
		}
	}
	return nil, false
}

// Assets returns the assets of a zone or conduit (nil when it has none or
// does not exist).
func (a *Assessment) Assets(key string) []Asset {
	if z, ok := a.Zone(key); ok {
		return z.Assets
	}
	if c, ok := a.Conduit(key); ok {
		return c.Assets
	}
	return nil
}

// AssetList returns a pointer to the asset list of a zone or conduit, for
// code that changes it in place (nil when the target does not exist).
func (a *Assessment) AssetList(key string) *[]Asset {
	if z, ok := a.Zone(key); ok {
		return &z.Assets
	}
	if c, ok := a.Conduit(key); ok {
		return &c.Assets
	}
	return nil
}

// Target returns the zone or conduit with the given key as a scoring target.
func (a *Assessment) Target(key string) (Target, bool) {
	if z, ok := a.Zone(key); ok {
		return z.Target(), true
	}
	if c, ok := a.Conduit(key); ok {
		return c.Target(), true
	}
	return Target{}, false
}

// TargetName returns the name of a zone or conduit key (the key if unknown).
func (a *Assessment) TargetName(key string) string {
	if t, ok := a.Target(key); ok {
		return t.Name
	}
	return key
}

// TargetAnswers returns the answers of one target (never nil).
func (a *Assessment) TargetAnswers(key string) Answers {
	if as := a.Answers[key]; as != nil {
		return as
	}
	return Answers{}
}

// Snapshot returns a copy that a background job (a report) can read while
// the interview goes on changing the original. The slices and the outer
// maps are copied; each target's Answers map is shared, which is safe
// because writers replace a target's map instead of changing it (see
// ui/common.Data.SetAnswer). That keeps a snapshot of a large plant cheap.
func (a *Assessment) Snapshot() *Assessment {
	c := *a
	c.Zones = make([]Zone, len(a.Zones))
	for i, z := range a.Zones {
		z.Assets = append([]Asset(nil), z.Assets...)
		c.Zones[i] = z
	}
	c.Conduits = make([]Conduit, len(a.Conduits))
	for i, cd := range a.Conduits {
		cd.Assets = append([]Asset(nil), cd.Assets...)
		c.Conduits[i] = cd
	}
	c.Answers = make(map[string]Answers, len(a.Answers))
	for k, as := range a.Answers {
		c.Answers[k] = as
	}
	if a.Tracking != nil {
		c.Tracking = make(map[string]Tracking, len(a.Tracking))
		for k, t := range a.Tracking {
			c.Tracking[k] = t
		}
	}
	c.Windows = append([]Window(nil), a.Windows...)
	c.Projects = append([]Project(nil), a.Projects...)
	if a.ProjectOf != nil {
		c.ProjectOf = make(map[string]string, len(a.ProjectOf))
		for k, v := range a.ProjectOf {
			c.ProjectOf[k] = v
		}
	}
	c.Countermeasures = make([]Countermeasure, len(a.Countermeasures))
	for i, cm := range a.Countermeasures {
		cm.Links = append([]CountermeasureLink(nil), cm.Links...)
		c.Countermeasures[i] = cm
	}
	if a.Confirmed != nil {
		c.Confirmed = make(map[string]string, len(a.Confirmed))
		for k, v := range a.Confirmed {
			c.Confirmed[k] = v
		}
	}
	c.Sessions = append([]Session(nil), a.Sessions...)
	c.Evidence = append([]Evidence(nil), a.Evidence...)
	c.SignOffs = append([]SignOff(nil), a.SignOffs...)
	if a.SiteAnswers != nil {
		c.SiteAnswers = make(Answers, len(a.SiteAnswers))
		for k, v := range a.SiteAnswers {
			c.SiteAnswers[k] = v
		}
	}
	return &c
}
