package report

import (
	"time"

	"slate/model"
)

// Input is everything a report shows, prepared by the caller from the store:
// the report package itself never reads files or databases.
type Input struct {
	A       *model.Assessment
	Cat     *model.Catalog
	Matrix  model.Matrix // in the report's scope
	Plan    model.Plan
	At      time.Time // the report's date ("generated at"); fixed for reproducible output
	File    string    // the assessment file's name, for the cover
	Chain   Chain     // the audit chain's head when the report was made
	Version string    // Slate's version, if known

	// AfterSignOff lists the changes made after the latest recorded
	// sign-off, read from the history by the caller (store
	// ChangesAfterSignOff); empty when there is none or nothing changed.
	AfterSignOff []model.Change
	// Evidence finds the files of an answer (built on first use).
	Evidence model.EvidenceIndex
}

// Chain identifies the answer history a report was made from: quoting the
// head hash pins the history, so a later edit of the file is detectable.
type Chain struct {
	Head string
	Rows int64
}

// NewInput scores the assessment in the given scope and plans the roadmap
// as of at.
func NewInput(a *model.Assessment, cat *model.Catalog, at time.Time, file string, chain Chain, scope model.Scope) *Input {
	return &Input{
		A: a, Cat: cat, At: at, File: file, Chain: chain,
		Matrix:   model.BuildMatrix(cat, a, scope),
		Plan:     model.BuildPlan(cat, a, a.Tracking, a.Windows, at),
		Evidence: model.IndexEvidence(a.Evidence),
	}
}

// Scope is the scope the report's matrix was scored in.
func (in *Input) Scope() model.Scope { return in.Matrix.Scope }

// CommonFindings evaluates the seven common findings on the report's plan.
func (in *Input) CommonFindings() []model.CommonFindingStatus {
	return model.CommonFindingsStatus(in.Cat, in.A, in.Plan)
}
