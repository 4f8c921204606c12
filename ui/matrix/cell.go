package matrix

import (
	"strings"

	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// Every cell is the model's one notation (model.FRScore.Text, explained in
// docs/scoring.md) padded to cellW, coloured by its state: the colour only
// repeats what the text says.
const cellW = model.MaxCellWidth

// doneW is the width of the completeness column ("100%").
const doneW = 4

// cellText is the cell's text padded to cellW.
func cellText(s model.FRScore) string {
	t := s.Text()
	return t + strings.Repeat(" ", cellW-len(t))
}

// selectedStyle is the cursor's reverse video, keeping the state's colour
// where there is one (the faint styles would fight with bold, so those get
// the plain selection).
func selectedStyle(st *common.Styles, s model.FRScore) lipgloss.Style {
	switch s.State() {
	case model.StateNoTarget, model.StateNotAssessed:
		return st.Selected
	}
	return st.Selected.Foreground(st.CellStyle(s).GetForeground())
}

// done is a target's completeness, right-aligned to doneW.
func done(r *model.MatrixRow) string {
	s := r.Summary()
	return common.PadLeft(model.Percent(s.Answered, s.Applicable), doneW)
}
