package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on an imported document: generous for any real plant, small enough
// that a hostile file cannot exhaust a laptop.
const (
	MaxDocumentSize = 256 << 20
	maxNameLen      = 500
	maxTextLen      = 1 << 20
	maxItems        = 1_000_000
)

// DocError is a problem in an exchange document, located by JSON path.
type DocError struct {
	Path string
	Msg  string
}

func (e *DocError) Error() string { return e.Path + ": " + e.Msg }

func docErr(path, format string, args ...any) error {
	return &DocError{path, fmt.Sprintf(format, args...)}
}

// CatalogResolver finds a catalog by id and version.
type CatalogResolver func(id, version string) (*Catalog, bool)

// DecodeDocument parses and checks an exchange document and returns the
// assessment it describes. The first problem is returned as a *DocError
// naming its JSON path; nothing is partially returned.
func DecodeDocument(data []byte, resolve CatalogResolver) (*Assessment, *Catalog, error) {
	if len(data) > MaxDocumentSize {
		return nil, nil, docErr("$", "document larger than %d MB", MaxDocumentSize>>20)
	}
	// Editors on Windows start UTF-8 files with a byte order mark.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, nil, docErr("$", "not valid UTF-8 (at byte %d)", firstInvalidUTF8(data))
	}
	var top struct {
		Format     *string           `json:"format"`
		ExportedAt string            `json:"exported_at"`
		Generator  json.RawMessage   `json:"generator"` // ignored
		History    json.RawMessage   `json:"history"`
		Assessment json.RawMessage   `json:"assessment"`
		Zones      []json.RawMessage `json:"zones"`
		Conduits   []json.RawMessage `json:"conduits"`
		Sessions   []json.RawMessage `json:"sessions"`
		Answers    []json.RawMessage `json:"answers"`
		Site       []json.RawMessage `json:"site_answers"`
		Counter    []json.RawMessage `json:"countermeasures"`
		Evidence   []json.RawMessage `json:"evidence"`
		SignOffs   []json.RawMessage `json:"sign_offs"`
		Roadmap    json.RawMessage   `json:"roadmap"`
	}
	if err := strict(data, &top, "$", data); err != nil {
		return nil, nil, err
	}
	if top.Format == nil {
		return nil, nil, docErr("$.format", "missing; a Slate exchange document starts with \"format\": %q", ExchangeFormat)
	}
	if *top.Format != ExchangeFormat {
		return nil, nil, docErr("$.format", "unsupported format %q (this Slate reads %s)", *top.Format, ExchangeFormat)
	}
	if len(top.Zones)+len(top.Conduits)+len(top.Answers)+len(top.Sessions)+len(top.Evidence)+len(top.SignOffs) > maxItems {
		return nil, nil, docErr("$", "more than %d zones, conduits, answers, sessions and files", maxItems)
	}
	d := decoder{data: data, keys: map[string]TargetKind{}}
	var meta DocMeta
	if len(top.Assessment) == 0 || string(top.Assessment) == "null" {
		return nil, nil, docErr("$.assessment", "missing")
	}
	if err := strict(top.Assessment, &meta, "$.assessment", data); err != nil {
		return nil, nil, err
	}
	a, cat, err := d.meta(meta, resolve)
	if err != nil {
		return nil, nil, err
	}
	for i, raw := range top.Zones {
		if err := d.zone(a, raw, fmt.Sprintf("$.zones[%d]", i)); err != nil {
			return nil, nil, err
		}
	}
	for i, raw := range top.Conduits {
		if err := d.conduit(a, raw, fmt.Sprintf("$.conduits[%d]", i)); err != nil {
			return nil, nil, err
		}
	}
	if err := d.sessions(a, top.Sessions); err != nil {
		return nil, nil, err
	}
	for i, raw := range top.Answers {
		if err := d.answer(a, cat, raw, fmt.Sprintf("$.answers[%d]", i)); err != nil {
			return nil, nil, err
		}
	}
	if err := d.siteAnswers(a, cat, top.Site); err != nil {
		return nil, nil, err
	}
	if err := d.countermeasures(a, top.Counter); err != nil {
		return nil, nil, err
	}
	d.interviewees(a)
	if err := d.evidence(a, cat, top.Evidence); err != nil {
		return nil, nil, err
	}
	if err := d.signOffs(a, top.SignOffs); err != nil {
		return nil, nil, err
	}
	if len(top.Roadmap) > 0 && string(top.Roadmap) != "null" {
		if err := d.roadmap(a, cat, top.Roadmap); err != nil {
			return nil, nil, err
		}
	}
	return a, cat, nil
}

