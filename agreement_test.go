package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/net/html"
	"pgregory.net/rapid"

	"slate/model"
	"slate/questionnaires"
	"slate/report"
	"slate/store"
	"slate/ui/common"
	"slate/ui/interview"
	"slate/ui/matrix"
	"slate/ui/overview"
)

// The same cell must read the same everywhere. For generated plants this
// test builds the expected map (target, FR) -> (text, state) from
// model.FRScore.Cell, then parses every output that shows cells back into
// such a map, whole, and compares: the Gap matrix, Overview and interview
// side panel screens, `slate matrix` as text and JSON, the Markdown and HTML
// reports and the CSV report's matrix file, in both scopes.
//
// Outputs that only show text (the screens and `slate matrix`) carry the
// state in the text itself: "?/T" not assessed, "/-" no target, "ok" at
// target, "-N" a gap; "n/a" is at target, or no target where SL-T is 0.

type cellKey struct {
	target string
	fr     model.FR
}

type cellMap map[cellKey]model.Cell

// agreeCatalog is small enough to produce every case often: FR2 has no
// requirement for conduits, FR3 none below SL 3 (S is empty up to SL-T 2),
// and the levels 1..4 are all present in FR1.
const agreeCatalog = `id: agree
version: "1"
title: "Agreement test catalog"
requirements:
  - {id: SR 1.1, fr: 1, title: "One", sl: 1, applies_to: both, questions: ["q"]}
  - {id: SR 1.1 RE 1, fr: 1, title: "Two", sl: 2, applies_to: both, questions: ["q"]}
  - {id: SR 1.2, fr: 1, title: "Three", sl: 3, applies_to: zone, questions: ["q"]}
  - {id: SR 1.3, fr: 1, title: "Four", sl: 4, applies_to: both, questions: ["q"]}
  - {id: SR 2.1, fr: 2, title: "Use", sl: 1, applies_to: zone, questions: ["q"]}
  - {id: SR 2.2, fr: 2, title: "Use two", sl: 2, applies_to: zone, questions: ["q"]}
  - {id: SR 3.1, fr: 3, title: "High", sl: 3, applies_to: both, questions: ["q"]}
  - {id: SR 3.2, fr: 3, title: "Higher", sl: 4, applies_to: both, questions: ["q"]}
  - {id: SR 4.1, fr: 4, title: "Conf", sl: 1, applies_to: both, questions: ["q"]}
  - {id: SR 5.1, fr: 5, title: "Seg", sl: 1, applies_to: conduit, questions: ["q"]}
  - {id: SR 5.2, fr: 5, title: "Seg two", sl: 2, applies_to: both, questions: ["q"]}
  - {id: SR 6.1, fr: 6, title: "Logs", sl: 2, applies_to: both, questions: ["q"]}
  - {id: SR 7.1, fr: 7, title: "Avail", sl: 1, applies_to: both, questions: ["q"]}
  - {id: SR 7.2, fr: 7, title: "Avail two", sl: 2, applies_to: both, questions: ["q"]}
`

func agreeSetup(t *testing.T) (*model.Catalog, string) {
	dir := t.TempDir()
	path := filepath.Join(dir, "agree.yaml")
	if err := os.WriteFile(path, []byte(agreeCatalog), 0o600); err != nil {
		t.Fatal(err)
	}
	lib, err := questionnaires.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cat, ok := lib.Get("agree", "1")
	if !ok {
		t.Fatal("the agreement catalog did not load")
	}
	return cat, dir
}

