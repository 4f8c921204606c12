package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"slate/model"
)

func runRoadmap(e *env, args []string) error {
	fs := newFlags(e, "roadmap", "slate roadmap FILE [--json] [--at TIME]",
		"Print the remediation roadmap: one initiative per requirement answered no or partial,\n"+
			"across the zones and conduits where it is unmet, by phase and priority, with the\n"+
			"reasons for each priority, owners, due dates and maintenance windows.")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	s, when, err := fileFlags(fs, "plan as of this time").open(fs, args)
	if err != nil {
		return err
	}
	defer s.Close()
	plan := model.BuildPlan(s.cat, s.a, s.a.Tracking, s.a.Windows, when)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(roadmapJSONOf(s.a, plan))
	}
	writeRoadmapText(e.stdout, s.a, plan)
	return nil
}

type roadmapJSON struct {
	Assessment  string           `json:"assessment"`
	At          string           `json:"at"`
	Unanswered  int              `json:"unanswered_in_scope"`
	Windows     []model.Window   `json:"windows"`
	Initiatives []initiativeJSON `json:"initiatives"`
}

type initiativeJSON struct {
	Requirement string         `json:"requirement"`
	Title       string         `json:"title"`
	FR          int            `json:"fr"`
	SL          int            `json:"sl"`
	Phase       string         `json:"phase"`
	PhaseWhy    string         `json:"phase_why"`
	Score       int            `json:"score"`
	Factors     []model.Factor `json:"factors"`
	Effort      string         `json:"effort"`
	Outage      bool           `json:"outage"`
	Vendor      bool           `json:"vendor"`
	Window      *model.Window  `json:"window,omitempty"`
	Remediation string         `json:"remediation"`
	Targets     []targetJSON   `json:"targets"`
	Owner       string         `json:"owner"`
	Due         string         `json:"due"`
	Status      string         `json:"status"`
	Accepted    string         `json:"risk_acceptance,omitempty"`
}

type targetJSON struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Answer string `json:"answer"`
	SLT    int    `json:"sl_t"`
	Note   string `json:"note,omitempty"`
}

func roadmapJSONOf(a *model.Assessment, plan model.Plan) roadmapJSON {
	out := roadmapJSON{Assessment: a.Name, At: plan.At.UTC().Format(time.RFC3339), Unanswered: plan.Unanswered,
		Windows: append([]model.Window{}, plan.Windows...), Initiatives: []initiativeJSON{}}
	for _, in := range plan.Initiatives {
		r := in.Requirement
		j := initiativeJSON{Requirement: r.ID, Title: r.Title, FR: int(r.FR), SL: int(r.SL), Phase: in.Phase.Key(),
			PhaseWhy: in.PhaseWhy, Score: in.Score, Factors: in.Factors, Effort: in.Effort.String(), Outage: in.Outage,
			Vendor: in.Vendor, Window: in.Window, Remediation: r.Remediation, Owner: in.Tracking.Owner,
			Due: in.Tracking.Due, Status: string(in.Tracking.Status)}
		if in.Tracking.Status == model.TrackRiskAccepted {
			j.Accepted = in.Tracking.Justification
		}
		for _, t := range in.Targets {
			j.Targets = append(j.Targets, targetJSON{ID: t.Target.Key, Name: t.Target.Name, Kind: t.Target.Kind.String(),
				Answer: string(t.Status), SLT: int(t.SLT), Note: t.Note})
		}
		out.Initiatives = append(out.Initiatives, j)
	}
	return out
}

func writeRoadmapText(w io.Writer, a *model.Assessment, plan model.Plan) {
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
}
