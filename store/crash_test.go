package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"slate/model"
)

// crashTargets and crashReqs are what the child answers, round robin.
var (
	crashTargets = []string{"enterprise", "dmz", "supervisory", "control", "safety"}
	crashReqs    = []string{"SR 1.1", "SR 1.3", "SR 1.4", "SR 2.1", "SR 3.1", "SR 5.1", "SR 7.3", "SR 7.4"}
)

// TestCrashChild is the child of TestCrashKeepsCommittedAnswers: it saves
// answers as fast as it can and reports each one after its commit returns.
func TestCrashChild(t *testing.T) {
	path, run := os.Getenv("SLATE_CRASH_FILE"), os.Getenv("SLATE_CRASH_RUN")
	if path == "" {
		t.Skip("only run as the crash test's child")
	}
	var st *Store
	var err error
	for range 200 { // the killed predecessor's lock is released by the OS
		if st, err = Open(path, Options{}); err == nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	out := bufio.NewWriter(os.Stdout)
	statuses := []model.Status{model.Yes, model.No, model.Partial, model.Compensating}
	for i := 0; ; i++ {
		target, req := crashTargets[i%len(crashTargets)], crashReqs[(i/len(crashTargets))%len(crashReqs)]
		ans := model.Answer{Requirement: req, Status: statuses[i%len(statuses)],
			Note: fmt.Sprintf("run-%s-%d", run, i), Method: model.Told}
		if ans.Status == model.Compensating {
			ans.Justification = "alternative control " + strconv.Itoa(i)
		}
		if _, err := st.SaveAnswer(target, ans); err != nil {
			fmt.Println("save failed:", err)
			os.Exit(4)
		}
		fmt.Fprintf(out, "%s|%s|%s\n", target, req, ans.Note)
		out.Flush()
	}
}

func TestCrashKeepsCommittedAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	path := demoFile(t)
	kills := 60
	rng := rand.New(rand.NewPCG(7, 11))
	deadline := time.Now().Add(90 * time.Second)
	// reported holds, per answer, the last note the children reported as saved.
	reported := map[string]string{}
	totalReports := 0
	for run := range kills {
		if time.Now().After(deadline) {
			t.Fatalf("only %d kills within the time bound", run)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "SLATE_CRASH_FILE="+path, "SLATE_CRASH_RUN="+strconv.Itoa(run))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var lines []string
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
		}()
		// Kill at a random moment: some during start-up and recovery, most
		// in the middle of a stream of commits.
		time.Sleep(time.Duration(5+rng.IntN(120)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		wg.Wait()
		cmd.Wait()
		for _, l := range lines {
			parts := strings.Split(l, "|")
			if len(parts) != 3 {
				t.Fatalf("run %d: child said %q", run, l)
			}
			reported[parts[0]+"|"+parts[1]] = parts[2]
			totalReports++
		}

		st, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("after kill %d: %v", run, err)
		}
		a, err := st.Load()
		st.Close()
		if err != nil {
			t.Fatalf("after kill %d: %v", run, err)
		}
		for key, note := range reported {
			parts := strings.Split(key, "|")
			got := a.Answers[parts[0]][parts[1]].Note
			if !atLeast(got, note) {
				t.Fatalf("after kill %d: %s %s has %q but %q was reported saved", run, parts[0], parts[1], got, note)
			}
		}
		if rep, err := Verify(path, VerifyOptions{}); err != nil || !rep.OK() {
			t.Fatalf("after kill %d: verify: %+v %v", run, rep, err)
		}
	}
	if totalReports < kills {
		t.Fatalf("children reported only %d commits over %d runs; the test did not exercise writing", totalReports, kills)
	}
	t.Logf("%d kills, %d reported commits, all present", kills, totalReports)
}

// atLeast reports whether note got is the reported one or a later write
// (a commit that finished before the kill but was not yet reported).
func atLeast(got, want string) bool {
	if got == want {
		return true
	}
	gr, gi, ok1 := parseNote(got)
	wr, wi, ok2 := parseNote(want)
	return ok1 && ok2 && (gr > wr || gr == wr && gi > wi)
}

func parseNote(n string) (run, i int, ok bool) {
	_, err := fmt.Sscanf(n, "run-%d-%d", &run, &i)
	return run, i, err == nil
}
