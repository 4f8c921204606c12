package questionnaires

import (
	"slices"
	"strings"
	"testing"

	"slate/model"
)

// slate2 and cor1 are the newest built-in catalog and the one it replaces.
func slate2(t *testing.T) (next, prev *model.Catalog) {
	t.Helper()
	next = Builtin()
	prev, ok := builtinVersion("2013+COR1:2014")
	if next.Version != "2013+COR1:2014 slate.2" || !ok {
		t.Fatalf("embedded versions: %s and %v", next.Version, ok)
	}
	return next, prev
}

func texts(r *model.Requirement, k model.TargetKind) []string {
	var out []string
	for _, q := range r.QuestionsFor(k) {
		out = append(out, q.Text)
	}
	return out
}

// shown lists the questions an interview shows on any kind r applies to.
func shown(r *model.Requirement) []string {
	var out []string
	for _, q := range r.Questions {
		if q.For&r.AppliesTo != 0 {
			out = append(out, q.Text)
		}
	}
	return out
}

func req(t *testing.T, c *model.Catalog, id string) *model.Requirement {
	t.Helper()
	r, ok := c.Requirement(id)
	if !ok {
		t.Fatalf("%s %s has no %s", c.ID, c.Version, id)
	}
	return r
}

// Every requirement of slate.2 says when it is met, in the same shape, so
// two assessors score the same plant alike.
func TestSlate2MetWhen(t *testing.T) {
	c, _ := slate2(t)
	for _, r := range c.Requirements {
		if !strings.HasPrefix(r.MetWhen, "Yes: ") || !strings.Contains(r.MetWhen, " Partial: ") {
			t.Errorf("%s: met_when %q does not say what makes yes and what makes partial", r.ID, r.MetWhen)
		}
	}
}

// A zone interview never shows a question written for conduits, and the
// other way round; every kind a requirement applies to has its questions.
func TestSlate2QuestionsPerKind(t *testing.T) {
	c, _ := slate2(t)
	for _, r := range c.Requirements {
		for _, k := range []model.TargetKind{model.KindZone, model.KindConduit} {
			qs := r.QuestionsFor(k)
			if r.AppliesTo.Includes(k) && len(qs) == 0 {
				t.Errorf("%s applies to %ss but asks them nothing", r.ID, k)
			}
			if !r.AppliesTo.Includes(k) {
				continue
			}
			for _, q := range qs {
				if !q.For.Includes(k) {
					t.Errorf("%s: %s interview shows a question for %s: %q", r.ID, k, q.For, q.Text)
				}
				lower := strings.ToLower(q.Text)
				if k == model.KindZone && strings.Contains(lower, "conduit") {
					t.Errorf("%s: zone interview shows a conduit question: %q", r.ID, q.Text)
				}
				if k == model.KindConduit && strings.Contains(lower, "this zone") {
					t.Errorf("%s: conduit interview shows a zone question: %q", r.ID, q.Text)
				}
			}
		}
	}
	// The example of the issue: SR 2.8's firewall question stays on conduits.
	r := req(t, c, "SR 2.8")
	zone, conduit := strings.Join(texts(r, model.KindZone), " "), strings.Join(texts(r, model.KindConduit), " ")
	if strings.Contains(zone, "firewall or gateway on this conduit") || !strings.Contains(conduit, "firewall or gateway on this conduit") {
		t.Fatalf("SR 2.8 zone %q, conduit %q", zone, conduit)
	}
}

// An RE applies only where its SR applies, over the whole catalog.
func TestSlate2REApplicability(t *testing.T) {
	c, _ := slate2(t)
	for _, r := range c.Requirements {
		if !r.IsEnhancement() {
			continue
		}
		if p := req(t, c, r.Parent); r.AppliesTo&^p.AppliesTo != 0 {
			t.Errorf("%s applies to %s, its SR to %s", r.ID, r.AppliesTo, p.AppliesTo)
		}
	}
}

// Requirements plant staff cannot answer alone say who can, and the
// look-for names the document to ask for.
func TestSlate2EvidenceFrom(t *testing.T) {
	c, _ := slate2(t)
	for _, id := range []string{"SR 1.5 RE 1", "SR 3.3 RE 2", "SR 3.8 RE 2", "SR 3.8 RE 3", "SR 4.2 RE 1"} {
		if r := req(t, c, id); r.EvidenceFrom == model.EvidenceStaff {
			t.Errorf("%s: no evidence_from", id)
		}
	}
	marked := 0
	for _, r := range c.Requirements {
		if r.EvidenceFrom == model.EvidenceStaff {
			continue
		}
		marked++
		if !strings.Contains(r.LookFor, "security manual") && !strings.Contains(r.LookFor, "62443-4-2") && !strings.Contains(r.LookFor, "test report") {
			t.Errorf("%s (evidence from %s): look-for names no document: %q", r.ID, r.EvidenceFrom, r.LookFor)
		}
	}
	if marked == 0 {
		t.Fatal("no requirement marked evidence_from")
	}
}

