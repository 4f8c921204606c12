package report

import (
	"time"

	"slate/buildinfo"
	"slate/model"
)

// Input is everything a report shows, prepared by the caller from the store:
// the report package itself never reads files or databases.
type Input struct {
	A      *model.Assessment
	Cat    *model.Catalog
	Matrix model.Matrix // in the report's scope
	Plan   model.Plan
	// Findings are the model checks' findings as of At (model.Check).
	Findings []model.Finding
	At       time.Time // the report's date ("generated at"); fixed for reproducible output
	File     string    // the assessment file's name, for the cover
	Chain    Chain     // the audit chain's head when the report was made
	Version  string    // Slate's version and commit (buildinfo.Version)
	// Build is the same, field by field, for the JSON report's generator.
	Build buildinfo.Info

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

// NewInput scores the assessment in the given scope, plans the roadmap
// and runs the model checks as of at. It stamps the running Slate's
// version, so every report, from the command line or the Reports screen,
// names the program that made it.
func NewInput(a *model.Assessment, cat *model.Catalog, at time.Time, file string, chain Chain, scope model.Scope) *Input {
	build := buildinfo.Read()
	in := &Input{
		A: a, Cat: cat, At: at, File: file, Chain: chain, Version: build.String(), Build: build,
		Matrix:   model.BuildMatrix(cat, a, scope),
		Plan:     model.BuildPlan(cat, a, a.Tracking, a.Windows, at),
		Evidence: model.IndexEvidence(a.Evidence),
	}
	in.Findings = model.Check(model.NewCheckInput(cat, a, &in.Plan))
	return in
}

// Diagram is the zone and conduit diagram with the report's cells and
// findings.
func (in *Input) Diagram() model.Diagram {
	zm := model.NewZoneModel(in.A)
	return model.BuildDiagram(&zm, &in.Matrix, in.Findings)
}

// Scope is the scope the report's matrix was scored in.
func (in *Input) Scope() model.Scope { return in.Matrix.Scope }

// CommonFindings evaluates the seven common findings on the report's plan.
func (in *Input) CommonFindings() []model.CommonFindingStatus {
	return model.CommonFindingsStatus(in.Cat, in.A, in.Plan)
}
