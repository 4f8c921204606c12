package targets

import (
	"fmt"
	"slate/ui/common"
	"strings"
)

// impactText says what deleting a zone or conduit takes with it, e.g.
// "12 answers and 2 conduits (with their answers) will be deleted."
func (m *Model) impactText(key string) string {
	answers, conduits := m.ctx.Data.ImpactOfDeleting(key)
	var parts []string
	switch {
	case conduits > 0 && answers > 0:
		parts = append(parts, fmt.Sprintf("%s and %s (with their answers) will be deleted.",
			common.Plural(answers, "answer", "answers"), common.Plural(conduits, "conduit", "conduits")))
	case conduits > 0:
		parts = append(parts, fmt.Sprintf("%s will be deleted (no answers yet).", common.Plural(conduits, "conduit", "conduits")))
	case answers > 0:
		parts = append(parts, fmt.Sprintf("%s will be deleted.", common.Plural(answers, "answer", "answers")))
	default:
		parts = append(parts, "It has no answers yet.")
	}
	if z, ok := m.ctx.Data.A.Zone(key); ok {
		switch n := len(z.Assets); {
		case n == 1:
			parts = append(parts, "Its asset goes with it.")
		case n > 1:
			parts = append(parts, fmt.Sprintf("Its %d assets go with it.", n))
		}
	}
	parts = append(parts, "The history keeps a record; there is no undo.")
	return strings.Join(parts, " ")
}
