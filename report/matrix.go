package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
)

// The gap matrix as `slate matrix` prints it (text and JSON) and as the CSV
// report's third file. Every cell's text and state come from model: this
// file only lays them out.

// legendItems explain the cell notation (docs/scoring.md) in the words
// every output uses.
var legendItems = []string{
	"A/T ok: SL-A A reaches the target T",
	"A/T -N: a gap of N levels",
	"?/T: not assessed (nothing answered yet)",
	"* provisional: an open question could still raise SL-A",
	"c: SL-A depends on a compensating countermeasure",
	"A/- or ?/-: no target (SL-T 0)",
	"n/a: nothing required (every requirement not applicable)",
}

// matrixLegend is the legend on one line.
var matrixLegend = "Cells: " + strings.Join(legendItems, " · ") + "."

// scopeSentence says which requirements the matrix was judged against.
func scopeSentence(s model.Scope) string {
	if s == model.ScopeSL4 {
		return "Scope: every requirement up to SL 4 (provisional and completeness count SL 3 and 4 too)."
	}
	return "Scope: requirements up to each FR's SL-T (use --scope 4 to widen it to SL 4)."
}

// summarySentence is "N of M targets at SL-T ..." for a plant summary.
func summarySentence(p model.PlantSummary) string {
	return fmt.Sprintf("%d of %d zones and conduits with a target are at SL-T in every FR; %s in state gap; %s of in-scope requirements answered.",
		p.AtTarget, p.WithTarget, model.Plural(p.GapCells, "cell", "cells"), model.Percent(p.Answered, p.Applicable))
}

// WriteMatrixText prints the matrix as a plain-text table.
func WriteMatrixText(w io.Writer, name string, m model.Matrix) error {
	ew := textWriter(w)
	nameW := len("TARGET")
	for _, r := range m.Rows {
		nameW = max(nameW, ansi.StringWidth(model.CleanLine(r.Target.Name)))
	}
	nameW = min(nameW, 32)
	fmt.Fprintf(ew, "%s · %s\n\n", model.CleanLine(name), m.Scope.Label())
	fmt.Fprintf(ew, "%-*s  %-7s", nameW, "TARGET", "KIND")
	for _, fr := range model.FRs {
		fmt.Fprintf(ew, "  %-*s", model.MaxCellWidth, fr)
	}
	fmt.Fprintf(ew, "  %s\n", "DONE")
	for i := range m.Rows {
		r := &m.Rows[i]
		fmt.Fprintf(ew, "%s  %-7s", padCut(model.CleanLine(r.Target.Name), nameW), r.Target.Kind)
		for _, fr := range model.FRs {
			fmt.Fprintf(ew, "  %-*s", model.MaxCellWidth, r.Score.At(fr).Text())
		}
		s := r.Summary()
		fmt.Fprintf(ew, "  %s\n", model.Percent(s.Answered, s.Applicable))
	}
	fmt.Fprintf(ew, "\n%s\n%s\nCells:\n  %s\n", summarySentence(m.Summary()), scopeSentence(m.Scope), strings.Join(legendItems, "\n  "))
	return ew.err
}

// padCut pads s to w cells, cutting it with "~" when it is wider.
func padCut(s string, w int) string {
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "~")
	}
	return s + strings.Repeat(" ", w-ansi.StringWidth(s))
}

// MatrixDoc is the shape of `slate matrix --json`.
type MatrixDoc struct {
	Assessment string          `json:"assessment"`
	Scope      string          `json:"scope"`
	Targets    []MatrixDocRow  `json:"targets"`
	Summary    MatrixDocTotals `json:"summary"`
}

// MatrixDocRow is one zone or conduit.
type MatrixDocRow struct {
	ID   string          `json:"id"`
	Name string          `json:"name"`
	Kind string          `json:"kind"`
	FRs  []MatrixDocCell `json:"frs"`
}

