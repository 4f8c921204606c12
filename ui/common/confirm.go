package common

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Confirm asks a yes/no question; only y confirms.
type Confirm struct {
	Question string
	Warning  string
	width    int
}

// NewConfirm builds the dialog.
func NewConfirm(question, warning string, width int) *Confirm {
	return &Confirm{Question: question, Warning: warning, width: width}
}

// Update returns Submitted on y, Cancelled on n or esc.
func (c *Confirm) Update(msg tea.Msg) Outcome {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "y", "Y":
			return Submitted
		case "n", "N", "esc", "q":
			return Cancelled
		}
	}
	return Pending
}

// View renders the dialog.
func (c *Confirm) View(st *Styles) string {
	lines := []string{st.Title.Render(Line(c.Question, c.width))}
	for _, l := range Wrap(c.Warning, c.width, 4) {
		lines = append(lines, st.Error.Render(l))
	}
	lines = append(lines, "", st.Muted.Render("y confirm · n or esc keep"))
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}
