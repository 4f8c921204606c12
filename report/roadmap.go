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
	Windows     []model.Window      `json:"windows"`
	Initiatives []RoadmapInitiative `json:"initiatives"`
}

// RoadmapInitiative is one initiative of RoadmapDoc.
type RoadmapInitiative struct {
	Requirement string          `json:"requirement"`
	Title       string          `json:"title"`
	FR          int             `json:"fr"`
	SL          int             `json:"sl"`
	Phase       string          `json:"phase"`
	PhaseWhy    string          `json:"phase_why"`
	Score       int             `json:"score"`
	Factors     []model.Factor  `json:"factors"`
	Effort      string          `json:"effort"`
	Outage      bool            `json:"outage"`
	Vendor      bool            `json:"vendor"`
	Window      *model.Window   `json:"window,omitempty"`
	Remediation string          `json:"remediation"`
	Targets     []RoadmapTarget `json:"targets"`
	Owner       string          `json:"owner"`
	Due         string          `json:"due"`
	Status      string          `json:"status"`
	Accepted    string          `json:"risk_acceptance,omitempty"`
}

// RoadmapTarget is one zone or conduit of an initiative.
type RoadmapTarget struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Answer string `json:"answer"`
	SLT    int    `json:"sl_t"`
	Note   string `json:"note,omitempty"`
}

// NewRoadmapDoc builds the JSON form of a plan (`slate roadmap --json`).
func NewRoadmapDoc(a *model.Assessment, plan model.Plan) RoadmapDoc {
	out := RoadmapDoc{Assessment: model.CleanLine(a.Name), At: plan.At.UTC().Format(time.RFC3339), Unanswered: plan.Unanswered,
		Windows: append([]model.Window{}, plan.Windows...), Initiatives: []RoadmapInitiative{}}
	for _, in := range plan.Initiatives {
		r := in.Requirement
		j := RoadmapInitiative{Requirement: r.ID, Title: r.Title, FR: int(r.FR), SL: int(r.SL), Phase: in.Phase.Key(),
			PhaseWhy: in.PhaseWhy, Score: in.Score, Factors: in.Factors, Effort: in.Effort.String(), Outage: in.Outage,
			Vendor: in.Vendor, Window: in.Window, Remediation: r.Remediation, Owner: in.Tracking.Owner,
			Due: in.Tracking.Due, Status: string(in.Tracking.Status)}
		if in.Tracking.Status == model.TrackRiskAccepted {
			j.Accepted = in.Tracking.Justification
		}
		for _, t := range in.Targets {
			j.Targets = append(j.Targets, RoadmapTarget{ID: t.Target.Key, Name: t.Target.Name, Kind: t.Target.Kind.String(),
				Answer: string(t.Status), SLT: int(t.SLT), Note: t.Note})
		}
		out.Initiatives = append(out.Initiatives, j)
	}
	return out
}

// WriteRoadmapText prints the plan as plain text.
func WriteRoadmapText(out io.Writer, a *model.Assessment, plan model.Plan) error {
	w := textWriter(out)
	fmt.Fprintf(w, "Remediation roadmap: %s (as of %s)\n", model.CleanLine(a.Name), plan.At.Format("2006-01-02"))
	if len(plan.Windows) > 0 {
		var ws []string
		for _, win := range plan.Windows {
			ws = append(ws, fmt.Sprintf("%s (%s)", model.CleanLine(win.Name), win.Date))
		}
		fmt.Fprintf(w, "Maintenance windows: %s\n", strings.Join(ws, ", "))
	}
	group := ""
	n := 0
	for _, in := range plan.Initiatives {
		g := in.Phase.String()
		if in.Closed() {
			g = "Closed (done or risk accepted)"
		}
		if g != group {
			group = g
			fmt.Fprintf(w, "\n== %s\n", g)
		}
		n++
		r := in.Requirement
		fmt.Fprintf(w, "\n%d. %s %s (FR%d, SL %d) - score %d\n", n, r.ID, r.Title, r.FR, r.SL, in.Score)
		var targets []string
		for _, t := range in.Targets {
			targets = append(targets, fmt.Sprintf("%s (%s)", model.CleanLine(t.Target.Name), t.Status.Label()))
		}
		fmt.Fprintf(w, "   Targets: %s\n", strings.Join(targets, ", "))
		feas := []string{in.Effort.String() + " effort"}
		if in.Outage {
			feas = append(feas, "needs an outage")
		}
		if in.Vendor {
			feas = append(feas, "vendor-dependent")
		}
		fmt.Fprintf(w, "   Feasibility: %s\n", strings.Join(feas, ", "))
		if in.Window != nil {
			fmt.Fprintf(w, "   Window: %s (%s)\n", model.CleanLine(in.Window.Name), in.Window.Date)
		}
		tr := in.Tracking
		status := tr.Status.Label()
		if tr.Owner != "" {
			status += ", owner " + model.CleanLine(tr.Owner)
		}
		if tr.Due != "" {
			status += ", due " + tr.Due
		}
		fmt.Fprintf(w, "   Status: %s\n", status)
		if tr.Status == model.TrackRiskAccepted {
			fmt.Fprintf(w, "   Risk accepted: %s\n", model.CleanLine(tr.Justification))
		}
		if r.Remediation != "" {
			fmt.Fprintf(w, "   What it takes: %s\n", r.Remediation)
		}
		var why []string
		for _, f := range in.Factors {
			why = append(why, fmt.Sprintf("%+d %s", f.Points, model.CleanLine(f.Why)))
		}
		fmt.Fprintf(w, "   Why this priority: %s\n", strings.Join(why, "; "))
		fmt.Fprintf(w, "   Phase: %s\n", in.PhaseWhy)
	}
	if len(plan.Initiatives) == 0 {
		fmt.Fprintln(w, "\nNo open gaps: every answered in-scope requirement is met.")
	}
	if plan.Unanswered > 0 {
		fmt.Fprintf(w, "\n%d in-scope questions (a requirement of a zone or conduit) are not answered yet and are not planned.\n", plan.Unanswered)
	}
	return w.err
}
