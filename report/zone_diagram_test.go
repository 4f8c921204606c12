package report_test

import (
	"encoding/xml"
	"errors"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"slate/model"
	"slate/questionnaires"
	"slate/report"
)

// svgElem is one element of a parsed SVG with its attributes and the
// elements inside it.
type svgElem struct {
	name     string
	attr     map[string]string
	children []*svgElem
	text     string
}

func parseSVG(t *testing.T, s string) *svgElem {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	var stack []*svgElem
	var root *svgElem
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			e := &svgElem{name: tk.Name.Local, attr: map[string]string{}}
			for _, a := range tk.Attr {
				e.attr[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			} else if root != nil {
				t.Fatal("more than one root element")
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tk)
			}
		case xml.ProcInst, xml.Directive:
			t.Fatalf("unexpected %T in the SVG", tk)
		}
	}
	if root == nil || root.name != "svg" {
		t.Fatal("no svg root")
	}
	return root
}

func (e *svgElem) walk(f func(*svgElem)) {
	f(e)
	for _, c := range e.children {
		c.walk(f)
	}
}

func (e *svgElem) child(name string) *svgElem {
	for _, c := range e.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return n
}

var pathPoint = regexp.MustCompile(`[ML](-?\d+) (-?\d+)`)

// diagramOf is the diagram a report of a draws.
func diagramOf(a *model.Assessment, cat *model.Catalog) model.Diagram {
	return report.NewInput(a, cat, model.SampleDate, "plant.slate", report.Chain{}, model.ScopeSLT).Diagram()
}

// The SVG parsed back: every zone and conduit once, boxes apart, rows in
// the order of the kinds' tiers, every line ending on its two boxes, and
// only the allowed elements.
func TestZoneDiagramSVG(t *testing.T) {
	cat := questionnaires.Builtin()
	for name, a := range map[string]*model.Assessment{"demo": model.SamplePlant(cat), "flawed": model.FlawedSamplePlant(cat)} {
		t.Run(name, func(t *testing.T) {
			d := diagramOf(a, cat)
			root := parseSVG(t, report.ZoneDiagramSVG(&d))
			allowed := map[string]bool{"svg": true, "g": true, "rect": true, "line": true, "path": true, "text": true, "title": true}
			type box struct {
				x, y, w, h int
				tier       int
			}
			boxes := map[string]box{}
			conduits := map[string]*svgElem{}
			root.walk(func(e *svgElem) {
				if !allowed[e.name] {
					t.Errorf("element <%s> is not allowed", e.name)
				}
				for k := range e.attr {
					if strings.HasPrefix(strings.ToLower(k), "on") || k == "href" || k == "style" {
						t.Errorf("attribute %s on <%s>", k, e.name)
					}
				}
				if e.name != "g" {
					return
				}
				if key, ok := e.attr["data-zone"]; ok {
					if _, dup := boxes[key]; dup {
						t.Errorf("zone %s drawn twice", key)
					}
					r := e.child("rect")
					if r == nil || e.child("title") == nil {
						t.Fatalf("zone %s without rect or title", key)
					}
					boxes[key] = box{atoi(t, r.attr["x"]), atoi(t, r.attr["y"]), atoi(t, r.attr["width"]), atoi(t, r.attr["height"]), atoi(t, e.attr["data-tier"])}
				}
				if key, ok := e.attr["data-conduit"]; ok {
					if _, dup := conduits[key]; dup {
						t.Errorf("conduit %s drawn twice", key)
					}
					conduits[key] = e
				}
			})
			if len(boxes) != len(a.Zones) || len(conduits) != len(a.Conduits) {
				t.Fatalf("%d zones and %d conduits drawn, want %d and %d", len(boxes), len(conduits), len(a.Zones), len(a.Conduits))
			}
			zm := model.NewZoneModel(a)
			for _, z := range zm.Zones {
				b, ok := boxes[z.Key]
				if !ok {
					t.Fatalf("zone %s missing", z.Key)
				}
				if b.tier != int(z.Tier) {
					t.Errorf("zone %s drawn on tier %d, its kind %s is on %d", z.Key, b.tier, z.Kind, z.Tier)
				}
			}
			for ka, a := range boxes {
				for kb, b := range boxes {
					if ka < kb && a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h {
						t.Errorf("boxes %s and %s overlap", ka, kb)
					}
					if a.tier < b.tier && a.y+a.h > b.y {
						t.Errorf("%s (tier %d) is not above %s (tier %d)", ka, a.tier, kb, b.tier)
					}
				}
			}
			onBorder := func(b box, x, y int) bool {
				return (y == b.y || y == b.y+b.h) && x >= b.x && x <= b.x+b.w ||
					(x == b.x || x == b.x+b.w) && y >= b.y && y <= b.y+b.h
			}
			for _, c := range zm.Conduits {
				g, ok := conduits[c.Key]
				if !ok {
					t.Fatalf("conduit %s missing", c.Key)
				}
				p := g.child("path")
				if p == nil || g.child("text") == nil || g.child("title") == nil {
					t.Fatalf("conduit %s without path, label or title", c.Key)
				}
				pts := pathPoint.FindAllStringSubmatch(p.attr["d"], -1)
				if len(pts) < 2 {
					t.Fatalf("conduit %s path %q", c.Key, p.attr["d"])
				}
				first, last := pts[0], pts[len(pts)-1]
				if !onBorder(boxes[c.From], atoi(t, first[1]), atoi(t, first[2])) || !onBorder(boxes[c.To], atoi(t, last[1]), atoi(t, last[2])) {
					t.Errorf("conduit %s (%s -> %s) does not end on its boxes: %s", c.Key, c.From, c.To, p.attr["d"])
				}
				if lab := g.child("text").text; !strings.Contains(lab, c.KindText()) || !strings.Contains(lab, "SL-T "+c.SLT.String()) {
					t.Errorf("conduit %s label %q lacks kind or SL-T", c.Key, lab)
				}
			}
		})
	}
}

