package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"slate/model"
)

// TestTUIOpensNoSocket runs a whole interface session under strace: every
// screen, answers, a report, quit. It fails on any socket the process or
// its threads create.
func TestTUIOpensNoSocket(t *testing.T) {
	need(t)
	if _, err := exec.LookPath("strace"); err != nil {
		t.Skip("strace is not installed; .ci/offline-check covers the commands")
	}
	bin := slateBin(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "plant.slate")
	log := filepath.Join(dir, "trace.log")
	tm := start(t, "strace", "strace", "-f", "-qq", "-e", "signal=none", "-e", "trace=socket,socketpair,connect,bind", "-o", log, bin, "demo", file)
	tm.waitFor("Sample plant written to " + file)
	tm.keys("2", "3", "y", "n", "4", "Enter", "Escape", "5", "6", "Enter")
	tm.waitFor("wrote ")
	tm.keys("q")
	time.Sleep(500 * time.Millisecond)
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if calls := regexp.MustCompile(`(socket|socketpair|connect|bind)\(.*`).FindAllString(string(data), -1); len(calls) > 0 {
		t.Fatalf("the interface opened sockets:\n%s", strings.Join(calls, "\n"))
	}
}

// BenchmarkTUISessionPeakRSS measures the peak resident memory (VmHWM) of
// the real binary through a session on a 200-zone / 300-conduit plant:
// open, every screen, answers, the roadmap, an HTML report. Aim: <= 60 MB.
func BenchmarkTUISessionPeakRSS(b *testing.B) {
	if os.Getenv("SLATE_E2E") == "" {
		b.Skip("set SLATE_E2E=1 (needs tmux)")
	}
	bin := slateBinB(b)
	for _, n := range model.BenchSizes(os.Getenv("SLATE_BENCH_1000") != "") {
		b.Run(fmt.Sprintf("zones=%d", n), func(b *testing.B) { peakRSS(b, bin, n) })
	}
}

func peakRSS(b *testing.B, bin string, zones int) {
	file := filepath.Join(b.TempDir(), "large.slate")
	if out, err := exec.Command(bin, "demo", "--zones", fmt.Sprint(zones), "--conduits", fmt.Sprint(zones*3/2),
		"--answered", "1", "--seed", "1", file).CombinedOutput(); err != nil {
		b.Fatalf("demo: %v %s", err, out)
	}
	b.ReportMetric(sessionPeakRSS(b, "rss", bin, file), "MB-peak-RSS")
}

// sessionPeakRSS runs the full TUI session of the peak-memory benchmarks
// on file (named large.slate) once per loop: every screen, answers, the
// matrix drill-down, the roadmap and its timeline, and the HTML report.
// It returns the highest VmHWM in MB.
func sessionPeakRSS(b *testing.B, name, bin, file string) float64 {
	var peak float64
	for b.Loop() {
		tm := startB(b, name, bin, file)
		tm.waitFor("Saved to large.slate")
		tm.keys("1", "down", "down", "2", "down", "3", "y", "n", "p", "]", "y", "4", "down", "right", "Enter", "Escape", "5", "down", "v", "v", "6", "Enter")
		tm.waitFor("wrote ")
		peak = max(peak, vmHWM(b, tm.slatePID()))
		tm.keys("q")
		time.Sleep(200 * time.Millisecond)
	}
	return peak
}
