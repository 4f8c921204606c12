package model_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

// An assessment upgraded from the previous built-in catalog keeps in the
// exchange document what it carries of that: the version upgraded from and
// when, re-confirmations, an answer whose requirement no longer applies
// ("applies": false), countermeasures with their links and the site
// answers; decode and encode again gives the same document.
func TestDocumentRoundTripFidelity(t *testing.T) {
	all := questionnaires.Builtins()
	cat, old := all[0], all[1]
	resolveBoth := func(id, version string) (*model.Catalog, bool) {
		for _, c := range all {
			if c.ID == id && c.Version == version {
				return c, true
			}
		}
		return nil, false
	}
	a := model.SamplePlant(cat)
	a.CatalogBefore, a.CatalogUpgraded = old.Version, model.SampleDate.Add(time.Hour)
	a.Confirmed = map[string]string{model.AnswerKey("control", "SR 3.3"): cat.Version}
	// SR 2.2 RE 1 (rogue wireless detection) applied to conduits in the
	// previous catalog; it is issued by endpoints in a zone now.
	if !old.Applies("SR 2.2 RE 1", model.KindConduit) || cat.Applies("SR 2.2 RE 1", model.KindConduit) {
		t.Fatal("SR 2.2 RE 1 no longer changes applicability between the catalogs: pick another requirement")
	}
	if a.Answers["dmz-supervisory"] == nil {
		a.Answers["dmz-supervisory"] = model.Answers{}
	}
	a.Answers["dmz-supervisory"]["SR 2.2 RE 1"] = model.Answer{Requirement: "SR 2.2 RE 1", Status: model.Yes,
		Note: "Given under the previous catalog.", UpdatedAt: model.SampleDate}
	if len(a.Countermeasures) == 0 || len(a.SiteAnswers) == 0 {
		t.Fatal("the demo plant has no countermeasure or site answer to carry")
	}
	at := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	data, err := model.NewDocument(a, cat, at).Encode()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"upgraded_from": "` + old.Version + `"`, `"applies": false`, `"confirmed": "` + cat.Version + `"`,
		`"site_answers": [`, `"countermeasures": [`, `"approved_by": {`, `"sl": 2`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the document lacks %s", want)
		}
	}
	b, _, err := model.DecodeDocument(data, resolveBoth)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := model.NewDocument(b, cat, at).Encode()
	if !bytes.Equal(data, again) {
		t.Fatalf("decode/encode is not lossless:\n%s", firstDiff(string(data), string(again)))
	}
	if got := b.Outdated(cat, func(v string) (*model.Catalog, bool) { return resolveBoth(cat.ID, v) }); len(got) == 0 {
		t.Error("the decoded assessment lists nothing for re-confirmation")
	}
}

// Import refuses what the fidelity fields cannot mean, naming the path.
func TestDocumentFidelityErrors(t *testing.T) {
	doc := string(sampleDoc(t))
	edit := func(from, to string) string {
		if !strings.Contains(doc, from) {
			t.Fatalf("the sample document lacks %q", from)
		}
		return strings.Replace(doc, from, to, 1)
	}
	cases := []struct{ name, doc, path, msg string }{
		{"unknown site question", edit(`"question": "SITE 1"`, `"question": "SITE 9"`), "$.site_answers[0].question", "unknown site question"},
		{"link to a yes answer", edit(`"requirement": "SR 3.2",
          "sl": 2`, `"requirement": "SR 3.1",
          "sl": 2`), "$.countermeasures[0].links[0]", "answered yes"},
		{"no control", edit(`"control": "Application allow-listing on the engineering stations and USB port control on every device that can reach the PLCs."`, `"control": "  "`), "$.countermeasures[0].control", "missing"},
		{"bad review", edit(`"review": "2026-09-05"`, `"review": "soon"`), "$.countermeasures[0].review", "YYYY-MM-DD"},
		{"applies false where it applies", edit(`"status": "partial",`, `"status": "partial", "applies": false,`), ".applies", "applies to a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := model.DecodeDocument([]byte(c.doc), resolve)
			if err == nil || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("got %v, want %s: ...%s", err, c.path, c.msg)
			}
		})
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range la {
		if i >= len(lb) || la[i] != lb[i] {
			return "line " + la[i]
		}
	}
	return "lengths differ"
}
