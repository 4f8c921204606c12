package report

import (
	"fmt"
	"unicode/utf8"

	"slate/model"
)

// The SVG charts are laid out here as plain numbers and strings; the
// template draws them, so html/template escapes every piece of text inside
// the SVG as it does elsewhere.

// Heatmap geometry, in SVG user units (CSS pixels at 100%).
const (
	hmNameW   = 250 // target name column
	hmCellW   = 78  // one FR
	hmDoneW   = 92  // answered column
	hmCellH   = 34
	hmHeadH   = 30
	hmGroupH  = 24
	hmChunk   = 24 // rows per SVG, so a printed page never cuts a heatmap
	hmNameMax = 34 // characters of a name shown before it is cut
)

type htmlHeatHead struct {
	X, CX        int
	Label, Title string
}

type htmlHeatChunk struct {
	W, H  int
	Label string
	Lines []htmlHeatLine
}

type htmlHeatLine struct {
	Y, TY, RY, MainY, MarkY int
	Group                   string
	Name, Full, Anchor      string
	Cells                   []htmlHeatCell
	Done                    string
	DoneX                   int
}

type htmlHeatCell struct {
	X, CX int
	Cell  htmlCell
	Title string
}

type htmlLegend struct {
	Class, Marker, Text string
}

var htmlLegendItems = []htmlLegend{
	{"ok", "2/2 ok", "at target"},
	{"g1", "1/2 -1", "one level short"},
	{"g2", "0/2 -2", "two or more levels short"},
	{"g1", "1*/2 -1", "* provisional: an open question could still raise SL-A"},
	{"ok", "2c/2 ok", "c: SL-A depends on a compensating countermeasure"},
	{"na", "?/2", "not assessed: nothing answered yet"},
	{"nt", "1/-", "no target (SL-T 0)"},
	{"ok", "n/a", "nothing required: every requirement not applicable"},
}

// htmlHeatmap lays out the gap matrix: zones then conduits, FR1..FR7, split
// into SVGs of at most hmChunk lines.
func htmlHeatmap(m model.Matrix, targets []*htmlTarget, cat *model.Catalog) ([]htmlHeatHead, []htmlHeatChunk) {
	width := hmNameW + model.NumFR*hmCellW + hmDoneW
	var head []htmlHeatHead
	for i, fr := range model.FRs {
		x := hmNameW + i*hmCellW
		head = append(head, htmlHeatHead{X: x, CX: x + hmCellW/2, Label: fr.String(),
			Title: fr.String() + " " + htmlLine(cat.FRTitle[i])})
	}

	type line struct {
		group string
		row   int
	}
	var lines []line
	nz := 0
	for i := range m.Rows {
		if m.Rows[i].Target.Kind == model.KindZone {
			nz++
		}
	}
	for i := range m.Rows {
		if i == 0 && nz > 0 {
			lines = append(lines, line{group: htmlCount(nz, "zone")})
		}
		if i == nz {
			lines = append(lines, line{group: htmlCount(len(m.Rows)-nz, "conduit")})
		}
		lines = append(lines, line{row: i})
	}

	var chunks []htmlHeatChunk
	for start := 0; start < len(lines); start += hmChunk {
		end := min(start+hmChunk, len(lines))
		c := htmlHeatChunk{W: width, Label: "Gap matrix"}
		if len(lines) > hmChunk {
			c.Label = fmt.Sprintf("Gap matrix, part %d of %d", start/hmChunk+1, (len(lines)+hmChunk-1)/hmChunk)
		}
		y := hmHeadH
		for _, l := range lines[start:end] {
			if l.group != "" {
				c.Lines = append(c.Lines, htmlHeatLine{Y: y, TY: y + 17, Group: l.group})
				y += hmGroupH
				continue
			}
			t := targets[l.row]
			hl := htmlHeatLine{Y: y, TY: y + hmCellH/2 + 5, RY: y + 1, MainY: y + 16, MarkY: y + 29,
				Name: htmlCut(t.Name, hmNameMax), Full: t.Name, Anchor: t.Anchor,
				Done: fmt.Sprintf("%d/%d", t.Answered, t.Applicable), DoneX: hmNameW + model.NumFR*hmCellW + hmDoneW/2}
			for i, fr := range model.FRs {
				sc := t.Scores[i]
				x := hmNameW + i*hmCellW
				title := fmt.Sprintf("%s, %s: %s (%s); %d of %d answered",
					t.Name, fr, sc.Cell.Text, sc.Cell.Words, sc.Answered, sc.Applicable)
				hl.Cells = append(hl.Cells, htmlHeatCell{X: x + 1, CX: x + hmCellW/2, Cell: sc.Cell, Title: title})
			}
			c.Lines = append(c.Lines, hl)
			y += hmCellH
		}
		c.H = y + 2
		chunks = append(chunks, c)
	}
	return head, chunks
}

// htmlCut shortens s to at most n characters, marking the cut.
func htmlCut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// Bar chart geometry: SL-A beside SL-T for FR1..FR7.
const (
	bcW      = 430
	bcH      = 212
	bcTop    = 36
	bcLevel  = 34 // units per security level
	bcBase   = bcTop + int(model.MaxLevel)*bcLevel
	bcLeft   = 46
	bcGroupW = 54
	bcBarW   = 18
)

type htmlChart struct {
	W, H, Base, Left, Right int
	Label                   string
	Grid                    []htmlGrid
	Groups                  []htmlBarGroup
}

type htmlGrid struct {
	Y     int
	Label string
}

type htmlBarGroup struct {
	CX, LabelY, MarkY int
	FR                string
	Cell              htmlCell
	A, T              htmlBar
}

type htmlBar struct {
	X, Y, H, CX, LY int
	Label           string
}

func htmlBarChart(name string, ts model.TargetScore) htmlChart {
	c := htmlChart{W: bcW, H: bcH, Base: bcBase, Left: bcLeft - 4, Right: bcLeft + model.NumFR*bcGroupW,
		Label: "SL-A against SL-T by foundational requirement: " + name}
	for l := 0; l <= int(model.MaxLevel); l++ {
		c.Grid = append(c.Grid, htmlGrid{Y: bcBase - l*bcLevel, Label: fmt.Sprintf("SL %d", l)})
	}
	bar := func(x int, level model.Level, label string) htmlBar {
		h := int(level) * bcLevel
		return htmlBar{X: x, Y: bcBase - h, H: h, CX: x + bcBarW/2, LY: bcBase - h - 4, Label: label}
	}
	for i, fr := range model.FRs {
		s := ts.At(fr)
		gx := bcLeft + i*bcGroupW
		c.Groups = append(c.Groups, htmlBarGroup{
			CX: gx + bcGroupW/2, LabelY: bcBase + 16, MarkY: bcBase + 32,
			FR: fr.String(), Cell: htmlCellOf(s),
			A: bar(gx+7, s.SLA, s.SLAText()),
			T: bar(gx+7+bcBarW+2, s.SLT, fmt.Sprint(s.SLT)),
		})
	}
	return c
}
