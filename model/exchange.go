package model

import (
	"bytes"
	"encoding/json"
	"sort"
	"time"
)

// ExchangeFormat names version 1 of the JSON exchange document
// (docs/exchange-format.md).
const ExchangeFormat = "slate/1"

// Document is the JSON exchange document: one whole assessment.
type Document struct {
	Format     string `json:"format"`
	ExportedAt string `json:"exported_at,omitempty"`
	// Generator names the Slate that wrote a JSON report (absent from
	// slate export); ignored on import.
	Generator  *DocGenerator `json:"generator,omitempty"`
	History    *DocHistory   `json:"history,omitempty"`
	Assessment DocMeta       `json:"assessment"`
	Zones      []DocZone     `json:"zones"`
	Conduits   []DocConduit  `json:"conduits"`
	Sessions   []DocSession  `json:"sessions,omitempty"`
	Answers    []DocAnswer   `json:"answers"`
	// SiteAnswers answer the catalog's site questions: asked once per
	// assessment, never scored.
	SiteAnswers     []DocSiteAnswer     `json:"site_answers,omitempty"`
	Countermeasures []DocCountermeasure `json:"countermeasures,omitempty"`
	Evidence        []DocEvidence       `json:"evidence,omitempty"`
	SignOffs        []DocSignOff        `json:"sign_offs,omitempty"`
	Roadmap         *DocRoadmap         `json:"roadmap,omitempty"`
}

// DocGenerator is the program that wrote a document: its name, release and
// the commit it was built from ("" when the build recorded none), as
// `slate --version` prints them.
type DocGenerator struct {
	Name     string `json:"name"`
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Modified bool   `json:"modified,omitempty"` // built from a checkout with uncommitted changes
}

// DocHistory pins the history of the file a document was exported from:
// its head hash and number of rows, for `slate verify FILE --expect-head`.
// An import starts a history of its own and ignores it.
type DocHistory struct {
	Head string `json:"head"`
	Rows int64  `json:"rows"`
}

// DocRoadmap holds the roadmap's tracking records, maintenance windows and
// the assessor's projects.
type DocRoadmap struct {
	Tracking  []DocTracking  `json:"tracking,omitempty"`
	Windows   []DocWindow    `json:"windows,omitempty"`
	Projects  []DocProject   `json:"projects,omitempty"`
	ProjectOf []DocProjectOf `json:"project_of,omitempty"`
}

// DocTracking is the tracking of one initiative (by requirement), or of one
// of its targets when target is given.
type DocTracking struct {
	Requirement   string     `json:"requirement"`
	Target        string     `json:"target,omitempty"`
	Owner         string     `json:"owner,omitempty"`
	Due           string     `json:"due,omitempty"`
	Status        string     `json:"status"`
	Justification string     `json:"justification,omitempty"`
	AcceptedBy    *DocPerson `json:"accepted_by,omitempty"`
	Review        string     `json:"review,omitempty"`
	Covers        []string   `json:"covers,omitempty"`
	Effort        string     `json:"effort,omitempty"`
	Outage        *bool      `json:"outage,omitempty"`
	Vendor        *bool      `json:"vendor,omitempty"`
	VendorName    string     `json:"vendor_name,omitempty"`
	LeadDays      *int       `json:"lead_days,omitempty"`
	Phase         string     `json:"phase,omitempty"`
	At            string     `json:"at,omitempty"`
}

// DocPerson is who accepted a risk, in which role.
type DocPerson struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// DocWindow is a maintenance window; targets lists the zones and conduits
// it covers (none: the whole plant).
type DocWindow struct {
	Name    string   `json:"name"`
	Date    string   `json:"date"`
	Days    int      `json:"days,omitempty"`
	Targets []string `json:"targets,omitempty"`
}

// DocProject is a project of the assessor's (or a renamed catalog one).
type DocProject struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// DocProjectOf moves an initiative into a project ("" = no project).
type DocProjectOf struct {
	Requirement string `json:"requirement"`
	Project     string `json:"project"`
}

// DocMeta is the assessment's metadata in the exchange document.
type DocMeta struct {
	Name     string     `json:"name"`
	Site     string     `json:"site,omitempty"`
	Scope    string     `json:"scope,omitempty"`
	Assessor string     `json:"assessor,omitempty"`
	Catalog  DocCatalog `json:"catalog"`
	Created  string     `json:"created,omitempty"`
	Updated  string     `json:"updated,omitempty"`
}

