package questionnaires

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodCatalog = `id: acme-checklist
version: "3"
tags:
  acme-only: "Company rule"
requirements:
  - id: SR 1.1
    fr: 1
    title: "Operator login"
    sl: 1
    applies_to: zone
    questions: ["Do operators log in with their own account?"]
    tags: [acme-only, shared-credentials]
  - id: SR 1.1 RE 1
    fr: 1
    title: "Unique accounts"
    sl: 2
    applies_to: both
    questions: ["Is every account personal?"]
    effort: high
    outage: true
`

func TestParseGood(t *testing.T) {
	c, err := Parse("acme.yaml", []byte(goodCatalog))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := c.Requirement("SR 1.1 RE 1")
	if r.Parent != "SR 1.1" || !r.Outage || r.Effort.String() != "high" || c.Version != "3" {
		t.Fatalf("parsed %+v", r)
	}
	if c.Hash != Hash([]byte(goodCatalog)) {
		t.Fatal("hash is not the content hash")
	}
}

func TestParseErrorsCarryLines(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"duplicate id", strings.Replace(goodCatalog, "SR 1.1 RE 1", "SR 1.1", 1), "acme.yaml:13: duplicate id \"SR 1.1\" (first at line 6)"},
		{"orphan RE", strings.Replace(goodCatalog, "id: SR 1.1\n", "id: SR 1.4\n", 1), "acme.yaml:13: SR 1.1 RE 1: no requirement \"SR 1.1\""},
		{"fr out of range", strings.Replace(goodCatalog, "fr: 1\n    title: \"Operator", "fr: 9\n    title: \"Operator", 1), "acme.yaml:7: SR 1.1: fr 9 is not in 1..7"},
		{"fr disagrees with id", strings.Replace(goodCatalog, "fr: 1\n    title: \"Operator", "fr: 2\n    title: \"Operator", 1), "acme.yaml:7: SR 1.1: id says FR1 but fr is 2"},
		{"sl out of range", strings.Replace(goodCatalog, "sl: 1", "sl: 5", 1), "acme.yaml:9: SR 1.1: sl 5 is not in 1..4"},
		{"sl zero", strings.Replace(goodCatalog, "sl: 1", "sl: 0", 1), "acme.yaml:9: SR 1.1: sl 0 is not in 1..4"},
		{"empty question", strings.Replace(goodCatalog, `["Do operators log in with their own account?"]`, `[""]`, 1), "acme.yaml:11: SR 1.1: needs at least one non-empty question"},
		{"unknown tag", strings.Replace(goodCatalog, "acme-only, shared", "typo-tag, shared", 1), "acme.yaml:12: SR 1.1: unknown tag \"typo-tag\""},
		{"unknown field", strings.Replace(goodCatalog, "effort: high", "efort: high", 1), "acme.yaml:19: unknown field \"efort\""},
		{"bad applies_to", strings.Replace(goodCatalog, "applies_to: zone", "applies_to: plant", 1), "acme.yaml:10: SR 1.1: applies_to \"plant\""},
		{"not a number", strings.Replace(goodCatalog, "sl: 2", "sl: two", 1), "acme.yaml:16: sl must be a whole number"},
		{"RE below its SR", strings.Replace(goodCatalog, "sl: 2", "sl: 1", 1) + "", ""},
		{"missing version", strings.Replace(goodCatalog, "version: \"3\"\n", "", 1), "acme.yaml:1: missing version"},
		{"bad yaml", "id: [unclosed\n", "acme.yaml:1: invalid YAML"},
		{"not a mapping", "- just\n- a list\n", "acme.yaml:1: a catalog is a mapping"},
		{"empty", "", "acme.yaml: empty catalog"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("acme.yaml", []byte(tc.yaml))
			if tc.want == "" {
				// RE at sl 1 under an sl-1 SR is allowed (same level).
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want Problems, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func TestREBelowItsSR(t *testing.T) {
	y := strings.Replace(goodCatalog, "sl: 1", "sl: 3", 1)
	_, err := Parse("acme.yaml", []byte(y))
	if err == nil || !strings.Contains(err.Error(), "acme.yaml:13: SR 1.1 RE 1: sl 2 is below its SR's sl 3") {
		t.Fatalf("got %v", err)
	}
}

func TestLoadDirAndValidate(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "acme.yaml"), []byte(goodCatalog), 0o600); err != nil {
		t.Fatal(err)
	}
	lib, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.All()) != 2 || lib.Default().ID != BuiltinID {
		t.Fatalf("library: %d catalogs", len(lib.All()))
	}
	if c, ok := lib.Get("acme-checklist", "3"); !ok || len(c.Requirements) != 2 {
		t.Fatal("extra catalog not found")
	}
	if err := Validate(dir); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "broken.yml")
	os.WriteFile(bad, []byte(strings.Replace(goodCatalog, "sl: 1", "sl: 7", 1)), 0o600)
	if err := Validate(dir); err == nil || !strings.Contains(err.Error(), "broken.yml:9:") {
		t.Fatalf("folder validation: %v", err)
	}
	if _, err := Load(dir); err == nil {
		t.Fatal("a broken extra catalog must stop the load")
	}
	if err := Validate(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Fatal("missing file accepted")
	}
	if err := Validate(t.TempDir()); err == nil {
		t.Fatal("empty folder accepted")
	}
}

func TestEscapesStrippedFromCatalogText(t *testing.T) {
	y := strings.Replace(goodCatalog, `"Operator login"`, `"Operator \e[31mlogin\e]0;x\a"`, 1)
	c, err := Parse("acme.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := c.Requirement("SR 1.1"); r.Title != "Operator login" {
		t.Fatalf("title %q", r.Title)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(goodCatalog))
	// A slice of the built-in catalog: large seeds make minimisation crawl.
	f.Add(BuiltinSource()[:4000])
	f.Add([]byte("id: x\nversion: 1\nrequirements:\n  - id: &a SR 1.1\n    fr: *a\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Add([]byte("requirements: {}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.yaml", data)
		if err == nil && c == nil {
			t.Fatal("nil catalog without error")
		}
		if err != nil && c != nil {
			t.Fatal("catalog with error")
		}
		if err == nil {
			for _, r := range c.Requirements {
				if !r.FR.Valid() || r.SL < 1 || r.SL > 4 || len(r.Questions) == 0 {
					t.Fatalf("invalid requirement accepted: %+v", r)
				}
			}
		}
	})
}
