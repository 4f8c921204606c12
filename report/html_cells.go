package report

import (
	"fmt"

	"slate/model"
)

// htmlCell is a gap-matrix cell as the HTML report shows it: the one text
// and state from model, the state in words, and a colour class. Colour is
// extra: the text and the data-state attribute carry the meaning.
type htmlCell struct {
	Text, State, Words, Class string
}

func htmlCellOf(s model.FRScore) htmlCell {
	st := s.State()
	return htmlCell{Text: s.Text(), State: string(st), Words: st.Describe(), Class: htmlCellClass(s)}
}

// htmlCellClass picks the colour: at target, one level short, two or more
// short, not assessed, no target.
func htmlCellClass(s model.FRScore) string {
	switch s.State() {
	case model.StateNoTarget:
		return "nt"
	case model.StateNotAssessed:
		return "na"
	case model.StateAtTarget:
		return "ok"
	}
	if s.Gap == 1 {
		return "g1"
	}
	return "g2"
}

// htmlTargetGap says a target's largest gap in a sentence, from its summary.
func htmlTargetGap(s model.TargetSummary) (text string, strong bool) {
	switch s.State() {
	case model.StateNoTarget:
		return "no target (SL-T 0 in every FR)", false
	case model.StateGap:
		return fmt.Sprintf("−%d (%s in state gap)", s.MaxGap, htmlCount(s.GapCells, "FR")), true
	case model.StateNotAssessed:
		return fmt.Sprintf("none found so far; %s not assessed yet", htmlCount(s.NotAssessed, "FR")), false
	}
	return "none: at target in every FR with a target", false
}
