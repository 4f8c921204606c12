package questionnaires

import "go.yaml.in/yaml/v3"

// maxExpanded bounds the entries a catalog may have once its aliases are
// expanded. YAML lets one anchored list be reused any number of times
// (`questions: *a` on 100,000 requirements): eight megabytes of text can
// stand for billions of entries. A real catalog has a few ten thousand.
const maxExpanded = 500_000

// expansion counts the nodes of a document with every alias expanded, and
// returns the line of the alias at which the count passes maxExpanded (0
// when it does not) or that refers to a node containing itself.
func expansion(root *yaml.Node) (line int, cyclic bool) {
	sizes := map[*yaml.Node]int{}
	open := map[*yaml.Node]bool{}
	var size func(n *yaml.Node) int
	size = func(n *yaml.Node) int {
		if n == nil || line != 0 {
			return 0
		}
		if s, ok := sizes[n]; ok {
			return s
		}
		if open[n] {
			line, cyclic = n.Line, true
			return 0
		}
		open[n] = true
		total := 1
		if n.Kind == yaml.AliasNode {
			total += size(n.Alias)
		}
		for _, c := range n.Content {
			total += size(c)
			if total > maxExpanded && line == 0 {
				line = c.Line
			}
		}
		delete(open, n)
		sizes[n] = total
		return total
	}
	if size(root) > maxExpanded && line == 0 {
		line = root.Line
	}
	return line, cyclic
}
