package model_test

import (
	"os"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"slate/model"
)

func consequences(s, e, p, f model.Consequence) model.Consequences {
	var cs model.Consequences
	cs[model.CategorySafety], cs[model.CategoryEnvironment] = s, e
	cs[model.CategoryProduction], cs[model.CategoryFinancial] = p, f
	return cs
}

func TestProposeSLT(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   model.SLTInput
		want string
	}{
		{"casual threat, catastrophic consequence: the threat sets the level",
			model.SLTInput{Threat: model.ThreatCasual, Consequences: consequences(model.ConsequenceCatastrophic, 0, 0, 0)}, "1"},
		{"extended threat, minor consequence: capped at SL 1",
			model.SLTInput{Threat: model.ThreatExtended, Consequences: consequences(model.ConsequenceMinor, model.ConsequenceMinor, 0, 0)}, "1"},
		{"nothing at stake still gets SL 1",
			model.SLTInput{Threat: model.ThreatSophisticated}, "1"},
		{"simple threat, major safety consequence",
			model.SLTInput{Threat: model.ThreatSimple, Consequences: consequences(model.ConsequenceMajor, 0, model.ConsequenceModerate, 0)}, "2"},
		{"sophisticated threat, major production consequence",
			model.SLTInput{Threat: model.ThreatSophisticated, Consequences: consequences(model.ConsequenceMinor, 0, model.ConsequenceMajor, model.ConsequenceModerate)}, "3"},
		{"extended threat, catastrophic financial consequence",
			model.SLTInput{Threat: model.ThreatExtended, Consequences: consequences(0, 0, 0, model.ConsequenceCatastrophic)}, "4"},
		{"FR4 one lower, FR7 one higher",
			model.SLTInput{Threat: model.ThreatSimple, Consequences: consequences(model.ConsequenceMajor, 0, 0, 0),
				Adjustments: []model.FRAdjustment{{FR: 7, Delta: 1, Reason: "outage trips the unit"}, {FR: 4, Delta: -1, Reason: "no secrets in the process data"}}},
			"2,2,2,1,2,2,3"},
		{"adjustments stay within 0..4",
			model.SLTInput{Threat: model.ThreatExtended, Consequences: consequences(model.ConsequenceCatastrophic, 0, 0, 0),
				Adjustments: []model.FRAdjustment{{FR: 1, Delta: 3, Reason: "a"}, {FR: 4, Delta: -4, Reason: "b"}}},
			"4,4,4,0,4,4,4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := model.ProposeSLT(tc.in)
			if p.Vector.String() != tc.want {
				t.Errorf("proposed %s, want %s\n%s", p.Vector, tc.want, strings.Join(p.Reasoning, "\n"))
			}
			says := "SL " + tc.want + " in every FR"
			if len(tc.want) > 1 {
				says = tc.want + " (FR1..FR7)"
			}
			if last := p.Reasoning[len(p.Reasoning)-1]; last != "Proposed SL-T: "+says+"." {
				t.Errorf("last line %q", last)
			}
			if want := 4 + len(tc.in.Adjustments); len(p.Reasoning) != want {
				t.Errorf("%d lines of reasoning, want %d: %q", len(p.Reasoning), want, p.Reasoning)
			}
		})
	}
}

// The worked example of docs/slt-rationale.md, line by line.
func TestProposeSLTWorkedExample(t *testing.T) {
	p := model.ProposeSLT(model.SLTInput{Threat: model.ThreatSophisticated,
		Consequences: consequences(model.ConsequenceMajor, model.ConsequenceModerate, model.ConsequenceMajor, model.ConsequenceModerate),
		Adjustments:  []model.FRAdjustment{{FR: 4, Delta: -1, Reason: "set points and recipes are not secret"}}})
	want := []string{
		"Threat: intentional violation using sophisticated means with moderate resources, IACS-specific skills and moderate motivation; resisting it takes SL 3.",
		"Consequences: safety major, environment moderate, production major, financial moderate; the worst is major (safety), which justifies protection up to SL 3.",
		"Common level: SL 3, where threat and consequences agree.",
		"FR4 Data confidentiality: 3 − 1 = SL 2 (set points and recipes are not secret).",
		"Proposed SL-T: 3,3,3,2,3,3,3 (FR1..FR7).",
	}
	if strings.Join(p.Reasoning, "\n") != strings.Join(want, "\n") {
		t.Errorf("reasoning\n%s\nwant\n%s", strings.Join(p.Reasoning, "\n"), strings.Join(want, "\n"))
	}
}

