package assetcsv

import (
	"fmt"
	"strings"
)

// Lines is the preview as text, the one wording `--dry-run` prints and the
// TUI shows before an import: a count, each add, update (with the values
// that change) and error, and the columns left unused. Every value in it
// was cleaned when the file was read.
func (p *Preview) Lines() []string {
	var out []string
	if !p.OK() {
		out = append(out, fmt.Sprintf("Nothing will be imported: %s.", plural(len(p.Errors), "error")))
		for _, e := range p.Errors {
			out = append(out, "  "+e.Error())
		}
		return out
	}
	out = append(out, fmt.Sprintf("%s to add, %s to update, %s unchanged.",
		plural(len(p.Adds), "asset"), plural(len(p.Updates), "asset"), plural(len(p.Unchanged), "asset")))
	for _, r := range p.Adds {
		out = append(out, fmt.Sprintf("  add     %s in %s (line %d)", r.Asset.Name, r.TargetName, r.Line))
	}
	for _, r := range p.Updates {
		var ch []string
		for _, f := range r.Changed {
			ch = append(ch, fmt.Sprintf("%s %s -> %s", f, orNone(*assetField(r.Old, f)), *assetField(&r.Asset, f)))
		}
		out = append(out, fmt.Sprintf("  update  %s in %s (line %d): %s", r.Asset.Name, r.TargetName, r.Line, strings.Join(ch, ", ")))
	}
	if len(p.Ignored) > 0 {
		out = append(out, "Columns not imported: "+strings.Join(p.Ignored, ", ")+".")
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
