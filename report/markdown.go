package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"slate/model"
)

// md makes text safe inline Markdown on one line.
func md(s string) string { return model.Sanitize(model.SinkMarkdown, s) }

// mdCell is md for a table cell: line breaks of notes become <br> so a
// multi-line note stays inside its row.
func mdCell(s string) string {
	lines := strings.Split(strings.TrimSpace(model.CleanText(s)), "\n")
	for i, l := range lines {
		lines[i] = md(l)
	}
	return strings.Join(lines, "<br>")
}

func mdTable(b *strings.Builder, header []string, rows [][]string) {
	b.WriteString("| " + strings.Join(header, " | ") + " |\n|")
	for range header {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
}

// WriteMarkdown writes the report as Markdown (GitHub-flavoured tables).
func WriteMarkdown(w io.Writer, in *Input) error {
	var b strings.Builder
	a := in.A
	fmt.Fprintf(&b, "# %s\n\n", md(a.Name))
	for _, kv := range [][2]string{
		{"Site", a.Site}, {"Assessor", a.Assessor}, {"Scope", a.Scope},
		{"Created", day(a.Created)}, {"Last change", day(a.Updated)},
		{"Report date", in.At.UTC().Format("2006-01-02 15:04 UTC")},
	} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "- **%s:** %s\n", kv[0], md(kv[1]))
		}
	}
	fmt.Fprintf(&b, "- **Catalog:** %s %s, sha256 `%s`\n", md(in.Cat.ID), md(in.Cat.Version), in.Cat.Hash)
	if in.Version != "" {
		fmt.Fprintf(&b, "- **Slate version:** %s\n", md(in.Version))
	}
	if in.Chain.Head != "" {
		fmt.Fprintf(&b, "- **Answer history:** %s, head `%s` (`slate verify FILE --expect-head` with this head tells whether the file changed since)\n",
			model.Plural(int(in.Chain.Rows), "entry", "entries"), md(in.Chain.Head))
	}
	b.WriteString("\n")
	mdSummary(&b, in)
	mdChecks(&b, in)
	mdMatrix(&b, in)
	for i := range in.Matrix.Rows {
		mdTarget(&b, in, &in.Matrix.Rows[i])
	}
	mdCommonFindings(&b, in)
	mdSiteQuestions(&b, in)
	mdCountermeasures(&b, in)
	mdRoadmap(&b, in)
	mdProvenance(&b, in)
	mdAppendix(&b, in)
	_, err := io.WriteString(model.SanitizingWriter(model.SinkText, w), b.String())
	return err
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func mdSummary(b *strings.Builder, in *Input) {
	m := in.Matrix
	b.WriteString("## Summary\n\n")
	fmt.Fprintf(b, "%s %s\n\n", summarySentence(m.Summary()), scopeSentence(m.Scope))
	if worst := m.WorstGaps(5); len(worst) > 0 {
		b.WriteString("Largest gaps:\n\n")
		var rows [][]string
		for _, w := range worst {
			rows = append(rows, []string{md(w.Target.Name), w.Target.Kind.String(), w.FR.String(), mdCode(w.Score.Text()), w.Score.SLAText(), fmt.Sprint(w.Score.SLT), fmt.Sprint(w.Score.Gap)})
		}
		mdTable(b, []string{"Zone or conduit", "Kind", "FR", "Cell", "SL-A", "SL-T", "Gap"}, rows)
	}
	counts := map[string]int{}
	for _, it := range in.Plan.Initiatives {
		counts[PhaseHeading(it)]++
	}
	var rows [][]string
	for _, p := range model.Phases {
		if n := counts[p.String()]; n > 0 {
			rows = append(rows, []string{p.String(), fmt.Sprint(n)})
		}
	}
	if n := counts[closedLabel]; n > 0 {
		rows = append(rows, []string{closedLabel, fmt.Sprint(n)})
	}
	if len(rows) > 0 {
		b.WriteString("Remediation initiatives:\n\n")
		mdTable(b, []string{"Phase", "Initiatives"}, rows)
	}
}

// mdCode shows a cell's text as code, so "*" and "-" read literally.
func mdCode(s string) string { return "`" + s + "`" }

func mdMatrix(b *strings.Builder, in *Input) {
	b.WriteString("## Gap matrix\n\n")
	b.WriteString(scopeSentence(in.Matrix.Scope) + " " + matrixLegend + "\n\n")
	header := []string{"Zone or conduit", "Kind", "SL-T"}
	for _, fr := range model.FRs {
		header = append(header, fr.String())
	}
	header = append(header, "Answered")
	var rows [][]string
	for i := range in.Matrix.Rows {
		r := &in.Matrix.Rows[i]
		row := []string{md(r.Target.Name), r.Target.Kind.String(), r.Target.SLT.String()}
		for _, fr := range model.FRs {
			row = append(row, mdCode(r.Score.At(fr).Text()))
		}
		s := r.Summary()
		row = append(row, model.Percent(s.Answered, s.Applicable))
		rows = append(rows, row)
	}
	mdTable(b, header, rows)
}

