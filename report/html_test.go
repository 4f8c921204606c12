package report

import (
	"bytes"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/net/html"

	"slate/model"
	"slate/questionnaires"
)

var (
	htmlTestAt    = time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)
	htmlTestChain = Chain{Head: "9b1f0c3e7a5d2468ace0f13579bdf02468ace13579bdf02468ace13579bdf024", Rows: 87}
)

func htmlDemoInput() *Input {
	cat := questionnaires.Builtin()
	in := NewInput(model.SamplePlant(cat), cat, htmlTestAt, "northfield-unit1.slate", htmlTestChain, model.ScopeSLT)
	in.Version = "0.9.0"
	return in
}

func htmlRender(t testing.TB, in *Input) []byte {
	t.Helper()
	out, err := HTML(in)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestHTMLDemo pins the demo plant's report. Regenerate with
// go test ./report -run HTML -update, then look at it in a browser.
func TestHTMLDemo(t *testing.T) {
	out := htmlRender(t, htmlDemoInput())
	if path := os.Getenv("SLATE_HTML_DEMO"); path != "" {
		if err := os.WriteFile(path, out, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	golden.RequireEqual(t, out)
}

func TestHTMLReproducible(t *testing.T) {
	a := htmlRender(t, htmlDemoInput())
	b := htmlRender(t, htmlDemoInput())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same input differ")
	}
	// A fresh assessment built from the same data must not depend on map
	// iteration order either.
	for range 5 {
		if c := htmlRender(t, htmlDemoInput()); !bytes.Equal(a, c) {
			t.Fatal("renders differ between runs")
		}
	}
}

func TestHTMLDemoSize(t *testing.T) {
	out := htmlRender(t, htmlDemoInput())
	if len(out) >= 1<<20 {
		t.Fatalf("demo report is %d bytes, want under 1 MB", len(out))
	}
	t.Logf("demo report: %d bytes", len(out))
}

func TestHTMLNoInput(t *testing.T) {
	if _, err := HTML(nil); err == nil {
		t.Fatal("no error for a nil input")
	}
	if _, err := HTML(&Input{}); err == nil {
		t.Fatal("no error for an input without an assessment")
	}
}

// TestHTMLContent checks that the demo report carries what the assessor
// hands over: the cover facts, every target, the roadmap and the appendix.
func TestHTMLContent(t *testing.T) {
	in := htmlDemoInput()
	out := string(htmlRender(t, in))
	if !strings.Contains(out, `<meta charset="utf-8">`) {
		t.Error("no charset declaration")
	}
	want := []string{
		"Gap assessment, Unit 1 ammonia plant", "Northfield Chemical Works", "A. Novak",
		"5 March 2026, 12:00 UTC", in.Cat.Hash, htmlTestChain.Head, "slate verify",
		"Executive summary", "Largest gaps", "Gap matrix", "Remediation roadmap",
		"Unit 1 shutdown 2026", "risk accepted", "The HMI runtime cannot show a banner",
		"Appendix A: gap matrix table", "Appendix B: all answers",
		"PLC-101", "Triconex Tricon CX", "S7comm, OPC UA, Modbus/TCP",
		"Application allow-listing on the engineering stations", // a compensating control's justification
		"@page", "break-before:page", "break-inside:avoid", "@media print",
	}
	for _, w := range want {
		if !strings.Contains(out, htmlEscapeForSearch(w)) {
			t.Errorf("report lacks %q", w)
		}
	}
	for _, r := range in.Matrix.Rows {
		if !strings.Contains(out, htmlEscapeForSearch(r.Target.Name)) {
			t.Errorf("report lacks target %q", r.Target.Name)
		}
	}
	for _, it := range in.Plan.Initiatives {
		if !strings.Contains(out, it.Requirement.Remediation) {
			t.Errorf("roadmap lacks the remediation of %s", it.Requirement.ID)
		}
	}
	doc := htmlParse(t, []byte(out))
	ids := map[string]bool{}
	var hrefs []string
	htmlWalk(doc, func(n *html.Node) {
		for _, at := range n.Attr {
			switch at.Key {
			case "id":
				if ids[at.Val] {
					t.Errorf("duplicate id %q", at.Val)
				}
				ids[at.Val] = true
			case "href":
				hrefs = append(hrefs, at.Val)
			}
		}
	})
	for _, h := range hrefs {
		if !ids[strings.TrimPrefix(h, "#")] {
			t.Errorf("link %q points to no element", h)
		}
	}
	// Every answered requirement appears in the appendix: one row each.
	rows := 0
	for _, as := range in.A.Answers {
		rows += len(as)
	}
	appendix := out[strings.Index(out, `id="appendix-answers"`):]
	if got := strings.Count(appendix, `<tr><td><b>`); got != rows {
		t.Errorf("appendix lists %d answers, want %d", got, rows)
	}
}

// htmlEscapeForSearch gives s as html/template writes it in text.
func htmlEscapeForSearch(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\'':
			b.WriteString("&#39;")
		case '"':
			b.WriteString("&#34;")
		case '+':
			b.WriteString("&#43;")
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var htmlEvil = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`</style><script>alert(2)</script>`,
	`]]><svg onload=alert(3)>`,
	"\x1b[31mred\x1b[0m text\x1b]0;PWNED-OSC\x07",
	`=HYPERLINK("http://evil.example/","x")`,
	"+1+1",
	"-2+3",
	"@SUM(A1:A9)",
	`javascript:alert(4)`,
	"<a href=\"https://evil.example/\">link</a>\x1b]8;;https://evil.example/\x07osc\x1b]8;;\x07",
}

// htmlHostileInput puts markup, escape sequences and formula starters into
// every user-controlled text of the demo plant.
func htmlHostileInput() *Input {
	cat := questionnaires.Builtin()
	a := model.SamplePlant(cat)
	e := func(i int) string { return htmlEvil[i%len(htmlEvil)] }
	a.Name, a.Site, a.Scope, a.Assessor = e(0), e(1), e(2)+"\n"+e(3), e(4)
	for i := range a.Zones {
		z := &a.Zones[i]
		z.Name = e(i) + " zone"
		z.Description = e(i+1) + "\n" + e(i+2)
		z.Kind, z.Label = model.ZoneOther, e(i+3)
		z.Rationale = &model.SLTRationale{Method: model.SLTMethod, Text: e(i + 4),
			Input: model.SLTInput{Threat: model.ThreatSimple, Adjustments: []model.FRAdjustment{{FR: 4, Delta: -1, Reason: e(i + 5)}}}}
		for j := range z.Assets {
			as := &z.Assets[j]
			k := i + j
			as.Name, as.Type, as.Vendor, as.Model = e(k), e(k+1), e(k+2), e(k+3)
			as.Firmware, as.Address, as.Notes = e(k+4), e(k+5), e(k+6)+"\n"+e(k+7)
		}
	}
	for i := range a.Conduits {
		c := &a.Conduits[i]
		c.Name, c.Description, c.Kind, c.Label, c.Protocols = e(i+5)+" conduit", e(i+6), model.ConduitOther, e(i+7), e(i+8)
		c.Assets = append(c.Assets, model.Asset{Name: e(i + 9), Vendor: e(i + 10), Notes: e(i + 11)})
	}
	keys := make([]string, 0, len(a.Answers))
	for k := range a.Answers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	i := 0
	for _, k := range keys {
		as := a.Answers[k]
		ids := make([]string, 0, len(as))
		for id := range as {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			ans := as[id]
			ans.Note, ans.Assessor = e(i), e(i+2)
			if ans.Status.NeedsJustification() {
				ans.Justification = e(i + 3)
			}
			as[id] = ans
			i++
		}
	}
	for k, tr := range a.Tracking {
		tr.Owner = htmlEvil[0] + " " + htmlEvil[8]
		if tr.Status == model.TrackRiskAccepted {
			tr.Justification = htmlEvil[2]
		}
		a.Tracking[k] = tr
	}
	for j := range a.Windows {
		a.Windows[j].Name = e(j)
	}
	in := NewInput(a, cat, htmlTestAt, e(1)+".slate", Chain{Head: e(0), Rows: 3}, model.ScopeSLT)
	in.Version = e(2)
	return in
}

// htmlAllowed lists the elements the template writes: anything else in the
// output came from user text.
var htmlAllowed = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "main": true,
	"section": true, "article": true, "header": true, "footer": true, "nav": true, "div": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "p": true, "span": true, "br": true,
	"strong": true, "em": true, "code": true, "dl": true, "dt": true, "dd": true, "ol": true, "ul": true,
	"li": true, "a": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"figure": true, "figcaption": true, "b": true, "colgroup": true, "col": true,
}

var htmlAllowedSVG = map[string]bool{"svg": true, "title": true, "text": true, "g": true, "rect": true, "line": true, "path": true, "a": true}

func TestHTMLHostile(t *testing.T) {
	out := htmlRender(t, htmlHostileInput())
	if bytes.IndexByte(out, 0x1b) >= 0 || bytes.IndexByte(out, 0x07) >= 0 {
		t.Fatal("escape sequence bytes in the output")
	}
	doc := htmlParse(t, out)
	htmlCheckSafe(t, doc)

	var text strings.Builder
	htmlWalk(doc, func(n *html.Node) {
		if n.Type == html.TextNode && (n.Parent == nil || n.Parent.Data != "style") {
			text.WriteString(n.Data)
			text.WriteByte('\n')
		}
	})
	s := text.String()
	for _, w := range []string{
		`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `</style><script>alert(2)</script>`,
		`]]><svg onload=alert(3)>`, "red text", `=HYPERLINK("http://evil.example/","x")`, "+1+1", "-2+3",
		"@SUM(A1:A9)", `javascript:alert(4)`, `<a href="https://evil.example/">link</a>osc`,
	} {
		if !strings.Contains(s, w) {
			t.Errorf("hostile text %q does not appear as text", w)
		}
	}
	if strings.Contains(s, "PWNED-OSC") {
		t.Error("the payload of an OSC sequence leaked into the text")
	}
}

func TestHTMLDemoSelfContained(t *testing.T) {
	out := htmlRender(t, htmlDemoInput())
	htmlCheckSafe(t, htmlParse(t, out))
	// No URL of any kind: not even a protocol-relative one ("//").
	for _, s := range []string{"http:", "https:", "//", "@import", "@font-face", "url(", "<script", "<link"} {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("the demo report contains %q", s)
		}
	}
}

// TestHTMLEmpty renders an assessment without zones, conduits or answers.
func TestHTMLEmpty(t *testing.T) {
	cat := questionnaires.Builtin()
	a := &model.Assessment{Name: "New assessment", CatalogID: cat.ID}
	out := htmlRender(t, NewInput(a, cat, htmlTestAt, "", Chain{}, model.ScopeSLT))
	htmlCheckSafe(t, htmlParse(t, out))
	for _, w := range []string{"No zones or conduits are defined yet.", "No audit chain head was recorded", "No gaps."} {
		if !bytes.Contains(out, []byte(w)) {
			t.Errorf("empty report lacks %q", w)
		}
	}
}

// TestHTMLSummaryCounts ties the summary's figures to the matrix.
func TestHTMLSummaryCounts(t *testing.T) {
	in := htmlDemoInput()
	d := htmlBuild(in)
	p := in.Matrix.Summary()
	if got, want := d.Summary.ZonesAt+d.Summary.ConduitsAt, p.AtTarget; got != want {
		t.Errorf("targets at target: %d, matrix says %d", got, want)
	}
	if got, want := d.Summary.Zones+d.Summary.Conduits, p.WithTarget; got != want {
		t.Errorf("targets with a target: %d, matrix says %d", got, want)
	}
	if d.Summary.GapCells != p.GapCells {
		t.Errorf("gap cells %d, matrix says %d", d.Summary.GapCells, p.GapCells)
	}
	ans, app := p.Answered, p.Applicable
	if d.Summary.Answered != ans || d.Summary.Applicable != app {
		t.Errorf("completeness %d/%d, matrix says %d/%d", d.Summary.Answered, d.Summary.Applicable, ans, app)
	}
	n := 0
	for _, p := range d.Summary.Phases {
		n += p.N
	}
	if n+d.Summary.Closed != len(in.Plan.Initiatives) {
		t.Errorf("phases count %d+%d initiatives, plan has %d", n, d.Summary.Closed, len(in.Plan.Initiatives))
	}
	for i := 1; i < len(d.Summary.Worst); i++ {
		if d.Summary.Worst[i].Gap > d.Summary.Worst[i-1].Gap {
			t.Fatal("worst gaps are not sorted by gap")
		}
	}
}

// htmlCheckSafe asserts that the document holds only the template's
// elements, no script or event handler and no reference outside itself.
func htmlCheckSafe(t *testing.T, doc *html.Node) {
	t.Helper()
	styles := 0
	htmlWalk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Namespace {
		case "":
			if !htmlAllowed[n.Data] {
				t.Errorf("unexpected element <%s>", n.Data)
			}
		case "svg":
			if !htmlAllowedSVG[n.Data] {
				t.Errorf("unexpected SVG element <%s>", n.Data)
			}
		default:
			t.Errorf("unexpected element <%s:%s>", n.Namespace, n.Data)
		}
		if n.Data == "style" {
			styles++
			if n.FirstChild == nil || n.FirstChild.Data != htmlCSS || n.FirstChild.NextSibling != nil {
				t.Error("the style element holds more or less than the report's CSS")
			}
		}
		for _, at := range n.Attr {
			key, val := strings.ToLower(at.Key), strings.ToLower(at.Val)
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("<%s> has an event handler %s=%q", n.Data, at.Key, at.Val)
			case key == "href":
				if !strings.HasPrefix(at.Val, "#") {
					t.Errorf("<%s> links outside the document: %q", n.Data, at.Val)
				}
			case key == "src" || key == "srcset" || key == "action" || key == "formaction" || key == "background" ||
				key == "poster" || key == "data" || at.Namespace == "xlink" || key == "http-equiv":
				t.Errorf("<%s> has attribute %s=%q", n.Data, at.Key, at.Val)
			case key == "style" || key == "class" && strings.ContainsAny(val, "<>\"(:"):
				t.Errorf("<%s> has attribute %s=%q", n.Data, at.Key, at.Val)
			case key == "xmlns" || strings.HasPrefix(key, "xmlns:"):
				t.Errorf("<%s> declares a namespace %q", n.Data, at.Val)
			}
		}
	})
	if styles != 1 {
		t.Errorf("%d style elements, want 1", styles)
	}
}

func htmlParse(t *testing.T, out []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func htmlWalk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		htmlWalk(c, f)
	}
}

// Every report shows the compensating countermeasure record (control,
// place, approval, review) and the cell whose SL-A depends on it with its
// c marker; the JSON report carries the record itself.
func TestReportsShowCountermeasures(t *testing.T) {
	in := demoInput()
	want := map[string][]string{
		"md":   {"## Compensating countermeasures", "Application allow-listing on the engineering stations", "K. Brandt (plant manager)", "| Supervisory |", "`1c*/2 -1`", "SL 2", "## Site questions", "OT incident response plan, tested"},
		"html": {`id="countermeasures"`, "Countermeasure 1", "Application allow-listing on the engineering stations", "K. Brandt (plant manager)", "1c*/2 -1", `id="site"`},
		"json": {`"countermeasures": [`, `"approved_by": {`, `"site_answers": [`},
	}
	for format, wants := range want {
		f, ok := LookupFormat(format)
		if !ok {
			t.Fatalf("no format %s", format)
		}
		out, err := Render(f, in, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range wants {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s report lacks %q", format, w)
			}
		}
	}
}