// MatrixDocCell is one (target, FR) cell: the computed numbers in every
// state (consumers read state), the one text, and completeness in percent
// (null when nothing is applicable).
type MatrixDocCell struct {
	FR           int    `json:"fr"`
	Text         string `json:"text"`
	State        string `json:"state"`
	SLA          int    `json:"sl_a"`
	SLT          int    `json:"sl_t"`
	Gap          int    `json:"gap"`
	Provisional  bool   `json:"provisional"`
	Compensated  bool   `json:"compensated"`
	Assessed     bool   `json:"assessed"`
	AllNA        bool   `json:"all_na"`
	Answered     int    `json:"answered"`
	Applicable   int    `json:"applicable"`
	Completeness *int   `json:"completeness"`
}

// MatrixDocTotals is the plant summary.
type MatrixDocTotals struct {
	Scope      string `json:"scope"`
	Targets    int    `json:"targets"`
	WithTarget int    `json:"with_target"`
	AtTarget   int    `json:"at_target"`
	GapCells   int    `json:"gap_cells"`
	Answered   int    `json:"answered"`
	Applicable int    `json:"applicable"`
}

// NewMatrixDoc builds the JSON form of a matrix.
func NewMatrixDoc(name string, m model.Matrix) MatrixDoc {
	doc := MatrixDoc{Assessment: model.CleanLine(name), Scope: m.Scope.Key(), Targets: []MatrixDocRow{}}
	for i := range m.Rows {
		r := &m.Rows[i]
		row := MatrixDocRow{ID: r.Target.Key, Name: model.CleanLine(r.Target.Name), Kind: r.Target.Kind.String()}
		for _, fr := range model.FRs {
			row.FRs = append(row.FRs, matrixDocCell(fr, r.Score.At(fr)))
		}
		doc.Targets = append(doc.Targets, row)
	}
	p := m.Summary()
	doc.Summary = MatrixDocTotals{Scope: m.Scope.Key(), Targets: p.Targets, WithTarget: p.WithTarget, AtTarget: p.AtTarget,
		GapCells: p.GapCells, Answered: p.Answered, Applicable: p.Applicable}
	return doc
}

func matrixDocCell(fr model.FR, s model.FRScore) MatrixDocCell {
	c := MatrixDocCell{FR: int(fr), Text: s.Text(), State: string(s.State()), SLA: int(s.SLA), SLT: int(s.SLT),
		Gap: int(s.Gap), Provisional: s.Provisional, Compensated: s.Compensated, Assessed: s.Assessed, AllNA: s.AllNA,
		Answered: s.Answered, Applicable: s.Applicable}
	if p, ok := model.PercentOf(s.Answered, s.Applicable); ok {
		c.Completeness = &p
	}
	return c
}

// WriteMatrixJSON prints the matrix as indented JSON.
func WriteMatrixJSON(w io.Writer, name string, m model.Matrix) error {
	return writeIndentedJSON(w, NewMatrixDoc(name, m))
}

func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(model.SanitizingWriter(model.SinkJSON, w))
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// matrixCSVHeader are the columns of the CSV report's matrix file.
var matrixCSVHeader = []string{"target", "kind", "fr", "text", "state", "sl_a", "sl_t", "gap", "provisional",
	"assessed", "all_na", "answered", "applicable"}

// writeMatrixCSV has one row per (target, FR) cell.
func writeMatrixCSV(w io.Writer, in *Input) error {
	var rows [][]string
	for i := range in.Matrix.Rows {
		r := &in.Matrix.Rows[i]
		for _, fr := range model.FRs {
			s := r.Score.At(fr)
			rows = append(rows, []string{r.Target.Key, r.Target.Kind.String(), strconv.Itoa(int(fr)), s.Text(),
				string(s.State()), strconv.Itoa(int(s.SLA)), strconv.Itoa(int(s.SLT)), strconv.Itoa(int(s.Gap)),
				yesNo(s.Provisional), yesNo(s.Assessed), yesNo(s.AllNA), strconv.Itoa(s.Answered), strconv.Itoa(s.Applicable)})
		}
	}
	return writeCSV(w, matrixCSVHeader, rows)
}

// errWriter keeps the first write error so a sequence of Fprintf calls can
// be checked once: a full disk must not pass for success.
type errWriter struct {
	w   io.Writer
	err error
}

// textWriter is where a plain-text output goes: to the terminal sanitiser,
// keeping the first write error.
func textWriter(w io.Writer) *errWriter {
	return &errWriter{w: model.SanitizingWriter(model.SinkText, w)}
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
