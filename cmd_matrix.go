package main

import (
	"slate/model"
	"slate/report"
)

func runMatrix(e *env, args []string) error {
	fs := newFlags(e, "matrix", "slate matrix FILE [--json] [--scope 4]",
		"Print the gap matrix: every zone and conduit across FR1..FR7, each cell in the one\n"+
			"notation of docs/scoring.md (SL-A/SL-T, ok or -N, * provisional, c compensated,\n"+
			"?/T not assessed), with completeness. No terminal needed.")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	scopeFlag := scopeFlag(fs)
	s, _, err := fileFlags(fs, "").open(fs, args)
	if err != nil {
		return err
	}
	defer s.Close()
	scope, err := parseScope(*scopeFlag)
	if err != nil {
		return err
	}
	m := model.BuildMatrix(s.cat, s.a, scope)
	if *asJSON {
		return report.WriteMatrixJSON(e.stdout, s.a.Name, m)
	}
	return report.WriteMatrixText(e.stdout, s.a.Name, m)
}
