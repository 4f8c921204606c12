package questionnaires

import (
	"errors"
	"strings"
	"testing"

	"slate/model"
)

// format2Catalog uses every format-2 feature; line numbers matter to the
// error cases below.
const format2Catalog = `format: 2
id: acme-checklist
version: "4"
requirements:
  - id: SR 1.1
    fr: 1
    title: "Operator login"
    sl: 1
    applies_to: both
    questions:
      - {text: "Do operators log in with their own account?", for: zone}
      - {text: "Does the VPN on this conduit ask for a login?", for: conduit}
      - "Is every login recorded?"
    met_when: "Yes: every login is personal. Partial: some shared logins remain."
    tags: [shared-credentials]
  - id: SR 1.1 RE 1
    fr: 1
    title: "Unique accounts"
    sl: 2
    applies_to: zone
    questions: ["Is every account personal?"]
    met_when: "Yes: all accounts are personal."
    evidence_from: vendor
site_questions:
  - id: SITE 1
    title: "Patching"
    questions: ["Is there an OT patch process?"]
    met_when: "Yes: written and followed."
    look_for: "The procedure."
    tags: [no-patch-management]
projects:
  - id: access
    title: "Access control"
    requirements: [SR 1.1, SR 1.1 RE 1]
`

func TestParseFormat2(t *testing.T) {
	c, warnings, err := Parse("acme.yaml", []byte(format2Catalog))
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	r, _ := c.Requirement("SR 1.1")
	texts := func(k model.TargetKind) []string {
		var out []string
		for _, q := range r.QuestionsFor(k) {
			out = append(out, q.Text)
		}
		return out
	}
	zone, conduit := texts(model.KindZone), texts(model.KindConduit)
	if strings.Join(zone, "|") != "Do operators log in with their own account?|Is every login recorded?" ||
		strings.Join(conduit, "|") != "Does the VPN on this conduit ask for a login?|Is every login recorded?" {
		t.Fatalf("zone %q, conduit %q", zone, conduit)
	}
	if c.Format != 2 || r.MetWhen != "Yes: every login is personal. Partial: some shared logins remain." {
		t.Fatalf("format %d, met_when %q", c.Format, r.MetWhen)
	}
	re, _ := c.Requirement("SR 1.1 RE 1")
	if re.EvidenceFrom != model.EvidenceVendor || r.EvidenceFrom != model.EvidenceStaff {
		t.Fatalf("evidence_from %q / %q", re.EvidenceFrom, r.EvidenceFrom)
	}
	s, ok := c.SiteQuestion("SITE 1")
	if !ok || s.Title != "Patching" || s.MetWhen == "" || s.LookFor != "The procedure." || !s.HasTag("no-patch-management") {
		t.Fatalf("site question %+v", s)
	}
	if p, ok := c.ProjectOf("SR 1.1 RE 1"); !ok || p.ID != "access" || len(p.Requirements) != 2 {
		t.Fatalf("project %+v", p)
	}
}

