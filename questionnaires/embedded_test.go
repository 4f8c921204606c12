package questionnaires

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the embedded .flate catalogs from their YAML")

// Each embedded .flate file inflates to its YAML file byte for byte: the
// binary carries exactly the catalog the repository shows (and so every
// recorded catalog hash still matches).
func TestEmbeddedCatalogsMatchTheirYAML(t *testing.T) {
	for i, f := range embeddedFiles {
		yaml, err := os.ReadFile(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(f.name+".flate", deflate(yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(builtinFiles()[i].data, yaml) {
			t.Errorf("%s.flate is not %s: run go test ./questionnaires -run TestEmbeddedCatalogsMatchTheirYAML -update", f.name, f.name)
		}
	}
}
