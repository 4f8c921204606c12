package ui

import (
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

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
	table := func(title string, groups [][]key.Binding) {
		b.WriteString("## " + title + "\n\n| Key | Action |\n|---|---|\n")
		seen := map[string]bool{}
		for _, g := range groups {
			for _, k := range g {
				hp := k.Help()
				row := "| `" + hp.Key + "` | " + hp.Desc + " |\n"
				if hp.Key == "" || seen[row] {
					continue
				}
				seen[row] = true
				b.WriteString(row)
			}
		}
		b.WriteString("\n")
	}
	g := app.keys
	table("Everywhere", [][]key.Binding{append(append([]key.Binding{}, g.Screens...), g.Next, g.Prev, g.Help, g.Quit)})
	for _, s := range app.screens {
		table(s.Title(), s.Keys().FullHelp())
	}
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