func TestSLTInputValidate(t *testing.T) {
	ok := model.SLTInput{Threat: model.ThreatSimple}
	for _, tc := range []struct {
		name string
		in   model.SLTInput
		msg  string
	}{
		{"no threat", model.SLTInput{}, "threat profile"},
		{"consequence off the scale", model.SLTInput{Threat: 1, Consequences: consequences(5, 0, 0, 0)}, "safety consequence"},
		{"FR 8", withAdj(ok, model.FRAdjustment{FR: 8, Delta: 1, Reason: "x"}), "FR must be 1..7"},
		{"FR adjusted twice", withAdj(ok, model.FRAdjustment{FR: 4, Delta: -1, Reason: "x"}, model.FRAdjustment{FR: 4, Delta: -1, Reason: "y"}), "twice"},
		{"zero delta", withAdj(ok, model.FRAdjustment{FR: 4, Reason: "x"}), "move by 1 to 4"},
		{"delta 5", withAdj(ok, model.FRAdjustment{FR: 4, Delta: -5, Reason: "x"}), "move by 1 to 4"},
		{"no reason", withAdj(ok, model.FRAdjustment{FR: 4, Delta: -1, Reason: " \n"}), "needs a reason"},
	} {
		err := tc.in.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.msg)
		}
		if p := model.ProposeSLT(tc.in); p.Vector != (model.SLVector{}) || len(p.Reasoning) != 1 {
			t.Errorf("%s: a proposal from invalid answers: %+v", tc.name, p)
		}
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid answers refused: %v", err)
	}
}

func withAdj(in model.SLTInput, a ...model.FRAdjustment) model.SLTInput {
	in.Adjustments = a
	return in
}

func genSLTInput(t *rapid.T) model.SLTInput {
	in := model.SLTInput{Threat: rapid.SampledFrom(model.ThreatProfiles).Draw(t, "threat")}
	for _, c := range model.ConsequenceCategories {
		in.Consequences[c] = rapid.SampledFrom(model.ConsequenceScale).Draw(t, c.Key())
	}
	for _, fr := range model.FRs {
		if rapid.Bool().Draw(t, "adjust "+fr.String()) {
			d := rapid.IntRange(-4, 3).Draw(t, "delta")
			if d >= 0 {
				d++
			}
			in.Adjustments = append(in.Adjustments, model.FRAdjustment{FR: fr, Delta: d, Reason: "because"})
		}
	}
	return in
}

func atLeast(a, b model.SLVector) bool {
	for i := range a {
		if a[i] < b[i] {
			return false
		}
	}
	return true
}

func TestProposeSLTStrongerThreatNeverLowers(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genSLTInput(t)
		stronger := in
		stronger.Threat = rapid.SampledFrom(model.ThreatProfiles[in.Threat-1:]).Draw(t, "stronger")
		if a, b := model.ProposeSLT(in).Vector, model.ProposeSLT(stronger).Vector; !atLeast(b, a) {
			t.Fatalf("threat %s -> %s lowered %s to %s", in.Threat.Key(), stronger.Threat.Key(), a, b)
		}
	})
}

func TestProposeSLTWorseConsequenceNeverLowers(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genSLTInput(t)
		worse := in
		c := rapid.SampledFrom(model.ConsequenceCategories).Draw(t, "category")
		worse.Consequences[c] = rapid.SampledFrom(model.ConsequenceScale[in.Consequences[c]:]).Draw(t, "worse")
		if a, b := model.ProposeSLT(in).Vector, model.ProposeSLT(worse).Vector; !atLeast(b, a) {
			t.Fatalf("%s %s -> %s lowered %s to %s", c.Key(), in.Consequences[c].Key(), worse.Consequences[c].Key(), a, b)
		}
	})
}

