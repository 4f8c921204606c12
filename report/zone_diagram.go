package report

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"slate/model"
)

// The zone and conduit diagram as an inline SVG for the HTML report: the
// layout of model.Diagram in pixels. Inline in HTML5 it needs no namespace
// declaration, so the report names no URL at all. Only the elements svg, g, rect, path,
// text and title occur, and every piece of text passes model.CleanLine and
// XML escaping, so a crafted zone name cannot add markup. Colour classes
// are those of the gap matrix (ok, g1, g2, na, nt), with fill attributes
// as a fallback when the SVG is shown without the report's style sheet.

// Geometry in SVG user units (CSS pixels at 100%).
var zdMetrics = model.DiagramMetrics{BoxW: 236, BoxH: 76, ColGap: 48, RowGap: 52, Track: 18, Margin: 14}

const zdNameMax = 27 // characters of a zone name shown before it is cut

var zdFill = map[string]string{"ok": "#cfe8d1", "g1": "#fde1a0", "g2": "#f3aea6", "na": "#e4e6ea", "nt": "#ffffff"}

// ZoneDiagramSVG draws the diagram as one <svg> element; empty when there
// are no zones.
func ZoneDiagramSVG(d *model.Diagram) string {
	if len(d.Boxes) == 0 {
		return ""
	}
	g := d.Layout(zdMetrics)
	labels := make([]string, len(d.Links))
	for i := range d.Links {
		l := &d.Links[i]
		labels[i] = strconv.Itoa(l.Tag) + " · " + l.Kind + " · " + l.SLTText()
		if m := l.Marks.Words(); m != "" {
			labels[i] += " · " + m
		}
		// A label may run past the last column: widen the picture for it
		// (about 6.5 units per character at font size 11).
		g.W = max(g.W, g.Labels[i][0].X+4+utf8.RuneCountInString(labels[i])*13/2+zdMetrics.Margin)
	}
	var b strings.Builder
	label := fmt.Sprintf("Zone and conduit diagram: %s and %s, top to bottom from the enterprise to the safety and field level",
		htmlCount(len(d.Boxes), "zone"), htmlCount(len(d.Links), "conduit"))
	fmt.Fprintf(&b, `<svg class="zd" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s">`,
		g.W, g.H, g.W, g.H, zdText(label))
	fmt.Fprintf(&b, "\n<title>%s</title>\n", zdText(label))

	// Lines first, so the boxes they meet are drawn over their ends.
	for i := range d.Links {
		l := &d.Links[i]
		from, to := d.Boxes[l.From].Key, d.Boxes[l.To].Key
		fmt.Fprintf(&b, `<g class="conduit" data-conduit="%s" data-from="%s" data-to="%s">`, zdText(l.Key), zdText(from), zdText(to))
		fmt.Fprintf(&b, "<title>%s</title>", zdText(zdTitle(&l.DiagramItem, "conduit "+strconv.Itoa(l.Tag))))
		var path strings.Builder
		for j, p := range g.Routes[i] {
			cmd := "L"
			if j == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&path, "%s%d %d", cmd, p.X, p.Y)
			if j < len(g.Routes[i])-1 {
				path.WriteByte(' ')
			}
		}
		stroke := "#5a6472"
		if s, ok := l.Marks.Worst(); ok && s != model.SevInfo {
			stroke = "#a4161a"
		}
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="%s" stroke-width="1.6"/>`, path.String(), stroke)
		lab := g.Labels[i]
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" paint-order="stroke" stroke="#ffffff" stroke-width="3">%s</text>`,
			lab[0].X+4, lab[0].Y-4, zdText(labels[i]))
		b.WriteString("</g>\n")
	}

	for i := range d.Boxes {
		bx := &d.Boxes[i]
		r := g.Boxes[i]
		cls := zdClass(&bx.DiagramItem)
		fmt.Fprintf(&b, `<g class="zone %s" data-zone="%s" data-tier="%d" data-state="%s">`, cls, zdText(bx.Key), int(bx.Tier), bx.State)
		fmt.Fprintf(&b, "<title>%s</title>", zdText(zdTitle(&bx.DiagramItem, "zone")))
		fmt.Fprintf(&b, `<rect class="%s" x="%d" y="%d" width="%d" height="%d" rx="4" fill="%s" stroke="#9aa2ad"/>`,
			cls, r.X, r.Y, r.W, r.H, zdFill[cls])
		x := r.X + 9
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" font-weight="700">%s</text>`, x, r.Y+19, zdText(htmlCut(bx.Name, zdNameMax)))
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" class="muted">%s</text>`, x, r.Y+35, zdText(htmlCut(bx.Kind, zdNameMax+6)))
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12">%s · %s</text>`, x, r.Y+52, zdText(bx.SLTText()), zdText(bx.GapText()))
		if m := bx.Marks.Words(); m != "" {
			fill := "#5a6472"
			if s, _ := bx.Marks.Worst(); s != model.SevInfo {
				fill = "#a4161a"
			}
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="%s">%s</text>`, x, r.Y+68, fill, zdText("findings: "+m))
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>")
	return b.String()
}

// zdTitle is the hover text: name, kind, SL-T, worst gap and the findings.
func zdTitle(it *model.DiagramItem, what string) string {
	s := fmt.Sprintf("%s (%s, %s): %s, worst gap %s (%s)", it.Name, what, it.Kind, it.SLTText(), it.Gap, it.State.Describe())
	if len(it.Details) > 0 {
		s += ". Findings: " + strings.Join(it.Details, " ")
	}
	return s
}

// zdClass is the colour class of a target's worst gap.
func zdClass(it *model.DiagramItem) string {
	switch it.State {
	case model.StateAtTarget:
		return "ok"
	case model.StateNotAssessed:
		return "na"
	case model.StateNoTarget:
		return "nt"
	}
	if it.MaxGap <= 1 {
		return "g1"
	}
	return "g2"
}

// zdText makes any text safe inside an SVG element or attribute: cleaned
// for one line, stripped of what XML 1.0 cannot hold, then escaped.
func zdText(s string) string {
	s = model.CleanLine(s)
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff {
			return r
		}
		return -1
	}, s)
	return html.EscapeString(s)
}
