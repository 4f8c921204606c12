package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Outcome is what a widget reports after a key.
type Outcome int

// Widget outcomes.
const (
	Pending   Outcome = iota // still editing
	Submitted                // save (or enter where it submits)
	Cancelled                // cancel
)

// Editor is a multi-line text editor for notes and justifications. Save
// (ctrl+s) submits, Cancel (esc) cancels; the text stays in the editor
// until the store has committed it, so a failed save loses nothing.
type Editor struct {
	Title    string
	Required string // when set, an empty text is refused with this message
	keys     EditorKeys
	ta       textarea.Model
	err      string
	width    int
}

// NewEditor opens an editor with the given text.
func NewEditor(title, value string, width, height int, isDark bool, keys EditorKeys) (*Editor, tea.Cmd) {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.CharLimit = 0
	ta.SetStyles(textarea.DefaultStyles(isDark))
	ta.MaxHeight = 0 // notes may be long; the area scrolls
	ta.SetValue(value)
	e := &Editor{Title: title, keys: keys, ta: ta}
	e.SetSize(width, height)
	return e, e.ta.Focus()
}

// SetSize fits the editor's text area inside a frame of w x h cells.
func (e *Editor) SetSize(w, h int) {
	e.width = max(8, w-4)
	e.ta.SetWidth(e.width)
	e.ta.SetHeight(max(3, h-6))
}

// Value returns the text typed so far.
func (e *Editor) Value() string { return e.ta.Value() }

// SetError shows a problem under the text (e.g. the save failed).
func (e *Editor) SetError(msg string) { e.err = msg }

// Update handles a message; on Submitted the caller saves Value().
func (e *Editor) Update(msg tea.Msg) (Outcome, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, e.keys.Cancel):
			return Cancelled, nil
		case key.Matches(k, e.keys.Save):
			if e.Required != "" && strings.TrimSpace(e.ta.Value()) == "" {
				e.err = e.Required
				return Pending, nil
			}
			e.err = ""
			return Submitted, nil
		}
	}
	var cmd tea.Cmd
	e.ta, cmd = e.ta.Update(msg)
	return Pending, cmd
}

// ShortHelp is the editor's keys for the help bar.
func (e *Editor) ShortHelp() []key.Binding { return []key.Binding{e.keys.Save, e.keys.Cancel} }

// View renders the editor in a frame.
func (e *Editor) View(st *Styles) string {
	lines := []string{st.Title.Render(Line(e.Title, e.width)), e.ta.View()}
	if e.err != "" {
		lines = append(lines, st.Error.Render(Line(e.err, e.width)))
	} else {
		lines = append(lines, "")
	}
	lines = append(lines, st.Muted.Render(Line(hint(e.keys.Save, e.keys.Cancel, e.keys.NewLine), e.width)))
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}
