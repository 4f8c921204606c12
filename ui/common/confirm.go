package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Confirm asks a yes/no question; only the Yes key confirms.
type Confirm struct {
	Question string
	// Detail says what the choice does, in plain text under the question;
	// Warning says what it cannot undo.
	Detail  string
	Warning string
	keys    ConfirmKeys
	width   int
}

// NewConfirm builds the dialog.
func NewConfirm(question, warning string, width int, keys ConfirmKeys) *Confirm {
	return &Confirm{Question: question, Warning: warning, keys: keys, width: width}
}

// Update returns Submitted on Yes, Cancelled on No; any other key leaves
// the question open.
func (c *Confirm) Update(msg tea.Msg) Outcome {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, c.keys.Yes):
			return Submitted
		case key.Matches(k, c.keys.No):
			return Cancelled
		}
	}
	return Pending
}

// ShortHelp is the dialog's keys for the help bar.
func (c *Confirm) ShortHelp() []key.Binding { return []key.Binding{c.keys.Yes, c.keys.No} }

// View renders the dialog.
func (c *Confirm) View(st *Styles) string {
	lines := []string{st.Title.Render(Line(c.Question, c.width))}
	if c.Detail != "" {
		lines = append(lines, "")
		lines = append(lines, Wrap(c.Detail, c.width, 8)...)
	}
	if c.Warning != "" || c.Detail == "" {
		for _, l := range Wrap(c.Warning, c.width, 4) {
			lines = append(lines, st.Error.Render(l))
		}
	}
	lines = append(lines, "", st.Muted.Render(Line(hint(c.keys.Yes, c.keys.No), c.width)))
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}
