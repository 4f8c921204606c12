package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"slate/buildinfo"
	"slate/model"
	"slate/questionnaires"
)

var reportAt = time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)

func demoInput() *Input {
	cat := questionnaires.Builtin()
	return NewInput(model.SamplePlant(cat), cat, reportAt, "plant.slate",
		Chain{Head: "4f9c2a61d0e5b7a83c1f6e2d9b0a4c7e5f8d1b3a6c9e2f5a8b1d4c7e0f3a6b9c", Rows: 105}, model.ScopeSLT)
}

// hostileInput fills every user-controlled text with markup, escapes and
// formula starters.
func hostileInput() *Input {
	in := demoInput()
	a := in.A
	evil := []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, "\x1b[31mred\x1b]0;title\x07", `=HYPERLINK("http://x","y")`, "+1+1", "-2+3", "@SUM(A1)", "a|b|c", "line1\nline2"}
	a.Name = evil[0] + " plant"
	a.Site = evil[1]
	a.Zones[0].Name = evil[3]
	a.Zones[1].Name = evil[0] + " | pipe"
	a.Zones[0].Assets[0].Name = evil[1]
	a.Zones[0].Assets[0].Notes = evil[2]
	a.Conduits[0].Protocols = evil[4]
	i := 0
	for _, as := range a.Answers {
		for k, ans := range as {
			ans.Note = evil[i%len(evil)]
			as[k] = ans
			i++
		}
	}
	for k, tr := range a.Tracking {
		tr.Owner = evil[5]
		a.Tracking[k] = tr
	}
	hostileProvenance(a, func(i int) string { return evil[(i+3)%len(evil)] })
	cat := in.Cat
	return NewInput(a, cat, reportAt, "plant.slate", in.Chain, model.ScopeSLT)
}

// render writes file i of a registered format to memory.
func render(t testing.TB, key string, in *Input, file int) []byte {
	t.Helper()
	f, ok := LookupFormat(key)
	if !ok {
		t.Fatalf("no format %q", key)
	}
	out, err := Render(f, in, file)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// csvParts names the files of the CSV report, in order.
var csvParts = []string{"answers", "roadmap", "matrix"}

func TestMarkdownGolden(t *testing.T) {
	golden.RequireEqual(t, render(t, "md", demoInput(), 0))
}

func TestCSVGolden(t *testing.T) {
	for i, name := range csvParts {
		t.Run(name, func(t *testing.T) {
			out := render(t, "csv", demoInput(), i)
			if !bytes.HasPrefix(out, []byte(bom)) {
				t.Fatal("no UTF-8 byte order mark")
			}
			golden.RequireEqual(t, out)
		})
	}
}

func TestJSONGolden(t *testing.T) {
	in := demoInput()
	in.Build = buildinfo.Info{Release: "0.9.0", Commit: "723f344602931c0ffee5a2b0d4e6f8a1b3c5d7e9"}
	golden.RequireEqual(t, render(t, "json", in, 0))
}

// The JSON report names the Slate that wrote it, as slate --version does
// (the release, and the commit when the build recorded one), and still
// imports: the generator is ignored there.
func TestJSONReportNamesItsGenerator(t *testing.T) {
	in := demoInput()
	var doc struct{ Generator model.DocGenerator }
	out := render(t, "json", in, 0)
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	b := buildinfo.Read()
	if doc.Generator != (model.DocGenerator{Name: "slate", Version: b.Release, Commit: b.Commit, Modified: b.Modified}) {
		t.Fatalf("generator %+v, want slate %s", doc.Generator, b.Release)
	}
	if _, _, err := model.DecodeDocument(out, func(id, version string) (*model.Catalog, bool) { return in.Cat, true }); err != nil {
		t.Fatalf("the JSON report does not import: %v", err)
	}
}

func TestReportsAreReproducible(t *testing.T) {
	for _, f := range Formats() {
		for i := range f.Files {
			a, b := render(t, f.Key, demoInput(), i), render(t, f.Key, demoInput(), i)
			if !bytes.Equal(a, b) {
				t.Fatalf("%s file %d differs between two runs", f.Key, i)
			}
		}
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	in := hostileInput()
	for i, name := range csvParts {
		out := render(t, "csv", in, i)
		if bytes.ContainsRune(out, 0x1b) || bytes.ContainsRune(out, 0x07) {
			t.Fatalf("%s: escape sequence in CSV", name)
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte(bom)))).ReadAll()
		if err != nil {
			t.Fatalf("%s: CSV does not parse back: %v", name, err)
		}
		width := len(recs[0])
		for i, r := range recs[1:] {
			if len(r) != width {
				t.Fatalf("%s row %d has %d fields, want %d", name, i+1, len(r), width)
			}
			for j, c := range r {
				if c != "" && strings.ContainsRune("=+@", rune(c[0])) {
					t.Fatalf("%s row %d column %s starts a formula: %q", name, i+1, recs[0][j], c)
				}
				if c != "" && c[0] == '-' && !isNumber(c) {
					t.Fatalf("%s row %d column %s starts with '-': %q", name, i+1, recs[0][j], c)
				}
			}
		}
	}
}

func isNumber(s string) bool {
	for i, r := range s {
		if !(r >= '0' && r <= '9' || i == 0 && r == '-') {
			return false
		}
	}
	return true
}

func TestMarkdownTablesHold(t *testing.T) {
	s := string(render(t, "md", hostileInput(), 0))
	if strings.Contains(s, "<script>") || strings.Contains(s, "<img") || strings.ContainsRune(s, 0x1b) {
		t.Fatal("raw HTML or escape sequences in the Markdown")
	}
	// Every table row has as many unescaped pipes as its header.
	var cols int
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Fatalf("table row breaks: %d cells instead of %d: %q", n, cols, line)
		}
	}
}
