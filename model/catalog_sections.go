package model

import "slices"

// SiteQuestion is asked once per assessment, not per target: what IEC
// 62443-3-3 does not ask but every assessment must (patch management, an
// incident response plan, ...). Its answers never count towards SL-A.
type SiteQuestion struct {
	ID          string // "SITE 1"
	Title       string
	Questions   []string
	MetWhen     string
	LookFor     string
	Remediation string
	Tags        []string // common-finding keys the answer speaks to
}

// HasTag reports whether q carries tag t.
func (q *SiteQuestion) HasTag(t string) bool { return slices.Contains(q.Tags, t) }

// ProjectGroup is a default project for the roadmap: a plant funds projects
// ("secure remote access"), not requirement ids. A requirement belongs to at
// most one project of a catalog.
type ProjectGroup struct {
	ID           string // "remote-access"
	Title        string
	Requirements []string
}

// SiteQuestion returns the site question with the given id.
func (c *Catalog) SiteQuestion(id string) (*SiteQuestion, bool) {
	for i := range c.SiteQuestions {
		if c.SiteQuestions[i].ID == id {
			return &c.SiteQuestions[i], true
		}
	}
	return nil, false
}

// ProjectOf returns the default project a requirement belongs to.
func (c *Catalog) ProjectOf(reqID string) (*ProjectGroup, bool) {
	for i := range c.Projects {
		if slices.Contains(c.Projects[i].Requirements, reqID) {
			return &c.Projects[i], true
		}
	}
	return nil, false
}
