package common

import (
	"slices"

	"slate/model"
)

// Data is the loaded assessment and its live gap matrix, owned by the root
// model and read by every screen. It changes only in Update, through the
// Apply functions of finished store operations (Done), after the store has
// committed.
type Data struct {
	Cat  *model.Catalog
	A    *model.Assessment
	M    model.Matrix
	Path string

	ReadOnly       bool
	ReadOnlyReason string

	// Scope is the view setting of every screen (docs/scoring.md): the
	// default judges each FR up to its SL-T, the widened one up to SL 4.
	// It is never stored in the file.
	Scope model.Scope

	// Session is the current interview session's id (0: none): answers
	// whose status changes are linked to it (see docs/evidence.md).
	Session int64
	// Evidence finds the files of an answer; rebuilt when they change.
	Evidence model.EvidenceIndex

	// Version increases on every change; views cache rendered rows by it.
	Version uint64
	// answerSets counts the changes of Version that only set one answer
	// (SetAnswer): OthersVersion leaves them out.
	answerSets uint64

	// Catalogs finds a catalog this run knows by id and version (nil: the
	// catalog in use only): the older versions that the answers of an
	// upgraded assessment were given under, for re-confirmation.
	Catalogs func(id, version string) (*model.Catalog, bool)

	rows     map[string]int // target key -> index in M.Rows
	findings findingsCache  // Findings, by version and day
	outdated outdatedCache
}

// NewData scores the assessment.
func NewData(cat *model.Catalog, a *model.Assessment, path string) *Data {
	if a.Answers == nil {
		a.Answers = map[string]model.Answers{}
	}
	d := &Data{Cat: cat, A: a, Path: path, Evidence: model.IndexEvidence(a.Evidence)}
	d.Rebuild()
	return d
}

// Rebuild rescored every target; used after structural changes.
func (d *Data) Rebuild() {
	d.M = model.BuildMatrix(d.Cat, d.A, d.Scope)
	d.rows = make(map[string]int, len(d.M.Rows))
	for i, r := range d.M.Rows {
		d.rows[r.Target.Key] = i
	}
	d.Version++
}

// SetScope changes the view's scope and rescores every target.
func (d *Data) SetScope(s model.Scope) {
	if d.Scope != s {
		d.Scope = s
		d.Rebuild()
	}
}

// Row returns the matrix row of a target.
func (d *Data) Row(key string) (*model.MatrixRow, bool) {
	i, ok := d.rows[key]
	if !ok {
		return nil, false
	}
	return &d.M.Rows[i], true
}

// Target returns a zone or conduit as a scoring target.
func (d *Data) Target(key string) (model.Target, bool) {
	if r, ok := d.Row(key); ok {
		return r.Target, true
	}
	return model.Target{}, false
}

// Answers returns a target's answers (never nil).
func (d *Data) Answers(key string) model.Answers { return d.A.TargetAnswers(key) }

// SetAnswer records a committed answer and rescores only its target, which
// keeps a keypress far below a millisecond of work even on a large plant.
// The target's answer map is replaced, never changed in place, so that a
// model.Assessment.Snapshot taken for a report stays as it was.
func (d *Data) SetAnswer(key string, a model.Answer) {
	old := d.A.Answers[key]
	as := make(model.Answers, len(old)+1)
	for id, ans := range old {
		as[id] = ans
	}
	if a.Empty() {
		delete(as, a.Requirement)
	} else {
		as[a.Requirement] = a
	}
	d.A.Answers[key] = as
	if a.Status.Norm() != model.Compensating {
		// The store unlinks an answer that stops being compensating.
		d.unlink(key, a.Requirement)
	}
	if i, ok := d.rows[key]; ok {
		d.M.Rows[i].Score = d.Cat.Score(d.M.Rows[i].Target, as, d.Scope)
	}
	d.Version++
	d.answerSets++
}

// OthersVersion increases on every change but the setting of one answer:
// a rendering of one requirement keys on it and on that requirement's own
// answer, so that an answer given elsewhere does not redraw it.
func (d *Data) OthersVersion() uint64 { return d.Version - d.answerSets }

// PutZone adds or replaces a zone (by key); a replaced zone keeps its
// assets and its recorded SL-T rationale, which have writers of their own.
func (d *Data) PutZone(z model.Zone) {
	if i := slices.IndexFunc(d.A.Zones, func(x model.Zone) bool { return x.Key == z.Key }); i >= 0 {
		z.Assets, z.Rationale = d.A.Zones[i].Assets, d.A.Zones[i].Rationale
		d.A.Zones[i] = z
	} else {
		d.A.Zones = append(d.A.Zones, z)
	}
	d.Rebuild()
}

