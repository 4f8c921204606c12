package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoNetworkImports keeps Slate's own code free of networking: no file
// outside tests imports net, net/http or any other net/ package. (The CI
// also runs the commands under strace to catch sockets from dependencies.)
func TestNoNetworkImports(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if p == "net" || strings.HasPrefix(p, "net/") || strings.Contains(p, "websocket") || strings.Contains(p, "grpc") {
				t.Errorf("%s imports %s: Slate must not touch the network", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
