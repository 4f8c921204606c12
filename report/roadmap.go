package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"slate/model"
)

// The remediation roadmap as `slate roadmap` prints it, text and JSON.

// WriteRoadmapJSON prints the plan as indented JSON.
func WriteRoadmapJSON(w io.Writer, a *model.Assessment, plan model.Plan) error {
	return writeIndentedJSON(w, NewRoadmapDoc(a, plan))
}

// RoadmapDoc is the shape of `slate roadmap --json`.
type RoadmapDoc struct {
	Assessment  string              `json:"assessment"`
	At          string              `json:"at"`
	Unanswered  int                 `json:"unanswered_in_scope"`
	Windows     []RoadmapWindow     `json:"windows"`
	Projects    []RoadmapProject    `json:"projects"`
	Initiatives []RoadmapInitiative `json:"initiatives"`
}

// RoadmapWindow is a maintenance window.
type RoadmapWindow struct {
	Name    string   `json:"name"`
	Date    string   `json:"date"`
	Days    int      `json:"days,omitempty"`
	Targets []string `json:"targets,omitempty"` // empty: the whole plant
}

// RoadmapProject is a project with the requirement ids of its initiatives.
type RoadmapProject struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Initiatives []string `json:"initiatives"`
}

// RoadmapInitiative is one initiative of RoadmapDoc.
type RoadmapInitiative struct {
	Requirement string            `json:"requirement"`
	Title       string            `json:"title"`
	FR          int               `json:"fr"`
	SL          int               `json:"sl"`
	Score       int               `json:"score"`
	Risk        string            `json:"risk"`
	Factors     []RoadmapFactor   `json:"factors"`
	Phase       string            `json:"phase"`
	Group       string            `json:"group"`
	PhaseWhy    string            `json:"phase_why"`
	Effort      string            `json:"effort"`
	Outage      bool              `json:"outage"`
	Vendor      *RoadmapVendor    `json:"vendor,omitempty"`
	Window      *RoadmapWindow    `json:"window,omitempty"`
	Project     string            `json:"project,omitempty"`
	Status      string            `json:"status"`
	Closed      bool              `json:"closed"`
	Remediation string            `json:"remediation"`
	Tracking    *RoadmapTracking  `json:"tracking,omitempty"` // the whole-initiative record
	Targets     []RoadmapTarget   `json:"targets"`
	Conflicts   []RoadmapConflict `json:"conflicts"`
}

// RoadmapFactor is one reason in the score.
type RoadmapFactor struct {
	Points int    `json:"points"`
	Why    string `json:"why"`
}

// RoadmapVendor is who the work depends on.
type RoadmapVendor struct {
	Name     string `json:"name,omitempty"`
	LeadDays int    `json:"lead_days,omitempty"`
}

// RoadmapTarget is one (initiative, target) pair with its own tracking and
// window.
type RoadmapTarget struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Kind     string          `json:"kind"`
	Answer   string          `json:"answer"`
	SLT      int             `json:"sl_t"`
	Note     string          `json:"note,omitempty"`
	Closed   bool            `json:"closed"`
	Expired  bool            `json:"risk_acceptance_expired,omitempty"`
	Tracking RoadmapTracking `json:"tracking"`
	Window   *RoadmapWindow  `json:"window,omitempty"`
}

// RoadmapTracking is a tracking record as the plan applies it.
type RoadmapTracking struct {
	Status        string         `json:"status"`
	Owner         string         `json:"owner,omitempty"`
	Due           string         `json:"due,omitempty"`
	Justification string         `json:"justification,omitempty"`
	AcceptedBy    *RoadmapPerson `json:"accepted_by,omitempty"`
	Review        string         `json:"review,omitempty"`
	Own           bool           `json:"own"` // a record for this target, not the initiative's
}

// RoadmapPerson is who accepted a risk, in which role.
type RoadmapPerson struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// RoadmapConflict is a scheduling problem to resolve.
type RoadmapConflict struct {
	Rule    string `json:"rule"`
	Target  string `json:"target"`
	Message string `json:"message"`
}

func roadmapWindow(w *model.Window) *RoadmapWindow {
	if w == nil {
		return nil
	}
	return &RoadmapWindow{Name: model.CleanLine(w.Name), Date: w.Date, Days: w.Days, Targets: w.Targets}
}

