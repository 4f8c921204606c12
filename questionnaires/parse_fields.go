package questionnaires

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"slate/model"
)

// field is a mapping value with its key's line.
type field struct {
	keyLine int
	value   *yaml.Node
}

// fieldMap is a mapping's fields by key.
type fieldMap map[string]*field

// lineOf returns the line of key's value, or fallback when key is absent.
func (f fieldMap) lineOf(key string, fallback int) int {
	if n := f[key]; n != nil {
		return n.value.Line
	}
	return fallback
}

// needFormat2 refuses keys that only format 2 defines in an older catalog:
// an author who writes them but forgets "format: 2" would otherwise get
// format-1 rules without noticing.
func needFormat2(c *collector, f fieldMap, format int, keys ...string) {
	if format >= 2 {
		return
	}
	for _, k := range keys {
		if n := f[k]; n != nil {
			c.add(n.keyLine, "%s needs \"format: 2\" at the top of the catalog", k)
		}
	}
}

// fields reads a mapping, reporting unknown and repeated keys.
func fields(c *collector, n *yaml.Node, known ...string) fieldMap {
	out := fieldMap{}
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

func str(c *collector, f fieldMap, key string, line int, required bool) string {
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
	s := cleanText(n.value.Value)
	if required && s == "" {
		c.add(n.value.Line, "%s is empty", key)
	}
	return s
}

func integer(c *collector, f fieldMap, key string, line int) (int, bool) {
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

func boolean(c *collector, f fieldMap, key string) bool {
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

func strList(c *collector, f fieldMap, key string, line int) []string {
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
		if s := cleanText(item.Value); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cleanText is catalog text as Slate shows it: one line, no control
// characters or escape sequences, no surrounding space.
func cleanText(s string) string { return strings.TrimSpace(model.CleanLine(s)) }

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
