package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/store"
	"slate/ui/common"
	"slate/ui/uitest"
)

// secondView opens the sample plant as a second, read-only Slate would
// while the harness's store (the first Slate) holds it for writing.
func secondView(t *testing.T) (writer *uitest.Harness, viewer *uitest.Harness, r root) {
	t.Helper()
	writer = uitest.NewDemo(t)
	ro, err := store.Open(writer.Path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	a, err := ro.Load()
	if err != nil {
		t.Fatal(err)
	}
	data := common.NewData(writer.Ctx.Data.Cat, a, writer.Path)
	data.ReadOnly, data.ReadOnlyReason = ro.ReadOnly()
	viewer = &uitest.Harness{T: t, Root: true, Store: ro, Path: writer.Path,
		Ctx: &common.Context{Data: data, Styles: common.NewStyles(true), Ops: common.NewOps(ro, true), Now: uitest.Clock}}
	return writer, viewer, root{NewApp(viewer.Ctx, Screens(viewer.Ctx)...)}
}

// A read-only view follows what the other Slate commits: the poll (run in
// a command, as every I/O) notes the file's data version, sees it change
// after a commit, and the view reads the file again by itself; each poll
// schedules the next.
func TestReadOnlyViewFollowsAnotherSlate(t *testing.T) {
	writer, viewer, r := secondView(t)
	if r.Init() == nil {
		t.Fatal("a read-only session does not start polling")
	}
	poll := func() tea.Cmd {
		t.Helper()
		cmd := r.Update(viewer.Ctx.Ops.PollNow())
		if cmd == nil {
			t.Fatal("a poll did not schedule the next one")
		}
		return cmd
	}
	poll() // the version the session opened at
	viewer.Send(r, uitest.Key("3"))
	if got := viewer.Ctx.Data.Answers("enterprise")["SR 1.2"].Status.Norm(); got != model.Unanswered {
		t.Fatalf("SR 1.2 starts as %s", got)
	}
	before := viewer.Ctx.Data.Version
	poll() // nothing committed: nothing read again
	if viewer.Ctx.Data.Version != before {
		t.Fatal("the view was read again without a commit")
	}

	if _, err := writer.Store.SaveAnswer("enterprise", model.Answer{Requirement: "SR 1.2", Status: model.No, Note: "no device login"}); err != nil {
		t.Fatal(err)
	}
	// The poll returns the next poll and the reload; the harness runs the
	// reload (the poll's timer is left alone) and the root applies it.
	viewer.Send(r, viewer.Ctx.Ops.PollNow())
	if got := viewer.Ctx.Data.Answers("enterprise")["SR 1.2"]; got.Status != model.No || got.Note != "no device login" {
		t.Fatalf("after the other Slate's commit the view shows %+v", got)
	}
	out := ansi.Strip(frame(t, r, 120, 40))
	if !strings.Contains(out, "Another Slate saved changes: shown as of 09:00:00") {
		t.Fatalf("the view does not say it was brought up to date:\n%s", out)
	}
	if !viewer.Ctx.Data.ReadOnly || viewer.Ctx.Data.Scope != model.ScopeSLT {
		t.Fatal("reloading lost the session's state")
	}
}

// ctrl+r reads the file again at once in a read-only session; a writable
// session, which holds the file, does not offer it.
func TestCtrlRReloads(t *testing.T) {
	writer, viewer, r := secondView(t)
	if _, err := writer.Store.SaveAnswer("control", model.Answer{Requirement: "SR 2.2", Status: model.Yes}); err != nil {
		t.Fatal(err)
	}
	viewer.Send(r, uitest.Key("ctrl+r"))
	if got := viewer.Ctx.Data.Answers("control")["SR 2.2"].Status; got != model.Yes {
		t.Fatalf("after ctrl+r SR 2.2 is %s", got)
	}
	if out := ansi.Strip(frame(t, r, 80, 24)); !strings.Contains(out, "Read the file again") || !strings.Contains(out, "ctrl+r reloads") {
		t.Fatalf("no word of the reload:\n%s", out)
	}
	_, w := newRoot(t)
	if w.keys.Reload.Enabled() {
		t.Fatal("a writable session offers ctrl+r")
	}
	if w.Init() == nil {
		t.Fatal("no background colour request")
	}
}

// A commit made after a read-only view loaded the file but before its
// first poll is followed by that poll: the view compares it with the data
// version read with the load, not with the poll's own.
func TestReadOnlyViewFollowsACommitBeforeTheFirstPoll(t *testing.T) {
	writer := uitest.NewDemo(t)
	ro, a, err := store.OpenAndLoad(writer.Path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	if ro.OpenedVersion() == 0 {
		t.Fatal("the read-only store did not note the data version it loaded at")
	}
	if _, err := writer.Store.SaveAnswer("enterprise", model.Answer{Requirement: "SR 1.2", Status: model.No}); err != nil {
		t.Fatal(err)
	}
	app := NewRoot(Session{Store: ro, Assessment: a, Catalog: writer.Ctx.Data.Cat, Path: writer.Path, DataVersion: ro.OpenedVersion()}, true)
	r := root{app}
	viewer := &uitest.Harness{T: t, Root: true, Store: ro, Path: writer.Path, Ctx: app.ctx}
	viewer.Send(r, viewer.Ctx.Ops.PollNow())
	if got := viewer.Ctx.Data.Answers("enterprise")["SR 1.2"].Status; got != model.No {
		t.Fatalf("after the first poll the view shows SR 1.2 as %s, not the commit made since it loaded", got)
	}
}
