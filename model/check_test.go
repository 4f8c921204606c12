package model_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

// cleanPlant is a zone model that passes every rule: IT and OT meet in a
// DMZ, conduits carry the higher target of their zones, the safety zone is
// above the control zone, every zone has a rationale, and the answers agree
// with each other.
func cleanPlant() *model.CheckInput {
	z := func(key, name string, kind model.ZoneKind, slt int) model.ModelZone {
		t, _ := kind.Tier()
		return model.ModelZone{Key: key, Name: name, Kind: kind, Tier: t, SLT: model.Uniform(model.Level(slt)), Rationale: true}
	}
	c := func(key, name string, kind model.ConduitKind, from, to string, slt int) model.ModelConduit {
		return model.ModelConduit{Key: key, Name: name, Kind: kind, From: from, To: to, SLT: model.Uniform(model.Level(slt))}
	}
	return &model.CheckInput{
		Model: model.ZoneModel{
			Zones: []model.ModelZone{
				z("ent", "Enterprise", model.ZoneEnterprise, 1),
				z("dmz", "DMZ", model.ZoneDMZ, 2),
				z("sup", "Supervisory", model.ZoneSupervisory, 2),
				z("ctl", "Control", model.ZoneControl, 2),
				z("sis", "SIS", model.ZoneSafety, 3),
			},
			Conduits: []model.ModelConduit{
				c("ent-dmz", "Enterprise - DMZ", model.ConduitFirewall, "ent", "dmz", 2),
				c("dmz-sup", "DMZ - Supervisory", model.ConduitFirewall, "dmz", "sup", 2),
				c("sup-ctl", "Supervisory - Control", model.ConduitDirect, "sup", "ctl", 2),
				c("ctl-sis", "Control - SIS", model.ConduitSafetyGateway, "ctl", "sis", 3),
			},
		},
		Catalog: questionnaires.Builtin(),
		Answers: map[string]model.Answers{
			"sup": {
				"SR 1.1":      {Requirement: "SR 1.1", Status: model.Yes},
				"SR 1.1 RE 1": {Requirement: "SR 1.1 RE 1", Status: model.No},
				"SR 1.6":      {Requirement: "SR 1.6", Status: model.NA, Justification: "no wireless"},
				"SR 1.6 RE 1": {Requirement: "SR 1.6 RE 1", Status: model.NA, Justification: "no wireless"},
				"SR 5.1":      {Requirement: "SR 5.1", Status: model.Partial},
			},
		},
		At: checkDay,
	}
}

// checkDay is "today" of the crafted plants.
var checkDay = time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)

// plan gives the crafted plant a roadmap made by the planner, with the
// given tracking records and maintenance windows: the roadmap rules read
// it. The clean plant's roadmap has two open gaps of the supervisory zone
// (SR 1.1 RE 1, and SR 5.1 which needs an outage), nothing tracked.
func plan(in *model.CheckInput, tracking []model.Tracking, windows ...model.Window) {
	a := &model.Assessment{Answers: in.Answers}
	for _, z := range in.Model.Zones {
		a.Zones = append(a.Zones, model.Zone{Key: z.Key, Name: z.Name, Kind: z.Kind, SLT: z.SLT})
	}
	for _, c := range in.Model.Conduits {
		a.Conduits = append(a.Conduits, model.Conduit{Key: c.Key, Name: c.Name, Kind: c.Kind, From: c.From, To: c.To, SLT: c.SLT})
	}
	byKey := map[string]model.Tracking{}
	for _, t := range tracking {
		byKey[t.Key()] = t
	}
	p := model.BuildPlan(in.Catalog, a, byKey, windows, in.At)
	in.Plan = &p
}

func answer(in *model.CheckInput, key, req string, st model.Status) {
	if in.Answers[key] == nil {
		in.Answers[key] = model.Answers{}
	}
	in.Answers[key][req] = model.Answer{Requirement: req, Status: st, Justification: "x"}
}

func zoneOf(in *model.CheckInput, key string) *model.ModelZone {
	z, _ := in.Model.Zone(key)
	return z
}

func conduitOf(in *model.CheckInput, key string) *model.ModelConduit {
	for i := range in.Model.Conduits {
		if in.Model.Conduits[i].Key == key {
			return &in.Model.Conduits[i]
		}
	}
	return nil
}

// checkCases: each rule fires on a crafted flaw of the clean plant, naming
// exactly these targets (and requirement).
type checkCase struct {
	name string
	rule string
	flaw func(in *model.CheckInput)
	want [][]string // targets of each finding of the rule, in order
	req  []string   // requirement of each finding, when the rule names one
	msg  string     // a part of the first finding's message
}

