package main

import (
	"slate/model"
	"slate/report"
)

func runCheck(e *env, args []string) error {
	fs := newFlags(e, "check", "slate check FILE [--json] [--at DATE]",
		"Check the zone and conduit model and the roadmap for the mistakes that make a gap\n"+
			"analysis meaningless (docs/zone-model.md lists every rule): an IT zone joined straight\n"+
			"to OT, a conduit below its zones' targets, a safety zone below its control zone, an\n"+
			"isolated or duplicated zone, contradicting answers, due dates no maintenance window\n"+
			"meets, risk acceptances past their review or without who and until when, targets\n"+
			"without an SL-T or its rationale. Each finding has a severity: error, warning or note\n"+
			"(info in JSON). Exit 1 when there is an error, else 0.")
	asJSON := fs.Bool("json", false, "print JSON: {\"findings\": [{rule, severity, targets, requirement, message, advice}]}")
	s, when, err := fileFlags(fs, "check as of this time (due and review dates)").open(fs, args)
	if err != nil {
		return err
	}
	defer s.Close()
	fs2 := model.CheckAssessment(s.cat, s.a, when)
	if *asJSON {
		err = report.WriteChecksJSON(e.stdout, fs2)
	} else {
		err = report.WriteChecksText(e.stdout, s.a, fs2, when.Format("2006-01-02"))
	}
	if err != nil {
		return err
	}
	if model.HasError(fs2) {
		return exitError{code: exitRuntime}
	}
	return nil
}
