// Package questionnaires holds the built-in IEC 62443-3-3 catalog (embedded
// YAML) and loads, validates and hashes catalogs into model.Catalog.
package questionnaires

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"slate/model"
)

// CommonFindings are the tags every catalog may use without declaring them.
var CommonFindings = model.CommonFindings

// srID matches the standard's numbering, whose FR digit must agree with fr.
var srID = regexp.MustCompile(`^SR ([1-7])\.[0-9]+( RE [0-9]+)?$`)

// Hash returns the content hash recorded in assessments: sha256 of the bytes.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Parse reads and validates one catalog. name is used in error locations.
// Every problem found is returned as Problems; Parse never panics on input.
func Parse(name string, data []byte) (cat *model.Catalog, err error) {
	defer func() {
		// The YAML decoder is robust, but a catalog is user input: no input
		// may take the program down.
		if r := recover(); r != nil {
			cat, err = nil, Problems{{name, 0, fmt.Sprintf("cannot read catalog: %v", r)}}
		}
	}()
	c := &collector{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		c.add(yamlErrLine(err), "invalid YAML: %s", yamlErrMsg(err))
		return nil, c.err()
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		c.add(0, "empty catalog")
		return nil, c.err()
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		c.add(root.Line, "a catalog is a mapping with id, version and requirements")
		return nil, c.err()
	}
	top := fields(c, root, "id", "version", "title", "tags", "frs", "requirements")
	id := str(c, top, "id", root.Line, true)
	version := str(c, top, "version", root.Line, true)
	title := str(c, top, "title", root.Line, false)

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
	frTitles := model.FRNames
	if n := top["frs"]; n != nil {
		parseFRs(c, n.value, &frTitles)
	}

	var reqs []model.Requirement
	lines := map[string]int{}
	if n := top["requirements"]; n == nil {
		c.add(root.Line, "missing requirements")
	} else if n.value.Kind != yaml.SequenceNode {
		c.add(n.value.Line, "requirements must be a list")
	} else {
		for _, item := range n.value.Content {
			r, ok := parseRequirement(c, item, tags)
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
		if len(n.value.Content) == 0 {
			c.add(n.value.Line, "requirements is empty")
		}
	}
	checkParents(c, reqs, lines)
	if err := c.err(); err != nil {
		return nil, err
	}
	cat, err = model.NewCatalog(id, version, title, Hash(data), reqs)
	if err != nil {
		return nil, Problems{{name, 0, err.Error()}}
	}
	cat.Tags = tags
	cat.FRTitle = frTitles
	return cat, nil
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

func parseRequirement(c *collector, item *yaml.Node, tags map[string]string) (model.Requirement, bool) {
	var r model.Requirement
	if item.Kind != yaml.MappingNode {
		c.add(item.Line, "a requirement must be a mapping")
		return r, false
	}
	before := len(c.ps)
	f := fields(c, item, "id", "fr", "title", "sl", "applies_to", "questions",
		"look_for", "remediation", "tags", "effort", "outage", "vendor")
	r.ID = strings.Join(strings.Fields(str(c, f, "id", item.Line, true)), " ")
	at := func(key string) int {
		if n := f[key]; n != nil {
			return n.value.Line
		}
		return item.Line
	}
	if fr, ok := integer(c, f, "fr", item.Line); ok {
		r.FR = model.FR(fr)
		if !r.FR.Valid() {
			c.add(at("fr"), "%s: fr %d is not in 1..7", r.ID, fr)
		} else if m := srID.FindStringSubmatch(r.ID); m != nil && m[1] != strconv.Itoa(fr) {
			c.add(at("fr"), "%s: id says FR%s but fr is %d", r.ID, m[1], fr)
		}
	}
	if sl, ok := integer(c, f, "sl", item.Line); ok {
		r.SL = model.Level(sl)
		if sl < 1 || sl > 4 {
			c.add(at("sl"), "%s: sl %d is not in 1..4", r.ID, sl)
		}
	}
	r.Title = str(c, f, "title", item.Line, true)
	if a := str(c, f, "applies_to", item.Line, true); a != "" {
		ap, err := model.ParseApplicability(a)
		if err != nil {
			c.add(at("applies_to"), "%s: %v", r.ID, err)
		}
		r.AppliesTo = ap
	}
	r.Questions = strList(c, f, "questions", item.Line)
	if len(r.Questions) == 0 {
		c.add(at("questions"), "%s: needs at least one non-empty question", r.ID)
	}
	r.LookFor = str(c, f, "look_for", item.Line, false)
	r.Remediation = str(c, f, "remediation", item.Line, false)
	for _, t := range strList(c, f, "tags", item.Line) {
		if _, known := tags[t]; !known {
			c.add(at("tags"), "%s: unknown tag %q (declare it under tags:)", r.ID, t)
		}
		r.Tags = append(r.Tags, t)
	}
	if e := str(c, f, "effort", item.Line, false); e != "" {
		eff, err := model.ParseEffort(e)
		if err != nil {
			c.add(at("effort"), "%s: %v", r.ID, err)
		}
		r.Effort = eff
	}
	r.Outage = boolean(c, f, "outage")
	r.Vendor = boolean(c, f, "vendor")
	r.Parent = model.ParentOf(r.ID)
	return r, len(c.ps) == before
}

// checkParents requires every RE to sit under an SR of the same FR that is
// required at the same level or lower.
func checkParents(c *collector, reqs []model.Requirement, lines map[string]int) {
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
		}
	}
}