var checkCases = []checkCase{
	{"enterprise straight into control", "it-ot-bypass", func(in *model.CheckInput) {
		in.Model.Conduits = append(in.Model.Conduits, model.ModelConduit{Key: "ent-ctl", Name: "ERP link",
			Kind: model.ConduitFirewall, From: "ent", To: "ctl", SLT: model.Uniform(2)})
	}, [][]string{{"ent-ctl", "ent", "ctl"}}, nil, `Conduit "ERP link" connects the enterprise zone "Enterprise" directly to the control zone "Control", bypassing the DMZ.`},
	{"remote access from outside into safety, written backwards", "it-ot-bypass", func(in *model.CheckInput) {
		in.Model.Zones = append(in.Model.Zones, model.ModelZone{Key: "vendor", Name: "Vendor", Kind: model.ZoneExternal, SLT: model.Uniform(1), Rationale: true})
		in.Model.Conduits = append(in.Model.Conduits, model.ModelConduit{Key: "ra", Name: "Vendor remote access",
			Kind: model.ConduitRemoteAccess, From: "sis", To: "vendor", SLT: model.Uniform(3)})
	}, [][]string{{"ra", "vendor", "sis"}}, nil, "the external zone"},
	{"conduit below the control zone in FR1 and FR5", "conduit-below-zone", func(in *model.CheckInput) {
		c := conduitOf(in, "ctl-sis")
		c.SLT = c.SLT.With(1, 1).With(5, 2)
	}, [][]string{{"ctl-sis", "sis"}}, nil, `Conduit "Control - SIS" has a lower SL-T than the zones it connects need ("SIS"): FR1 1 < 3, FR5 2 < 3.`},
	{"direct conduit between zones of different targets", "direct-across-levels", func(in *model.CheckInput) {
		zoneOf(in, "ctl").SLT = model.Uniform(3)
		conduitOf(in, "sup-ctl").SLT = model.Uniform(3)
	}, [][]string{{"sup-ctl", "sup", "ctl"}}, nil, `joins "Supervisory" at SL-T 2 and "Control" at SL-T 3`},
	{"a zone without conduits", "isolated-zone", func(in *model.CheckInput) {
		in.Model.Zones = append(in.Model.Zones, model.ModelZone{Key: "lab", Name: "Lab", Kind: model.ZoneOther, SLT: model.Uniform(1), Rationale: true})
	}, [][]string{{"lab"}}, nil, `Zone "Lab" has no conduit`},
	{"safety zone below its control zone in FR7", "safety-below-control", func(in *model.CheckInput) {
		s := zoneOf(in, "sis")
		s.SLT = s.SLT.With(7, 1)
	}, [][]string{{"sis", "ctl"}}, nil, "FR7 1 < 2"},
	{"two zones and two conduits share a name", "duplicate-name", func(in *model.CheckInput) {
		zoneOf(in, "sup").Name = "control"
		conduitOf(in, "dmz-sup").Name = "Enterprise  -  dmz"
	}, [][]string{{"sup", "ctl"}, {"ent-dmz", "dmz-sup"}}, nil, `2 zones are named "control" (ids sup, ctl).`},
	{"RE met while its SR is not; SR n/a while an RE is met", "re-without-sr", func(in *model.CheckInput) {
		answer(in, "sup", "SR 1.1", model.Partial)
		answer(in, "sup", "SR 1.1 RE 1", model.Compensating)
		answer(in, "sup", "SR 1.6 RE 1", model.Yes)
	}, [][]string{{"sup"}, {"sup"}}, []string{"SR 1.1 RE 1", "SR 1.6"}, `"Supervisory": SR 1.1 RE 1 is answered compensating while its base requirement SR 1.1 is answered partial.`},
	{"outage work due before the first window that covers it", "due-window-conflict", func(in *model.CheckInput) {
		plan(in, []model.Tracking{{Requirement: "SR 5.1", Due: "2026-04-01", Status: model.TrackPlanned}},
			model.Window{Name: "Shutdown", Date: "2026-10-05", Targets: []string{"sup", "ctl"}})
	}, [][]string{{"sup"}}, []string{"SR 5.1"}, "SR 5.1 is due on 2026-04-01 for Supervisory, but the first maintenance window covering it is Shutdown (2026-10-05)."},
	{"a risk acceptance past its review date", "risk-acceptance-expired", func(in *model.CheckInput) {
		plan(in, []model.Tracking{{Requirement: "SR 1.1 RE 1", Target: "sup", Status: model.TrackRiskAccepted,
			Justification: "until the HMI upgrade", AcceptedBy: model.Person{Name: "K. Brandt", Role: "plant manager"}, Review: "2026-03-01"}})
	}, [][]string{{"sup"}}, []string{"SR 1.1 RE 1"}, `The risk acceptance of SR 1.1 RE 1 in "Supervisory" by K. Brandt (plant manager) passed its review date 2026-03-01: the gap is open again.`},
	{"risk acceptances without who, role or review date", "risk-acceptance-incomplete", func(in *model.CheckInput) {
		plan(in, []model.Tracking{
			{Requirement: "SR 1.1 RE 1", Status: model.TrackRiskAccepted, Justification: "accepted in the kick-off",
				Covers: []string{"sup"}},
			{Requirement: "SR 5.1", Target: "sup", Status: model.TrackRiskAccepted, Justification: "flat network until 2028",
				AcceptedBy: model.Person{Name: "K. Brandt"}, Review: "2027-01-01"},
		})
	}, [][]string{{"sup"}, {"sup"}}, []string{"SR 1.1 RE 1", "SR 5.1"}, "The risk acceptance of SR 1.1 RE 1 for the whole initiative does not record who accepted it in which role or a review date."},
	{"a compensating countermeasure past its review date", model.ReviewExpiredRule, func(in *model.CheckInput) {
		in.At = time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
		in.Countermeasures = []model.Countermeasure{
			{ID: 1, Control: "Firewall allows S7comm only from the SCADA servers", Target: "sup-ctl", Review: "2026-03-04",
				ApprovedBy: model.Person{Name: "K. Brandt", Role: "plant manager"},
				Links:      []model.CountermeasureLink{{Target: "ctl", Requirement: "SR 1.2", SL: 2}}},
			{ID: 2, Control: "Reviewed today", Review: "2026-03-05"},
		}
	}, [][]string{{"sup-ctl", "ctl"}}, []string{"SR 1.2"}, `Compensating countermeasure 1 (Firewall allows S7comm only from the SCADA servers), approved by K. Brandt (plant manager) was due for review on 2026-03-04; SR 1.2 of "Control" relies on it.`},
	{"an FR without a target", "no-target", func(in *model.CheckInput) {
		c := conduitOf(in, "dmz-sup")
		c.SLT = c.SLT.With(4, 0).With(6, 0)
	}, [][]string{{"dmz-sup"}}, nil, `The conduit "DMZ - Supervisory" has no target (SL-T 0) in FR4, FR6.`},
	{"a zone's SL-T without a rationale", "slt-without-rationale", func(in *model.CheckInput) {
		zoneOf(in, "dmz").Rationale = false
	}, [][]string{{"dmz"}}, nil, `Zone "DMZ" has SL-T 2 without a recorded rationale.`},
}

