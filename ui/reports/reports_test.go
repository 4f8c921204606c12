package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"slate/ui/uitest"
)

func TestGolden(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	h.Ctx.Data.Path = "/home/assessor/plants/plant.slate" // stable in the golden file
	golden.RequireEqual(t, uitest.Render(t, m, 80, 21))
}

func TestWritesEachFormatBesideTheFile(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	dir := strings.TrimSuffix(h.Path, "plant.slate")
	// Before anything is written the screen names the folder in full.
	if out := strings.Join(strings.Fields(ansi.Strip(uitest.Render(t, m, 200, 37))), " "); !strings.Contains(out, "in "+filepath.Dir(h.Path)+" ") {
		t.Fatalf("the folder is not named in full:\n%s", out)
	}
	for i, want := range [][]string{{"plant-report.html"}, {"plant-report.md"}, {"plant-report.csv", "plant-report-roadmap.csv", "plant-report-matrix.csv"}, {"plant-report.json"}} {
		if i > 0 {
			h.Send(m, uitest.Key("down"))
		}
		h.Send(m, uitest.Key("enter"))
		for _, name := range want {
			st, err := os.Stat(dir + name)
			if err != nil {
				t.Fatalf("%s not written: %v", name, err)
			}
			if st.Mode().Perm() != 0o600 || st.Size() == 0 {
				t.Fatalf("%s: mode %o size %d", name, st.Mode().Perm(), st.Size())
			}
		}
		out := ansi.Strip(uitest.Render(t, m, 120, 37))
		if !strings.Contains(out, "wrote "+dir+want[0]) {
			t.Fatalf("the path is not shown:\n%s", out)
		}
	}
}

func TestWriteFailureIsShown(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	h.Ctx.Data.Path = "/nonexistent-dir/plant.slate"
	h.Send(m, uitest.Key("enter"))
	if out := ansi.Strip(uitest.Render(t, m, 100, 30)); !strings.Contains(out, "NOT SAVED") {
		t.Fatalf("a failed write is not reported:\n%s", out)
	}
}

func TestBusyShowsProgress(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	m.Update(uitest.Key("enter")) // the command is not run: the write stays in progress
	if out := ansi.Strip(uitest.Render(t, m, 80, 21)); !strings.Contains(out, "writing…") {
		t.Fatalf("no progress shown:\n%s", out)
	}
}

// A link where the report would go is refused, as slate report refuses it:
// the file it points to keeps its bytes.
func TestLinkAtTheReportPathIsRefused(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	dir := strings.TrimSuffix(h.Path, "plant.slate")
	victim := filepath.Join(t.TempDir(), "victim.txt")
	if err := os.WriteFile(victim, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, dir+"plant-report.html"); err != nil {
		t.Skip("symbolic links are not available:", err)
	}
	h.Send(m, uitest.Key("enter"))
	out := ansi.Strip(uitest.Render(t, m, 120, 30))
	if !strings.Contains(out, "not a regular file") {
		t.Fatalf("the link is not refused:\n%s", out)
	}
	if data, _ := os.ReadFile(victim); string(data) != "keep me" {
		t.Fatalf("the link's target changed: %q", data)
	}
	if fi, err := os.Lstat(dir + "plant-report.html"); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced")
	}
}

// At 80 columns every written path is shown whole, wrapped, never cut.
func TestWrittenPathsAreShownWhole(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	dir := strings.TrimSuffix(h.Path, "plant.slate")
	h.Send(m, uitest.Key("down"), uitest.Key("down"), uitest.Key("enter"))
	var joined strings.Builder
	for _, l := range strings.Split(ansi.Strip(uitest.Render(t, m, 80, 21)), "\n") {
		joined.WriteString(strings.TrimSpace(l))
	}
	for _, name := range []string{"plant-report.csv", "plant-report-roadmap.csv", "plant-report-matrix.csv"} {
		if !strings.Contains(joined.String(), "wrote "+dir+name) {
			t.Errorf("%s is not shown whole:\n%s", dir+name, uitest.Render(t, m, 80, 21))
		}
	}
}
