// Package common is the kernel every screen of the TUI shares: the loaded
// assessment with its live gap matrix (Data), the store operations run as
// commands (Ops), the messages between screens and the root, the semantic
// styles, the key maps and help, the text helpers and small widgets (Form,
// Editor, Confirm).
//
// Messages are addressed. A screen is named by its ScreenID, never by its
// tab title: GoTo{Screen: ScreenInterview, ...} asks the root to show a
// screen, and the root hands the GoTo to that screen alone. A store
// operation is requested with the requester's ID and returns a Ticket at
// once:
//
//	t, cmd := ctx.Ops.AddZone(m.ID(), zone)
//	m.wait = t // the dialog waits for this result
//	return cmd
//
// The command runs the operation in request order and returns a Done, the
// envelope naming the requester. The root applies the committed change to
// Data (Done.ApplyTo, which bumps Data.Version) and delivers the Result,
// with the same Ticket, to the requesting screen only. Other screens learn
// of the change from Data.Version, which they compare at the start of
// Update and View to refresh what they derive from the data.
package common
