package questionnaires

import (
	"strings"
	"testing"

	"slate/model"
)

// eachBuiltin runs f on every embedded catalog version: an older version
// must keep opening the files that record it, so it keeps every property
// the newest one has.
func eachBuiltin(t *testing.T, f func(t *testing.T, c *model.Catalog)) {
	t.Helper()
	for _, c := range Builtins() {
		t.Run(c.Version, func(t *testing.T) { f(t, c) })
	}
}

func TestBuiltinVersions(t *testing.T) {
	cs := Builtins()
	if len(cs) != len(builtinFiles()) || len(cs) < 2 {
		t.Fatalf("%d embedded versions", len(cs))
	}
	if Builtin().Version != "2013+COR1:2014 slate.2" || Builtin().Format != 2 {
		t.Fatalf("newest built-in is %s (format %d)", Builtin().Version, Builtin().Format)
	}
	// The first catalog must stay byte for byte what earlier Slates
	// recorded (store/testdata/schema1.slate holds this hash), or files made
	// with it would no longer match.
	const cor1Hash = "258f1f161a95403a7f3956851f2ba32c016d8e76e7366d64d8c4b2e31a75218f"
	old, ok := builtinVersion("2013+COR1:2014")
	if !ok || old.Format != 1 {
		t.Fatal("the 2013+COR1:2014 catalog is no longer embedded")
	}
	if old.Hash != cor1Hash {
		t.Fatalf("the 2013+COR1:2014 catalog changed: hash %s", old.Hash)
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if c.ID != BuiltinID || seen[c.Version] {
			t.Fatalf("built-in %s %s is not a new version of %s", c.ID, c.Version, BuiltinID)
		}
		seen[c.Version] = true
	}
	// The newest built-in is format 2 and clean: no warnings at all.
	if _, ws, err := Parse(BuiltinFile, BuiltinSource()); err != nil || len(ws) > 0 {
		t.Fatalf("newest built-in: %v %v", ws, err)
	}
}

// builtinVersion finds an embedded catalog by version.
func builtinVersion(v string) (*model.Catalog, bool) {
	for _, c := range Builtins() {
		if c.Version == v {
			return c, true
		}
	}
	return nil, false
}

// The counts of IEC 62443-3-3 Annex B with COR1:2014 (docs/catalog-format.md).
func TestBuiltinCounts(t *testing.T) {
	eachBuiltin(t, func(t *testing.T, c *model.Catalog) {
		srs, res := 0, 0
		for _, r := range c.Requirements {
			if r.IsEnhancement() {
				res++
			} else {
				srs++
			}
		}
		if srs != 51 || res != 49 {
			t.Fatalf("SRs %d REs %d, want 51 and 49", srs, res)
		}
		for l, want := range map[model.Level]int{1: 37, 2: 60, 3: 90, 4: 100} {
			if got := c.Count(l); got != want {
				t.Errorf("cumulative at SL%d = %d, want %d", l, got, want)
			}
		}
		perFR := map[model.FR][4]int{
			1: {10, 16, 22, 24}, 2: {8, 12, 21, 24}, 3: {5, 10, 16, 19}, 4: {2, 4, 5, 6},
			5: {4, 6, 10, 11}, 6: {1, 2, 3, 3}, 7: {7, 10, 13, 13},
		}
		for fr, want := range perFR {
			var got [4]int
			for _, r := range c.Requirements {
				if r.FR != fr {
					continue
				}
				for l := r.SL; l <= 4; l++ {
					got[l-1]++
				}
			}
			if got != want {
				t.Errorf("FR%d cumulative %v, want %v", fr, got, want)
			}
		}
	})
}

func TestBuiltinFirstLevels(t *testing.T) {
	special := map[string]model.Level{
		"SR 1.2": 2, "SR 1.8": 2, "SR 1.9": 2, "SR 2.6": 2, "SR 2.11": 2, "SR 3.4": 2,
		"SR 3.7": 2, "SR 3.8": 2, "SR 3.9": 2, "SR 4.2": 2, "SR 6.2": 2, "SR 7.8": 2,
		"SR 2.7": 3, "SR 2.12": 3,
	}
	eachBuiltin(t, func(t *testing.T, c *model.Catalog) {
		for _, r := range c.Requirements {
			if r.IsEnhancement() {
				if r.SL < 2 {
					t.Errorf("%s: every RE sits at SL2 or above, got %d", r.ID, r.SL)
				}
				continue
			}
			want, ok := special[r.ID]
			if !ok {
				want = 1
			}
			if r.SL != want {
				t.Errorf("%s first required at SL%d, want SL%d", r.ID, r.SL, want)
			}
		}
	})
}

// Spot-check titles against the standard's table of requirements.
func TestBuiltinTitles(t *testing.T) {
	want := map[string]string{
		"SR 1.1":       "Human user identification and authentication",
		"SR 1.13 RE 1": "Explicit access request approval",
		"SR 2.8 RE 1":  "Centrally managed, system-wide audit trail",
		"SR 3.4":       "Software and information integrity",
		"SR 4.1 RE 2":  "Protection of confidentiality across zone boundaries",
		"SR 5.2 RE 3":  "Fail close",
		"SR 6.2":       "Continuous monitoring",
		"SR 7.8":       "Control system component inventory",
	}
	eachBuiltin(t, func(t *testing.T, c *model.Catalog) {
		for id, title := range want {
			r, ok := c.Requirement(id)
			if !ok || r.Title != title {
				t.Errorf("%s: got %v", id, r)
			}
		}
	})
}

// Every built-in requirement carries the interview material an assessor needs.
func TestBuiltinContent(t *testing.T) {
	eachBuiltin(t, func(t *testing.T, c *model.Catalog) {
		findings := map[string]int{}
		conduit := map[model.FR]int{}
		for _, r := range c.Requirements {
			if len(r.Questions) == 0 || r.LookFor == "" || r.Remediation == "" {
				t.Errorf("%s: missing question, look-for or remediation hint", r.ID)
			}
			for _, q := range r.Questions {
				if !strings.HasSuffix(q.Text, "?") {
					t.Errorf("%s: question %q does not end with '?'", r.ID, q.Text)
				}
			}
			for _, tag := range r.Tags {
				findings[tag]++
			}
			if r.AppliesTo.Includes(model.KindConduit) {
				conduit[r.FR]++
			}
		}
		for f := range CommonFindings {
			if findings[f] == 0 {
				t.Errorf("common finding %s tags no requirement", f)
			}
		}
		for _, fr := range model.FRs {
			if conduit[fr] == 0 {
				t.Errorf("%v has no requirement assessed on conduits", fr)
			}
		}
		if len(c.Hash) != 64 || c.ID != BuiltinID {
			t.Errorf("catalog identity: %s %s", c.ID, c.Hash)
		}
	})
}
