package common

import (
	"time"

	tea "charm.land/bubbletea/v2"
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
//
// A screen learns of changes to Data, whoever made them, from Data.Version:
// the root bumps it whenever it applies a committed change, and a screen
// that derives anything from the data (a cursor on a target, cached rows)
// compares the version it last saw at the start of Update and View.
type Screen interface {
	// ID names the screen in GoTo and in store results.
	ID() ScreenID
	// Title is the name on the tab bar, for people only.
	Title() string
	// SetSize gives the body area the screen may draw in.
	SetSize(width, height int)
	// Update handles a message routed to the screen: keys while it is
	// active, GoTo messages naming it, the Results of the store operations
	// it asked for, and the widgets' own messages (cursor blink, spinner).
	Update(msg tea.Msg) tea.Cmd
	// View renders exactly the body area (height lines of width cells).
	View() string
	// Keys is the screen's key map, for the help bar and the full help.
	Keys() KeyMap
	// Capturing reports whether a text field or dialog has the keyboard, so
	// global keys (screen numbers, q, ?, tab) must go to the screen.
	Capturing() bool
}
