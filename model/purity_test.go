package model

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStdlibOnly keeps model pure: its non-test files import the standard
// library only (no database, no terminal, no YAML).
func TestStdlibOnly(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			if first := strings.Split(path, "/")[0]; strings.Contains(first, ".") || first == "slate" {
				t.Errorf("%s imports %s; model must use the standard library only", f, path)
			}
		}
	}
}