func mdTarget(b *strings.Builder, in *Input, row *model.MatrixRow) {
	t := row.Target
	fmt.Fprintf(b, "## %s: %s\n\n", strings.ToUpper(t.Kind.String()[:1])+t.Kind.String()[1:], md(t.Name))
	var assets []model.Asset
	var rationale *model.SLTRationale
	if z, ok := in.A.Zone(t.Key); ok {
		fmt.Fprintf(b, "Kind: %s. ", md(z.KindText()))
		if z.Description != "" {
			b.WriteString(md(z.Description))
		}
		b.WriteString("\n\n")
		assets, rationale = z.Assets, z.Rationale
	} else if c, ok := in.A.Conduit(t.Key); ok {
		fmt.Fprintf(b, "From %s to %s (%s)", md(in.A.TargetName(c.From)), md(in.A.TargetName(c.To)), md(c.KindText()))
		if c.Protocols != "" {
			fmt.Fprintf(b, "; protocols: %s", md(c.Protocols))
		}
		b.WriteString(".")
		if c.Description != "" {
			b.WriteString(" " + md(c.Description))
		}
		b.WriteString("\n\n")
		assets, rationale = c.Assets, c.Rationale
	}
	var rows [][]string
	for _, fr := range model.FRs {
		s := row.Score.At(fr)
		rows = append(rows, []string{fr.String() + " " + md(in.Cat.FRTitle[fr-1]), mdCode(s.Text()), s.State().Describe(),
			fmt.Sprintf("%d/%d", s.Answered, s.Applicable)})
	}
	mdTable(b, []string{"FR", "Cell", "State", "Answered"}, rows)
	fmt.Fprintf(b, "### SL-T rationale\n\n")
	for _, l := range RationaleLines(rationale, t.SLT) {
		fmt.Fprintf(b, "- %s\n", md(l))
	}
	b.WriteString("\n")
	if len(assets) > 0 {
		b.WriteString("### Assets\n\n")
		var rows [][]string
		for _, as := range assets {
			rows = append(rows, []string{mdCell(as.Name), mdCell(as.Type), mdCell(as.Vendor), mdCell(as.Model), mdCell(as.Firmware),
				mdCell(as.Address), string(as.Criticality), mdCell(as.Notes)})
		}
		mdTable(b, []string{"Name", "Type", "Vendor", "Model", "Firmware", "Address", "Criticality", "Notes"}, rows)
	}
	answers := in.A.Answers[t.Key]
	var unmet [][]string
	for _, fr := range model.FRs {
		for _, r := range in.Cat.Unmet(t, fr, answers, in.Scope()) {
			a := answers[r.ID]
			unmet = append(unmet, []string{r.ID, md(r.Title), fmt.Sprint(int(r.SL)), a.Status.Label(), method(a), mdCell(a.Note), mdCell(in.answeredBy(a))})
		}
	}
	if len(unmet) > 0 {
		b.WriteString("### Unmet requirements in scope\n\n")
		mdTable(b, []string{"Requirement", "Title", "SL", "Answer", "How", "Note", "Answered by"}, unmet)
	}
	var justified [][]string
	for _, fr := range model.FRs {
		for _, r := range in.Cat.Applicable(t.Kind, fr) {
			if a, ok := answers[r.ID]; ok && a.Status.NeedsJustification() {
				label := a.Status.Label()
				if cm, _, ok := in.A.CountermeasureOf(t.Key, r.ID); ok && a.Status.Norm() == model.Compensating {
					label += fmt.Sprintf(" (countermeasure %d)", cm.ID)
				}
				justified = append(justified, []string{r.ID, md(r.Title), label, method(a), mdCell(a.Justification), mdCell(in.answeredBy(a))})
			}
		}
	}
	if len(justified) > 0 {
		b.WriteString("### Not applicable and compensating controls\n\n")
		mdTable(b, []string{"Requirement", "Title", "Answer", "How", "Justification or why the countermeasure meets the intent", "Answered by"}, justified)
	}
}

// mdChecks lists the model checks' findings.
func mdChecks(b *strings.Builder, in *Input) {
	b.WriteString("## Zone and conduit model\n\n")
	fmt.Fprintf(b, "The model checks (`slate check`) as of %s: %s. Each finding names the zones and conduits concerned, "+
		"what is wrong and what to do; docs/zone-model.md explains every rule.\n\n", day(in.At), ChecksCount(in.Findings))
	if len(in.Findings) == 0 {
		return
	}
	var rows [][]string
	for _, f := range in.Findings {
		where := md(CheckTargets(in.A, f))
		if f.Requirement != "" {
			where += " (" + md(f.Requirement) + ")"
		}
		rows = append(rows, []string{SeverityWord(f.Severity), mdCode(f.Rule), where, md(f.Message), md(f.Advice)})
	}
	mdTable(b, []string{"Severity", "Rule", "Where", "Finding", "Advice"}, rows)
}

