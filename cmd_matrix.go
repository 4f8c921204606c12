package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
)

func runMatrix(e *env, args []string) error {
	fs := newFlags(e, "matrix", "slate matrix FILE [--json]",
		"Print the gap matrix: every zone and conduit across FR1..FR7 with SL-A/SL-T\n"+
			"(* marks a provisional SL-A), the gap and completeness. No terminal needed.")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	s, _, err := fileFlags(fs, "").open(fs, args)
	if err != nil {
		return err
	}
	defer s.Close()
	m := model.BuildMatrix(s.cat, s.a)
	if *asJSON {
		return writeMatrixJSON(e.stdout, s.a, m)
	}
	writeMatrixText(e.stdout, s.a, m)
	return nil
}

// matrixJSON is the shape of `slate matrix --json`.
type matrixJSON struct {
	Assessment string         `json:"assessment"`
	Targets    []matrixTarget `json:"targets"`
	Summary    matrixSummary  `json:"summary"`
}

type matrixSummary struct {
	Targets    int `json:"targets"`
	AtTarget   int `json:"at_target"`
	Answered   int `json:"answered"`
	Applicable int `json:"applicable"`
}

type matrixTarget struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Kind       string     `json:"kind"`
	Answered   int        `json:"answered"`
	Applicable int        `json:"applicable"`
	FRs        []matrixFR `json:"frs"`
}

type matrixFR struct {
	FR           int     `json:"fr"`
	SLA          int     `json:"sl_a"`
	SLT          int     `json:"sl_t"`
	Gap          int     `json:"gap"`
	Provisional  bool    `json:"provisional"`
	Answered     int     `json:"answered"`
	Applicable   int     `json:"applicable"`
	Completeness float64 `json:"completeness"`
}

func writeMatrixJSON(w io.Writer, a *model.Assessment, m model.Matrix) error {
	out := matrixJSON{Assessment: a.Name, Targets: []matrixTarget{}}
	for _, r := range m.Rows {
		t := matrixTarget{ID: r.Target.Key, Name: r.Target.Name, Kind: r.Target.Kind.String()}
		t.Answered, t.Applicable = r.Completeness()
		for _, fr := range model.FRs {
			s := r.Score.At(fr)
			t.FRs = append(t.FRs, matrixFR{FR: int(fr), SLA: int(s.SLA), SLT: int(s.SLT), Gap: int(s.Gap),
				Provisional: s.Provisional, Answered: s.Answered, Applicable: s.Applicable,
				Completeness: float64(int(s.Completeness()*1000)) / 1000})
		}
		out.Targets = append(out.Targets, t)
	}
	out.Summary = matrixSummary{Targets: len(m.Rows), AtTarget: m.AtTarget()}
	out.Summary.Answered, out.Summary.Applicable = m.Completeness()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// cellText renders one gap-matrix cell as text: "1*/2" and the gap, if any.
func cellText(s model.FRScore) string {
	c := fmt.Sprintf("%d", s.SLA)
	if s.Provisional {
		c += "*"
	}
	c += fmt.Sprintf("/%d", s.SLT)
	if s.Gap > 0 {
		c += fmt.Sprintf(" -%d", s.Gap)
	}
	return c
}

func writeMatrixText(w io.Writer, a *model.Assessment, m model.Matrix) {
	nameW := len("TARGET")
	for _, r := range m.Rows {
		nameW = max(nameW, ansi.StringWidth(model.CleanLine(r.Target.Name)))
	}
	nameW = min(nameW, 32)
	fmt.Fprintf(w, "%s\n\n", model.CleanLine(a.Name))
	fmt.Fprintf(w, "%-*s  %-7s", nameW, "TARGET", "KIND")
	for _, fr := range model.FRs {
		fmt.Fprintf(w, "  %-7s", fr)
	}
	fmt.Fprintf(w, "  %s\n", "DONE")
	for _, r := range m.Rows {
		fmt.Fprintf(w, "%s  %-7s", padRight(model.CleanLine(r.Target.Name), nameW), r.Target.Kind)
		for _, fr := range model.FRs {
			fmt.Fprintf(w, "  %-7s", cellText(r.Score.At(fr)))
		}
		answered, applicable := r.Completeness()
		fmt.Fprintf(w, "  %s\n", percent(answered, applicable))
	}
	answered, applicable := m.Completeness()
	fmt.Fprintf(w, "\n%d of %d targets at SL-T in every FR; %s of in-scope requirements answered.\n",
		m.AtTarget(), len(m.Rows), percent(answered, applicable))
	fmt.Fprintln(w, "Cells: SL-A/SL-T; * provisional (unanswered requirements could raise SL-A); -N gap of N levels.")
}

func percent(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%d%%", n*100/of)
}

func padRight(s string, w int) string {
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "~")
	}
	return s + strings.Repeat(" ", w-ansi.StringWidth(s))
}