func TestProposeSLTAdjustmentMovesOnlyItsFR(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genSLTInput(t)
		plain := in
		plain.Adjustments = nil
		base, adjusted := model.ProposeSLT(plain).Vector, model.ProposeSLT(in).Vector
		named := map[model.FR]int{}
		for _, a := range in.Adjustments {
			named[a.FR] = a.Delta
		}
		for _, fr := range model.FRs {
			d, ok := named[fr]
			switch {
			case !ok && adjusted.At(fr) != base.At(fr):
				t.Fatalf("%s moved from %d to %d without an adjustment", fr, base.At(fr), adjusted.At(fr))
			case ok && d > 0 && adjusted.At(fr) < base.At(fr), ok && d < 0 && adjusted.At(fr) > base.At(fr):
				t.Fatalf("%s moved against its adjustment %+d: %d -> %d", fr, d, base.At(fr), adjusted.At(fr))
			}
		}
		if !base.IsUniform() || base.At(1) < 1 {
			t.Fatalf("common level %s is not one level of at least 1", base)
		}
	})
}

func TestSLTRationaleRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := genSLTInput(t)
		final := model.ProposeSLT(in).Vector
		text := ""
		if rapid.Bool().Draw(t, "deviate") {
			final = final.With(model.FR(rapid.IntRange(1, 7).Draw(t, "fr")), model.Level(rapid.IntRange(0, 4).Draw(t, "l")))
			text = "Reason: " + rapid.StringN(1, 40, -1).Draw(t, "text")
		}
		r := model.NewSLTRationale(in, final, text)
		if err := r.Validate(); err != nil {
			t.Fatalf("new rationale invalid: %v (%+v)", err, r)
		}
		js := r.CanonicalJSON()
		back, err := model.ParseSLTRationale(js)
		if err != nil {
			t.Fatalf("parse %s: %v", js, err)
		}
		if again := back.CanonicalJSON(); string(again) != string(js) {
			t.Fatalf("not canonical:\n%s\n%s", js, again)
		}
		if back.Final != r.Final || back.Proposed != r.Proposed || back.Text != r.Text || back.Input.Threat != in.Threat {
			t.Fatalf("round trip changed the rationale: %+v -> %+v", r, back)
		}
	})
}

func TestSLTRationaleCanonicalForm(t *testing.T) {
	in := model.SLTInput{Threat: model.ThreatSimple, Consequences: consequences(model.ConsequenceMajor, 0, model.ConsequenceModerate, model.ConsequenceMinor),
		Adjustments: []model.FRAdjustment{{FR: 7, Delta: 1, Reason: "trips <the unit>"}, {FR: 4, Delta: -1, Reason: "no\nsecrets"}}}
	r := model.NewSLTRationale(in, model.Uniform(2), "Agreed with the plant manager.\r\nSee minutes.")
	want := `{"method":"slate.1","threat":"simple","consequences":{"safety":"major","environment":"none","production":"moderate","financial":"minor"},` +
		`"adjustments":[{"fr":4,"delta":-1,"reason":"no secrets"},{"fr":7,"delta":1,"reason":"trips <the unit>"}],` +
		`"proposed":[2,2,2,1,2,2,3],"final":[2,2,2,2,2,2,2],"text":"Agreed with the plant manager.\nSee minutes."}`
	if got := string(r.CanonicalJSON()); got != want {
		t.Errorf("canonical JSON\n got %s\nwant %s", got, want)
	}
	if !r.Deviates() {
		t.Error("final differs from the proposal")
	}
	if got := r.Reasoning(); len(got) != 6 {
		t.Errorf("reasoning %q", got)
	}
}