func (d *decoder) roadmap(a *Assessment, cat *Catalog, raw json.RawMessage) error {
	var r struct {
		Tracking  []json.RawMessage `json:"tracking"`
		Windows   []json.RawMessage `json:"windows"`
		Projects  []json.RawMessage `json:"projects"`
		ProjectOf []json.RawMessage `json:"project_of"`
	}
	if err := strict(raw, &r, "$.roadmap", d.data); err != nil {
		return err
	}
	a.Tracking = map[string]Tracking{}
	for i, rt := range r.Tracking {
		path := fmt.Sprintf("$.roadmap.tracking[%d]", i)
		t, err := d.tracking(a, cat, rt, path)
		if err != nil {
			return err
		}
		a.Tracking[t.Key()] = t
	}
	for i, rw := range r.Windows {
		path := fmt.Sprintf("$.roadmap.windows[%d]", i)
		var dw DocWindow
		if err := strict(rw, &dw, path, d.data); err != nil {
			return err
		}
		w := Window{Date: dw.Date, Days: dw.Days}
		var err error
		if w.Name, err = line(path+".name", dw.Name); err != nil {
			return err
		}
		if w.Name == "" {
			return docErr(path+".name", "missing")
		}
		if _, err := w.When(); err != nil {
			return docErr(path+".date", "date %q: use YYYY-MM-DD", dw.Date)
		}
		if w.Days < 0 || w.Days > 366 {
			return docErr(path+".days", "%d days: give 0 to 366", w.Days)
		}
		for j, k := range dw.Targets {
			if _, ok := d.keys[k]; !ok {
				return docErr(fmt.Sprintf("%s.targets[%d]", path, j), "unknown zone or conduit %q", k)
			}
		}
		w.Targets = dw.Targets
		a.Windows = append(a.Windows, w)
	}
	seen := map[string]bool{}
	for _, p := range cat.Projects {
		seen[p.ID] = true
	}
	for i, rp := range r.Projects {
		path := fmt.Sprintf("$.roadmap.projects[%d]", i)
		var dp DocProject
		if err := strict(rp, &dp, path, d.data); err != nil {
			return err
		}
		p := Project{ID: dp.ID}
		var err error
		if p.Title, err = line(path+".title", dp.Title); err != nil {
			return err
		}
		if err := p.Validate(); err != nil {
			return docErr(path, "%s", err)
		}
		for _, q := range a.Projects {
			if q.ID == p.ID {
				return docErr(path+".id", "project %q is listed twice", p.ID)
			}
		}
		seen[p.ID] = true
		a.Projects = append(a.Projects, p)
	}
	for i, rp := range r.ProjectOf {
		path := fmt.Sprintf("$.roadmap.project_of[%d]", i)
		var dp DocProjectOf
		if err := strict(rp, &dp, path, d.data); err != nil {
			return err
		}
		if _, ok := cat.Requirement(dp.Requirement); !ok {
			return docErr(path+".requirement", "unknown requirement %q in catalog %s", dp.Requirement, cat.ID)
		}
		if dp.Project != "" && !seen[dp.Project] {
			return docErr(path+".project", "unknown project %q", dp.Project)
		}
		if a.ProjectOf == nil {
			a.ProjectOf = map[string]string{}
		}
		if _, dup := a.ProjectOf[dp.Requirement]; dup {
			return docErr(path+".requirement", "%s is given a project twice", dp.Requirement)
		}
		a.ProjectOf[dp.Requirement] = dp.Project
	}
	return nil
}