func TestCheckCleanPlant(t *testing.T) {
	in := cleanPlant()
	// A roadmap with a due date a window meets, an acceptance that is
	// complete and current: the roadmap rules stay silent too.
	plan(in, []model.Tracking{
		{Requirement: "SR 5.1", Due: "2026-11-01", Status: model.TrackPlanned},
		{Requirement: "SR 1.1 RE 1", Target: "sup", Status: model.TrackRiskAccepted, Justification: "until the HMI upgrade",
			AcceptedBy: model.Person{Name: "K. Brandt", Role: "plant manager"}, Review: "2027-03-01"},
	}, model.Window{Name: "Shutdown", Date: "2026-10-05", Targets: []string{"sup", "ctl"}})
	if len(in.Plan.Initiatives) != 2 {
		t.Fatalf("the clean plant's roadmap has %d initiatives, want 2", len(in.Plan.Initiatives))
	}
	if fs := model.Check(in); len(fs) != 0 {
		t.Fatalf("the clean plant has findings: %+v", fs)
	}
}

func TestCheckRules(t *testing.T) {
	for _, tc := range checkCases {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			in := cleanPlant()
			tc.flaw(in)
			var got []model.Finding
			for _, f := range model.Check(in) {
				if f.Rule == tc.rule {
					got = append(got, f)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%d findings of %s, want %d: %+v", len(got), tc.rule, len(tc.want), got)
			}
			rule := ruleByID(t, tc.rule)
			for i, f := range got {
				if !slices.Equal(f.Targets, tc.want[i]) {
					t.Errorf("finding %d targets %v, want %v", i, f.Targets, tc.want[i])
				}
				if tc.req != nil && f.Requirement != tc.req[i] {
					t.Errorf("finding %d requirement %q, want %q", i, f.Requirement, tc.req[i])
				}
				if f.Severity != rule.Severity || f.Advice == "" || f.Message == "" {
					t.Errorf("finding %d incomplete: %+v", i, f)
				}
				if strings.Count(strings.TrimSuffix(f.Advice, "."), ". ") > 0 || !strings.HasSuffix(f.Advice, ".") {
					t.Errorf("advice is not one sentence: %q", f.Advice)
				}
			}
			if !strings.Contains(got[0].Message, tc.msg) {
				t.Errorf("message %q does not say %q", got[0].Message, tc.msg)
			}
		})
	}
}

