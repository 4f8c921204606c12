package common

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
)

// Context is what the root hands to every screen: the shared data, the
// theme and the store operations. The pointers stay valid for the session;
// the root replaces the theme's contents in place when the background
// colour is detected.
type Context struct {
	Data   *Data
	Styles *Styles
	Ops    *Ops
	// Now is the clock for plans and dates (fixed in tests).
	Now func() time.Time
}

// Today returns the context's current time, or the wall clock.
func (c *Context) Today() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Screen is one page of the TUI (overview, zones & conduits, interview, gap
// matrix, ...). Screens never do I/O: they return commands from Ops.
type Screen interface {
	// Title is the name on the tab bar.
	Title() string
	// SetSize gives the body area the screen may draw in.
	SetSize(width, height int)
	// Update handles a message routed to the screen. Saved messages reach
	// every screen; keys reach the active one.
	Update(msg tea.Msg) tea.Cmd
	// View renders exactly the body area (height lines of width cells).
	View() string
	// Keys lists the screen's bindings for the help bar and full help.
	Keys() KeyMap
	// Capturing reports whether a text field or dialog has the keyboard, so
	// global keys (screen numbers, q, ?, tab) must go to the screen.
	Capturing() bool
}

// GoTo asks the root to show a screen, e.g. the interview at a requirement
// chosen in the gap matrix's drill-down. The root forwards it to the screen.
type GoTo struct {
	Screen      string // a Screen's Title
	Target      string // target key, optional
	FR          model.FR
	Requirement string // requirement id, optional
}

// Status asks the root to show a message in the status line.
type Status struct {
	Text  string
	Error bool
}

// StatusCmd returns a command that shows a status message.
func StatusCmd(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return Status{Text: text, Error: isErr} }
}

// GoToCmd returns a command that navigates.
func GoToCmd(g GoTo) tea.Cmd { return func() tea.Msg { return g } }