// PutConduit adds or replaces a conduit (by key); a replaced conduit keeps
// its assets and its recorded SL-T rationale.
func (d *Data) PutConduit(c model.Conduit) {
	if i := slices.IndexFunc(d.A.Conduits, func(x model.Conduit) bool { return x.Key == c.Key }); i >= 0 {
		c.Assets, c.Rationale = d.A.Conduits[i].Assets, d.A.Conduits[i].Rationale
		d.A.Conduits[i] = c
	} else {
		d.A.Conduits = append(d.A.Conduits, c)
	}
	d.Rebuild()
}

// RemoveTarget drops a zone (with its conduits) or a conduit and their answers.
func (d *Data) RemoveTarget(key string) {
	gone := map[string]bool{key: true}
	d.A.Zones = slices.DeleteFunc(d.A.Zones, func(z model.Zone) bool { return z.Key == key })
	d.A.Conduits = slices.DeleteFunc(d.A.Conduits, func(c model.Conduit) bool {
		if c.Key == key || c.From == key || c.To == key {
			gone[c.Key] = true
			return true
		}
		return false
	})
	for k := range gone {
		delete(d.A.Answers, k)
		d.A.ForgetTarget(k)
	}
	d.Evidence = model.IndexEvidence(d.A.Evidence) // ForgetTarget dropped their links
	d.Rebuild()
}

// MoveTarget swaps a zone or conduit with its neighbour (delta -1 or +1).
func (d *Data) MoveTarget(key string, delta int) {
	if i := slices.IndexFunc(d.A.Zones, func(z model.Zone) bool { return z.Key == key }); i >= 0 {
		if j := i + delta; j >= 0 && j < len(d.A.Zones) {
			d.A.Zones[i], d.A.Zones[j] = d.A.Zones[j], d.A.Zones[i]
		}
	} else if i := slices.IndexFunc(d.A.Conduits, func(c model.Conduit) bool { return c.Key == key }); i >= 0 {
		if j := i + delta; j >= 0 && j < len(d.A.Conduits) {
			d.A.Conduits[i], d.A.Conduits[j] = d.A.Conduits[j], d.A.Conduits[i]
		}
	}
	d.Rebuild()
}

// SetRationale records a zone's or conduit's SL-T rationale and sets its
// SL-T to the rationale's final vector (nil removes the rationale).
func (d *Data) SetRationale(key string, r *model.SLTRationale) {
	if z, ok := d.A.Zone(key); ok {
		z.Rationale = r
		if r != nil {
			z.SLT = r.Final
		}
	} else if c, ok := d.A.Conduit(key); ok {
		c.Rationale = r
		if r != nil {
			c.SLT = r.Final
		}
	}
	d.Rebuild()
}

// PutAsset adds or replaces an asset of a zone or conduit (by ID).
func (d *Data) PutAsset(targetKey string, a model.Asset) {
	list := d.A.AssetList(targetKey)
	if list == nil {
		return
	}
	if i := slices.IndexFunc(*list, func(x model.Asset) bool { return x.ID == a.ID }); i >= 0 {
		(*list)[i] = a
	} else {
		*list = append(*list, a)
	}
	d.Version++
}

// RemoveAsset drops an asset of a zone or conduit.
func (d *Data) RemoveAsset(targetKey string, id int64) {
	if list := d.A.AssetList(targetKey); list != nil {
		*list = slices.DeleteFunc(*list, func(x model.Asset) bool { return x.ID == id })
	}
	d.Version++
}

// MoveAsset moves an asset to the end of another zone's or conduit's list.
func (d *Data) MoveAsset(from, to string, a model.Asset) {
	d.RemoveAsset(from, a.ID)
	d.PutAsset(to, a)
}

// TargetName returns the display name of a zone or conduit key.
func (d *Data) TargetName(key string) string {
	if t, ok := d.Target(key); ok {
		return t.Name
	}
	return key
}

// ImpactOfDeleting counts what deleting a target takes with it.
func (d *Data) ImpactOfDeleting(key string) (answers, conduits int) {
	answers = len(d.A.Answers[key])
	if _, isZone := d.A.Zone(key); isZone {
		for _, c := range d.A.Conduits {
			if c.From == key || c.To == key {
				conduits++
				answers += len(d.A.Answers[c.Key])
			}
		}
	}
	return answers, conduits
}
