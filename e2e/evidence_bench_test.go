package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeFile writes n bytes that differ from file to file.
func writeFile(b *testing.B, path string, n int, seed int) {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	for written := 0; written < n; written += len(buf) {
		for i := range buf {
			buf[i] = byte(i*seed) ^ byte(written>>20) ^ byte(seed)
		}
		copy(buf, fmt.Sprintf("file %d, MiB %d ", seed, written>>20)) // every file differs
		if _, err := f.Write(buf[:min(len(buf), n-written)]); err != nil {
			b.Fatal(err)
		}
	}
}

// vmHWM is the peak resident memory of a process, in MB.
func vmHWM(b *testing.B, pid int) float64 {
	b.Helper()
	status, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// maxRSS runs a command and returns its peak resident memory in MB.
func maxRSS(b *testing.B, bin string, args ...string) float64 {
	b.Helper()
	cmd := exec.Command(bin, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("slate %s: %v %s", strings.Join(args, " "), err, out)
	}
	return float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024
}

// BenchmarkEvidencePeakRSS measures the peak resident memory of the real
// binary with evidence (aim: the 60 MB of a TUI session):
//
//   - session_500x1MiB: the TUI session of BenchmarkTUISessionPeakRSS on the
//     200-zone plant holding 500 evidence files of 1 MiB;
//   - tui_attach_export_64MiB: attaching a 64 MiB file in the interview and
//     exporting it to a folder;
//   - cli_*_64MiB: slate evidence add, evidence get, export --bundle and
//     import of the bundle with that file.
func BenchmarkEvidencePeakRSS(b *testing.B) {
	if os.Getenv("SLATE_E2E") == "" {
		b.Skip("set SLATE_E2E=1 (needs tmux)")
	}
	bin := slateBinB(b)
	b.Run("session_500x1MiB", func(b *testing.B) {
		dir := b.TempDir()
		file := filepath.Join(dir, "large.slate")
		if out, err := exec.Command(bin, "demo", "--zones", "200", "--conduits", "300", "--answered", "1", "--seed", "1", file).CombinedOutput(); err != nil {
			b.Fatalf("demo: %v %s", err, out)
		}
		src := b.TempDir()
		args := []string{"evidence", "add", file, "z1", "SR 1.1"}
		for i := range 500 {
			p := filepath.Join(src, fmt.Sprintf("photo-%03d.jpg", i))
			writeFile(b, p, 1<<20, i+3)
			args = append(args, p)
		}
		add := maxRSS(b, bin, args...)
		b.ReportMetric(sessionPeakRSS(b, "rss-evidence", bin, file), "MB-peak-RSS")
		b.ReportMetric(add, "MB-peak-RSS-adding-500")
	})
	b.Run("tui_attach_export_64MiB", func(b *testing.B) {
		dir := b.TempDir()
		file := filepath.Join(dir, "plant.slate")
		if out, err := exec.Command(bin, "demo", file).CombinedOutput(); err != nil {
			b.Fatalf("demo: %v %s", err, out)
		}
		big := filepath.Join(b.TempDir(), "capture.pcap")
		writeFile(b, big, 64<<20, 7)
		var peak float64
		for b.Loop() {
			out := b.TempDir()
			tm := startB(b, "rss-attach", bin, file)
			tm.waitFor("Saved to plant.slate")
			tm.keys("3", "x", "a", "Tab", big, "C-s")
			tm.waitFor("Attached capture.pcap")
			tm.keys("o", "C-a", "C-k", out, "Enter")
			tm.waitFor("Exported to ")
			peak = max(peak, vmHWM(b, tm.slatePID()))
			// The next round attaches the same bytes again.
			tm.keys("d", "y", "Escape", "q")
			time.Sleep(300 * time.Millisecond)
		}
		b.ReportMetric(peak, "MB-peak-RSS")
	})
	b.Run("cli_64MiB", func(b *testing.B) {
		dir := b.TempDir()
		file := filepath.Join(dir, "plant.slate")
		if out, err := exec.Command(bin, "demo", file).CombinedOutput(); err != nil {
			b.Fatalf("demo: %v %s", err, out)
		}
		big := filepath.Join(dir, "capture.pcap")
		writeFile(b, big, 64<<20, 11)
		add := maxRSS(b, bin, "evidence", "add", file, "control", "SR 1.1", big)
		var get, bundle, imp float64
		for b.Loop() {
			out := b.TempDir()
			var listed struct {
				Evidence []struct{ SHA256 string } `json:"evidence"`
			}
			json.Unmarshal(mustOutput(b, bin, "evidence", "list", file, "--json"), &listed)
			get = max(get, maxRSS(b, bin, "evidence", "get", file, listed.Evidence[0].SHA256, "-o", filepath.Join(out, "got.pcap")))
			bundle = max(bundle, maxRSS(b, bin, "export", file, "--bundle", "-o", filepath.Join(out, "b.zip")))
			imp = max(imp, maxRSS(b, bin, "import", filepath.Join(out, "b.zip"), filepath.Join(out, "copy.slate")))
		}
		b.ReportMetric(add, "MB-add")
		b.ReportMetric(get, "MB-get")
		b.ReportMetric(bundle, "MB-export-bundle")
		b.ReportMetric(imp, "MB-import-bundle")
	})
}

func mustOutput(b *testing.B, bin string, args ...string) []byte {
	b.Helper()
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		b.Fatalf("slate %s: %v", strings.Join(args, " "), err)
	}
	return out
}