// DocCatalog identifies the catalog the answers refer to, and the version
// the assessment was upgraded from, when.
type DocCatalog struct {
	ID           string `json:"id"`
	Version      string `json:"version"`
	Hash         string `json:"hash,omitempty"`
	UpgradedFrom string `json:"upgraded_from,omitempty"`
	UpgradedAt   string `json:"upgraded_at,omitempty"`
}

// DocZone is a zone in the exchange document.
type DocZone struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Description string           `json:"description,omitempty"`
	Kind        string           `json:"kind,omitempty"`
	Label       string           `json:"label,omitempty"` // kind other: the assessor's word
	Tier        string           `json:"tier,omitempty"`  // kind other: the diagram row
	SLT         []int            `json:"sl_t"`
	Rationale   *DocSLTRationale `json:"sl_t_rationale,omitempty"`
	Assets      []DocAsset       `json:"assets,omitempty"`
}

// DocAsset is an asset in the exchange document.
type DocAsset struct {
	Name        string `json:"name"`
	Type        string `json:"type,omitempty"`
	Vendor      string `json:"vendor,omitempty"`
	Model       string `json:"model,omitempty"`
	Firmware    string `json:"firmware,omitempty"`
	Address     string `json:"address,omitempty"`
	Notes       string `json:"notes,omitempty"`
	Criticality string `json:"criticality,omitempty"`
}

// DocConduit is a conduit in the exchange document.
type DocConduit struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Description string           `json:"description,omitempty"`
	Kind        string           `json:"kind,omitempty"`
	Label       string           `json:"label,omitempty"` // kind other: the assessor's word
	From        string           `json:"from"`
	To          string           `json:"to"`
	Protocols   string           `json:"protocols,omitempty"`
	SLT         []int            `json:"sl_t"`
	Rationale   *DocSLTRationale `json:"sl_t_rationale,omitempty"`
	Assets      []DocAsset       `json:"assets,omitempty"`
}

// DocAnswer is one answer in the exchange document. Session names the
// interview session of its latest status change (an id of the document's
// sessions). Interviewee is what documents written before sessions
// carried: import still reads it (see DeriveSessions), export never
// writes it.
type DocAnswer struct {
	Target        string `json:"target"`
	Requirement   string `json:"requirement"`
	Status        string `json:"status"`
	Note          string `json:"note"`
	Justification string `json:"justification,omitempty"`
	Method        string `json:"method,omitempty"`
	Session       int64  `json:"session,omitempty"`
	Interviewee   string `json:"interviewee,omitempty"`
	Assessor      string `json:"assessor,omitempty"`
	Flagged       bool   `json:"flagged,omitempty"`
	At            string `json:"at,omitempty"`
	// Applies is false for an answer kept from an older catalog whose
	// requirement no longer applies to the target's kind (never scored);
	// omitted otherwise.
	Applies *bool `json:"applies,omitempty"`
	// Confirmed is the catalog version the answer was re-confirmed under
	// after a catalog upgrade.
	Confirmed string `json:"confirmed,omitempty"`
}

// timeFormat is RFC 3339 with milliseconds, the precision Slate stores.
const timeFormat = "2006-01-02T15:04:05.000Z07:00"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeFormat)
}

func sltList(v SLVector) []int {
	out := make([]int, NumFR)
	for i, l := range v {
		out[i] = int(l)
	}
	return out
}

