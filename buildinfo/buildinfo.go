// Package buildinfo says which Slate is running: its release, the commit it
// was built from and the Go that built it. `slate --version` prints it and
// the HTML, Markdown and JSON reports carry it (the CSV files cannot without
// a line that is not a row), so a report can be traced to the program that
// made it. It uses the standard library only and reads nothing but what the
// Go toolchain stamped into the binary.
package buildinfo

import (
	"runtime"
	"runtime/debug"
)

// Release is Slate's version. Raise it when a release is made; the commit
// below tells builds of one release apart.
const Release = "0.1.0"

// Info describes this binary.
type Info struct {
	Release string
	// Commit is the git revision the binary was built from, "" when the
	// build recorded none (go run, go test, -buildvcs=false, a build
	// outside a git checkout).
	Commit string
	// Modified is set when the checkout had uncommitted changes.
	Modified bool
	Go       string // the Go release that built the binary
	Platform string // GOOS/GOARCH
}

// Read returns what the binary knows about itself.
func Read() Info {
	in := Info{Release: Release, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return in
	}
	if bi.GoVersion != "" {
		in.Go = bi.GoVersion
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			in.Commit = s.Value
		case "vcs.modified":
			in.Modified = s.Value == "true"
		}
	}
	return in
}

// CommitText is the commit in words: the revision, marked when the checkout
// had uncommitted changes, or "unknown".
func (in Info) CommitText() string {
	switch {
	case in.Commit == "":
		return "unknown"
	case in.Modified:
		return in.Commit + " with uncommitted changes"
	}
	return in.Commit
}

// String is the one-line version reports carry: "0.1.0 (commit
// 723f34460293)", "0.1.0 (commit 723f34460293, modified)" or "0.1.0
// (commit unknown)". Twelve hex digits name a commit as Go's own module
// versions do.
func (in Info) String() string {
	c := in.Commit
	switch {
	case c == "":
		c = "unknown"
	case len(c) > 12:
		c = c[:12]
	}
	if in.Modified {
		c += ", modified"
	}
	return in.Release + " (commit " + c + ")"
}

// Version is Read().String(), the line the HTML and Markdown reports print.
// (report.NewInput reads Read once, for that line and for the JSON report's
// generator; the CSV files carry no version.)
func Version() string { return Read().String() }
