package questionnaires

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"slate/model"
)

// parseRequirements reads the requirements list; lines maps each id to the
// line of its entry, for later checks that name it.
func parseRequirements(c *collector, top fieldMap, rootLine int, tags map[string]string, format int) ([]model.Requirement, map[string]int) {
	var reqs []model.Requirement
	lines := map[string]int{}
	n := top["requirements"]
	switch {
	case n == nil:
		c.add(rootLine, "missing requirements")
		return nil, lines
	case n.value.Kind != yaml.SequenceNode:
		c.add(n.value.Line, "requirements must be a list")
		return nil, lines
	case len(n.value.Content) == 0:
		c.add(n.value.Line, "requirements is empty")
	}
	for _, item := range n.value.Content {
		r, ok := parseRequirement(c, item, tags, format)
		if !ok {
			continue
		}
		if prev, dup := lines[r.ID]; dup {
			c.add(item.Line, "duplicate id %q (first at line %d)", r.ID, prev)
			continue
		}
		lines[r.ID] = item.Line
		reqs = append(reqs, r)
	}
	return reqs, lines
}

func parseRequirement(c *collector, item *yaml.Node, tags map[string]string, format int) (model.Requirement, bool) {
	var r model.Requirement
	if item.Kind != yaml.MappingNode {
		c.add(item.Line, "a requirement must be a mapping")
		return r, false
	}
	before := len(c.ps)
	f := fields(c, item, "id", "fr", "title", "sl", "applies_to", "questions", "met_when",
		"evidence_from", "look_for", "remediation", "tags", "effort", "outage", "vendor")
	needFormat2(c, f, format, "met_when", "evidence_from")
	r.ID = normID(str(c, f, "id", item.Line, true))
	if fr, ok := integer(c, f, "fr", item.Line); ok {
		r.FR = model.FR(fr)
		if !r.FR.Valid() {
			c.add(f.lineOf("fr", item.Line), "%s: fr %d is not in 1..7", r.ID, fr)
		} else if m := srID.FindStringSubmatch(r.ID); m != nil && m[1] != strconv.Itoa(fr) {
			c.add(f.lineOf("fr", item.Line), "%s: id says FR%s but fr is %d", r.ID, m[1], fr)
		}
	}
	if sl, ok := integer(c, f, "sl", item.Line); ok {
		r.SL = model.Level(sl)
		if sl < 1 || sl > 4 {
			c.add(f.lineOf("sl", item.Line), "%s: sl %d is not in 1..4", r.ID, sl)
		}
	}
	r.Title = str(c, f, "title", item.Line, true)
	if a := str(c, f, "applies_to", item.Line, true); a != "" {
		ap, err := model.ParseApplicability(a)
		if err != nil {
			c.add(f.lineOf("applies_to", item.Line), "%s: %v", r.ID, err)
		}
		r.AppliesTo = ap
	}
	r.Questions = parseQuestions(c, f, &r, item.Line, format)
	if format >= 2 {
		r.MetWhen = str(c, f, "met_when", item.Line, true)
	}
	if e := str(c, f, "evidence_from", item.Line, false); e != "" {
		src, err := model.ParseEvidenceSource(e)
		if err != nil {
			c.add(f.lineOf("evidence_from", item.Line), "%s: %v", r.ID, err)
		}
		r.EvidenceFrom = src
	}
	r.LookFor = str(c, f, "look_for", item.Line, false)
	r.Remediation = str(c, f, "remediation", item.Line, false)
	r.Tags = knownTags(c, f, r.ID, item.Line, tags)
	if e := str(c, f, "effort", item.Line, false); e != "" {
		eff, err := model.ParseEffort(e)
		if err != nil {
			c.add(f.lineOf("effort", item.Line), "%s: %v", r.ID, err)
		}
		r.Effort = eff
	}
	r.Outage = boolean(c, f, "outage")
	r.Vendor = boolean(c, f, "vendor")
	r.Parent = model.ParentOf(r.ID)
	return r, len(c.ps) == before
}

// normID collapses runs of spaces, so "SR 1.1  RE 2" names "SR 1.1 RE 2".
func normID(s string) string { return strings.Join(strings.Fields(s), " ") }

// knownTags reads a tags list, refusing tags the catalog does not know.
func knownTags(c *collector, f fieldMap, id string, line int, tags map[string]string) []string {
	var out []string
	for _, t := range strList(c, f, "tags", line) {
		if _, known := tags[t]; !known {
			c.add(f.lineOf("tags", line), "%s: unknown tag %q (declare it under tags:)", id, t)
		}
		out = append(out, t)
	}
	return out
}