// genPlant draws zones and conduits with SL-T vectors that often hold 0
// and answers of every status, with all-n/a FRs more likely than chance.
func genPlant(rt *rapid.T, cat *model.Catalog) *model.Assessment {
	a := &model.Assessment{Name: "Agreement plant", CatalogID: cat.ID, CatalogVersion: cat.Version, CatalogHash: cat.Hash,
		Answers: map[string]model.Answers{}}
	slt := func(label string) model.SLVector {
		var v model.SLVector
		zero := rapid.Bool().Draw(rt, label+"-allzero") && rapid.IntRange(0, 3).Draw(rt, label+"-z") == 0
		for i := range v {
			if !zero {
				v[i] = model.Level(rapid.SampledFrom([]int{0, 1, 1, 2, 2, 3, 4}).Draw(rt, label))
			}
		}
		return v
	}
	nz := rapid.IntRange(1, 3).Draw(rt, "zones")
	for i := range nz {
		a.Zones = append(a.Zones, model.Zone{Key: fmt.Sprintf("z%d", i+1), Name: fmt.Sprintf("Zone %d", i+1), SLT: slt("zslt")})
	}
	for i := range rapid.IntRange(0, min(2, nz-1)).Draw(rt, "conduits") {
		from := rapid.IntRange(1, nz).Draw(rt, "from")
		a.Conduits = append(a.Conduits, model.Conduit{Key: fmt.Sprintf("c%d", i+1), Name: fmt.Sprintf("Conduit %d", i+1),
			From: fmt.Sprintf("z%d", from), To: fmt.Sprintf("z%d", from%nz+1), SLT: slt("cslt")})
	}
	statuses := []model.Status{model.Unanswered, model.Yes, model.Partial, model.No, model.NA, model.Compensating}
	for _, t := range a.Targets() {
		as := model.Answers{}
		naFR := model.FR(rapid.IntRange(0, 7).Draw(rt, "na-fr")) // this FR answered all n/a
		for _, fr := range model.FRs {
			for _, r := range cat.Applicable(t.Kind, fr) {
				st := rapid.SampledFrom(statuses).Draw(rt, "status")
				if fr == naFR {
					st = model.NA
				}
				if st == model.Unanswered {
					continue
				}
				as[r.ID] = model.Answer{Requirement: r.ID, Status: st, Justification: "because"}
			}
		}
		a.Answers[t.Key] = as
	}
	return a
}

func expectedCells(m model.Matrix) cellMap {
	out := cellMap{}
	for _, r := range m.Rows {
		for _, fr := range model.FRs {
			out[cellKey{r.Target.Key, fr}] = r.Score.At(fr).Cell()
		}
	}
	return out
}

// stateOfText reads a cell's state from its text, as a reader of a
// colourless output does.
func stateOfText(text string, slt model.Level) model.CellState {
	switch {
	case text == "n/a" && slt == 0, strings.HasSuffix(text, "/-"):
		return model.StateNoTarget
	case text == "n/a", strings.HasSuffix(text, " ok"):
		return model.StateAtTarget
	case strings.HasPrefix(text, "?/"):
		return model.StateNotAssessed
	}
	return model.StateGap
}

func TestEveryOutputAgreesOnEveryCell(t *testing.T) {
	cat, catDir := agreeSetup(t)
	rapid.Check(t, func(rt *rapid.T) {
		a := genPlant(rt, cat)
		dir := t.TempDir()
		path := filepath.Join(dir, "plant.slate")
		st, err := store.Create(path, a, store.Options{Clock: func() time.Time { return time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC) }})
		if err != nil {
			rt.Fatal(err)
		}
		loaded, err := st.Load()
		if err != nil {
			rt.Fatal(err)
		}
		defer st.Close()
		for _, scope := range []model.Scope{model.ScopeSLT, model.ScopeSL4} {
			m := model.BuildMatrix(cat, loaded, scope)
			want := expectedCells(m)
			slt := func(k cellKey) model.Level {
				tg, _ := loaded.Target(k.target)
				return tg.SLT.At(k.fr)
			}
			outputs := map[string]cellMap{}
			ctx := &common.Context{Data: common.NewData(cat, loaded.Snapshot(), path), Styles: common.NewStyles(true),
				Ops: common.NewOps(st, true)}
			ctx.Data.SetScope(scope)
			outputs["gap matrix screen"] = parseMatrixScreen(rt, ctx, loaded, slt)
			outputs["overview screen"] = parseOverview(rt, ctx, loaded, slt)
			outputs["interview side panel"] = parseSidePanel(rt, ctx, loaded, slt)

			args := []string{"matrix", path, "--catalogs", catDir}
			if scope == model.ScopeSL4 {
				args = append(args, "--scope", "4")
			}
			outputs["slate matrix"] = parseMatrixText(rt, cliOut(rt, args...), loaded, slt)
			outputs["slate matrix --json"] = parseMatrixJSON(rt, cliOut(rt, append(args, "--json")...))

			in := report.NewInput(loaded, cat, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), "plant.slate", report.Chain{}, scope)
			md, mdStates := parseMarkdown(rt, renderFormat(rt, "md", in, 0), loaded)
			outputs["markdown matrix"] = md
			outputs["markdown target tables"] = mdStates
			heat, appendix := parseHTML(rt, renderFormat(rt, "html", in, 0), loaded)
			outputs["html heatmap"] = heat
			outputs["html matrix table"] = appendix
			outputs["csv matrix"] = parseMatrixCSV(rt, renderFormat(rt, "csv", in, 2))

			for name, got := range outputs {
				if !maps.Equal(got, want) {
					rt.Fatalf("%s (%s) disagrees with model:\n%s", name, scope.Key(), diffCells(want, got))
				}
			}
		}
	})
}

