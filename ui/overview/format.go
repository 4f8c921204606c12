package overview

import (
	"strconv"

	"slate/model"
	"slate/ui/common"
)

// shortFR names the foundational requirements in at most 22 cells.
var shortFR = [model.NumFR]string{
	"Identification & auth.",
	"Use control",
	"System integrity",
	"Data confidentiality",
	"Restricted data flow",
	"Timely response",
	"Resource availability",
}

const shortFRWidth = 22

// countText is "answered/applicable".
func countText(answered, applicable int) string {
	return strconv.Itoa(answered) + "/" + strconv.Itoa(applicable)
}

// pctText is a target's completeness right-aligned in 4 cells.
func pctText(answered, applicable int) string {
	return common.PadLeft(model.Percent(answered, applicable), 4)
}

func frac(answered, applicable int) float64 {
	if applicable == 0 {
		return 0
	}
	return float64(answered) / float64(applicable)
}

// cellText is a cell of the gap matrix, the model's text padded to the
// widest one and coloured by its state.
func cellText(st *common.Styles, s model.FRScore) string {
	return st.CellStyle(s).Render(common.PadStyled(s.Text(), model.MaxCellWidth))
}

// targetText is a target's state over its FRs ("-2", "?", "ok", "-"), in
// summaryW cells, coloured like a cell.
func targetText(st *common.Styles, r *model.MatrixRow) string {
	s := r.Summary()
	style := st.GapNone
	switch s.State() {
	case model.StateNoTarget:
		style = st.Muted
	case model.StateNotAssessed:
		style = st.NotAssessed
	case model.StateGap:
		style = st.GapStyle(int(s.MaxGap))
	}
	return style.Render(common.PadStyled(s.Text(), summaryW))
}

// summaryW is the width of the per-target state column.
const summaryW = 2
