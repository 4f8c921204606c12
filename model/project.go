package model

import "fmt"

// Project is a named group of initiatives a plant funds together ("secure
// remote access": SR 1.13, SR 1.13 RE 1, SR 2.6, SR 1.1 RE 2). The catalog
// proposes default projects; the assessor may regroup an initiative into
// another project or a new one (Assessment.Projects, Assessment.ProjectOf).
type Project struct {
	ID    string
	Title string
}

// Validate checks a project the assessor defines.
func (p Project) Validate() error {
	if trimmedEmpty(p.ID) || trimmedEmpty(p.Title) {
		return fmt.Errorf("a project needs an id and a title")
	}
	return nil
}

// projectIndex resolves requirement ids to projects.
type projectIndex struct {
	byID  map[string]*Project
	order []*Project
	reqs  map[string]string // requirement -> project id ("" = none)
}

// ProjectsOf combines the catalog's default projects with the assessor's
// own and the regrouping recorded in the assessment: an entry in ProjectOf
// wins over the catalog (an empty project id takes the initiative out of
// every project).
func ProjectsOf(c *Catalog, a *Assessment) projectIndex {
	ix := projectIndex{byID: map[string]*Project{}, reqs: map[string]string{}}
	add := func(p Project) {
		if _, dup := ix.byID[p.ID]; dup {
			return
		}
		pp := &Project{ID: p.ID, Title: p.Title}
		ix.byID[p.ID] = pp
		ix.order = append(ix.order, pp)
	}
	for _, g := range c.Projects {
		add(Project{ID: g.ID, Title: g.Title})
		for _, r := range g.Requirements {
			ix.reqs[r] = g.ID
		}
	}
	for _, p := range a.Projects {
		if existing, ok := ix.byID[p.ID]; ok {
			existing.Title = p.Title // the assessor may rename a default project
			continue
		}
		add(p)
	}
	for r, id := range a.ProjectOf {
		ix.reqs[r] = id
	}
	return ix
}

func (ix projectIndex) of(requirement string) *Project {
	return ix.byID[ix.reqs[requirement]]
}

// used lists the projects that hold at least one initiative, in the
// catalog's order, then the assessor's.
func (ix projectIndex) used(ins []*Initiative) []Project {
	in := map[string]bool{}
	for _, it := range ins {
		if it.Project != nil {
			in[it.Project.ID] = true
		}
	}
	var out []Project
	for _, p := range ix.order {
		if in[p.ID] {
			out = append(out, *p)
		}
	}
	return out
}
