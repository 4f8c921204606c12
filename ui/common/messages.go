package common

import (
	tea "charm.land/bubbletea/v2"

	"slate/model"
)

// ScreenID names a screen. Messages are addressed to a screen by its ID,
// never by its tab title, so renaming a tab cannot break navigation or send
// a store result astray.
type ScreenID int

// The screens, in tab order. The zero ScreenID names no screen.
const (
	ScreenOverview ScreenID = iota + 1
	ScreenTargets
	ScreenInterview
	ScreenMatrix
	ScreenRoadmap
	ScreenReports
)

var screenNames = [...]string{"none", "overview", "targets", "interview", "matrix", "roadmap", "reports"}

// String names the screen for logs and test failures (not for display: the
// tab bar shows Screen.Title).
func (id ScreenID) String() string {
	if id >= 0 && int(id) < len(screenNames) {
		return screenNames[id]
	}
	return "screen?"
}

// Hidden tells the screen being left that another is shown: a status line
// about its cursor (what the next key acts on) ends there.
type Hidden struct{}

// GoTo asks the root to show a screen, e.g. the interview at a requirement
// chosen in the gap matrix's drill-down. The root forwards it to that
// screen only.
type GoTo struct {
	Screen      ScreenID
	Target      string // target key, optional
	FR          model.FR
	Requirement string // requirement id, optional
	// Site asks the interview for the site questions (asked once per
	// assessment) instead of a zone or conduit.
	Site bool
}

// GoToCmd returns a command that navigates.
func GoToCmd(g GoTo) tea.Cmd { return func() tea.Msg { return g } }

// Status asks the root to show a message in the status line.
type Status struct {
	Text  string
	Error bool
}

// StatusCmd returns a command that shows a status message.
func StatusCmd(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return Status{Text: text, Error: isErr} }
}

// Ticket identifies one requested store operation. Ops hands one out with
// every request; the screen that asked keeps it and knows its Result by it.
// The zero Ticket is never handed out, so it stands for "waiting for
// nothing".
type Ticket uint64

// Result tells the screen that asked how its store operation ended. The
// root delivers it to that screen alone, after it has applied the change to
// Data, so the screen may close its dialog or keep the typed text.
type Result struct {
	Ticket Ticket
	Label  string // what was done, for the status line
	Err    error  // nil when committed
	Value  any    // the saved value, e.g. a new zone with its key
	Read   bool   // the operation only read: not a change
}

// Done is a finished store operation on its way to the root: an envelope
// naming the screen that asked (To) around its Result, with the change to
// make to the in-memory assessment once the store has committed (Apply).
type Done struct {
	To    ScreenID
	Apply func(d *Data)
	Result
}

// ApplyTo makes the committed change to d; it reports whether anything was
// applied (nothing is when the operation failed or changed no data).
func (m Done) ApplyTo(d *Data) bool {
	if m.Err != nil || m.Apply == nil {
		return false
	}
	m.Apply(d)
	return true
}
