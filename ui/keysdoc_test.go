package ui

import (
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"slate/ui/common"
	"slate/ui/uitest"
)

// keysDoc renders every key the TUI offers, from the same key maps that the
// help bar and the ? help show, as the Markdown of docs/keys.md.
func keysDoc(t *testing.T) string {
	h := uitest.NewDemo(t)
	app := NewApp(h.Ctx, Screens(h.Ctx)...)
	var b strings.Builder
	b.WriteString("# Keys\n\n")
	b.WriteString("Generated from the key maps that the help bar and the `?` help show\n")
	b.WriteString("(`SLATE_WRITE_DOCS=1 go test ./ui -run KeysDoc` rewrites this file).\n")
	b.WriteString("While a text field, editor or dialog is open, keys go to it: `ctrl+s` saves,\n")
	b.WriteString("`esc` cancels, and `ctrl+c` asks before discarding what was typed.\n\n")
	// table writes one group: its title (### under a screen) and its keys,
	// each once.
	table := func(heading string, g common.KeyGroup) {
		b.WriteString(heading + " " + g.Title + "\n\n| Key | Action |\n|---|---|\n")
		seen := map[string]bool{}
		for _, k := range g.Keys {
			hp := k.Help()
			row := "| `" + hp.Key + "` | " + hp.Desc + " |\n"
			if hp.Key == "" || seen[row] {
				continue
			}
			seen[row] = true
			b.WriteString(row)
		}
		b.WriteString("\n")
	}
	table("##", app.keys.Group())
	for _, s := range app.screens {
		b.WriteString("## " + s.Title() + "\n\n")
		// A screen whose keys follow rules of their own says so first.
		if n, ok := s.Keys().(interface{ DocNote() string }); ok {
			b.WriteString(n.DocNote() + "\n\n")
		}
		// The full help lists the keys of the mode shown; a screen with
		// several modes lists every key here (DocHelp).
		groups := s.Keys().FullHelp()
		if all, ok := s.Keys().(interface{ DocHelp() []common.KeyGroup }); ok {
			groups = all.DocHelp()
		}
		// A screen whose panels have keys of their own lists them here as
		// well; each panel shows them under itself.
		if p, ok := s.Keys().(interface{ PanelHelp() []common.KeyGroup }); ok {
			groups = append(groups, p.PanelHelp()...)
		}
		for _, g := range groups {
			table("###", g)
		}
	}
	b.WriteString("## Forms, editors and confirmations\n\n")
	b.WriteString("The same on every screen; each dialog also shows its keys under its fields.\n\n")
	for _, g := range common.DialogGroups() {
		table("###", g)
	}
	up := upgradeKeys()
	table("###", common.KeyGroup{Title: "Catalog upgrade offer (when a file of an older built-in catalog opens)", Keys: []key.Binding{up.Yes, up.No}})
	return b.String()
}

func TestKeysDoc(t *testing.T) {
	want := keysDoc(t)
	const path = "../docs/keys.md"
	if os.Getenv("SLATE_WRITE_DOCS") != "" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("docs/keys.md is out of date with the key maps; run SLATE_WRITE_DOCS=1 go test ./ui -run KeysDoc\n\nwant:\n%s", want)
	}
}
