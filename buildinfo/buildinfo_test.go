package buildinfo

import (
	"runtime"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	for _, c := range []struct {
		in   Info
		want string
	}{
		{Info{Release: "0.1.0"}, "0.1.0 (commit unknown)"},
		{Info{Release: "0.1.0", Commit: "723f34460293736a10e1fbc97e93ae37e1098558"}, "0.1.0 (commit 723f34460293)"},
		{Info{Release: "0.1.0", Commit: "723f34460293736a10e1fbc97e93ae37e1098558", Modified: true}, "0.1.0 (commit 723f34460293, modified)"},
	} {
		if got := c.in.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.in, got, c.want)
		}
	}
	if got := (Info{Commit: "abc", Modified: true}).CommitText(); got != "abc with uncommitted changes" {
		t.Errorf("CommitText = %q", got)
	}
}

// A test binary carries no version control stamp: the commit is unknown,
// never made up, and the release and Go version are this build's.
func TestReadInATestBinary(t *testing.T) {
	in := Read()
	if in.Release != Release || in.Go != runtime.Version() || in.Commit != "" {
		t.Fatalf("Read() = %+v", in)
	}
	if !strings.HasPrefix(Version(), Release+" (commit unknown") {
		t.Fatalf("Version() = %q", Version())
	}
}