// NewDocument converts an assessment into the exchange document. Answers come
// in target order, then catalog order, so the output is deterministic.
// exportedAt may be zero to omit the export time.
func NewDocument(a *Assessment, c *Catalog, exportedAt time.Time) *Document {
	d := &Document{
		Format:     ExchangeFormat,
		ExportedAt: formatTime(exportedAt),
		Assessment: DocMeta{Name: a.Name, Site: a.Site, Scope: a.Scope, Assessor: a.Assessor,
			Catalog: DocCatalog{ID: c.ID, Version: c.Version, Hash: c.Hash, UpgradedFrom: a.CatalogBefore},
			Created: formatTime(a.Created), Updated: formatTime(a.Updated)},
		Zones: []DocZone{}, Conduits: []DocConduit{}, Answers: []DocAnswer{},
	}
	for _, z := range a.Zones {
		dz := DocZone{ID: z.Key, Name: z.Name, Description: z.Description, Kind: string(z.Kind),
			SLT: sltList(z.SLT), Rationale: rationaleDoc(z.Rationale), Assets: assetDocs(z.Assets)}
		if z.Kind == ZoneOther {
			dz.Label, dz.Tier = z.Label, z.DiagramTier().Key()
		}
		d.Zones = append(d.Zones, dz)
	}
	for _, cd := range a.Conduits {
		dc := DocConduit{ID: cd.Key, Name: cd.Name, Description: cd.Description, Kind: string(cd.Kind),
			From: cd.From, To: cd.To, Protocols: cd.Protocols, SLT: sltList(cd.SLT),
			Rationale: rationaleDoc(cd.Rationale), Assets: assetDocs(cd.Assets)}
		if cd.Kind == ConduitOther {
			dc.Label = cd.Label
		}
		d.Conduits = append(d.Conduits, dc)
	}
	if a.CatalogBefore != "" {
		d.Assessment.Catalog.UpgradedAt = formatTime(a.CatalogUpgraded)
	}
	for _, t := range a.Targets() {
		as := a.Answers[t.Key]
		if len(as) == 0 {
			continue
		}
		for i := range c.Requirements {
			ans, ok := as[c.Requirements[i].ID]
			if !ok {
				continue
			}
			da := DocAnswer{Target: t.Key, Requirement: ans.Requirement,
				Status: string(ans.Status.Norm()), Note: ans.Note, Justification: ans.Justification,
				Method: string(ans.Method), Session: ans.Session, Assessor: ans.Assessor, Flagged: ans.Flagged,
				At: formatTime(ans.UpdatedAt)}
			fidelityFields(&da, a, c, t)
			d.Answers = append(d.Answers, da)
		}
	}
	d.SiteAnswers = siteAnswersDoc(a, c)
	d.Countermeasures = countermeasuresDoc(a)
	d.Sessions, d.Evidence, d.SignOffs = provenanceDoc(a)
	d.Roadmap = roadmapDoc(a, c)
	return d
}

func rationaleDoc(r *SLTRationale) *DocSLTRationale {
	if r == nil {
		return nil
	}
	doc := r.Doc()
	return &doc
}

func assetDocs(as []Asset) []DocAsset {
	var out []DocAsset
	for _, x := range as {
		out = append(out, DocAsset{x.Name, x.Type, x.Vendor, x.Model, x.Firmware, x.Address, x.Notes, string(x.Criticality)})
	}
	return out
}

func roadmapDoc(a *Assessment, c *Catalog) *DocRoadmap {
	if len(a.Tracking) == 0 && len(a.Windows) == 0 && len(a.Projects) == 0 && len(a.ProjectOf) == 0 {
		return nil
	}
	r := &DocRoadmap{}
	order := map[string]int{}
	for i := range c.Requirements {
		order[c.Requirements[i].ID] = i
	}
	tracking := SortedTracking(a.Tracking)
	sort.SliceStable(tracking, func(i, j int) bool { return order[tracking[i].Requirement] < order[tracking[j].Requirement] })
	for _, t := range tracking {
		dt := DocTracking{Requirement: t.Requirement, Target: t.Target, Owner: t.Owner, Due: t.Due, Status: string(t.Status.norm()),
			Justification: t.Justification, Review: t.Review, Covers: t.Covers, Outage: t.Outage, Vendor: t.Vendor,
			VendorName: t.VendorName, LeadDays: t.LeadDays, Phase: t.Phase.Key(), At: formatTime(t.UpdatedAt)}
		if t.AcceptedBy != (Person{}) {
			dt.AcceptedBy = &DocPerson{Name: t.AcceptedBy.Name, Role: t.AcceptedBy.Role}
		}
		if t.Effort != nil {
			dt.Effort = t.Effort.String()
		}
		r.Tracking = append(r.Tracking, dt)
	}
	for _, w := range sortedWindows(a.Windows) {
		r.Windows = append(r.Windows, DocWindow{Name: w.Name, Date: w.Date, Days: w.Days, Targets: w.Targets})
	}
	for _, p := range a.Projects {
		r.Projects = append(r.Projects, DocProject{ID: p.ID, Title: p.Title})
	}
	reqs := make([]string, 0, len(a.ProjectOf))
	for k := range a.ProjectOf {
		reqs = append(reqs, k)
	}
	sort.Strings(reqs)
	for _, k := range reqs {
		r.ProjectOf = append(r.ProjectOf, DocProjectOf{Requirement: k, Project: a.ProjectOf[k]})
	}
	return r
}

// Encode renders the document as indented JSON with a final newline. Text
// is written as it is: no HTML escaping of <, > and & (a JSON document is
// not HTML), so a document full of them exports at its own size.
func (d *Document) Encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return []byte(Sanitize(SinkJSON, b.String())), nil
}