func diffCells(want, got cellMap) string {
	var b strings.Builder
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			fmt.Fprintf(&b, "  %s %s: want %q %s, got %q %s (present %v)\n", k.target, k.fr, w.Text, w.State, g.Text, g.State, ok)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			fmt.Fprintf(&b, "  %s %s: unexpected\n", k.target, k.fr)
		}
	}
	return b.String()
}

func cliOut(rt *rapid.T, args ...string) string {
	var out, errb bytes.Buffer
	if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
		rt.Fatalf("slate %v: exit %d: %s", args, code, errb.String())
	}
	return out.String()
}

func renderFormat(rt *rapid.T, key string, in *report.Input, file int) string {
	f, ok := report.LookupFormat(key)
	if !ok {
		rt.Fatalf("no format %s", key)
	}
	out, err := report.Render(f, in, file)
	if err != nil {
		rt.Fatal(err)
	}
	return string(out)
}

func plainLines(view string) []string {
	return strings.Split(ansi.Strip(view), "\n")
}

// keyOfName maps a target's display name to its key.
func keyOfName(a *model.Assessment) map[string]string {
	out := map[string]string{}
	for _, t := range a.Targets() {
		out[t.Name] = t.Key
	}
	return out
}

// columnCells cuts model.MaxCellWidth runes at each FR column, where the
// column positions come from the header line.
func columnCells(header, line []rune) ([model.NumFR]string, bool) {
	var out [model.NumFR]string
	h := string(header)
	for i, fr := range model.FRs {
		pos := strings.Index(h, fr.String())
		if pos < 0 {
			return out, false
		}
		pos = len([]rune(h[:pos]))
		end := min(len(line), pos+model.MaxCellWidth)
		if pos >= len(line) {
			return out, false
		}
		out[i] = strings.TrimSpace(string(line[pos:end]))
	}
	return out, true
}

// parseColumns reads a table whose header line starts with headerPrefix
// and names FR1..FR7: nameOf finds the target's name in what stands before
// the FR1 column, each cell is the MaxCellWidth cells at its column.
func parseColumns(rt *rapid.T, lines []string, headerPrefix string, nameOf func(string) string, a *model.Assessment, slt func(cellKey) model.Level) cellMap {
	names := keyOfName(a)
	out := cellMap{}
	var header []rune
	nameEnd := 0
	for _, l := range lines {
		r := []rune(l)
		if strings.HasPrefix(l, headerPrefix) {
			header = r
			nameEnd = len([]rune(l[:strings.Index(l, "FR1")]))
			continue
		}
		if header == nil || len(r) < nameEnd {
			continue
		}
		key, ok := names[nameOf(string(r[:nameEnd]))]
		if !ok {
			continue // a section label, a legend line
		}
		cells, ok := columnCells(header, r)
		if !ok {
			rt.Fatalf("row %q", l)
		}
		for i, fr := range model.FRs {
			k := cellKey{key, fr}
			out[k] = model.Cell{Text: cells[i], State: stateOfText(cells[i], slt(k))}
		}
	}
	return out
}

// parseMatrixScreen reads the Gap matrix screen: a two-cell gutter ("> "
// on the cursor's row), then the name.
func parseMatrixScreen(rt *rapid.T, ctx *common.Context, a *model.Assessment, slt func(cellKey) model.Level) cellMap {
	s := matrix.New(ctx)
	s.SetSize(200, len(a.Targets())+12)
	return parseColumns(rt, plainLines(s.View()), "  Target", func(p string) string { return strings.TrimSpace(p[2:]) }, a, slt)
}