// tracking reads one tracking record. A whole-initiative risk acceptance
// from a document that does not say what it covers (written before Slate
// recorded it) covers the targets the document answers no or partial.
func (d *decoder) tracking(a *Assessment, cat *Catalog, raw json.RawMessage, path string) (Tracking, error) {
	var dt DocTracking
	if err := strict(raw, &dt, path, d.data); err != nil {
		return Tracking{}, err
	}
	if _, ok := cat.Requirement(dt.Requirement); !ok {
		return Tracking{}, docErr(path+".requirement", "unknown requirement %q in catalog %s", dt.Requirement, cat.ID)
	}
	if dt.Target != "" {
		if _, ok := d.keys[dt.Target]; !ok {
			return Tracking{}, docErr(path+".target", "unknown zone or conduit %q", dt.Target)
		}
	}
	if _, dup := a.Tracking[TrackingKey(dt.Requirement, dt.Target)]; dup {
		return Tracking{}, docErr(path+".requirement", "%s is tracked twice", TrackingKey(dt.Requirement, dt.Target))
	}
	t := Tracking{Requirement: dt.Requirement, Target: dt.Target, Due: dt.Due, Review: dt.Review, Outage: dt.Outage,
		Vendor: dt.Vendor, LeadDays: dt.LeadDays}
	var err error
	if t.Owner, err = line(path+".owner", dt.Owner); err != nil {
		return t, err
	}
	if t.Justification, err = text(path+".justification", dt.Justification); err != nil {
		return t, err
	}
	if t.VendorName, err = line(path+".vendor_name", dt.VendorName); err != nil {
		return t, err
	}
	if dt.AcceptedBy != nil {
		if t.AcceptedBy.Name, err = line(path+".accepted_by.name", dt.AcceptedBy.Name); err != nil {
			return t, err
		}
		if t.AcceptedBy.Role, err = line(path+".accepted_by.role", dt.AcceptedBy.Role); err != nil {
			return t, err
		}
	}
	if t.Status, err = ParseTrackStatus(dt.Status); err != nil {
		return t, docErr(path+".status", "%s", err)
	}
	for j, k := range dt.Covers {
		if _, ok := d.keys[k]; !ok {
			return t, docErr(fmt.Sprintf("%s.covers[%d]", path, j), "unknown zone or conduit %q", k)
		}
	}
	t.Covers = dt.Covers
	if dt.Covers == nil && t.Status == TrackRiskAccepted && t.Target == "" {
		t.Covers = unmetIn(a, dt.Requirement)
	}
	if dt.Effort != "" {
		e, err := ParseEffort(dt.Effort)
		if err != nil {
			return t, docErr(path+".effort", "%s", err)
		}
		t.Effort = &e
	}
	if t.Phase, err = ParsePhase(dt.Phase); err != nil {
		return t, docErr(path+".phase", "%s", err)
	}
	if t.UpdatedAt, err = parseTime(path+".at", dt.At); err != nil {
		return t, err
	}
	if err := t.Validate(); err != nil {
		field := ""
		switch {
		case dateOK("", t.Due) != nil:
			field = ".due"
		case dateOK("", t.Review) != nil:
			field = ".review"
		case t.Status == TrackRiskAccepted:
			field = ".justification"
		}
		return t, docErr(path+field, "%s", err)
	}
	return t, nil
}

// unmetIn lists the targets whose answer to a requirement is no or partial.
func unmetIn(a *Assessment, req string) []string {
	var out []string
	for _, t := range a.Targets() {
		if st := a.Answers[t.Key].Status(req); st == No || st == Partial {
			out = append(out, t.Key)
		}
	}
	return out
}