// The issue's corrections, asserted as the values slate.2 must hold, each
// against what the previous catalog said.
func TestSlate2FixesTheIssue(t *testing.T) {
	next, prev := slate2(t)

	// Ids, levels and titles are the standard's: unchanged, except the
	// title that lacked "(PKI)".
	if len(next.Requirements) != len(prev.Requirements) {
		t.Fatalf("%d requirements, was %d", len(next.Requirements), len(prev.Requirements))
	}
	for i, r := range next.Requirements {
		o := prev.Requirements[i]
		if r.ID != o.ID || r.FR != o.FR || r.SL != o.SL || (r.Title != o.Title && r.ID != "SR 1.8") {
			t.Errorf("%s: id, FR, sl or title changed from %s", r.ID, o.ID)
		}
	}
	if r := req(t, next, "SR 1.8"); r.Title != "Public key infrastructure (PKI) certificates" || req(t, prev, "SR 1.8").Title == r.Title {
		t.Errorf("SR 1.8 title %q", r.Title)
	}

	// Applicability: exactly these moved, each from and to the stated kind.
	moved := map[string][2]model.Applicability{
		"SR 2.2 RE 1": {model.AppliesBoth, model.AppliesZone},
		"SR 3.8 RE 1": {model.AppliesBoth, model.AppliesZone},
		"SR 3.8 RE 2": {model.AppliesBoth, model.AppliesZone},
		"SR 3.8 RE 3": {model.AppliesBoth, model.AppliesZone},
		"SR 1.1 RE 2": {model.AppliesZone, model.AppliesBoth},
		"SR 3.2":      {model.AppliesZone, model.AppliesBoth},
		"SR 3.3":      {model.AppliesZone, model.AppliesBoth},
		"SR 7.3":      {model.AppliesZone, model.AppliesBoth},
		"SR 7.4":      {model.AppliesZone, model.AppliesBoth},
		// Forced by the RE rule: SR 1.1 RE 2 now applies to conduits.
		"SR 1.1": {model.AppliesZone, model.AppliesBoth},
	}
	for _, r := range next.Requirements {
		o := req(t, prev, r.ID)
		want, ok := moved[r.ID]
		switch {
		case ok && (o.AppliesTo != want[0] || r.AppliesTo != want[1]):
			t.Errorf("%s: applies_to %s -> %s, want %s -> %s", r.ID, o.AppliesTo, r.AppliesTo, want[0], want[1])
		case !ok && o.AppliesTo != r.AppliesTo:
			t.Errorf("%s: applies_to changed %s -> %s, not asked for", r.ID, o.AppliesTo, r.AppliesTo)
		}
	}
	if r := req(t, next, "SR 3.2 RE 1"); !r.AppliesTo.Includes(model.KindConduit) {
		t.Error("SR 3.2 RE 1 (entry and exit points) must keep applying to conduits")
	}

	// The misstated questions, as a zone interview now shows them.
	questions := map[string][]string{
		"SR 1.7 RE 1": {
			"Do the HMIs, servers and engineering stations in this zone refuse a new password that repeats one of the user's last several passwords (a set number of generations)?",
			"Is there a minimum password lifetime, so a user cannot change the password several times in a row to get back to an old one, and a maximum lifetime after which it must be changed?",
		},
		"SR 7.5": {
			"When this zone switches to or back from emergency power (UPS, generator), do its security settings stay as they were, so that no firewall, switch or controller restarts open, unprotected or with factory defaults?",
			"Are device configurations saved so that after a power cycle firewalls, switches and controllers come back with their current security configuration rather than an unsaved or default one?",
		},
		"SR 2.11": {
			"Does every audit record in this zone (logins, changes, alarms, firewall events) carry a date and time stamp?",
			"Is it known which time zone or UTC offset each system writes its timestamps in, so records from different systems can be read correctly?",
		},
		"SR 5.3": {
			"Are person-to-person messages from outside the control system (e-mail, chat, instant messaging, social media) kept from reaching the computers in this zone, e.g. no mail or chat clients and no such traffic let in?",
		},
		"SR 3.7": {
			"When an HMI, server, web interface or device in this zone hits an error (bad input, lost connection, full disk), is the error reported clearly enough for staff to find and correct the cause?",
			"Do those error messages avoid giving away details useful to an attacker, such as passwords, file paths, internal traces or exact software versions, to users who should not see them?",
		},
		"SR 5.1": {
			"Is this zone's network separated from the office network and the internet, rather than sharing one flat network with them?",
			"Within the control system, are critical control networks (controllers, safety systems) separated from other control networks such as the supervisory or engineering network?",
		},
	}
	for id, want := range questions {
		r, o := req(t, next, id), req(t, prev, id)
		if got := texts(r, model.KindZone); !slices.Equal(got, want) {
			t.Errorf("%s zone questions:\n got %q\nwant %q", id, got, want)
		}
		if slices.Equal(texts(o, model.KindZone), want) {
			t.Errorf("%s: question unchanged from the previous catalog", id)
		}
	}
	// Second questions that asked about process (IEC 62443-2-1) now ask
	// about the capability.
	second := map[string]string{
		"SR 1.3": "Can the responsible administrators add, change, disable and remove every account on these systems, including accounts built into the products, and is no one else able to do so?",
		"SR 6.1": "Is that access read-only, so that reading the logs does not also allow changing or deleting them?",
	}
	for id, want := range second {
		r, o := req(t, next, id), req(t, prev, id)
		got := texts(r, model.KindZone)
		if !slices.Contains(got, want) || slices.Contains(texts(o, model.KindZone), want) {
			t.Errorf("%s: questions %q lack %q", id, got, want)
		}
		for _, q := range got {
			if strings.Contains(q, "how often") || strings.Contains(q, "how quickly") || strings.Contains(q, "leaves") {
				t.Errorf("%s still asks a process question: %q", id, q)
			}
		}
	}
	// What the corrections must not say any more.
	for id, gone := range map[string]string{"SR 2.11": "synchron", "SR 5.3": "brows", "SR 1.7 RE 1": "random"} {
		for _, q := range shown(req(t, next, id)) {
			if strings.Contains(strings.ToLower(q), gone) {
				t.Errorf("%s still mentions %q: %q", id, gone, q)
			}
		}
	}
	if r := req(t, next, "SR 2.11 RE 1"); !strings.Contains(strings.Join(texts(r, model.KindZone), " "), "synchronise") {
		t.Error("clock synchronisation belongs to SR 2.11 RE 1")
	}
	if m := req(t, next, "SR 3.3").MetWhen; !strings.Contains(m, "proof tests") {
		t.Errorf("SR 3.3 met_when must rule out safety proof tests: %q", m)
	}

	// The upgrade flow sees each of these as a change to re-confirm.
	changes := map[string]model.RequirementChange{}
	for _, ch := range model.CatalogChanges(prev, next) {
		changes[ch.ID] = ch
	}
	for id := range questions {
		if !changes[id].Reconfirm(model.KindZone) {
			t.Errorf("%s: not listed for re-confirmation on zones", id)
		}
	}
	if ch := changes["SR 2.2 RE 1"]; !ch.NoLongerApplies(model.KindConduit) || ch.NoLongerApplies(model.KindZone) {
		t.Errorf("SR 2.2 RE 1 change %+v", ch)
	}
	if ch := changes["SR 3.2"]; ch.Old != model.AppliesZone || ch.New != model.AppliesBoth || ch.NoLongerApplies(model.KindZone) {
		t.Errorf("SR 3.2 change %+v", ch)
	}
}