func ruleByID(t *testing.T, id string) model.CheckRule {
	t.Helper()
	for _, r := range model.CheckRules {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return model.CheckRule{}
}

// Every rule of the table has a case above, and every id is unique.
func TestCheckRulesCovered(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range model.CheckRules {
		if seen[r.ID] {
			t.Errorf("rule %s twice in the table", r.ID)
		}
		seen[r.ID] = true
		if !slices.ContainsFunc(checkCases, func(c checkCase) bool { return c.rule == r.ID }) {
			t.Errorf("rule %s has no table case", r.ID)
		}
		if !slices.Contains(model.Severities, r.Severity) || r.What == "" || r.Advice == "" || r.Check == nil {
			t.Errorf("rule %s incomplete", r.ID)
		}
	}
}

// Rules whose data is missing stay silent instead of guessing.
func TestCheckWithoutCatalogOrAnswers(t *testing.T) {
	in := cleanPlant()
	conduitOf(in, "ctl-sis").SLT = model.Uniform(1)
	answer(in, "sup", "SR 1.1", model.No)
	in.Catalog, in.Answers = nil, nil
	for _, f := range model.Check(in) {
		if f.Rule == "conduit-below-zone" || f.Rule == "re-without-sr" {
			t.Errorf("%s fired without its data: %+v", f.Rule, f)
		}
	}
}

// A plant of one zone has no isolated zone.
func TestCheckSingleZone(t *testing.T) {
	in := &model.CheckInput{Model: model.ZoneModel{Zones: []model.ModelZone{
		{Key: "z", Name: "Z", Kind: model.ZoneControl, SLT: model.Uniform(2), Rationale: true}}}}
	if fs := model.Check(in); len(fs) != 0 {
		t.Errorf("findings on a one-zone plant: %+v", fs)
	}
}

// Findings come errors first, then warnings, then infos; inside a severity
// by rule table order, then by the targets' place in the model.
func TestCheckOrder(t *testing.T) {
	in := cleanPlant()
	for _, tc := range checkCases {
		tc.flaw(in)
	}
	fs := model.Check(in)
	rank := map[string]int{}
	for i, r := range model.CheckRules {
		rank[r.ID] = i
	}
	sev := map[model.Severity]int{model.SevError: 0, model.SevWarning: 1, model.SevInfo: 2}
	for i := 1; i < len(fs); i++ {
		a, b := fs[i-1], fs[i]
		if sev[a.Severity] > sev[b.Severity] || sev[a.Severity] == sev[b.Severity] && rank[a.Rule] > rank[b.Rule] {
			t.Errorf("%s (%s) before %s (%s)", a.Rule, a.Severity, b.Rule, b.Severity)
		}
	}
	var noTarget []string
	for _, f := range fs {
		if f.Rule == "no-target" {
			noTarget = append(noTarget, f.Targets[0])
		}
	}
	// The zones come before the conduits, each in display order.
	if !slices.Equal(noTarget, []string{"dmz-sup"}) {
		t.Errorf("no-target findings %v", noTarget)
	}
	again := model.Check(in)
	if !slices.EqualFunc(fs, again, func(a, b model.Finding) bool {
		return a.Rule == b.Rule && a.Message == b.Message && slices.Equal(a.Targets, b.Targets)
	}) {
		t.Error("two runs disagree")
	}
	if !model.HasError(fs) || model.CountFindings(fs)[model.SevInfo] != 2 {
		t.Errorf("counts %v", model.CountFindings(fs))
	}
}

func TestSortFindingsTargetsAndRequirements(t *testing.T) {
	in := cleanPlant()
	fs := []model.Finding{
		{Rule: "no-target", Severity: model.SevInfo, Targets: []string{"ctl-sis"}},
		{Rule: "re-without-sr", Severity: model.SevWarning, Targets: []string{"sup"}, Requirement: "SR 1.10"},
		{Rule: "re-without-sr", Severity: model.SevWarning, Targets: []string{"sup"}, Requirement: "SR 1.2"},
		{Rule: "no-target", Severity: model.SevInfo, Targets: []string{"ent"}},
		{Rule: "later-rule", Severity: model.SevInfo, Targets: []string{"ent"}},
	}
	model.SortFindings(fs, &in.Model, in.Catalog)
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+" "+f.Targets[0]+" "+f.Requirement)
	}
	want := []string{"re-without-sr sup SR 1.2", "re-without-sr sup SR 1.10", "no-target ent ", "no-target ctl-sis ", "later-rule ent "}
	if !slices.Equal(got, want) {
		t.Errorf("order\n got %q\nwant %q", got, want)
	}
}

