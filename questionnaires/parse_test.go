package questionnaires

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"slate/model"
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
	c, warnings, err := Parse("acme.yaml", []byte(goodCatalog))
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
	// A format-1 catalog loads, but its author is told once, with a line,
	// what format 2 would add. Its RE applies to both kinds under a
	// zone-only SR: a warning in format 1, an error in format 2.
	if c.Format != 1 || len(warnings) != 2 ||
		!strings.HasPrefix(warnings[0].String(), "acme.yaml:5: format 1 catalog: its 2 requirements have no met_when") ||
		warnings[1].String() != "acme.yaml:13: SR 1.1 RE 1: applies to zones and conduits, but SR 1.1 applies to zones only; an enhancement applies only where its SR does (an error from format 2 on)" {
		t.Fatalf("format %d, warnings %v", c.Format, warnings)
	}
	if q := r.Questions; len(q) != 1 || q[0].For != model.AppliesBoth {
		t.Fatalf("a plain question must mean both kinds: %+v", q)
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
			_, _, err := Parse("acme.yaml", []byte(tc.yaml))
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
	_, _, err := Parse("acme.yaml", []byte(y))
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
	builtin := len(builtinFiles())
	if len(lib.All()) != builtin+1 || lib.Default() != Builtin() || lib.All()[builtin].ID != "acme-checklist" {
		t.Fatalf("library: %d catalogs", len(lib.All()))
	}
	if c, ok := lib.Get("acme-checklist", "3"); !ok || len(c.Requirements) != 2 {
		t.Fatal("extra catalog not found")
	}
	if ws := lib.Warnings(); len(ws) != 2 || !strings.Contains(ws[0].String(), "acme.yaml:5: format 1 catalog") {
		t.Fatalf("library warnings %v", ws)
	}
	if ws, err := Validate(dir); err != nil || len(ws) != 2 {
		t.Fatal(ws, err)
	}
	bad := filepath.Join(dir, "broken.yml")
	os.WriteFile(bad, []byte(strings.Replace(goodCatalog, "sl: 1", "sl: 7", 1)), 0o600)
	if _, err := Validate(dir); err == nil || !strings.Contains(err.Error(), "broken.yml:9:") {
		t.Fatalf("folder validation: %v", err)
	}
	if _, err := Load(dir); err == nil {
		t.Fatal("a broken extra catalog must stop the load")
	}
	if _, err := Validate(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Fatal("missing file accepted")
	}
	if _, err := Validate(t.TempDir()); err == nil {
		t.Fatal("empty folder accepted")
	}
}

func TestEscapesStrippedFromCatalogText(t *testing.T) {
	y := strings.Replace(goodCatalog, `"Operator login"`, `"Operator \e[31mlogin\e]0;x\a"`, 1)
	c, _, err := Parse("acme.yaml", []byte(y))
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
	f.Add([]byte(format2Catalog))
	// The format-2 sections on their own, and a question mapping with an
	// alias, so mutations reach each new branch of the loader quickly.
	f.Add([]byte(format2Catalog[strings.Index(format2Catalog, "site_questions:"):]))
	f.Add([]byte("format: 2\nid: x\nversion: \"1\"\nrequirements:\n  - id: SR 5.1\n    fr: 5\n    title: t\n    sl: 1\n    applies_to: both\n    questions:\n      - &q {text: \"q?\", for: zone}\n      - {text: \"c?\", for: conduit}\n      - *q\n    met_when: m\n    evidence_from: test\nprojects:\n  - {id: p, title: P, requirements: [SR 5.1]}\n"))
	f.Add([]byte("format: 2\nsite_questions:\n  - {id: SITE 1, title: t, questions: [q?], met_when: m, tags: [no-zone-model]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _, err := Parse("fuzz.yaml", data)
		if err == nil && c == nil {
			t.Fatal("nil catalog without error")
		}
		if err != nil && c != nil {
			t.Fatal("catalog with error")
		}
		if err != nil {
			return
		}
		for _, r := range c.Requirements {
			if !r.FR.Valid() || r.SL < 1 || r.SL > 4 || len(r.Questions) == 0 {
				t.Fatalf("invalid requirement accepted: %+v", r)
			}
			for _, k := range []model.TargetKind{model.KindZone, model.KindConduit} {
				if r.AppliesTo.Includes(k) && len(r.QuestionsFor(k)) == 0 {
					t.Fatalf("%s applies to %ss without a question for them", r.ID, k)
				}
			}
			if c.Format >= 2 && r.MetWhen == "" {
				t.Fatalf("format 2 requirement %s without met_when", r.ID)
			}
			if p, ok := c.Requirement(r.Parent); ok && c.Format >= 2 && r.AppliesTo&^p.AppliesTo != 0 {
				t.Fatalf("%s applies beyond its SR", r.ID)
			}
		}
		for _, p := range c.Projects {
			for _, id := range p.Requirements {
				if _, ok := c.Requirement(id); !ok {
					t.Fatalf("project %s names unknown %s", p.ID, id)
				}
			}
		}
	})
}
