package report

import (
	"strings"

	"slate/model"
)

// FindingWhere names the targets and site questions where a common finding
// was found.
func FindingWhere(f model.CommonFindingStatus) string {
	var parts []string
	for _, t := range f.Targets {
		parts = append(parts, t.Name)
	}
	parts = append(parts, f.Site...)
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// FindingWork names the initiatives that address a common finding.
func FindingWork(f model.CommonFindingStatus) string {
	var ids []string
	for _, in := range f.Initiatives {
		ids = append(ids, in.Requirement.ID)
	}
	if len(ids) == 0 {
		return "-"
	}
	return strings.Join(ids, ", ")
}