// parseQuestions reads a requirement's questions: plain text (asked on every
// kind the requirement applies to) or, from format 2 on, {text, for}. Every
// kind the requirement applies to needs a question of its own, and no
// question may be written for a kind the requirement does not apply to.
func parseQuestions(c *collector, f fieldMap, r *model.Requirement, line, format int) []model.Question {
	n := f["questions"]
	if n == nil || n.value.Kind != yaml.SequenceNode {
		if n != nil {
			c.add(n.value.Line, "questions must be a list")
		}
		c.add(f.lineOf("questions", line), "%s: needs at least one non-empty question", r.ID)
		return nil
	}
	var out []model.Question
	for _, item := range n.value.Content {
		q, ok := parseQuestion(c, item, r.ID, format)
		if !ok || q.Text == "" {
			continue
		}
		if r.AppliesTo != 0 && q.For&r.AppliesTo == 0 {
			c.add(item.Line, "%s: question for %s, but the requirement applies to %s only", r.ID, plural(q.For), plural(r.AppliesTo))
			continue
		}
		out = append(out, q)
	}
	if len(out) == 0 {
		c.add(n.value.Line, "%s: needs at least one non-empty question", r.ID)
		return nil
	}
	built := model.Requirement{Questions: out}
	for _, k := range []model.TargetKind{model.KindZone, model.KindConduit} {
		if r.AppliesTo.Includes(k) && len(built.QuestionsFor(k)) == 0 {
			c.add(n.value.Line, "%s: applies to %ss but has no question for %ss", r.ID, k, k)
		}
	}
	return out
}

// parseQuestion reads one question: text, or {text, for} in format 2.
func parseQuestion(c *collector, item *yaml.Node, id string, format int) (model.Question, bool) {
	switch {
	case item.Kind == yaml.ScalarNode:
		return model.Question{Text: cleanText(item.Value), For: model.AppliesBoth}, true
	case item.Kind != yaml.MappingNode:
		c.add(item.Line, "%s: a question is text or {text, for}", id)
		return model.Question{}, false
	case format < 2:
		c.add(item.Line, "%s: a question with for: needs \"format: 2\" at the top of the catalog", id)
		return model.Question{}, false
	}
	f := fields(c, item, "text", "for")
	q := model.Question{Text: str(c, f, "text", item.Line, true), For: model.AppliesBoth}
	if s := str(c, f, "for", item.Line, false); s != "" {
		ap, err := model.ParseApplicability(s)
		if err != nil {
			c.add(f.lineOf("for", item.Line), "%s: question for %q must be zone, conduit or both", id, s)
			return q, false
		}
		q.For = ap
	}
	return q, true
}

// plural names the kinds an applicability covers, for messages.
func plural(a model.Applicability) string {
	switch a {
	case model.AppliesZone:
		return "zones"
	case model.AppliesConduit:
		return "conduits"
	}
	return "zones and conduits"
}

// checkParents requires every RE to sit under an SR of the same FR that is
// required at the same level or lower, and to apply only where its SR
// applies: an enhancement adds to its SR on the same targets, so an RE met
// on a conduit whose SR is never asked there would raise SL-A on nothing.
// Format-1 catalogs get a warning for the last rule, so older files load.
func checkParents(c *collector, reqs []model.Requirement, lines map[string]int, format int) {
	byID := make(map[string]*model.Requirement, len(reqs))
	for i := range reqs {
		byID[reqs[i].ID] = &reqs[i]
	}
	for i := range reqs {
		r := &reqs[i]
		if r.Parent == "" {
			continue
		}
		p, ok := byID[r.Parent]
		switch {
		case !ok:
			c.add(lines[r.ID], "%s: no requirement %q for this enhancement to belong to", r.ID, r.Parent)
		case p.FR != r.FR:
			c.add(lines[r.ID], "%s: FR%d differs from its SR's FR%d", r.ID, r.FR, p.FR)
		case r.SL < p.SL:
			c.add(lines[r.ID], "%s: sl %d is below its SR's sl %d", r.ID, r.SL, p.SL)
		case r.AppliesTo&^p.AppliesTo != 0:
			c.addOrWarn(format, lines[r.ID], "%s: applies to %s, but %s applies to %s only; an enhancement applies only where its SR does",
				r.ID, plural(r.AppliesTo), p.ID, plural(p.AppliesTo))
		}
	}
}
