package ui

import (
	"io"
	"strings"
	"testing"

	"slate/ui/uitest"
)

// The interview opens where the last writable session left it, read from
// the file's settings when the root is built; quitting remembers where it
// is now.
func TestInterviewResumesFromTheFile(t *testing.T) {
	h := uitest.NewDemo(t)
	if err := h.Store.SetInterviewPlace(`{"target":"control","fr":3,"requirement":"SR 3.7"}`); err != nil {
		t.Fatal(err)
	}
	sess := Session{Store: h.Store, Assessment: h.Ctx.Data.A, Catalog: h.Ctx.Data.Cat, Path: h.Path}
	iv, _ := NewRoot(sess, true).interview()
	if got := iv.Place(); got != `{"target":"control","fr":3,"requirement":"SR 3.7"}` {
		t.Fatalf("opened at %s", got)
	}
	// 3 shows the interview, ] the next FR (on its first unanswered
	// requirement), q quits; the file then holds the new place.
	if _, err := Run(sess, strings.NewReader("3]q"), io.Discard); err != nil {
		t.Fatal(err)
	}
	if got, _ := h.Store.InterviewPlace(); got != `{"target":"control","fr":4,"requirement":"SR 4.1"}` {
		t.Fatalf("the file holds %s after the session", got)
	}
}