// assessed resolves a (target, requirement) pair of an answer or an
// evidence link: a known zone or conduit, and a requirement of the catalog
// assessed on its kind.
func (d *decoder) assessed(cat *Catalog, path, target, requirement string) (*Requirement, error) {
	kind, ok := d.keys[target]
	if !ok {
		return nil, docErr(path+".target", "unknown zone or conduit %q", target)
	}
	r, ok := cat.Requirement(requirement)
	if !ok {
		return nil, docErr(path+".requirement", "unknown requirement %q in catalog %s", requirement, cat.ID)
	}
	if !r.AppliesTo.Includes(kind) {
		return nil, docErr(path+".requirement", "%s is not assessed on a %s", r.ID, kind)
	}
	return r, nil
}

type decoder struct {
	data       []byte
	keys       map[string]TargetKind
	sessionIDs map[int64]bool
	legacyWho  []SessionSource // answers that name an interviewee instead of a session
}

// strict decodes raw into v, refusing unknown fields and wrong types, and
// phrases errors with the JSON path.
func strict(raw []byte, v any, path string, whole []byte) error {
	if err := exactKeys(raw, v, path); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			return docErr(path, "unexpected data after the document")
		}
		return nil
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(whole, raw, syn.Offset)
		return docErr(path, "invalid JSON at line %d, column %d: %s", line, col, syn.Error())
	case errors.As(err, &typ):
		p := path
		if typ.Field != "" {
			p += "." + typ.Field
		}
		return docErr(p, "expected %s, found a JSON %s", describeType(typ.Type.String()), typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return docErr(path, "the document ends too early (truncated?)")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return docErr(path, "unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return docErr(path, "%s", strings.TrimPrefix(err.Error(), "json: "))
}

func describeType(t string) string {
	switch {
	case t == "string", t == "*string":
		return "text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int"):
		return "a whole number"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	}
	return "an object"
}

// position turns an offset inside raw, a copy of part of whole, into the
// line and column of whole that an editor shows.
func position(whole, raw []byte, off int64) (int, int) {
	base := max(bytes.Index(whole, raw), 0)
	abs := min(base+int(off), len(whole))
	line := 1 + bytes.Count(whole[:abs], []byte("\n"))
	col := abs - bytes.LastIndexByte(whole[:abs], '\n')
	return line, col
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func line(path, s string) (string, error) {
	if utf8.RuneCountInString(s) > maxNameLen {
		return "", docErr(path, "longer than %d characters", maxNameLen)
	}
	return strings.TrimSpace(CleanLine(s)), nil
}

func text(path, s string) (string, error) {
	if len(s) > maxTextLen {
		return "", docErr(path, "longer than %d bytes", maxTextLen)
	}
	return CleanText(s), nil
}

func parseTime(path, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, docErr(path, "time %q is not RFC 3339 (e.g. 2026-03-01T14:05:00Z)", s)
	}
	return t.UTC().Truncate(time.Millisecond), nil
}

func sltOf(path string, l []int) (SLVector, error) {
	var v SLVector
	if l == nil {
		return v, docErr(path, "missing: give seven levels, FR1..FR7")
	}
	if len(l) != NumFR {
		return v, docErr(path, "has %d levels; give seven, FR1..FR7", len(l))
	}
	for i, x := range l {
		if x < 0 || x > int(MaxLevel) {
			return v, docErr(fmt.Sprintf("%s[%d]", path, i), "SL %d is not in 0..4", x)
		}
		v[i] = Level(x)
	}
	return v, nil
}

