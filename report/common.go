package report

import (
	"fmt"
	"sort"

	"slate/model"
)

// cellText is the gap-matrix notation shared by the text formats:
// "1*/2 -1" (SL-A, provisional, SL-T, gap) or "?/2" when nothing is answered.
func cellText(s model.FRScore) string {
	if s.Answered == 0 && s.Applicable > 0 {
		return fmt.Sprintf("?/%d", s.SLT)
	}
	c := slaText(s) + fmt.Sprintf("/%d", s.SLT)
	if s.Gap > 0 {
		c += fmt.Sprintf(" -%d", s.Gap)
	}
	return c
}

func slaText(s model.FRScore) string {
	if s.Provisional {
		return fmt.Sprintf("%d*", s.SLA)
	}
	return fmt.Sprint(s.SLA)
}

func pct(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%d%%", n*100/of)
}

// gapEntry is one target and FR with a gap.
type gapEntry struct {
	Target model.Target
	FR     model.FR
	Score  model.FRScore
}

// worstGaps lists the largest gaps, confirmed before provisional, then by
// matrix order.
func worstGaps(m model.Matrix, n int) []gapEntry {
	var out []gapEntry
	for _, r := range m.Rows {
		for _, fr := range model.FRs {
			if s := r.Score.At(fr); s.Gap > 0 {
				out = append(out, gapEntry{r.Target, fr, s})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score.Gap != out[j].Score.Gap {
			return out[i].Score.Gap > out[j].Score.Gap
		}
		return !out[i].Score.Provisional && out[j].Score.Provisional
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func stamp(a model.Answer) string {
	if a.UpdatedAt.IsZero() {
		return ""
	}
	return a.UpdatedAt.UTC().Format("2006-01-02 15:04")
}