// A crafted name cannot add markup or control characters.
func TestZoneDiagramSVGHostile(t *testing.T) {
	zm := model.ZoneModel{Zones: []model.ModelZone{
		{Key: `a"><script>`, Name: "</text><script>alert(1)</script>\x1b[31m\uffff", Kind: model.ZoneControl, SLT: model.Uniform(2)},
		{Key: "b", Name: "B & <b>", Kind: model.ZoneOther, Label: "<img src=x onerror=1>", SLT: model.Uniform(2)},
	}, Conduits: []model.ModelConduit{{Key: "c", Name: "C", Kind: model.ConduitFirewall, From: `a"><script>`, To: "b", SLT: model.Uniform(2)}}}
	d := model.BuildDiagram(&zm, nil, []model.Finding{{Rule: "x", Severity: model.SevError, Targets: []string{"b"}, Message: "<b>bad</b>"}})
	out := report.ZoneDiagramSVG(&d)
	root := parseSVG(t, out)
	var texts []string
	root.walk(func(e *svgElem) {
		if e.name == "script" || e.name == "img" {
			t.Errorf("markup from a name became an element: %s", e.name)
		}
		texts = append(texts, e.text)
	})
	all := strings.Join(texts, "|")
	if !strings.Contains(all, "</text><script>alert(1)</script>") || !strings.Contains(all, "<img src=x onerror=1>") {
		t.Errorf("names not kept as text: %s", all)
	}
	if strings.ContainsAny(out, "\x1b\uffff") {
		t.Error("control or non-XML characters reached the SVG")
	}
	if report.ZoneDiagramSVG(&model.Diagram{}) != "" {
		t.Error("an empty plant draws an SVG")
	}
}

// The HTML report shows the diagram as the first page after the executive
// summary, with the model checks' findings under it, each linked to its
// zones and conduits; the flawed demo's diagram marks its findings.
func TestHTMLReportShowsTheDiagramAfterTheSummary(t *testing.T) {
	cat := questionnaires.Builtin()
	for name, a := range map[string]*model.Assessment{"demo": model.SamplePlant(cat), "flawed": model.FlawedSamplePlant(cat)} {
		t.Run(name, func(t *testing.T) {
			in := report.NewInput(a, cat, model.SampleDate, "plant.slate", report.Chain{}, model.ScopeSLT)
			out, err := report.HTML(in)
			if err != nil {
				t.Fatal(err)
			}
			page := string(out)
			summary, section, matrix := strings.Index(page, `<section class="major" id="summary">`),
				strings.Index(page, `<section class="major" id="model">`), strings.Index(page, `<section class="major" id="matrix">`)
			svg := strings.Index(page, `<svg class="zd"`)
			if summary < 0 || !(summary < section && section < svg && svg < matrix) {
				t.Fatalf("sections at summary %d, model %d, diagram %d, matrix %d", summary, section, svg, matrix)
			}
			sec := page[section:matrix]
			for _, f := range in.Findings {
				if !strings.Contains(sec, html.EscapeString(f.Message)) {
					t.Errorf("finding %s missing from the model section: %s", f.Rule, f.Message)
				}
			}
			if name == "flawed" && !strings.Contains(sec, "findings: 1 error") {
				t.Error("the flawed demo's diagram marks no error")
			}
		})
	}
}
