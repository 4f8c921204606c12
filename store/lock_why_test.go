package store

import (
	"strconv"
	"testing"
)

// A read-only view taken because another Slate holds the file says so,
// with the holder's pid and user, wherever the reason is shown (banner,
// refusals, the quit line).
func TestReadOnlyViewSaysWhoHoldsTheFile(t *testing.T) {
	path := demoFile(t)
	w := openT(t, path, Options{Clock: fixedClock, Actor: "test"})
	defer w.Close()
	le := lockedBy(path, path)
	why := le.Holder.Why()
	if le.Holder.PID == 0 || why != "another Slate has it open, pid "+strconv.Itoa(le.Holder.PID)+", user "+le.Holder.User {
		t.Fatalf("holder %+v gives %q", le.Holder, why)
	}
	ro := openT(t, path, Options{ReadOnly: true, ReadOnlyWhy: why})
	defer ro.Close()
	if ok, reason := ro.ReadOnly(); !ok || reason != why {
		t.Fatalf("read-only %v, reason %q", ok, reason)
	}
	plain := openT(t, path, Options{ReadOnly: true})
	defer plain.Close()
	if _, reason := plain.ReadOnly(); reason != "opened read-only" {
		t.Fatalf("a read-only open asked for without a reason gives %q", reason)
	}
}
