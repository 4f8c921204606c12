package matrix

import (
	"strconv"

	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// Cell notation. Every cell is cellW cells wide and says, without colour,
// what its colour says:
//
//	"2/2  ok"   SL-A 2 of SL-T 2, at target
//	"1*/2 -1"   SL-A 1 of SL-T 2, one level short; * = provisional (some
//	            unanswered requirement could still raise SL-A)
//	"0/3  -3"   three levels short, every requirement up to SL-A+1 answered
//	"?/2"       not assessed: nothing answered among the FR's applicable
//	            requirements (so no SL-A or gap is claimed)
//	"n/a"       no requirement of the catalog applies to this kind of target
const cellW = 7

// doneW is the width of the completeness column ("100%").
const doneW = 4

// cellText renders one score in the notation above, padded to cellW.
func cellText(s model.FRScore) string {
	var b []byte
	switch {
	case s.Applicable == 0:
		b = append(b, "n/a"...)
	case s.Answered == 0:
		b = append(b, '?', '/')
		b = strconv.AppendInt(b, int64(s.SLT), 10)
	default:
		b = strconv.AppendInt(b, int64(s.SLA), 10)
		if s.Provisional {
			b = append(b, '*')
		}
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(s.SLT), 10)
		for len(b) < 4 {
			b = append(b, ' ')
		}
		b = append(b, ' ')
		if s.Gap > 0 {
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(s.Gap), 10)
		} else {
			b = append(b, "ok"...)
		}
	}
	for len(b) < cellW {
		b = append(b, ' ')
	}
	return string(b)
}

// assessed reports whether anything was answered among the FR's applicable
// requirements (with sl <= max(SL-T, 1)); until then the cell claims no
// SL-A and no gap.
func assessed(s model.FRScore) bool { return s.Answered > 0 }

// cellStyle picks the gap colour of a cell.
func cellStyle(st *common.Styles, s model.FRScore) lipgloss.Style {
	if s.Applicable == 0 {
		return st.NotAssessed
	}
	return st.GapStyle(int(s.Gap), assessed(s))
}

// selectedStyle is the cursor's reverse video, keeping the gap colour as the
// background where there is one (the faint "not assessed" style would fight
// with bold, so it gets the plain selection).
func selectedStyle(st *common.Styles, s model.FRScore) lipgloss.Style {
	if s.Applicable == 0 || !assessed(s) {
		return st.Selected
	}
	return st.Selected.Foreground(cellStyle(st, s).GetForeground())
}

// percent is answered/applicable rounded down ("99%" until everything is
// answered), "-" when nothing applies, right-aligned to doneW.
func percent(answered, applicable int) string {
	s := "-"
	if applicable > 0 {
		s = strconv.Itoa(answered*100/applicable) + "%"
	}
	for len(s) < doneW {
		s = " " + s
	}
	return s
}

// slaText is "1*" for a provisional SL-A 1, "?" when nothing is answered.
func slaText(s model.FRScore) string {
	if s.Answered == 0 && s.Applicable > 0 {
		return "?"
	}
	t := strconv.Itoa(int(s.SLA))
	if s.Provisional {
		t += "*"
	}
	return t
}