func TestSlate2SiteQuestions(t *testing.T) {
	c, _ := slate2(t)
	topics := []struct{ word, tag string }{
		{"patch", "no-patch-management"},
		{"incident response", "no-incident-response"},
		{"inventory", "no-asset-inventory"},
		{"zones and conduits", "no-zone-model"},
		{"remote-access", "uncontrolled-remote-access"},
	}
	if len(c.SiteQuestions) != len(topics) {
		t.Fatalf("%d site questions", len(c.SiteQuestions))
	}
	for i, s := range c.SiteQuestions {
		if want := "SITE " + string(rune('1'+i)); s.ID != want {
			t.Errorf("site question %d has id %q, want %q", i, s.ID, want)
		}
		if len(s.Questions) == 0 || s.MetWhen == "" || s.LookFor == "" || s.Remediation == "" || len(s.Tags) == 0 {
			t.Errorf("%s: incomplete %+v", s.ID, s)
		}
		for _, tag := range s.Tags {
			if _, ok := model.CommonFindings[tag]; !ok {
				t.Errorf("%s: tag %q is not a common finding", s.ID, tag)
			}
		}
	}
	for _, tp := range topics {
		found := false
		for _, s := range c.SiteQuestions {
			if strings.Contains(strings.ToLower(s.Title), tp.word) && s.HasTag(tp.tag) {
				found = true
			}
		}
		if !found {
			t.Errorf("no site question on %q tagged %s", tp.word, tp.tag)
		}
	}
	if _, ok := c.Requirement("SITE 1"); ok || c.Count(4) != 100 {
		t.Error("site questions must stay out of the requirements")
	}
}

func TestSlate2Projects(t *testing.T) {
	c, _ := slate2(t)
	owner := map[string]string{}
	for _, p := range c.Projects {
		for _, id := range p.Requirements {
			req(t, c, id)
			if other, dup := owner[id]; dup {
				t.Errorf("%s is in projects %s and %s", id, other, p.ID)
			}
			owner[id] = p.ID
		}
	}
	for _, id := range []string{"remote-access", "identity", "segmentation", "monitoring", "backup-recovery", "hardening"} {
		if !slices.ContainsFunc(c.Projects, func(p model.ProjectGroup) bool { return p.ID == id }) {
			t.Errorf("no project %s", id)
		}
	}
	p, ok := c.ProjectOf("SR 2.6")
	if !ok || p.ID != "remote-access" || !slices.Equal(p.Requirements, []string{"SR 1.13", "SR 1.13 RE 1", "SR 2.6", "SR 1.1 RE 2"}) {
		t.Errorf("remote access project %+v", p)
	}
}
