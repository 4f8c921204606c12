package ui

import (
	"io"
	"strings"
	"testing"

	"slate/store"
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

// A read-only session (a second Slate while the first holds the file) may
// move the interview's cursor, but quitting leaves the place where the
// writable session put it: only a writable session says where the next
// one opens.
func TestReadOnlySessionKeepsTheInterviewPlace(t *testing.T) {
	h := uitest.NewDemo(t) // the writer, holding the file
	const place = `{"target":"control","fr":3,"requirement":"SR 3.7"}`
	if err := h.Store.SetInterviewPlace(place); err != nil {
		t.Fatal(err)
	}
	ro, a, err := store.OpenAndLoad(h.Path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	sess := Session{Store: ro, Assessment: a, Catalog: h.Ctx.Data.Cat, Path: h.Path}
	// The same keys as a writable session's move the read-only cursor.
	r := root{NewRoot(sess, true)}
	r.Update(uitest.Key("3"))
	r.Update(uitest.Key("]"))
	iv, _ := r.interview()
	if got := iv.Place(); got != `{"target":"control","fr":4,"requirement":"SR 4.1"}` {
		t.Fatalf("] in the read-only interview went to %s", got)
	}
	if _, err := Run(sess, strings.NewReader("3]q"), io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*store.Store{ro, h.Store} {
		if got, err := st.InterviewPlace(); err != nil || got != place {
			t.Fatalf("the file holds %s (%v) after a read-only session, want %s", got, err, place)
		}
	}
}