func (d *decoder) meta(m DocMeta, resolve CatalogResolver) (*Assessment, *Catalog, error) {
	a := &Assessment{Answers: map[string]Answers{}}
	var err error
	if a.Name, err = line("$.assessment.name", m.Name); err != nil {
		return nil, nil, err
	}
	if a.Site, err = line("$.assessment.site", m.Site); err != nil {
		return nil, nil, err
	}
	if a.Assessor, err = line("$.assessment.assessor", m.Assessor); err != nil {
		return nil, nil, err
	}
	if a.Scope, err = text("$.assessment.scope", m.Scope); err != nil {
		return nil, nil, err
	}
	if a.Created, err = parseTime("$.assessment.created", m.Created); err != nil {
		return nil, nil, err
	}
	if a.Updated, err = parseTime("$.assessment.updated", m.Updated); err != nil {
		return nil, nil, err
	}
	cat, ok := resolve(m.Catalog.ID, m.Catalog.Version)
	if !ok {
		return nil, nil, docErr("$.assessment.catalog", "catalog %q version %q is not available (see slate catalog; extra catalogs load from --catalogs DIR)", m.Catalog.ID, m.Catalog.Version)
	}
	a.CatalogID, a.CatalogVersion, a.CatalogHash = cat.ID, cat.Version, cat.Hash
	if m.Catalog.UpgradedFrom != "" {
		if _, ok := resolve(m.Catalog.ID, m.Catalog.UpgradedFrom); !ok {
			return nil, nil, docErr("$.assessment.catalog.upgraded_from", "catalog %q version %q is not available", m.Catalog.ID, m.Catalog.UpgradedFrom)
		}
		if a.CatalogUpgraded, err = parseTime("$.assessment.catalog.upgraded_at", m.Catalog.UpgradedAt); err != nil {
			return nil, nil, err
		}
		if a.CatalogUpgraded.IsZero() {
			return nil, nil, docErr("$.assessment.catalog.upgraded_at", "missing: when was the assessment upgraded from %s", m.Catalog.UpgradedFrom)
		}
		a.CatalogBefore = m.Catalog.UpgradedFrom
	} else if m.Catalog.UpgradedAt != "" {
		return nil, nil, docErr("$.assessment.catalog.upgraded_at", "given without upgraded_from")
	}
	return a, cat, nil
}

func (d *decoder) claim(path, id string, kind TargetKind) error {
	if !validKey(id) {
		return docErr(path, "id %q: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", id)
	}
	if _, dup := d.keys[id]; dup {
		return docErr(path, "id %q is used twice", id)
	}
	d.keys[id] = kind
	return nil
}

// validKey mirrors the store's rule for target ids.
func validKey(k string) bool {
	if len(k) == 0 || len(k) > 64 {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return false
		}
	}
	return true
}

func (d *decoder) zone(a *Assessment, raw json.RawMessage, path string) error {
	var dz DocZone
	if err := strict(raw, &dz, path, d.data); err != nil {
		return err
	}
	if err := d.claim(path+".id", dz.ID, KindZone); err != nil {
		return err
	}
	z := Zone{Key: dz.ID}
	var err error
	if z.Name, err = line(path+".name", dz.Name); err != nil {
		return err
	}
	if z.Name == "" {
		return docErr(path+".name", "missing")
	}
	kind, label, err := kindOf(path, "zone", dz.Kind, dz.Label, ParseZoneKind, ZoneKindOf)
	if err != nil {
		return err
	}
	z.Kind, z.Label = ZoneKind(kind), label
	z.Tier = TierControl
	if dz.Tier != "" {
		if z.Kind != ZoneOther {
			return docErr(path+".tier", "only a zone of kind other chooses its row; %s zones are drawn on the %s row", z.Kind, ZoneTier(z.Kind, 0))
		}
		if z.Tier, err = ParseTier(dz.Tier); err != nil {
			return docErr(path+".tier", "%s", err)
		}
	}
	if z.Kind != ZoneOther {
		z.Tier = 0
	}
	if z.Description, err = text(path+".description", dz.Description); err != nil {
		return err
	}
	if z.SLT, err = sltOf(path+".sl_t", dz.SLT); err != nil {
		return err
	}
	if z.Rationale, err = rationaleOf(path+".sl_t_rationale", dz.Rationale); err != nil {
		return err
	}
	if z.Assets, err = assetsOf(path, dz.Assets); err != nil {
		return err
	}
	a.Zones = append(a.Zones, z)
	return nil
}