// parseOverview moves the Overview's cursor over every target and reads the
// FR picture beside the list.
func parseOverview(rt *rapid.T, ctx *common.Context, a *model.Assessment, slt func(cellKey) model.Level) cellMap {
	s := overview.New(ctx)
	s.SetSize(200, 40)
	out := cellMap{}
	for i := range a.Targets() {
		if i > 0 {
			s.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		}
		key := s.Selected()
		lines := plainLines(s.View())
		var col int = -1
		for _, l := range lines {
			r := []rune(l)
			sep := strings.Index(l, "│")
			if sep < 0 {
				continue
			}
			right := []rune(l[sep+len("│"):])
			rs := string(right)
			if j := strings.Index(rs, "A/T"); j >= 0 && strings.HasPrefix(strings.TrimSpace(rs), "FR ") {
				col = len([]rune(rs[:j]))
				continue
			}
			tr := strings.TrimSpace(rs)
			if col < 0 || len(tr) < 4 || !strings.HasPrefix(tr, "FR") || tr[3] != ' ' {
				continue
			}
			fr := model.FR(tr[2] - '0')
			if !fr.Valid() || col >= len(right) {
				continue
			}
			text := strings.TrimSpace(string(right[col:min(len(right), col+model.MaxCellWidth)]))
			k := cellKey{key, fr}
			out[k] = model.Cell{Text: text, State: stateOfText(text, slt(k))}
			_ = r
		}
	}
	return out
}

var sideRow = regexp.MustCompile(`^(?:> |  )FR([1-7]) (\S+(?: \S+)?)\s*$`)

// parseSidePanel opens the interview on every target and reads the SL-A
// panel on the right.
func parseSidePanel(rt *rapid.T, ctx *common.Context, a *model.Assessment, slt func(cellKey) model.Level) cellMap {
	s := interview.New(ctx)
	s.SetSize(200, 30)
	out := cellMap{}
	for _, t := range a.Targets() {
		s.Update(common.GoTo{Screen: common.ScreenInterview, Target: t.Key, FR: 1})
		lines := plainLines(s.View())
		col := -1
		for _, l := range lines {
			r := []rune(l)
			if j := strings.Index(l, "SL-A/SL-T"); j >= 0 && col < 0 {
				col = len([]rune(l[:j]))
				continue
			}
			if col < 0 || col >= len(r) {
				continue
			}
			m := sideRow.FindStringSubmatch(string(r[col:]))
			if m == nil {
				continue
			}
			k := cellKey{t.Key, model.FR(m[1][0] - '0')}
			out[k] = model.Cell{Text: m[2], State: stateOfText(m[2], slt(k))}
		}
	}
	return out
}

// parseMatrixText reads `slate matrix`: the name, then the kind column.
func parseMatrixText(rt *rapid.T, text string, a *model.Assessment, slt func(cellKey) model.Level) cellMap {
	name := func(p string) string { n, _, _ := strings.Cut(p, "  "); return n }
	return parseColumns(rt, strings.Split(text, "\n"), "TARGET", name, a, slt)
}

func parseMatrixJSON(rt *rapid.T, text string) cellMap {
	var doc report.MatrixDoc
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		rt.Fatal(err)
	}
	out := cellMap{}
	for _, t := range doc.Targets {
		for _, c := range t.FRs {
			out[cellKey{t.ID, model.FR(c.FR)}] = model.Cell{Text: c.Text, State: model.CellState(c.State)}
		}
	}
	return out
}

// stateOfWords maps the words the reports print back to a state.
func stateOfWords(w string) model.CellState {
	for _, s := range model.CellStates {
		if s.Describe() == w {
			return s
		}
	}
	return ""
}