func roadmapTracking(t model.Tracking, own bool) RoadmapTracking {
	out := RoadmapTracking{Status: string(t.Status), Owner: model.CleanLine(t.Owner), Due: t.Due,
		Justification: model.CleanText(t.Justification), Review: t.Review, Own: own}
	if out.Status == "" {
		out.Status = string(model.TrackOpen)
	}
	if t.AcceptedBy != (model.Person{}) {
		out.AcceptedBy = &RoadmapPerson{Name: model.CleanLine(t.AcceptedBy.Name), Role: model.CleanLine(t.AcceptedBy.Role)}
	}
	return out
}

// NewRoadmapDoc builds the JSON form of a plan (`slate roadmap --json`).
func NewRoadmapDoc(a *model.Assessment, plan model.Plan) RoadmapDoc {
	out := RoadmapDoc{Assessment: model.CleanLine(a.Name), At: plan.At.UTC().Format(time.RFC3339), Unanswered: plan.Unanswered,
		Windows: []RoadmapWindow{}, Projects: []RoadmapProject{}, Initiatives: []RoadmapInitiative{}}
	for i := range plan.Windows {
		out.Windows = append(out.Windows, *roadmapWindow(&plan.Windows[i]))
	}
	for _, p := range plan.Projects {
		rp := RoadmapProject{ID: p.ID, Title: model.CleanLine(p.Title), Initiatives: []string{}}
		for _, in := range plan.Initiatives {
			if in.Project != nil && in.Project.ID == p.ID {
				rp.Initiatives = append(rp.Initiatives, in.Requirement.ID)
			}
		}
		out.Projects = append(out.Projects, rp)
	}
	for _, in := range plan.Initiatives {
		r := in.Requirement
		j := RoadmapInitiative{Requirement: r.ID, Title: model.CleanLine(r.Title), FR: int(r.FR), SL: int(r.SL),
			Score: in.Score, Risk: in.Risk(), Phase: in.Phase.Key(), Group: in.Group.Key(), PhaseWhy: model.CleanText(in.PhaseWhy),
			Effort: in.Effort.String(), Outage: in.Outage, Window: roadmapWindow(in.Window), Status: string(in.Status()), Closed: in.Closed(),
			Remediation: model.CleanText(r.Remediation), Factors: []RoadmapFactor{}, Targets: []RoadmapTarget{},
			Conflicts: []RoadmapConflict{}}
		for _, f := range in.Factors {
			j.Factors = append(j.Factors, RoadmapFactor{f.Points, model.CleanLine(f.Why)})
		}
		if in.Vendor {
			j.Vendor = &RoadmapVendor{Name: model.CleanLine(in.VendorName), LeadDays: in.LeadDays}
		}
		if in.Project != nil {
			j.Project = in.Project.ID
		}
		if !in.Tracking.IsZero() {
			t := roadmapTracking(in.Tracking, true)
			j.Tracking = &t
		}
		for _, t := range in.Targets {
			j.Targets = append(j.Targets, RoadmapTarget{ID: t.Target.Key, Name: model.CleanLine(t.Target.Name), Kind: t.Target.Kind.String(),
				Answer: string(t.Status), SLT: int(t.SLT), Note: model.CleanText(t.Note), Closed: t.Closed, Expired: t.AcceptanceExpired,
				Tracking: roadmapTracking(*t.Tracking, t.Tracking.Target != ""), Window: roadmapWindow(t.Window)})
		}
		for _, c := range in.Conflicts {
			j.Conflicts = append(j.Conflicts, RoadmapConflict{c.Rule, c.Target, model.CleanLine(c.Message)})
		}
		out.Initiatives = append(out.Initiatives, j)
	}
	return out
}

// PhaseHeading is the heading an initiative is listed under: its phase, or
// "Closed" when every target is done or accepted.
func PhaseHeading(in *model.Initiative) string {
	if in.Closed() {
		return closedLabel
	}
	return in.Phase.String()
}

const closedLabel = "Closed (done or risk accepted)"

