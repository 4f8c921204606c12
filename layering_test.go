package main

import (
	"errors"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The layers of Slate, from the bottom:
//
//   - model is pure: the standard library only, so every rule can be
//     tested and reused without a database or a terminal;
//   - store alone talks SQL: only it imports database/sql and the SQLite
//     driver;
//   - ui is the terminal interface, used by package main alone: its root
//     (slate/ui) assembles the screens, ui/common is what they share (it
//     alone reaches the store, through its operations), ui/uitest is test
//     support, and every other package under ui is a screen;
//   - a screen imports neither store nor another screen: it reads the data
//     and asks for changes through ui/common, and names other screens by
//     common.ScreenID.
//
// TestLayering checks these rules on the imports of every non-test Go file
// of the module (whatever its build constraints), read with go/build and
// go/parser, so it needs no network and no build.

const module = "slate"

// layerRule returns why importer may not import imp, or "" when it may.
func layerRule(importer, imp string) string {
	switch {
	case importer == module+"/model" && !isStdlib(imp):
		return "model must use the standard library only"
	case importer == module+"/assetcsv" && !isStdlib(imp) && imp != module+"/model":
		return "assetcsv is a pure parser: the standard library and model only"
	case importer == module+"/ui/diagram" && !isStdlib(imp) && !slices.Contains(diagramImports, imp):
		return "ui/diagram only draws: model, lipgloss and ansi"
	case (imp == "database/sql" || under(imp, "modernc.org/sqlite")) && importer != module+"/store":
		return "only store talks SQL (database/sql and the SQLite driver)"
	case under(imp, module+"/ui/uitest"):
		return "ui/uitest is test support: only _test.go files may import it"
	case under(imp, module+"/ui") && importer != module && !under(importer, module+"/ui"):
		return "only package main (and ui's own packages) may import the terminal interface"
	case screen(importer) != "" && under(imp, module+"/store"):
		return "a screen reaches the store only through ui/common"
	case screen(importer) != "" && screen(imp) != "" && screen(imp) != screen(importer):
		return "a screen does not import another screen: it names it with a common.ScreenID"
	case screen(importer) != "" && imp == module+"/ui":
		return "a screen does not import the root of the interface"
	}
	return ""
}

// under reports whether p is the package root or one below it.
func under(p, root string) bool { return p == root || strings.HasPrefix(p, root+"/") }

// isStdlib reports whether an import path is the standard library's: its
// first element has no dot and it is not one of the module's own.
func isStdlib(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".") && first != module
}

// screen names the screen a package belongs to ("roadmap" for
// slate/ui/roadmap and its sub-packages), or "" for any other package.
func screen(p string) string {
	rest, ok := strings.CutPrefix(p, module+"/ui/")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "/")
	if name == "common" || name == "uitest" || name == "diagram" {
		return "" // shared by the screens, not a screen
	}
	return name
}

// diagramImports are what the zone diagram's renderer may use besides the
// standard library.
var diagramImports = []string{module + "/model", "charm.land/lipgloss/v2", "github.com/charmbracelet/x/ansi"}

// importEdge is one import of one file.
type importEdge struct {
	file, pkg, imp string
}

// moduleImports lists the imports of every non-test Go file of the module
// under root, with the importing package's import path.
func moduleImports(t *testing.T, root string) []importEdge {
	t.Helper()
	ctx := build.Default
	fset := token.NewFileSet()
	var edges []importEdge
	err := filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); dir != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
			return filepath.SkipDir
		}
		p, err := ctx.ImportDir(dir, 0)
		var noGo *build.NoGoError
		if errors.As(err, &noGo) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return err
		}
		pkg := path.Join(module, filepath.ToSlash(rel))
		// Every file, whatever its build constraints (lock_windows.go too).
		files := append(append(slices.Clone(p.GoFiles), p.CgoFiles...), p.IgnoredGoFiles...)
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(fset, filepath.Join(dir, f), nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, is := range af.Imports {
				edges = append(edges, importEdge{filepath.Join(dir, f), pkg, strings.Trim(is.Path.Value, `"`)})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return edges
}

func TestLayering(t *testing.T) {
	edges := moduleImports(t, ".")
	pkgs := map[string]bool{}
	for _, e := range edges {
		pkgs[e.pkg] = true
		if why := layerRule(e.pkg, e.imp); why != "" {
			t.Errorf("package %s imports %q (%s): %s", e.pkg, e.imp, e.file, why)
		}
	}
	// The walk must have seen the layers it guards.
	for _, p := range []string{module, module + "/model", module + "/store", module + "/ui", module + "/ui/common", module + "/ui/interview"} {
		if !pkgs[p] {
			t.Fatalf("package %s not found: the walk missed the module's packages", p)
		}
	}
}

// The rules catch what they are meant to: each of these imports breaks one.
func TestLayerRuleCatchesViolations(t *testing.T) {
	bad := [][2]string{
		{"slate/model", "slate/store"},
		{"slate/model", "charm.land/lipgloss/v2"},
		{"slate/model", "go.yaml.in/yaml/v3"},
		{"slate/report", "database/sql"},
		{"slate/ui/common", "modernc.org/sqlite"},
		{"slate", "modernc.org/sqlite/lib"},
		{"slate/report", "slate/ui/common"},
		{"slate/store", "slate/ui"},
		{"slate/ui/common", "slate/ui/uitest"},
		{"slate/ui/overview", "slate/store"},
		{"slate/ui/matrix", "slate/ui/interview"},
		{"slate/ui/roadmap/plan", "slate/ui/targets"},
		{"slate/ui/reports", "slate/ui"},
		{"slate/assetcsv", "slate/store"},
		{"slate/ui/diagram", "slate/ui/common"},
		{"slate/ui/diagram", "slate/store"},
	}
	for _, b := range bad {
		if layerRule(b[0], b[1]) == "" {
			t.Errorf("%s importing %s is allowed", b[0], b[1])
		}
	}
	good := [][2]string{
		{"slate/model", "strings"},
		{"slate/store", "database/sql"},
		{"slate/store", "modernc.org/sqlite"},
		{"slate", "slate/ui"},
		{"slate/ui", "slate/ui/matrix"},
		{"slate/ui", "slate/store"},
		{"slate/ui/common", "slate/store"},
		{"slate/ui/matrix", "slate/ui/common"},
		{"slate/ui/matrix", "slate/model"},
		{"slate/ui/targets", "slate/ui/diagram"},
		{"slate/ui/diagram", "charm.land/lipgloss/v2"},
		{"slate/assetcsv", "slate/model"},
		{"slate/ui/reports", "slate/report"},
		{"slate/ui/roadmap/plan", "slate/ui/roadmap"},
	}
	for _, g := range good {
		if why := layerRule(g[0], g[1]); why != "" {
			t.Errorf("%s importing %s is refused: %s", g[0], g[1], why)
		}
	}
}

// The rules are written for the module path that go.mod declares.
func TestLayeringModuleName(t *testing.T) {
	src, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(src), "\n")
	if strings.TrimSpace(strings.TrimPrefix(first, "module")) != module {
		t.Fatalf("go.mod says %q; the layering rules are written for module %q", first, module)
	}
}
