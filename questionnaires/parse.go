// Package questionnaires holds the built-in IEC 62443-3-3 catalogs (embedded
// YAML) and loads, validates and hashes catalogs into model.Catalog.
package questionnaires

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"

	"go.yaml.in/yaml/v3"

	"slate/model"
)

// CommonFindings are the tags every catalog may use without declaring them.
var CommonFindings = model.CommonFindings

// srID matches the standard's numbering, whose FR digit must agree with fr.
var srID = regexp.MustCompile(`^SR ([1-7])\.[0-9]+( RE [0-9]+)?$`)

// LatestFormat is the newest catalog file format this Slate reads. A catalog
// without a format key is format 1.
const LatestFormat = 2

// Hash returns the content hash recorded in assessments: sha256 of the bytes.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Parse reads and validates one catalog. name is used in locations. Every
// problem found is returned as Problems; a catalog that loads may still carry
// warnings (an older format lacking what format 2 requires). Parse never
// panics on input.
func Parse(name string, data []byte) (cat *model.Catalog, warnings []Warning, err error) {
	defer func() {
		// The YAML decoder is robust, but a catalog is user input: no input
		// may take the program down.
		if r := recover(); r != nil {
			cat, warnings, err = nil, nil, Problems{{name, 0, fmt.Sprintf("cannot read catalog: %v", r)}}
		}
	}()
	c := &collector{file: name}
	cat = parseDoc(c, data)
	if err := c.err(); err != nil {
		return nil, nil, err
	}
	return cat, c.ws, nil
}

func parseDoc(c *collector, data []byte) *model.Catalog {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		c.add(yamlErrLine(err), "invalid YAML: %s", yamlErrMsg(err))
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		c.add(0, "empty catalog")
		return nil
	}
	if line, cyclic := expansion(&doc); cyclic {
		c.add(line, "an alias refers to a node that contains it")
		return nil
	} else if line != 0 {
		c.add(line, "aliases (*name) expand the catalog beyond %d entries; write the lists out instead", maxExpanded)
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		c.add(root.Line, "a catalog is a mapping with id, version and requirements")
		return nil
	}
	top := fields(c, root, "format", "id", "version", "title", "tags", "frs",
		"requirements", "site_questions", "projects")
	format := parseFormat(c, top)
	needFormat2(c, top, format, "site_questions", "projects")
	id := str(c, top, "id", root.Line, true)
	version := str(c, top, "version", root.Line, true)
	title := str(c, top, "title", root.Line, false)
	tags := parseTags(c, top)
	frTitles := model.FRNames
	if n := top["frs"]; n != nil {
		parseFRs(c, n.value, &frTitles)
	}

	reqs, lines := parseRequirements(c, top, root.Line, tags, format)
	if format < 2 && len(reqs) > 0 {
		warnFormat1(c, top, root.Line, len(reqs))
	}
	checkParents(c, reqs, lines, format)
	var site []model.SiteQuestion
	if n := top["site_questions"]; n != nil && format >= 2 {
		site = parseSiteQuestions(c, n.value, tags, lines)
	}
	var projects []model.ProjectGroup
	if n := top["projects"]; n != nil && format >= 2 {
		projects = parseProjects(c, n.value, lines)
	}
	if len(c.ps) > 0 {
		return nil
	}
	cat, err := model.NewCatalog(id, version, title, Hash(data), reqs)
	if err != nil {
		c.add(0, "%v", err)
		return nil
	}
	cat.Format = format
	cat.Tags = tags
	cat.FRTitle = frTitles
	cat.SiteQuestions = site
	cat.Projects = projects
	return cat
}

func parseFormat(c *collector, top fieldMap) int {
	if top["format"] == nil {
		return 1
	}
	v, ok := integer(c, top, "format", 0)
	if !ok {
		return 1
	}
	if v < 1 || v > LatestFormat {
		c.add(top.lineOf("format", 0), "format %d is not one this Slate reads (1 to %d)", v, LatestFormat)
		return 1
	}
	return v
}

func parseTags(c *collector, top fieldMap) map[string]string {
	tags := map[string]string{}
	for k, v := range CommonFindings {
		tags[k] = v
	}
	if n := top["tags"]; n != nil {
		if n.value.Kind != yaml.MappingNode {
			c.add(n.value.Line, "tags must map a tag to its description")
		} else {
			for i := 0; i+1 < len(n.value.Content); i += 2 {
				tags[n.value.Content[i].Value] = model.CleanLine(n.value.Content[i+1].Value)
			}
		}
	}
	return tags
}

func parseFRs(c *collector, n *yaml.Node, titles *[model.NumFR]string) {
	if n.Kind != yaml.SequenceNode {
		c.add(n.Line, "frs must be a list")
		return
	}
	for _, item := range n.Content {
		f := fields(c, item, "fr", "title")
		fr, ok := integer(c, f, "fr", item.Line)
		if !ok {
			continue
		}
		if fr < 1 || fr > model.NumFR {
			c.add(f["fr"].value.Line, "fr %d is not in 1..7", fr)
			continue
		}
		if t := str(c, f, "title", item.Line, true); t != "" {
			titles[fr-1] = t
		}
	}
}

// warnFormat1 tells the author of a format-1 catalog, once, what it lacks:
// without a met_when criterion two assessors may score the same plant
// differently, and untagged questions show on zones and conduits alike.
func warnFormat1(c *collector, top fieldMap, line, n int) {
	if f := top["requirements"]; f != nil {
		line = f.keyLine
	}
	c.warn(line, "format 1 catalog: its %d requirements have no met_when and their questions are not tagged per kind; add \"format: 2\" and a met_when to each (docs/catalog-format.md)", n)
}
