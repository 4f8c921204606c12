package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"slate/buildinfo"
	"slate/ui/uitest"
)

// A file Slate just created announces itself, by its full path, on the
// first frame.
func TestNoticeOnTheFirstFrame(t *testing.T) {
	h := uitest.NewDemo(t)
	notice := "New assessment created at " + h.Path
	r := root{NewRoot(Session{Store: h.Store, Assessment: h.Ctx.Data.A, Catalog: h.Ctx.Data.Cat, Path: h.Path, Notice: notice}, true)}
	if out := ansi.Strip(frame(t, r, 160, 24)); !strings.Contains(out, notice) {
		t.Fatalf("the first frame does not say %q:\n%s", notice, out)
	}
	// At 80x24 a path longer than the line is shown whole: the status line
	// wraps, and the screen gives up the rows it takes.
	for _, n := range []string{
		"New assessment created at " + filepath.Join(t.TempDir(), "assessments of the ammonia plant", "unit 1 gap assessment.slate"),
		"Sample plant written to " + filepath.Join(t.TempDir(), strings.Repeat("a-rather-long-folder-name/", 4), "demo.slate"),
	} {
		r = root{NewRoot(Session{Store: h.Store, Assessment: h.Ctx.Data.A, Catalog: h.Ctx.Data.Cat, Path: h.Path, Notice: n}, true)}
		lines := strings.Split(ansi.Strip(frame(t, r, 80, 24)), "\n")
		shown := ""
		for i, l := range lines {
			if strings.HasPrefix(l, n[:20]) {
				shown = strings.Join(lines[i:len(lines)-1], "")
			}
		}
		if strings.ReplaceAll(shown, " ", "") != strings.ReplaceAll(n, " ", "") {
			t.Errorf("at 80x24 the notice is not shown whole above the help bar: want %q, got %q:\n%s", n, shown, strings.Join(lines, "\n"))
		}
		if !strings.Contains(lines[0], "1 Overview") || !strings.Contains(lines[len(lines)-1], "q quit") {
			t.Errorf("the tab bar or the help bar is pushed off the frame:\n%s", strings.Join(lines, "\n"))
		}
	}
	// Without a notice, the status line names the file as before.
	r = root{NewRoot(Session{Store: h.Store, Assessment: h.Ctx.Data.A, Catalog: h.Ctx.Data.Cat, Path: h.Path}, true)}
	if out := ansi.Strip(frame(t, r, 160, 24)); !strings.Contains(out, "Saved to plant.slate · every change is committed") {
		t.Fatalf("no status line:\n%s", out)
	}
}

// After the Reports screen writes the CSV report, the status line names
// the full path of each of its three files, and the report names the
// Slate that wrote it.
func TestReportStatusNamesEveryFile(t *testing.T) {
	h, r := newRoot(t)
	dir := strings.TrimSuffix(h.Path, "plant.slate")
	h.Send(r, uitest.Key("6"), uitest.Key("down"), uitest.Key("down"), uitest.Key("enter"))
	want := "Wrote " + dir + "plant-report.csv, " + dir + "plant-report-roadmap.csv, " + dir + "plant-report-matrix.csv"
	if out := ansi.Strip(frame(t, r, 300, 30)); !strings.Contains(out, want) {
		t.Fatalf("the status line does not say %q:\n%s", want, out)
	}
	h.Send(r, uitest.Key("up"), uitest.Key("enter"))
	md, err := os.ReadFile(dir + "plant-report.md")
	if err != nil || !strings.Contains(string(md), "- **Slate version:** "+buildinfo.Version()+"\n") {
		t.Fatalf("the Markdown report from the Reports screen does not carry the version (%v)", err)
	}
}