// Beside is what a reader sees next to an initiative's score: its risk,
// its feasibility and its window, "high risk · needs outage · window
// Autumn shutdown (2026-10-05)".
func Beside(in *model.Initiative) string {
	parts := []string{in.Risk(), in.Feasibility()}
	if in.Window != nil {
		parts = append(parts, "window "+in.Window.Label())
	}
	return model.CleanLine(strings.Join(parts, " · "))
}

// TargetLine says one (initiative, target) pair in words: the answer, the
// tracking that applies and the window.
func TargetLine(t model.InitiativeTarget) string {
	s := fmt.Sprintf("%s: %s", t.Target.Name, t.Status.Label())
	tr := t.Tracking
	switch {
	case t.AcceptanceExpired:
		s += fmt.Sprintf(", risk acceptance expired on %s: open again", tr.Review)
	case t.Closed && tr.Status == model.TrackRiskAccepted:
		s += ", risk accepted"
		if tr.AcceptedBy.Name != "" {
			s += " by " + tr.AcceptedBy.String()
		}
		if tr.Review != "" {
			s += ", review " + tr.Review
		}
		if tr.Target != "" && tr.Justification != "" {
			s += " (" + tr.Justification + ")"
		}
	case tr.Status == model.TrackRiskAccepted:
		s += ", open: the initiative's risk acceptance does not cover it"
	default:
		s += ", " + tr.Status.Label()
	}
	if tr.Owner != "" {
		s += ", owner " + tr.Owner
	}
	if tr.Due != "" {
		s += ", due " + tr.Due
	}
	if t.Window != nil {
		s += ", window " + t.Window.Label()
	}
	return model.CleanLine(s)
}

// WriteRoadmapText prints the plan as plain text, by phase, with projects.
func WriteRoadmapText(out io.Writer, a *model.Assessment, plan model.Plan) error {
	w := textWriter(out)
	fmt.Fprintf(w, "Remediation roadmap: %s (as of %s)\n", model.CleanLine(a.Name), plan.At.Format("2006-01-02"))
	if len(plan.Windows) > 0 {
		var ws []string
		for _, win := range plan.Windows {
			ws = append(ws, model.CleanLine(win.Label()))
		}
		fmt.Fprintf(w, "Maintenance windows: %s\n", strings.Join(ws, ", "))
	}
	group := ""
	for n, in := range plan.Initiatives {
		if g := PhaseHeading(in); g != group {
			group = g
			fmt.Fprintf(w, "\n== %s\n", g)
		}
		r := in.Requirement
		fmt.Fprintf(w, "\n%d. %s %s (FR%d, SL %d) - score %d: %s\n", n+1, r.ID, model.CleanLine(r.Title), r.FR, r.SL, in.Score, Beside(in))
		if in.Project != nil {
			fmt.Fprintf(w, "   Project: %s\n", model.CleanLine(in.Project.Title))
		}
		fmt.Fprintf(w, "   Order: %s\n", in.Group)
		for _, t := range in.Targets {
			fmt.Fprintf(w, "   - %s\n", TargetLine(t))
		}
		for _, c := range in.Conflicts {
			fmt.Fprintf(w, "   CONFLICT (%s): %s\n", c.Rule, model.CleanLine(c.Message))
		}
		if in.Tracking.Status == model.TrackRiskAccepted && in.Tracking.Justification != "" {
			fmt.Fprintf(w, "   Risk accepted: %s\n", model.CleanLine(in.Tracking.Justification))
		}
		if r.Remediation != "" {
			fmt.Fprintf(w, "   What it takes: %s\n", model.CleanLine(r.Remediation))
		}
		var why []string
		for _, f := range in.Factors {
			why = append(why, fmt.Sprintf("%+d %s", f.Points, model.CleanLine(f.Why)))
		}
		fmt.Fprintf(w, "   Why this priority: %s\n", strings.Join(why, "; "))
		fmt.Fprintf(w, "   When: %s\n", model.CleanLine(in.PhaseWhy))
	}
	if len(plan.Initiatives) == 0 {
		fmt.Fprintln(w, "\nNo open gaps: every answered in-scope requirement is met.")
	}
	if plan.Unanswered > 0 {
		fmt.Fprintf(w, "\n%s not answered yet and not planned.\n",
			model.Plural(plan.Unanswered, "in-scope question (a requirement of a zone or conduit) is", "in-scope questions (a requirement of a zone or conduit) are"))
	}
	return w.err
}
