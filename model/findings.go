package model

// CommonFindings are the seven findings that recur in almost every OT
// assessment. Catalogs tag requirements (and site questions) with these
// keys without declaring them; the roadmap puts the work that removes the
// credential and remote-access ones first, and the Overview and reports
// give all seven a section of their own.
var CommonFindings = map[string]string{
	"no-zone-model":              "no zone and conduit model",
	"shared-credentials":         "shared or default credentials",
	"no-ot-monitoring":           "no OT security monitoring",
	"uncontrolled-remote-access": "uncontrolled remote access",
	"no-patch-management":        "no patch management",
	"no-asset-inventory":         "missing asset inventory",
	"no-incident-response":       "no OT incident response plan",
}

// CommonFindingKeys lists the seven in the order screens and reports show
// them.
var CommonFindingKeys = []string{
	"no-zone-model", "shared-credentials", "no-ot-monitoring", "uncontrolled-remote-access",
	"no-patch-management", "no-asset-inventory", "no-incident-response",
}

// FindingState says whether a common finding was found.
type FindingState string

// The finding states, spelled as in JSON.
const (
	FindingFound       FindingState = "found"
	FindingNotFound    FindingState = "not_found"
	FindingNotAssessed FindingState = "not_assessed"
)

// Describe is the state in words.
func (s FindingState) Describe() string {
	switch s {
	case FindingFound:
		return "found"
	case FindingNotFound:
		return "not found"
	}
	return "not assessed"
}

// CommonFindingStatus is one of the seven findings in this assessment.
type CommonFindingStatus struct {
	Key, Title string
	State      FindingState
	// Targets are the zones and conduits where a requirement carrying the
	// finding's tag is answered no or partial; Site the site questions
	// carrying it answered no or partial.
	Targets []Target
	Site    []string
	// Initiatives are the roadmap's initiatives whose requirement carries
	// the tag: the work that removes the finding.
	Initiatives []*Initiative
}

// CommonFindingsStatus evaluates the seven findings: found on a target when
// a requirement carrying the tag is answered no or partial there (or a site
// question carrying it is), not assessed when none of them is answered,
// otherwise not found.
func CommonFindingsStatus(c *Catalog, a *Assessment, plan Plan) []CommonFindingStatus {
	out := make([]CommonFindingStatus, len(CommonFindingKeys))
	index := map[string]int{}
	answered := make([]bool, len(out))
	for i, k := range CommonFindingKeys {
		out[i] = CommonFindingStatus{Key: k, Title: CommonFindings[k]}
		index[k] = i
	}
	failed := func(s Status) bool { return s == No || s == Partial }
	for _, t := range a.Targets() {
		as := a.Answers[t.Key]
		found := make([]bool, len(out))
		for _, fr := range FRs {
			for _, j := range c.byKindFR[t.Kind][fr-1] {
				r := &c.Requirements[j]
				st := as.Status(r.ID)
				for _, tag := range r.Tags {
					i, ok := index[tag]
					if !ok || !st.Answered() {
						continue
					}
					answered[i] = true
					if failed(st) && !found[i] {
						found[i] = true
						out[i].Targets = append(out[i].Targets, t)
					}
				}
			}
		}
	}
	for _, q := range c.SiteQuestions {
		st := a.SiteAnswers.Status(q.ID)
		for _, tag := range q.Tags {
			if i, ok := index[tag]; ok && st.Answered() {
				answered[i] = true
				if failed(st) {
					out[i].Site = append(out[i].Site, q.ID)
				}
			}
		}
	}
	for _, in := range plan.Initiatives {
		for _, tag := range in.Requirement.Tags {
			if i, ok := index[tag]; ok {
				out[i].Initiatives = append(out[i].Initiatives, in)
			}
		}
	}
	for i := range out {
		switch {
		case len(out[i].Targets) > 0 || len(out[i].Site) > 0:
			out[i].State = FindingFound
		case answered[i]:
			out[i].State = FindingNotFound
		default:
			out[i].State = FindingNotAssessed
		}
	}
	return out
}
