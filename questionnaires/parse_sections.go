package questionnaires

import (
	"regexp"

	"go.yaml.in/yaml/v3"

	"slate/model"
)

var (
	siteID    = regexp.MustCompile(`^SITE [1-9][0-9]*$`)
	projectID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
)

// parseSiteQuestions reads the site_questions section: questions asked once
// per assessment, outside the requirements and their scoring.
func parseSiteQuestions(c *collector, n *yaml.Node, tags map[string]string, reqLines map[string]int) []model.SiteQuestion {
	var out []model.SiteQuestion
	seen := map[string]int{}
	for _, item := range entries(c, n, "site_questions", "a site question") {
		f := fields(c, item, "id", "title", "questions", "met_when", "look_for", "remediation", "tags")
		q := model.SiteQuestion{ID: normID(str(c, f, "id", item.Line, true))}
		if checkID(c, f, item.Line, q.ID, siteID, "must read SITE 1, SITE 2, ...", seen) && reqLines[q.ID] > 0 {
			c.add(item.Line, "id %q is already a requirement (line %d)", q.ID, reqLines[q.ID])
		}
		q.Title = str(c, f, "title", item.Line, true)
		q.Questions = strList(c, f, "questions", item.Line)
		if len(q.Questions) == 0 {
			c.add(f.lineOf("questions", item.Line), "%s: needs at least one non-empty question", q.ID)
		}
		q.MetWhen = str(c, f, "met_when", item.Line, true)
		q.LookFor = str(c, f, "look_for", item.Line, false)
		q.Remediation = str(c, f, "remediation", item.Line, false)
		q.Tags = knownTags(c, f, q.ID, item.Line, tags)
		out = append(out, q)
	}
	return out
}

// parseProjects reads the default project groups of the roadmap. Each names
// existing requirements; a requirement sits in one project at most, so an
// initiative's project is never ambiguous.
func parseProjects(c *collector, n *yaml.Node, reqLines map[string]int) []model.ProjectGroup {
	var out []model.ProjectGroup
	ids := map[string]int{}
	owner := map[string]string{} // requirement id -> project id
	for _, item := range entries(c, n, "projects", "a project") {
		f := fields(c, item, "id", "title", "requirements")
		p := model.ProjectGroup{ID: str(c, f, "id", item.Line, true), Title: str(c, f, "title", item.Line, true)}
		checkID(c, f, item.Line, p.ID, projectID, "use lower-case letters, digits and hyphens", ids)
		listed := strList(c, f, "requirements", item.Line)
		for _, id := range listed {
			id = normID(id)
			switch other, taken := owner[id]; {
			case reqLines[id] == 0:
				c.add(f.lineOf("requirements", item.Line), "project %s: no requirement %q", p.ID, id)
			case taken && other == p.ID:
				c.add(f.lineOf("requirements", item.Line), "project %s: %s is listed twice", p.ID, id)
			case taken:
				c.add(f.lineOf("requirements", item.Line), "project %s: %s is already in project %s", p.ID, id, other)
			default:
				owner[id] = p.ID
				p.Requirements = append(p.Requirements, id)
			}
		}
		if len(listed) == 0 {
			c.add(f.lineOf("requirements", item.Line), "project %s: needs at least one requirement", p.ID)
		}
		out = append(out, p)
	}
	return out
}

// entries returns the mappings of a section's list, reporting anything else.
func entries(c *collector, n *yaml.Node, section, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		c.add(n.Line, "%s must be a list", section)
		return nil
	}
	var out []*yaml.Node
	for _, item := range n.Content {
		if item.Kind != yaml.MappingNode {
			c.add(item.Line, "%s must be a mapping", what)
			continue
		}
		out = append(out, item)
	}
	return out
}

// checkID checks a section entry's id against its pattern and the ids seen
// so far (recording it), and reports whether it is new and well formed.
func checkID(c *collector, f fieldMap, line int, id string, pattern *regexp.Regexp, hint string, seen map[string]int) bool {
	prev, dup := seen[id]
	switch {
	case id == "":
		return false
	case !pattern.MatchString(id):
		c.add(f.lineOf("id", line), "id %q: %s", id, hint)
		return false
	case dup:
		c.add(line, "duplicate id %q (first at line %d)", id, prev)
		return false
	}
	seen[id] = line
	return true
}
