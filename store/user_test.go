package store

import (
	"errors"
	"os"
	"os/user"
	"runtime"
	"strconv"
	"testing"
)

// systemUser is who the system says runs this test, $USER aside: the
// account's name, or "uid N" where the system has no name for it.
func systemUser(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		u, err := user.Current()
		if err != nil {
			t.Fatal(err)
		}
		return u.Username
	}
	if u, err := user.LookupId(strconv.Itoa(os.Getuid())); err == nil && u.Username != "" {
		return u.Username
	}
	return "uid " + strconv.Itoa(os.Getuid())
}

func TestUserNameFallbacks(t *testing.T) {
	env := func(vals map[string]string) func(string) string {
		return func(k string) string { return vals[k] }
	}
	known := func() (*user.User, error) { return &user.User{Uid: "1000", Username: "rpatel"}, nil }
	// What os/user returns without cgo when /etc/passwd has no entry for
	// the uid and $USER is unset: the uid, and an error.
	unlisted := func() (*user.User, error) {
		return &user.User{Uid: "1000"}, errors.New("user: Current requires cgo or $USER set in environment")
	}
	nothing := func() (*user.User, error) { return nil, errors.New("no user") }
	for _, c := range []struct {
		name    string
		env     map[string]string
		current func() (*user.User, error)
		uid     int
		want    string
	}{
		{"USER first", map[string]string{"USER": "alice", "USERNAME": "bob"}, known, 1000, "alice"},
		{"USERNAME on Windows", map[string]string{"USERNAME": "bob"}, known, -1, "bob"},
		{"the system's name", nil, known, 1000, "rpatel"},
		{"the uid os/user found", nil, unlisted, 1000, "uid 1000"},
		{"the process uid", nil, nothing, 1001, "uid 1001"},
		{"nothing known", nil, nothing, -1, "unknown"},
	} {
		if got := userName(env(c.env), c.current, c.uid); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