// The demo plant is a sound zone model: at most info findings (its zones
// have no recorded rationale yet).
func TestCheckDemoOnlyInfo(t *testing.T) {
	cat := questionnaires.Builtin()
	// The demo's dates are relative to the day it is made: it stays sound
	// whenever it is made, checked on that day or a few weeks later.
	for _, made := range []time.Time{model.SampleDate, time.Now(), time.Date(2027, 12, 31, 23, 0, 0, 0, time.UTC)} {
		a := model.SamplePlantAt(cat, made)
		for _, at := range []time.Time{made, made.AddDate(0, 0, 30)} {
			fs := model.CheckAssessment(cat, a, at)
			if len(fs) == 0 {
				t.Fatal("no findings: three of the demo's zones have no rationale")
			}
			for _, f := range fs {
				if f.Severity != model.SevInfo {
					t.Errorf("demo made %s, checked %s: %s (%s): %s", made.Format(time.DateOnly), at.Format(time.DateOnly), f.Rule, f.Severity, f.Message)
				}
			}
		}
	}
}

func TestFindingHelpers(t *testing.T) {
	fs := []model.Finding{
		{Rule: "a", Severity: model.SevInfo, Targets: []string{"x"}},
		{Rule: "b", Severity: model.SevWarning, Targets: []string{"y", "x"}},
	}
	if got := model.FindingsOf(fs, "x"); len(got) != 2 {
		t.Errorf("FindingsOf x: %d", len(got))
	}
	if got := model.FindingsOf(fs, "y"); len(got) != 1 || got[0].Rule != "b" {
		t.Errorf("FindingsOf y: %+v", got)
	}
	if s, ok := model.WorstSeverity(fs); !ok || s != model.SevWarning {
		t.Errorf("worst %v %v", s, ok)
	}
	if _, ok := model.WorstSeverity(nil); ok {
		t.Error("worst of nothing")
	}
	if model.HasError(fs) {
		t.Error("no error here")
	}
}

// The flawed demo (`slate demo --flawed`) shows every rule of the table.
func TestCheckFlawedPlantFiresEveryRule(t *testing.T) {
	cat := questionnaires.Builtin()
	for _, made := range []time.Time{model.SampleDate, time.Now()} {
		a := model.FlawedSamplePlantAt(cat, made)
		fs := model.CheckAssessment(cat, a, made)
		fired := map[string]bool{}
		for _, f := range fs {
			fired[f.Rule] = true
		}
		for _, r := range model.CheckRules {
			if !fired[r.ID] {
				t.Errorf("made %s: rule %s does not fire on the flawed demo", made.Format(time.DateOnly), r.ID)
			}
		}
	}
	// The plain demo is untouched by building the flawed one.
	if demo := model.SamplePlant(cat); len(demo.Zones) != 5 || demo.Answers["control"]["SR 1.1 RE 1"].Status.Answered() {
		t.Error("the flawed plant changed the demo")
	}
}

// docs/zone-model.md lists every rule with its severity, in table order.
func TestCheckRulesDocumented(t *testing.T) {
	src, err := os.ReadFile("../docs/zone-model.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, at := string(src), 0
	for _, r := range model.CheckRules {
		row := "| `" + r.ID + "` | " + string(r.Severity) + " |"
		i := strings.Index(doc, row)
		if i < 0 {
			t.Errorf("docs/zone-model.md lacks %q", row)
			continue
		}
		if i < at {
			t.Errorf("%s is out of table order in the docs", r.ID)
		}
		at = i
	}
}