// kindOf reads a zone's or conduit's kind: one of the closed list (or a
// synonym); in a document written before the list was closed, any other
// text, which becomes kind other with the text as its label (mapped by
// mapOld). A label goes only with kind other.
func kindOf[K ~string](path, noun, kindText, labelText string, parse func(string) (K, error), mapOld func(string) (K, string)) (string, string, error) {
	kt, err := line(path+".kind", kindText)
	if err != nil {
		return "", "", err
	}
	label, err := line(path+".label", labelText)
	if err != nil {
		return "", "", err
	}
	k, perr := parse(kt)
	if perr != nil {
		if label != "" {
			return "", "", docErr(path+".kind", "%s", perr)
		}
		k, label = mapOld(kt)
	}
	if label != "" && string(k) != "other" {
		return "", "", docErr(path+".label", "only a %s of kind other has a label", noun)
	}
	return string(k), label, nil
}

func rationaleOf(path string, doc *DocSLTRationale) (*SLTRationale, error) {
	if doc == nil {
		return nil, nil
	}
	d := *doc
	var err error
	if d.Text, err = text(path+".text", d.Text); err != nil {
		return nil, err
	}
	d.Text = strings.TrimSpace(strings.ReplaceAll(d.Text, "\r", ""))
	for i := range d.Adjustments {
		if d.Adjustments[i].Reason, err = line(fmt.Sprintf("%s.adjustments[%d].reason", path, i), d.Adjustments[i].Reason); err != nil {
			return nil, err
		}
	}
	r, err := d.Rationale()
	if err != nil {
		return nil, docErr(path, "%s", strings.TrimPrefix(err.Error(), "SL-T rationale: "))
	}
	return &r, nil
}

func assetsOf(path string, docs []DocAsset) ([]Asset, error) {
	var out []Asset
	for i, da := range docs {
		p := fmt.Sprintf("%s.assets[%d]", path, i)
		var as Asset
		var err error
		fields := []struct {
			dst  *string
			src  string
			name string
		}{{&as.Name, da.Name, "name"}, {&as.Type, da.Type, "type"}, {&as.Vendor, da.Vendor, "vendor"},
			{&as.Model, da.Model, "model"}, {&as.Firmware, da.Firmware, "firmware"}, {&as.Address, da.Address, "address"}}
		for _, f := range fields {
			if *f.dst, err = line(p+"."+f.name, f.src); err != nil {
				return nil, err
			}
		}
		if as.Name == "" {
			return nil, docErr(p+".name", "missing")
		}
		if as.Notes, err = text(p+".notes", da.Notes); err != nil {
			return nil, err
		}
		if as.Criticality, err = ParseCriticality(da.Criticality); err != nil {
			return nil, docErr(p+".criticality", "%s", err)
		}
		out = append(out, as)
	}
	return out, nil
}

func (d *decoder) conduit(a *Assessment, raw json.RawMessage, path string) error {
	var dc DocConduit
	if err := strict(raw, &dc, path, d.data); err != nil {
		return err
	}
	if err := d.claim(path+".id", dc.ID, KindConduit); err != nil {
		return err
	}
	c := Conduit{Key: dc.ID}
	var err error
	if c.Name, err = line(path+".name", dc.Name); err != nil {
		return err
	}
	if c.Name == "" {
		return docErr(path+".name", "missing")
	}
	kind, label, err := kindOf(path, "conduit", dc.Kind, dc.Label, ParseConduitKind, ConduitKindOf)
	if err != nil {
		return err
	}
	c.Kind, c.Label = ConduitKind(kind), label
	if c.Protocols, err = line(path+".protocols", dc.Protocols); err != nil {
		return err
	}
	if c.Description, err = text(path+".description", dc.Description); err != nil {
		return err
	}
	for _, end := range []struct{ key, field string }{{dc.From, "from"}, {dc.To, "to"}} {
		if k, ok := d.keys[end.key]; !ok || k != KindZone {
			return docErr(path+"."+end.field, "unknown zone %q", end.key)
		}
	}
	if dc.From == dc.To {
		return docErr(path+".to", "a conduit joins two different zones")
	}
	c.From, c.To = dc.From, dc.To
	if c.SLT, err = sltOf(path+".sl_t", dc.SLT); err != nil {
		return err
	}
	if c.Rationale, err = rationaleOf(path+".sl_t_rationale", dc.Rationale); err != nil {
		return err
	}
	if c.Assets, err = assetsOf(path, dc.Assets); err != nil {
		return err
	}
	a.Conduits = append(a.Conduits, c)
	return nil
}

