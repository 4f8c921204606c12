package questionnaires

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Row 10: one anchored list reused on every requirement would expand to
// hundreds of millions of entries; the catalog is refused, naming the line,
// before anything is expanded. (Asserted by the error; no timing.)
func TestAliasExpansionIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: evil\nversion: '1'\nrequirements:\n  - id: SR 1.1\n    fr: 1\n    sl: 1\n    title: t\n    applies_to: zone\n    questions: &a [")
	for i := range 2000 {
		fmt.Fprintf(&b, "q%d,", i)
	}
	b.WriteString("q]\n")
	for i := 2; i < 2000; i++ {
		fmt.Fprintf(&b, "  - {id: SR 1.%d, fr: 1, sl: 1, title: t, applies_to: zone, questions: *a}\n", i)
	}
	_, _, err := Parse("evil.yaml", []byte(b.String()))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || !strings.Contains(ps[0].String(), "aliases (*name) expand the catalog beyond 500000 entries; write the lists out instead") {
		t.Fatalf("%v", err)
	}
	if ps[0].Line < 250 || ps[0].Line > 260 {
		t.Fatalf("the problem is placed at line %d, not at the alias that crosses the limit", ps[0].Line)
	}
}

// A few aliases, as an author might use them for shared tags, still load.
func TestModestAliasesLoad(t *testing.T) {
	cat := strings.Replace(goodCatalog, "tags: [acme-only, shared-credentials]", "tags: &shared [acme-only, shared-credentials]", 1)
	cat = strings.Replace(cat, "effort: high", "effort: high\n    tags: *shared", 1)
	c, _, err := Parse("acme.yaml", []byte(cat))
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := c.Requirement("SR 1.1 RE 1"); len(r.Tags) != 2 {
		t.Fatalf("aliased tags: %v", r.Tags)
	}
}

func TestAliasToItselfIsRefused(t *testing.T) {
	_, _, err := Parse("loop.yaml", []byte("id: x\nversion: \"1\"\nrequirements: &x [*x]\n"))
	if err == nil || !strings.Contains(err.Error(), "loop.yaml:3: an alias refers to a node that contains it") {
		t.Fatalf("%v", err)
	}
}
