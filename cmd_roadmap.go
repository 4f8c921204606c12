package main

import (
	"slate/model"
	"slate/report"
)

func runRoadmap(e *env, args []string) error {
	fs := newFlags(e, "roadmap", "slate roadmap FILE [--json] [--at DATE]",
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
		return report.WriteRoadmapJSON(e.stdout, s.a, plan)
	}
	return report.WriteRoadmapText(e.stdout, s.a, plan)
}