func TestFormat2ErrorsCarryLines(t *testing.T) {
	edit := func(old, new string) string {
		if !strings.Contains(format2Catalog, old) {
			t.Fatalf("test edit %q does not apply", old)
		}
		return strings.Replace(format2Catalog, old, new, 1)
	}
	cases := []struct{ name, yaml, want string }{
		{"met_when required", edit(`    met_when: "Yes: all accounts are personal."`+"\n", ""),
			"acme.yaml:16: missing met_when"},
		{"question for a kind the requirement skips", edit("applies_to: both", "applies_to: zone"),
			"acme.yaml:12: SR 1.1: question for conduits, but the requirement applies to zones only"},
		{"no question for a kind", edit(`      - "Is every login recorded?"`, `      - {text: "Is every login recorded?", for: zone}`),
			""},
		{"bad for", edit("for: zone}", "for: plant}"), "acme.yaml:11: SR 1.1: question for \"plant\" must be zone, conduit or both"},
		{"unknown question field", edit("for: zone}", "fro: zone}"), "acme.yaml:11: unknown field \"fro\""},
		{"bad evidence_from", edit("evidence_from: vendor", "evidence_from: staff"), "acme.yaml:23: SR 1.1 RE 1: evidence_from \"staff\" must be vendor or test"},
		{"unknown format", edit("format: 2", "format: 3"), "acme.yaml:1: format 3 is not one this Slate reads (1 to 2)"},
		{"site id", edit("id: SITE 1", "id: SITE one"), "acme.yaml:25: id \"SITE one\": must read SITE 1, SITE 2, ..."},
		{"site met_when", edit(`    met_when: "Yes: written and followed."`+"\n", ""), "acme.yaml:25: missing met_when"},
		{"site tag", edit("tags: [no-patch-management]", "tags: [no-patching]"), "acme.yaml:30: SITE 1: unknown tag \"no-patching\""},
		{"site field", edit("    look_for: \"The procedure.\"", "    lookfor: \"The procedure.\""), "acme.yaml:29: unknown field \"lookfor\""},
		{"project unknown requirement", edit("[SR 1.1, SR 1.1 RE 1]", "[SR 1.1, SR 1.9]"), "acme.yaml:34: project access: no requirement \"SR 1.9\""},
		{"requirement in two projects", format2Catalog + "  - id: more\n    title: \"More\"\n    requirements: [SR 1.1]\n",
			"acme.yaml:37: project more: SR 1.1 is already in project access"},
		{"duplicate project", format2Catalog + "  - id: access\n    title: \"Again\"\n    requirements: [SR 1.1]\n",
			"acme.yaml:35: duplicate id \"access\" (first at line 32)"},
		{"project id", edit("  - id: access", "  - id: Access Control"), "acme.yaml:32: id \"Access Control\": use lower-case letters, digits and hyphens"},
		{"empty project", edit("[SR 1.1, SR 1.1 RE 1]", "[]"), "acme.yaml:34: project access: needs at least one requirement"},
	}
	// A requirement for both kinds whose every question is tagged zone
	// leaves conduit interviews empty.
	cases[2].yaml = edit(`      - {text: "Does the VPN on this conduit ask for a login?", for: conduit}`+"\n", "")
	cases[2].yaml = strings.Replace(cases[2].yaml, `      - "Is every login recorded?"`, `      - {text: "Is every login recorded?", for: zone}`, 1)
	cases[2].want = "acme.yaml:11: SR 1.1: applies to conduits but has no question for conduits"
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse("acme.yaml", []byte(tc.yaml))
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

// An enhancement adds to its SR on the same targets: a crafted catalog with
// an RE assessed on conduits under a zone-only SR is refused, naming the RE's
// line. (A format-1 catalog gets a warning instead: see TestParseGood.)
func TestREAppliesOnlyWhereItsSRApplies(t *testing.T) {
	y := strings.Replace(format2Catalog, `      - {text: "Does the VPN on this conduit ask for a login?", for: conduit}`+"\n", "", 1)
	y = strings.Replace(y, "applies_to: both", "applies_to: zone", 1)
	y = strings.Replace(y, "applies_to: zone\n    questions: [\"Is every", "applies_to: conduit\n    questions: [\"Is every", 1)
	_, _, err := Parse("crafted.yaml", []byte(y))
	want := "crafted.yaml:15: SR 1.1 RE 1: applies to conduits, but SR 1.1 applies to zones only; an enhancement applies only where its SR does"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
}

// Format-2 keys in a catalog without "format: 2" are refused: the author
// meant format 2 and would otherwise get format-1 rules silently.
func TestFormat2KeysNeedFormat2(t *testing.T) {
	y := strings.Replace(format2Catalog, "format: 2\n", "", 1)
	_, _, err := Parse("acme.yaml", []byte(y))
	for _, want := range []string{
		"acme.yaml:10: SR 1.1: a question with for: needs \"format: 2\"",
		"acme.yaml:13: met_when needs \"format: 2\" at the top of the catalog",
		"acme.yaml:22: evidence_from needs \"format: 2\"",
		"acme.yaml:23: site_questions needs \"format: 2\"",
		"acme.yaml:30: projects needs \"format: 2\"",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not contain %q", err, want)
		}
	}
}
