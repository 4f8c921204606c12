package main

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/report"
	"slate/ui/reports"
	"slate/ui/uitest"
)

// README.md carries the table of report formats between these markers; it
// is generated from the report registry (SLATE_WRITE_DOCS=1 go test . -run
// FormatsTable rewrites it).
const (
	formatsBegin = "<!-- formats: generated from the report registry; do not edit -->\n"
	formatsEnd   = "<!-- end of formats -->\n"
)

// readmeWithFormats returns README.md with its formats table regenerated.
func readmeWithFormats(t *testing.T) (got, want string) {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	got = string(data)
	before, rest, ok := strings.Cut(got, formatsBegin)
	_, after, ok2 := strings.Cut(rest, formatsEnd)
	if !ok || !ok2 {
		t.Fatal("README.md has no formats table markers")
	}
	return got, before + formatsBegin + report.FormatsTable() + formatsEnd + after
}

func TestREADMEFormatsTable(t *testing.T) {
	got, want := readmeWithFormats(t)
	if os.Getenv("SLATE_WRITE_DOCS") != "" && got != want {
		if err := os.WriteFile("README.md", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		got = want
	}
	if got != want {
		t.Fatal("README.md's formats table is out of date with the report registry; run SLATE_WRITE_DOCS=1 go test . -run FormatsTable")
	}
}

// A format is one file plus one registry entry: registered, it shows in
// `slate report --help`, the usage text, the Reports screen and the README
// table the docs writer generates.
func TestNewFormatAppearsEverywhere(t *testing.T) {
	unregister := report.RegisterFormat(report.Format{
		Key: "plain", Ext: ".txt", Title: "Plaintext", Description: "a throw-away format registered by a test",
		Files: []string{""},
		Write: func(w io.Writer, in *report.Input, _ int) error {
			_, err := io.WriteString(w, model.CleanLine(in.A.Name)+"\n")
			return err
		},
	})
	defer unregister()

	_, help, _ := runCLI(t, "report", "--help")
	if !strings.Contains(help, "plain") || !strings.Contains(help, "a throw-away format registered by a test") {
		t.Errorf("slate report --help lacks the format:\n%s", help)
	}
	_, usage, _ := runCLI(t, "--help")
	if !strings.Contains(usage, "html|md|csv|json|plain") {
		t.Errorf("usage lacks the format:\n%s", usage)
	}
	h := uitest.NewDemo(t)
	screen := ansi.Strip(uitest.Render(t, reports.New(h.Ctx), 100, 30))
	if !strings.Contains(screen, "Plaintext") || !strings.Contains(screen, "plant-report.txt") {
		t.Errorf("the Reports screen lacks the format:\n%s", screen)
	}
	if _, want := readmeWithFormats(t); !strings.Contains(want, "| `plain` | `…-report.txt` | a throw-away format registered by a test |") {
		t.Errorf("the README table the docs writer makes lacks the format:\n%s", report.FormatsTable())
	}
	// And it works: slate report writes it.
	path := demo(t)
	if code, out, errs := runCLI(t, "report", path, "--format", "PLAIN", "-o", "-"); code != 0 || !strings.Contains(out, "Gap assessment") {
		t.Errorf("slate report --format PLAIN: %d %q %q", code, out, errs)
	}
	unregister()
	if _, usage, _ := runCLI(t, "--help"); strings.Contains(usage, "plain") {
		t.Error("the format is still listed after it was removed")
	}
}