func (d *decoder) answer(a *Assessment, cat *Catalog, raw json.RawMessage, path string) error {
	var da DocAnswer
	if err := strict(raw, &da, path, d.data); err != nil {
		return err
	}
	kind, ok := d.keys[da.Target]
	if !ok {
		return docErr(path+".target", "unknown zone or conduit %q", da.Target)
	}
	r, ok := cat.Requirement(da.Requirement)
	if !ok {
		return docErr(path+".requirement", "unknown requirement %q in catalog %s", da.Requirement, cat.ID)
	}
	switch applies := r.AppliesTo.Includes(kind); {
	case !applies && (da.Applies == nil || *da.Applies):
		return docErr(path+".requirement", "%s is not assessed on a %s (an answer kept from an older catalog says \"applies\": false)", r.ID, kind)
	case applies && da.Applies != nil && !*da.Applies:
		return docErr(path+".applies", "false, but %s applies to a %s", r.ID, kind)
	}
	st, err := ParseStatus(da.Status)
	if err != nil {
		return docErr(path+".status", "%s", err)
	}
	ans := Answer{Requirement: r.ID, Status: st, Flagged: da.Flagged, Session: da.Session}
	if ans.Note, err = text(path+".note", da.Note); err != nil {
		return err
	}
	if ans.Justification, err = text(path+".justification", da.Justification); err != nil {
		return err
	}
	if ans.Method, err = ParseMethod(da.Method); err != nil {
		return docErr(path+".method", "%s", err)
	}
	if err := d.session(path+".session", da.Session); err != nil {
		return err
	}
	who, err := line(path+".interviewee", da.Interviewee)
	if err != nil {
		return err
	}
	if who != "" && da.Session != 0 {
		return docErr(path+".interviewee", "give either a session or an interviewee (documents before sessions), not both")
	}
	if ans.Assessor, err = line(path+".assessor", da.Assessor); err != nil {
		return err
	}
	if ans.UpdatedAt, err = parseTime(path+".at", da.At); err != nil {
		return err
	}
	if err := ans.Validate(); err != nil {
		return docErr(path+".justification", "required (non-empty) for status %s", st)
	}
	if !st.NeedsJustification() && strings.TrimSpace(ans.Justification) != "" {
		return docErr(path+".justification", "only na and compensating answers carry a justification; put other text in note")
	}
	as := a.Answers[da.Target]
	if as == nil {
		as = Answers{}
		a.Answers[da.Target] = as
	}
	if _, dup := as[r.ID]; dup {
		return docErr(path, "a second answer for %s %s", da.Target, r.ID)
	}
	as[r.ID] = ans
	if who != "" {
		d.legacyWho = append(d.legacyWho, SessionSource{Key: da.Target + "|" + r.ID, At: ans.UpdatedAt, Who: who})
	}
	if da.Confirmed != "" {
		if !st.Answered() {
			return docErr(path+".confirmed", "an unanswered requirement has nothing to re-confirm")
		}
		if a.Confirmed == nil {
			a.Confirmed = map[string]string{}
		}
		a.Confirmed[AnswerKey(da.Target, r.ID)] = da.Confirmed
	}
	return nil
}