// parseMarkdown reads the gap matrix table (texts, states from the
// text) and every target's FR table (text and state words).
func parseMarkdown(rt *rapid.T, md string, a *model.Assessment) (matrixCells, targetCells cellMap) {
	names := keyOfName(a)
	matrixCells, targetCells = cellMap{}, cellMap{}
	section, current := "", ""
	cellsOf := func(row string) []string {
		row = strings.TrimSuffix(strings.TrimPrefix(row, "| "), " |")
		return strings.Split(row, " | ")
	}
	unquote := func(s string) string { return strings.Trim(s, "`") }
	for _, l := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(l, "## "):
			section, current = l, ""
			if name, ok := strings.CutPrefix(l, "## Zone: "); ok {
				current = names[name]
			} else if name, ok := strings.CutPrefix(l, "## Conduit: "); ok {
				current = names[name]
			}
			continue
		case !strings.HasPrefix(l, "| ") || strings.HasPrefix(l, "|---"):
			continue
		}
		f := cellsOf(l)
		switch {
		case section == "## Gap matrix" && len(f) == 3+model.NumFR+1:
			key, ok := names[f[0]]
			if !ok {
				continue // the header
			}
			var slt model.SLVector
			if v, err := model.ParseSLVector(f[2]); err == nil {
				slt = v
			}
			for i, fr := range model.FRs {
				text := unquote(f[3+i])
				matrixCells[cellKey{key, fr}] = model.Cell{Text: text, State: stateOfText(text, slt.At(fr))}
			}
		case current != "" && len(f) == 4 && strings.HasPrefix(f[0], "FR") && len(f[0]) > 3:
			fr := model.FR(f[0][2] - '0')
			if fr.Valid() {
				targetCells[cellKey{current, fr}] = model.Cell{Text: unquote(f[1]), State: stateOfWords(f[2])}
			}
		}
	}
	return matrixCells, targetCells
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// parseHTML reads the heatmap (an SVG cell is a g with data-state and a
// text of class main) and the appendix table (a td with data-state whose
// own text, before the state line, is the cell).
// isDiagramZone tells a zone of the zone diagram (which carries its worst
// state, not a cell) from a heatmap cell.
func isDiagramZone(n *html.Node) bool {
	cl, _ := attr(n, "class")
	return strings.HasPrefix(cl, "zone ")
}

func parseHTML(rt *rapid.T, doc string, a *model.Assessment) (heat, table cellMap) {
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		rt.Fatal(err)
	}
	names := keyOfName(a)
	heat, table = cellMap{}, cellMap{}
	var walk func(n *html.Node, inAppendix bool)
	walk = func(n *html.Node, inAppendix bool) {
		if n.Type == html.ElementNode {
			if id, _ := attr(n, "id"); id == "appendix-matrix" {
				inAppendix = true
			}
			switch {
			case n.Data == "g" && hasAttr(n, "data-state") && !isDiagramZone(n):
				// Heatmap cell: its line's name is the text of class name
				// in the enclosing g.
				line := n.Parent
				var name string
				for c := line.FirstChild; c != nil; c = c.NextSibling {
					if c.Data == "a" {
						for t := c.FirstChild; t != nil; t = t.NextSibling {
							if cl, _ := attr(t, "class"); cl == "name" {
								name = nodeOwnText(t)
							}
						}
					}
				}
				fr := model.FR(countPrevCells(n) + 1)
				var main string
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if cl, _ := attr(c, "class"); cl == "main" {
						main = textOf(c)
					}
				}
				st, _ := attr(n, "data-state")
				heat[cellKey{names[name], fr}] = model.Cell{Text: main, State: model.CellState(st)}
			case inAppendix && n.Data == "tr":
				var name string
				fr := model.FR(0)
				for td := n.FirstChild; td != nil; td = td.NextSibling {
					if td.Data != "td" {
						continue
					}
					if cl, _ := attr(td, "class"); cl == "mxn" {
						for c := td.FirstChild; c != nil; c = c.NextSibling {
							if c.Data == "a" {
								name = textOf(c)
							}
						}
						continue
					}
					st, ok := attr(td, "data-state")
					if !ok {
						continue
					}
					fr++
					table[cellKey{names[name], fr}] = model.Cell{Text: nodeOwnText(td), State: model.CellState(st)}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inAppendix)
		}
	}
	walk(root, false)
	return heat, table
}

func hasAttr(n *html.Node, key string) bool { _, ok := attr(n, key); return ok }

// nodeOwnText is the text directly inside n, without its child elements.
func nodeOwnText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func countPrevCells(n *html.Node) int {
	i := 0
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode && c.Data == "g" && hasAttr(c, "data-state") {
			i++
		}
	}
	return i
}

func parseMatrixCSV(rt *rapid.T, text string) cellMap {
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\ufeff"))).ReadAll()
	if err != nil {
		rt.Fatal(err)
	}
	out := cellMap{}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs[1:] {
		fr := model.FR(r[col["fr"]][0] - '0')
		out[cellKey{r[col["target"]], fr}] = model.Cell{Text: r[col["text"]], State: model.CellState(r[col["state"]])}
	}
	return out
}