// field is a mapping value with its key's line.
type field struct {
	keyLine int
	value   *yaml.Node
}

// fields reads a mapping, reporting unknown and repeated keys.
func fields(c *collector, n *yaml.Node, known ...string) map[string]*field {
	out := map[string]*field{}
	if n.Kind != yaml.MappingNode {
		c.add(n.Line, "expected a mapping")
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if !contains(known, k.Value) {
			c.add(k.Line, "unknown field %q", k.Value)
			continue
		}
		if _, dup := out[k.Value]; dup {
			c.add(k.Line, "field %q given twice", k.Value)
			continue
		}
		out[k.Value] = &field{k.Line, v}
	}
	return out
}

func str(c *collector, f map[string]*field, key string, line int, required bool) string {
	n := f[key]
	if n == nil {
		if required {
			c.add(line, "missing %s", key)
		}
		return ""
	}
	if n.value.Kind != yaml.ScalarNode {
		c.add(n.value.Line, "%s must be text", key)
		return ""
	}
	s := strings.TrimSpace(model.CleanLine(n.value.Value))
	if required && s == "" {
		c.add(n.value.Line, "%s is empty", key)
	}
	return s
}

func integer(c *collector, f map[string]*field, key string, line int) (int, bool) {
	n := f[key]
	if n == nil {
		c.add(line, "missing %s", key)
		return 0, false
	}
	v, err := strconv.Atoi(n.value.Value)
	if n.value.Kind != yaml.ScalarNode || err != nil {
		c.add(n.value.Line, "%s must be a whole number, not %q", key, n.value.Value)
		return 0, false
	}
	return v, true
}

func boolean(c *collector, f map[string]*field, key string) bool {
	n := f[key]
	if n == nil {
		return false
	}
	switch n.value.Value {
	case "true":
		return true
	case "false":
		return false
	}
	c.add(n.value.Line, "%s must be true or false", key)
	return false
}

func strList(c *collector, f map[string]*field, key string, line int) []string {
	n := f[key]
	if n == nil {
		return nil
	}
	if n.value.Kind != yaml.SequenceNode {
		c.add(n.value.Line, "%s must be a list", key)
		return nil
	}
	var out []string
	for _, item := range n.value.Content {
		if item.Kind != yaml.ScalarNode {
			c.add(item.Line, "%s entries must be text", key)
			continue
		}
		if s := strings.TrimSpace(model.CleanLine(item.Value)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var (
	yamlLine       = regexp.MustCompile(`line (\d+)`)
	yamlLinePrefix = regexp.MustCompile(`^line \d+: `)
)

func yamlErrLine(err error) int {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

func yamlErrMsg(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	return yamlLinePrefix.ReplaceAllString(s, "")
}