func TestSLTRationaleValidate(t *testing.T) {
	in := model.SLTInput{Threat: model.ThreatSimple, Consequences: consequences(model.ConsequenceMajor, 0, 0, 0)}
	good := model.NewSLTRationale(in, model.Uniform(2), "")
	if err := good.Validate(); err != nil {
		t.Fatalf("agreeing with the proposal needs no text: %v", err)
	}
	for _, tc := range []struct {
		name string
		edit func(r *model.SLTRationale)
		msg  string
	}{
		{"deviation without text", func(r *model.SLTRationale) { r.Final = model.Uniform(3) }, "say why"},
		{"proposal not the rule's", func(r *model.SLTRationale) { r.Proposed = model.Uniform(3); r.Final = r.Proposed }, "not what the rule proposes"},
		{"no method", func(r *model.SLTRationale) { r.Method = "" }, "method"},
		{"final level 5", func(r *model.SLTRationale) { r.Final[0] = 5; r.Text = "x" }, "0..4"},
		{"control characters", func(r *model.SLTRationale) { r.Text = "ok\x1b[2J" }, "control characters"},
		{"invalid answers", func(r *model.SLTRationale) { r.Input.Threat = 0 }, "threat profile"},
	} {
		r := good
		tc.edit(&r)
		if err := r.Validate(); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.msg)
		}
	}
	// A rationale of an older rule keeps its recorded proposal.
	old := good
	old.Method, old.Proposed, old.Final = "slate.0", model.Uniform(3), model.Uniform(3)
	if err := old.Validate(); err != nil {
		t.Errorf("older method refused: %v", err)
	}
	if got := old.Reasoning(); len(got) != 1 || !strings.Contains(got[0], "slate.0") {
		t.Errorf("older method reasoning %q", got)
	}
}

func TestParseSLTRationaleErrors(t *testing.T) {
	good := `{"method":"slate.1","threat":"simple","consequences":{"safety":"major","environment":"none","production":"none","financial":"none"},"proposed":[2,2,2,2,2,2,2],"final":[2,2,2,2,2,2,2],"text":""}`
	if _, err := model.ParseSLTRationale([]byte(good)); err != nil {
		t.Fatalf("good: %v", err)
	}
	for _, tc := range []struct{ doc, msg string }{
		{`{"method":"slate.1","threat":"simple","extra":1}`, "unknown field"},
		{strings.Replace(good, `"simple"`, `"script kiddie"`, 1), "threat profile"},
		{strings.Replace(good, `"safety":"major"`, `"safety":"huge"`, 1), "safety"},
		{strings.Replace(good, `"safety":"major",`, ``, 1), "safety"},
		{strings.Replace(good, `"final":[2,2,2,2,2,2,2]`, `"final":[2,2]`, 1), "final lists 2 levels"},
		{strings.Replace(good, `"final":[2,2,2,2,2,2,2]`, `"final":[2,2,2,2,2,2,9]`, 1), "FR7 level 9"},
		{good + `{}`, "after the JSON"},
		{`[]`, "SL-T rationale"},
	} {
		if _, err := model.ParseSLTRationale([]byte(tc.doc)); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v, want %q", tc.doc, err, tc.msg)
		}
	}
}

func TestThreatAndConsequenceKeys(t *testing.T) {
	for _, p := range model.ThreatProfiles {
		if got, err := model.ParseThreatProfile(p.Key()); err != nil || got != p {
			t.Errorf("threat %d: %q -> %v, %v", p, p.Key(), got, err)
		}
		if p.Label() == p.Key() {
			t.Errorf("threat %s has no description", p.Key())
		}
	}
	for _, c := range model.ConsequenceScale {
		if got, err := model.ParseConsequence(c.Key()); err != nil || got != c {
			t.Errorf("consequence %d: %q -> %v, %v", c, c.Key(), got, err)
		}
	}
	if _, err := model.ParseThreatProfile(""); err == nil {
		t.Error("empty threat accepted")
	}
}

// docs/slt-rationale.md shows the worked example's reasoning and its
// canonical JSON: both must be what the code produces.
func TestSLTRationaleDoc(t *testing.T) {
	src, err := os.ReadFile("../docs/slt-rationale.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	block := func(fence string) string {
		i := strings.Index(doc, fence+"\n")
		if i < 0 {
			t.Fatalf("no %s block", fence)
		}
		rest := doc[i+len(fence)+1:]
		return strings.TrimSuffix(rest[:strings.Index(rest, "```")], "\n")
	}
	js := block("```json")
	r, err := model.ParseSLTRationale([]byte(js))
	if err != nil {
		t.Fatalf("the documented rationale does not parse: %v", err)
	}
	if string(r.CanonicalJSON()) != js {
		t.Errorf("the documented rationale is not canonical:\n%s", r.CanonicalJSON())
	}
	if got := strings.Join(r.Reasoning(), "\n"); got != block("Slate shows:\n\n```") {
		t.Errorf("documented reasoning differs from\n%s", got)
	}
}
