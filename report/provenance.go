package report

import (
	"fmt"
	"strings"

	"slate/model"
)

// What the reports say about where the answers came from: who answered
// (the attendees of the session of each answer's latest status change),
// how each was established, the recorded sign-off with the changes made
// after it, and the index of evidence files.

// answeredBy is who gave an answer, "" when no session is recorded.
func (in *Input) answeredBy(ans model.Answer) string { return in.A.AnsweredBy(ans) }

// method is how an answer was established, "" when not recorded.
func method(ans model.Answer) string { return string(ans.Method) }

// files lists the evidence linked to one requirement of one target.
func (in *Input) files(target, requirement string) []*model.Evidence {
	if in.Evidence == nil {
		in.Evidence = model.IndexEvidence(in.A.Evidence)
	}
	return in.Evidence.Of(target, requirement)
}

// fileNames lists the names of the files of one answer: "a.pdf; b.jpg".
func (in *Input) fileNames(target, requirement string) string {
	var names []string
	for _, e := range in.files(target, requirement) {
		names = append(names, e.Name)
	}
	return strings.Join(names, "; ")
}

// linkedAnswers names the answers a file backs: "Control (Unit 1) SR 1.1".
func (in *Input) linkedAnswers(e model.Evidence) []string {
	var out []string
	for _, l := range e.Links {
		out = append(out, in.A.TargetName(l.Target)+" "+l.Requirement)
	}
	return out
}

// signOffSentence says what a recorded sign-off is, for every format.
func signOffSentence(s model.SignOff) string {
	head := "an empty history"
	if s.Head != "" {
		head = fmt.Sprintf("history head %s (%d rows)", s.Head, s.Rows)
	}
	return fmt.Sprintf("On %s, %s for the assessor and %s for the asset owner recorded that they agree with the assessment as it stood at %s.",
		s.Date, s.Assessor, s.Owner, head)
}

// signOffCaveat says what a recorded sign-off is not.
const signOffCaveat = "This is a record kept in the assessment's own history, not a signature: nothing binds it cryptographically to the people named. " +
	"`slate verify FILE --expect-head` with the head above tells whether the history still contains that state."

// sessionLabel names a session for a report ("" for none).
func (in *Input) sessionLabel(id int64) string {
	s, ok := in.A.Session(id)
	if !ok {
		return ""
	}
	return s.Label()
}

// mdProvenance writes the recorded sign-off, the changes after it and the
// evidence index.
func mdProvenance(b *strings.Builder, in *Input) {
	b.WriteString("## Recorded sign-off\n\n")
	so, ok := in.A.LatestSignOff()
	if !ok {
		b.WriteString("No sign-off has been recorded.\n\n")
	} else {
		b.WriteString(md(signOffSentence(so)) + "\n\n" + md(signOffCaveat) + "\n\n")
		if n := len(in.A.SignOffs); n > 1 {
			var earlier []string
			for _, s := range in.A.SignOffs[:n-1] {
				earlier = append(earlier, md(s.Date+" ("+s.Owner.String()+")"))
			}
			fmt.Fprintf(b, "It supersedes the sign-offs recorded on %s; the history keeps them all.\n\n", strings.Join(earlier, ", "))
		}
		if len(in.AfterSignOff) == 0 {
			b.WriteString("No change has been made after the sign-off.\n\n")
		} else {
			fmt.Fprintf(b, "### Changes after sign-off (%d)\n\n", len(in.AfterSignOff))
			var rows [][]string
			for _, c := range in.AfterSignOff {
				rows = append(rows, []string{c.At.UTC().Format("2006-01-02 15:04"), md(c.Actor), md(in.sessionLabel(c.Session)), md(c.What()), mdCell(c.Summary())})
			}
			mdTable(b, []string{"When (UTC)", "Who", "Session", "What", "Change"}, rows)
		}
	}
	b.WriteString("## Evidence index\n\n")
	if len(in.A.Evidence) == 0 {
		b.WriteString("No evidence files are kept in the assessment.\n\n")
		return
	}
	b.WriteString("Files kept inside the assessment file, each identified by the sha256 of its bytes (`slate evidence get FILE SHA256 -o OUT` writes one out; `slate verify` rehashes every one).\n\n")
	var rows [][]string
	for _, e := range in.A.Evidence {
		linked := in.linkedAnswers(e)
		if len(linked) == 0 {
			linked = []string{"(not linked)"}
		}
		rows = append(rows, []string{md(e.Name), mdCode(e.SHA256), model.HumanSize(e.Size), md(e.MediaType),
			md(strings.Join(linked, ", ")), mdCell(e.Caption)})
	}
	mdTable(b, []string{"File", "sha256", "Size", "Type", "Linked answers", "Caption"}, rows)
}

// htmlProvenance is the sign-off block and the evidence index of the HTML
// report.
type htmlProvenance struct {
	SignOff    string // the sentence; "" when none is recorded
	Caveat     string
	Supersedes string
	After      []htmlChange
	Evidence   []htmlEvidence
}

type htmlChange struct {
	At, Actor, Session, What, Change string
}

type htmlEvidence struct {
	Name, SHA256, Size, Type, Linked, Caption string
}

func htmlBuildProvenance(in *Input) htmlProvenance {
	var p htmlProvenance
	if so, ok := in.A.LatestSignOff(); ok {
		p.SignOff = model.CleanLine(signOffSentence(so))
		p.Caveat = strings.ReplaceAll(signOffCaveat, "`", "")
		if n := len(in.A.SignOffs); n > 1 {
			var earlier []string
			for _, s := range in.A.SignOffs[:n-1] {
				earlier = append(earlier, s.Date+" ("+s.Owner.String()+")")
			}
			p.Supersedes = htmlLine("It supersedes the sign-offs recorded on " + strings.Join(earlier, ", ") + "; the history keeps them all.")
		}
		for _, c := range in.AfterSignOff {
			p.After = append(p.After, htmlChange{At: c.At.UTC().Format("2006-01-02 15:04"), Actor: htmlLine(c.Actor),
				Session: htmlLine(in.sessionLabel(c.Session)), What: htmlLine(c.What()), Change: htmlLine(c.Summary())})
		}
	}
	for _, e := range in.A.Evidence {
		linked := in.linkedAnswers(e)
		if len(linked) == 0 {
			linked = []string{"not linked"}
		}
		p.Evidence = append(p.Evidence, htmlEvidence{Name: htmlLine(e.Name), SHA256: e.SHA256, Size: model.HumanSize(e.Size),
			Type: htmlLine(e.MediaType), Linked: htmlLine(strings.Join(linked, ", ")), Caption: model.CleanText(e.Caption)})
	}
	return p
}