func mdRoadmap(b *strings.Builder, in *Input) {
	b.WriteString("## Remediation roadmap\n\n")
	b.WriteString("The score measures risk only; effort, outage and vendor decide the phase and the window. " +
		"Within a phase: quick wins, then visibility (inventory, monitoring), then the IT/OT and safety boundaries, then the rest, each by score.\n\n")
	if len(in.Plan.Windows) > 0 {
		b.WriteString("Maintenance windows: ")
		var ws []string
		for _, w := range in.Plan.Windows {
			ws = append(ws, md(w.Label()))
		}
		b.WriteString(strings.Join(ws, ", ") + ".\n\n")
	}
	if len(in.Plan.Projects) > 0 {
		b.WriteString("### Projects\n\n")
		var rows [][]string
		for _, p := range in.Plan.Projects {
			var ids []string
			for _, it := range in.Plan.Initiatives {
				if it.Project != nil && it.Project.ID == p.ID {
					ids = append(ids, it.Requirement.ID)
				}
			}
			rows = append(rows, []string{md(p.Title), strings.Join(ids, ", ")})
		}
		mdTable(b, []string{"Project", "Initiatives"}, rows)
	}
	if len(in.Plan.Initiatives) == 0 {
		b.WriteString("No open gaps: every answered in-scope requirement is met.\n\n")
	}
	group := ""
	for i, it := range in.Plan.Initiatives {
		if g := PhaseHeading(it); g != group {
			if group != "" {
				b.WriteString("\n")
			}
			group = g
			fmt.Fprintf(b, "### %s\n\n", g)
		}
		r := it.Requirement
		fmt.Fprintf(b, "%d. **%s %s** (FR%d, SL %d), score %d: %s\n", i+1, r.ID, md(r.Title), r.FR, r.SL, it.Score, md(Beside(it)))
		if it.Project != nil {
			fmt.Fprintf(b, "   - Project: %s\n", md(it.Project.Title))
		}
		fmt.Fprintf(b, "   - Order: %s\n", it.Group)
		for _, t := range it.Targets {
			fmt.Fprintf(b, "   - %s\n", md(TargetLine(t)))
		}
		for _, c := range it.Conflicts {
			fmt.Fprintf(b, "   - **Conflict** (%s): %s\n", c.Rule, md(c.Message))
		}
		if tr := it.Tracking; tr.Status == model.TrackRiskAccepted && tr.Justification != "" {
			fmt.Fprintf(b, "   - Risk accepted: %s\n", md(tr.Justification))
		}
		if r.Remediation != "" {
			fmt.Fprintf(b, "   - What it takes: %s\n", md(r.Remediation))
		}
		var why []string
		for _, f := range it.Factors {
			why = append(why, fmt.Sprintf("%+d %s", f.Points, md(f.Why)))
		}
		fmt.Fprintf(b, "   - Why this priority: %s\n", strings.Join(why, "; "))
		fmt.Fprintf(b, "   - When: %s\n", md(it.PhaseWhy))
	}
	if in.Plan.Unanswered > 0 {
		fmt.Fprintf(b, "\n%s not answered yet and not planned.\n",
			model.Plural(in.Plan.Unanswered, "in-scope question (a requirement of a zone or conduit) is", "in-scope questions (a requirement of a zone or conduit) are"))
	}
	b.WriteString("\n")
}

// mdCommonFindings is the section on the seven findings seen in almost
// every plant.
func mdCommonFindings(b *strings.Builder, in *Input) {
	b.WriteString("## The seven common findings\n\n")
	var rows [][]string
	for _, f := range in.CommonFindings() {
		rows = append(rows, []string{md(f.Title), f.State.Describe(), md(FindingWhere(f)), md(FindingWork(f))})
	}
	mdTable(b, []string{"Finding", "State", "Where", "Initiatives"}, rows)
}

func mdAppendix(b *strings.Builder, in *Input) {
	b.WriteString("## Appendix: all answers\n\n")
	var rows [][]string
	for _, t := range in.A.Targets() {
		as := in.A.Answers[t.Key]
		for i := range in.Cat.Requirements {
			r := &in.Cat.Requirements[i]
			a, ok := as[r.ID]
			if !ok {
				continue
			}
			flag := ""
			if a.Flagged {
				flag = "yes"
			}
			rows = append(rows, []string{md(t.Name), r.ID, fmt.Sprint(int(r.SL)), a.Status.Label(), method(a), mdCell(a.Note), mdCell(a.Justification),
				mdCell(in.answeredBy(a)), mdCell(a.Assessor), stamp(a), flag, md(in.fileNames(t.Key, r.ID))})
		}
	}
	if len(rows) == 0 {
		b.WriteString("No answers yet.\n")
		return
	}
	mdTable(b, []string{"Zone or conduit", "Requirement", "SL", "Answer", "How", "Note", "Justification", "Answered by", "Assessor", "When", "Follow-up", "Evidence"}, rows)
}
