package main

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Pure packages stay pure: each imports the standard library and only
// the project and outside packages listed here (no store, no screen).
func TestPurePackagesImports(t *testing.T) {
	for dir, allowed := range map[string][]string{
		"assetcsv":   {"slate/model"},
		"ui/diagram": {"slate/model", "charm.land/lipgloss/v2", "github.com/charmbracelet/x/ansi"},
	} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(files) == 0 {
			t.Errorf("no Go files in %s", dir)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				p := strings.Trim(imp.Path.Value, `"`)
				first := strings.Split(p, "/")[0]
				stdlib := !strings.Contains(first, ".") && first != "slate"
				if !stdlib && !slices.Contains(allowed, p) {
					t.Errorf("%s imports %s", f, p)
				}
			}
		}
	}
}
