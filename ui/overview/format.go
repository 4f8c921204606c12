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

// pctText is a right-aligned percentage in 4 cells ("n/a" when nothing applies).
func pctText(answered, applicable int) string {
	if applicable == 0 {
		return " n/a"
	}
	p := answered * 100 / applicable
	return common.PadLeft(strconv.Itoa(p)+"%", 4)
}

func frac(answered, applicable int) float64 {
	if applicable == 0 {
		return 0
	}
	return float64(answered) / float64(applicable)
}

// levelPair is "SL-A/SL-T" with a * on a provisional SL-A: "1*/2".
func levelPair(s model.FRScore) string {
	a := strconv.Itoa(int(s.SLA))
	if s.Provisional {
		a += "*"
	}
	return a + "/" + strconv.Itoa(int(s.SLT))
}

// gapText says the gap in words so it reads without colour; w is 5 cells.
func gapText(st *common.Styles, s model.FRScore) string {
	switch {
	case s.SLT == 0:
		return st.Muted.Render(common.PadStyled("-", 5))
	case s.Gap == 0:
		return st.GapStyle(0, true).Render(common.PadStyled("ok", 5))
	}
	return st.GapStyle(int(s.Gap), true).Render("gap " + strconv.Itoa(int(s.Gap)))
}

// maxGapText is a target's largest gap over its FRs, in 5 cells.
func maxGapText(st *common.Styles, r *model.MatrixRow) string {
	if r.Target.SLT.Max() == 0 {
		return st.Muted.Render(common.PadStyled("-", 5))
	}
	g := int(r.Score.MaxGap())
	if g == 0 {
		return st.GapStyle(0, true).Render(common.PadStyled("ok", 5))
	}
	return st.GapStyle(g, true).Render("gap " + strconv.Itoa(g))
}
