package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"time"

	"slate/model"
)

// HTML renders the assessment as one self-contained HTML5 document: inline
// CSS and SVG, no script, no fonts or links to anything outside the file. It
// is what the plant manager reads and the auditor files, and it prints on A4
// or Letter with each major section on a new page.
//
// Every user-provided string is stripped of control characters and escape
// sequences (model.CleanText, model.CleanLine) and then escaped by
// html/template, including the text inside the SVG charts; only the answer
// table rows are written in Go for speed, escaping every value the same way
// (html_rows.go). The output depends only on in, so two renders of the same
// input are byte-identical.
func HTML(in *Input) ([]byte, error) {
	var b bytes.Buffer
	if err := WriteHTML(&b, in); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteHTML streams the HTML report to w, so a large plant's report (tens of
// megabytes) is never held in memory whole.
func WriteHTML(w io.Writer, in *Input) error {
	if in == nil || in.A == nil || in.Cat == nil {
		return errors.New("html report: no assessment or catalog")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	// The page as a whole passes the HTML sanitiser: html/template escapes
	// the markup of every value, and no control character or bidirectional
	// override of any value (user text, catalog, crafted file) gets through.
	if err := htmlTemplate.Execute(model.SanitizingWriter(model.SinkHTML, bw), htmlBuild(in)); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return bw.Flush()
}

// The view model: everything the template shows, already cleaned and
// formatted, so the template only places text.

type htmlDoc struct {
	Name, Site, Scope, Assessor string
	Created, Updated, At        string
	File, Version               string

	CatTitle, CatID, CatVersion, CatHash string
	CatHashRecorded                      string // the assessment's recorded hash, when it differs
	ChainHead                            string
	ChainRows                            int64

	FRs       []htmlFR
	Summary   htmlSummary
	Heatmap   []htmlHeatChunk
	HeatHead  []htmlHeatHead
	HeatDoneX int
	Legend    []htmlLegend

	Targets  []*htmlTarget
	Zones    []*htmlTarget
	Conduits []*htmlTarget

	Diagram     template.HTML // the zone and conduit diagram, inline SVG (ZoneDiagramSVG)
	Unplaced    []string      // conduits the diagram cannot draw
	Checks      []htmlCheck
	ChecksCount string

	SiteAnswers     []siteView
	Countermeasures []cmView

	Windows        []htmlWindow
	Projects       []htmlProject
	Findings       []htmlFinding
	Phases         []htmlPhase
	Closed         []*htmlInit
	UnansweredNote string

	Provenance htmlProvenance

	MatrixRows []htmlMatrixRow
	Answers    []htmlAnswerGroup
}

type htmlFR struct {
	Num  int
	Name string
}

type htmlSummary struct {
	Lead                   []string
	Zones, Conduits        int // with a target (SL-T > 0 in some FR)
	ZonesAt                int
	ConduitsAt             int
	Answered               int
	Applicable             int
	Complete               string
	Scope                  string
	Provisional            int
	Cells                  int // cells with a target
	GapCells               int
	Worst                  []htmlWorst
	Phases                 []htmlPhaseCount
	Open, Closed           int
	ZonesTotal, CondsTotal int
}

type htmlWorst struct {
	Anchor, Name, Kind string
	FR                 string
	FRName             string
	Cell               htmlCell
	Gap, Unmet         int
}

type htmlPhaseCount struct {
	Label, Anchor     string
	N, Outage, Vendor int
	InWindow          int
}

// htmlCheck is one finding of the model checks.
type htmlCheck struct {
	Severity, Class, Rule string
	Targets               []htmlRef
	Requirement           string
	Message, Advice       string
}

// htmlRef is a zone or conduit named with its link.
type htmlRef struct {
	Name, Anchor string
}

type htmlTarget struct {
	Anchor, Kind, Name, Type, Description string
	SLT                                   string
	From, FromAnchor, To, ToAnchor        string
	Protocols                             string
	IsZone                                bool
	Answered, Applicable                  int
	Complete                              string
	LargestGap                            string
	GapStrong                             bool
	Scores                                []htmlFRScore
	Assets                                []htmlAsset
	Rationale                             []string // RationaleLines
	HasRationale                          bool
	UnmetCount, UnmetOpen                 int
	unmetByFR                             [model.NumFR]int
	detail                                func() htmlTargetDetail
}

// htmlTargetDetail is the bulk of a target's section: its chart and its
// answer tables. The template builds it when it writes the section
// (Detail) and drops it after, so that a large plant's sections never sit
// in memory all at once.
type htmlTargetDetail struct {
	Chart     htmlChart
	Unmet     []htmlUnmetFR
	Justified []htmlAnswer
}

// Detail builds the target's chart and answer tables.
func (t *htmlTarget) Detail() htmlTargetDetail { return t.detail() }

type htmlFRScore struct {
	FR, Name             string
	Cell                 htmlCell
	Answered, Applicable int
}

type htmlAsset struct {
	Name, Type, Vendor, Model, Firmware, Address, Notes, Criticality string
}

type htmlUnmetFR struct {
	FR    string
	Name  string
	Items []htmlAnswer  // answered no or partial, or with something recorded
	Open  []htmlOpenReq // not answered, nothing recorded: listed compactly
}

type htmlOpenReq struct {
	ID, Title string
}

// htmlAnswer is one requirement with what was recorded about it.
type htmlAnswer struct {
	ID, Title       string
	SL              string
	Status, StClass string
	Note, Just      string
	JustLabel       string // "Reason" for N/A, "Justification" for a compensating control
	AnsweredBy      string // the attendees of the session of the latest status change
	Assessor        string
	Method          string // told, seen, tested or ""
	Files           string // the evidence files' names
	At              string
	Flagged         bool
}

type htmlWindow struct {
	Name, Date string
	Days       int
	Covers     string
	Items      []string
}

type htmlProject struct {
	Title string
	Items []string
}

type htmlFinding struct {
	Title, State, Class, Where, Work string
}

type htmlPhase struct {
	Title, Anchor string
	Items         []*htmlInit
}

type htmlInit struct {
	N               int
	ReqID, Title    string
	FR, SL, Score   int
	Beside          string // "high risk · needs outage · window ..."
	Group, Project  string
	Targets         []htmlInitTarget
	Factors         []htmlFactor
	Conflicts       []string
	PhaseWhy        string
	Window          string
	Outage          bool
	Owner, Due      string
	Status, StClass string
	Justification   string
	Accepted        bool
	AcceptedBy      string
	Review          string
	Remediation     string
}

type htmlInitTarget struct {
	Anchor, Name, Line string
	Closed             bool
}

type htmlFactor struct {
	Points, Why string
}

type htmlMatrixRow struct {
	Anchor, Name, Kind string
	Cells              []htmlCell
	Complete           string
}

type htmlAnswerGroup struct {
	Anchor, Name, Kind string
	Count              int
	build              func() []htmlAnswer
}

// RowsHTML renders the group's rows when the template reaches them.
func (g htmlAnswerGroup) RowsHTML() template.HTML { return htmlAnswerRows(g.build()) }

// htmlWorstN is how many of the largest gaps the summary lists.
const htmlWorstN = 8

func htmlBuild(in *Input) *htmlDoc {
	a, cat := in.A, in.Cat
	d := &htmlDoc{
		Name:       htmlLine(a.Name),
		Site:       htmlLine(a.Site),
		Scope:      model.CleanText(a.Scope),
		Assessor:   htmlLine(a.Assessor),
		Created:    htmlDate(a.Created),
		Updated:    htmlDate(a.Updated),
		At:         htmlDate(in.At),
		File:       htmlLine(in.File),
		Version:    htmlLine(in.Version),
		CatTitle:   htmlLine(cat.Title),
		CatID:      htmlLine(cat.ID),
		CatVersion: htmlLine(cat.Version),
		CatHash:    htmlLine(cat.Hash),
		ChainHead:  htmlLine(in.Chain.Head),
		ChainRows:  in.Chain.Rows,
	}
	if d.Name == "" {
		d.Name = "Untitled assessment"
	}
	if h := htmlLine(a.CatalogHash); h != "" && h != d.CatHash {
		d.CatHashRecorded = h
	}
	for i, fr := range model.FRs {
		d.FRs = append(d.FRs, htmlFR{int(fr), htmlLine(cat.FRTitle[i])})
	}

	// The matrix in the Input is the one to show; score here only when the
	// caller left it out.
	matrix := in.Matrix
	if len(matrix.Rows) != len(a.Zones)+len(a.Conduits) {
		matrix = model.BuildMatrix(cat, a, matrix.Scope)
	}
	zones := make(map[string]*model.Zone, len(a.Zones))
	for i := range a.Zones {
		zones[a.Zones[i].Key] = &a.Zones[i]
	}
	conduits := make(map[string]*model.Conduit, len(a.Conduits))
	for i := range a.Conduits {
		conduits[a.Conduits[i].Key] = &a.Conduits[i]
	}

	anchors := make(map[string]string, len(matrix.Rows))
	nz, nc := 0, 0
	for i := range matrix.Rows {
		t := matrix.Rows[i].Target
		if t.Kind == model.KindZone {
			nz++
			anchors[t.Key] = fmt.Sprintf("z%d", nz)
		} else {
			nc++
			anchors[t.Key] = fmt.Sprintf("c%d", nc)
		}
	}

	for i := range matrix.Rows {
		row := &matrix.Rows[i]
		t := htmlBuildTarget(in, row, anchors[row.Target.Key], zones, conduits, anchors)
		d.Targets = append(d.Targets, t)
		if t.IsZone {
			d.Zones = append(d.Zones, t)
		} else {
			d.Conduits = append(d.Conduits, t)
		}
	}

	htmlBuildModel(d, in, matrix, anchors)
	d.HeatHead, d.Heatmap = htmlHeatmap(matrix, d.Targets, cat)
	d.HeatDoneX = hmNameW + model.NumFR*hmCellW + hmDoneW/2
	d.Legend = htmlLegendItems
	d.Summary = htmlBuildSummary(in, matrix, d.Targets)
	htmlBuildRoadmap(d, in, anchors)
	if n := in.Plan.Unanswered; n > 0 {
		d.UnansweredNote = model.Plural(n, "in-scope question (a requirement of a zone or conduit) is", "in-scope questions (a requirement of a zone or conduit) are") + " not answered yet and not planned."
	}
	d.Provenance = htmlBuildProvenance(in)
	htmlBuildAppendix(d, in, matrix)
	return d
}

func htmlBuildTarget(in *Input, row *model.MatrixRow, anchor string, zones map[string]*model.Zone,
	conduits map[string]*model.Conduit, anchors map[string]string) *htmlTarget {
	cat, tg := in.Cat, row.Target
	answers := in.A.TargetAnswers(tg.Key)
	t := &htmlTarget{
		Anchor: anchor,
		Kind:   "Zone",
		Name:   htmlName(tg.Name, tg.Key),
		IsZone: tg.Kind == model.KindZone,
		SLT:    htmlSLT(tg.SLT),
	}
	sum := row.Summary()
	t.LargestGap, t.GapStrong = htmlTargetGap(sum)
	var assets []model.Asset
	var rationale *model.SLTRationale
	if z, ok := zones[tg.Key]; ok && t.IsZone {
		t.Type = htmlLine(z.KindText())
		t.Description = model.CleanText(z.Description)
		assets, rationale = z.Assets, z.Rationale
	}
	if c, ok := conduits[tg.Key]; ok && !t.IsZone {
		t.Kind = "Conduit"
		t.Type = htmlLine(c.KindText())
		t.Description = model.CleanText(c.Description)
		t.Protocols = htmlLine(c.Protocols)
		t.From, t.FromAnchor = htmlZoneRef(c.From, zones, anchors)
		t.To, t.ToAnchor = htmlZoneRef(c.To, zones, anchors)
		assets, rationale = c.Assets, c.Rationale
	}
	for _, as := range assets {
		crit := ""
		if as.Criticality != model.CriticalityNone {
			crit = string(as.Criticality)
		}
		t.Assets = append(t.Assets, htmlAsset{
			Name: htmlLine(as.Name), Type: htmlLine(as.Type), Vendor: htmlLine(as.Vendor),
			Model: htmlLine(as.Model), Firmware: htmlLine(as.Firmware), Address: htmlLine(as.Address),
			Notes: model.CleanText(as.Notes), Criticality: crit,
		})
	}
	for _, l := range RationaleLines(rationale, tg.SLT) {
		t.Rationale = append(t.Rationale, htmlLine(l))
	}
	t.HasRationale = rationale != nil
	t.Answered, t.Applicable = sum.Answered, sum.Applicable
	t.Complete = model.Percent(t.Answered, t.Applicable)
	scope := in.Scope()
	for _, fr := range model.FRs {
		s := row.Score.At(fr)
		t.Scores = append(t.Scores, htmlFRScore{
			FR: fr.String(), Name: htmlLine(cat.FRTitle[fr-1]), Cell: htmlCellOf(s),
			Answered: s.Answered, Applicable: s.Applicable,
		})
		unmet := cat.Unmet(tg, fr, answers, scope)
		t.unmetByFR[fr-1] = len(unmet)
		t.UnmetCount += len(unmet)
		for _, r := range unmet {
			if ans, ok := answers[r.ID]; !ok || !htmlRecorded(ans) {
				t.UnmetOpen++
			}
		}
	}
	t.detail = func() htmlTargetDetail { return htmlBuildDetail(in, row, t.Name, answers) }
	return t
}

// htmlBuildDetail builds a target's chart and answer tables: its unmet
// in-scope requirements by FR (answered ones as rows, open ones listed),
// and those met by a compensating control or not applicable.
func htmlBuildDetail(in *Input, row *model.MatrixRow, name string, answers model.Answers) htmlTargetDetail {
	cat, tg := in.Cat, row.Target
	var d htmlTargetDetail
	for _, fr := range model.FRs {
		unmet := cat.Unmet(tg, fr, answers, in.Scope())
		if len(unmet) == 0 {
			continue
		}
		g := htmlUnmetFR{FR: fr.String(), Name: htmlLine(cat.FRTitle[fr-1])}
		for _, r := range unmet {
			if ans, ok := answers[r.ID]; ok && htmlRecorded(ans) {
				g.Items = append(g.Items, htmlAnswerOf(in, tg.Key, r, ans))
			} else {
				g.Open = append(g.Open, htmlOpenReq{ID: htmlLine(r.ID), Title: htmlLine(r.Title)})
			}
		}
		d.Unmet = append(d.Unmet, g)
	}
	// Requirements met by a compensating control or not applicable: the
	// justification is what an auditor checks.
	for _, fr := range model.FRs {
		for _, r := range cat.Applicable(tg.Kind, fr) {
			if ans, ok := answers[r.ID]; ok && ans.Status.NeedsJustification() {
				d.Justified = append(d.Justified, htmlAnswerOf(in, tg.Key, r, ans))
			}
		}
	}
	d.Chart = htmlBarChart(name, row.Score)
	return d
}

// htmlBuildModel draws the zone and conduit diagram and lists the model
// checks' findings with links to their targets.
func htmlBuildModel(d *htmlDoc, in *Input, matrix model.Matrix, anchors map[string]string) {
	zm := model.NewZoneModel(in.A)
	diagram := model.BuildDiagram(&zm, &matrix, in.Findings)
	// ZoneDiagramSVG escapes every text itself (zdText) and writes only
	// svg, g, rect, path, text and title elements.
	d.Diagram = template.HTML(ZoneDiagramSVG(&diagram))
	for _, u := range diagram.Unplaced {
		d.Unplaced = append(d.Unplaced, htmlLine(u.Name))
	}
	d.ChecksCount = ChecksCount(in.Findings)
	for _, f := range in.Findings {
		c := htmlCheck{Severity: SeverityWord(f.Severity), Class: "sev-" + string(f.Severity), Rule: htmlLine(f.Rule),
			Requirement: htmlLine(f.Requirement), Message: htmlLine(f.Message), Advice: htmlLine(f.Advice)}
		for _, k := range f.Targets {
			c.Targets = append(c.Targets, htmlRef{Name: htmlName(in.A.TargetName(k), k), Anchor: anchors[k]})
		}
		d.Checks = append(d.Checks, c)
	}
}

func htmlZoneRef(key string, zones map[string]*model.Zone, anchors map[string]string) (name, anchor string) {
	if z, ok := zones[key]; ok {
		return htmlName(z.Name, z.Key), anchors[key]
	}
	return htmlLine(key) + " (unknown zone)", ""
}

func htmlAnswerOf(in *Input, target string, r *model.Requirement, ans model.Answer) htmlAnswer {
	st := ans.Status.Norm()
	label := "Justification"
	if st == model.NA {
		label = "Reason"
	}
	return htmlAnswer{
		ID: htmlLine(r.ID), Title: htmlLine(r.Title), SL: htmlItoa(int(r.SL)), JustLabel: label,
		Status: st.Label(), StClass: htmlStatusClass(st),
		Note: model.CleanText(ans.Note), Just: model.CleanText(ans.Justification),
		AnsweredBy: htmlLine(in.answeredBy(ans)), Assessor: htmlLine(ans.Assessor), Method: htmlLine(method(ans)),
		Files: htmlLine(in.fileNames(target, r.ID)), At: htmlTime(ans.UpdatedAt), Flagged: ans.Flagged,
	}
}

func htmlBuildSummary(in *Input, matrix model.Matrix, targets []*htmlTarget) htmlSummary {
	var s htmlSummary
	flagged := 0
	for i := range matrix.Rows {
		row := &matrix.Rows[i]
		sum := row.Summary()
		if row.Target.Kind == model.KindZone {
			s.ZonesTotal++
			if sum.WithTarget {
				s.Zones++
			}
			if sum.AtTarget {
				s.ZonesAt++
			}
		} else {
			s.CondsTotal++
			if sum.WithTarget {
				s.Conduits++
			}
			if sum.AtTarget {
				s.ConduitsAt++
			}
		}
		for _, sc := range row.Score {
			if sc.State() == model.StateNoTarget {
				continue
			}
			s.Cells++
			if sc.Provisional && sc.ShowsLevel() {
				s.Provisional++
			}
		}
		for _, ans := range in.A.Answers[row.Target.Key] {
			if ans.Flagged {
				flagged++
			}
		}
	}
	p := matrix.Summary()
	s.GapCells = p.GapCells
	s.Answered, s.Applicable = p.Answered, p.Applicable
	s.Complete = model.Percent(s.Answered, s.Applicable)
	s.Scope = scopeSentence(matrix.Scope)

	for _, c := range matrix.WorstGaps(htmlWorstN) {
		t := targets[c.Row]
		s.Worst = append(s.Worst, htmlWorst{
			Anchor: t.Anchor, Name: t.Name, Kind: strings.ToLower(t.Kind), FR: c.FR.String(),
			FRName: htmlLine(in.Cat.FRTitle[c.FR-1]), Cell: htmlCellOf(c.Score), Gap: int(c.Score.Gap),
			Unmet: t.unmetByFR[c.FR-1],
		})
	}

	// Initiatives per phase.
	byPhase := map[model.Phase]*htmlPhaseCount{}
	for i, p := range model.Phases {
		byPhase[p] = &htmlPhaseCount{Label: p.String(), Anchor: fmt.Sprintf("phase%d", i+1)}
	}
	for _, it := range in.Plan.Initiatives {
		if it.Closed() {
			s.Closed++
			continue
		}
		s.Open++
		pc := byPhase[it.Phase]
		if pc == nil {
			continue
		}
		pc.N++
		if it.Outage {
			pc.Outage++
		}
		if it.Vendor {
			pc.Vendor++
		}
		if it.Window != nil {
			pc.InWindow++
		}
	}
	for _, p := range model.Phases {
		s.Phases = append(s.Phases, *byPhase[p])
	}

	s.Lead = htmlLead(&s, in, matrix)
	if flagged > 0 {
		// In the lead list rather than after the tables: it keeps the summary on one page.
		s.Lead = append(s.Lead, model.Plural(flagged, "answer is", "answers are")+" flagged for follow-up; they are marked ⚑ in the tables.")
	}
	return s
}

// htmlLead writes the executive summary in plain sentences.
func htmlLead(s *htmlSummary, in *Input, matrix model.Matrix) []string {
	var out []string
	out = append(out, fmt.Sprintf("%s of %s and %s of %s with a target meet their target security level (SL-T) in every foundational requirement.",
		htmlCount(s.ZonesAt, ""), htmlCount(s.Zones, "zone"), htmlCount(s.ConduitsAt, ""), htmlCount(s.Conduits, "conduit")))
	switch {
	case len(s.Worst) == 0 && s.Cells > 0:
		out = append(out, "No assessed zone or conduit falls short of its target in any foundational requirement.")
	case len(s.Worst) > 0:
		w := s.Worst[0]
		n := 0
		for _, g := range matrix.WorstGaps(0) {
			if int(g.Score.Gap) == w.Gap {
				n++
			}
		}
		more := ""
		if n > 1 {
			more = fmt.Sprintf(" (one of %d with a gap of %d)", n, w.Gap)
		}
		out = append(out, fmt.Sprintf("%s of the %s cells with a target fall short of it. The largest gap is %s: %s in %s (%s), cell %s%s.",
			htmlCount(s.GapCells, ""), htmlCount(s.Cells, ""), model.Plural(w.Gap, "level", "levels"), w.Name, w.FR, w.FRName, w.Cell.Text, more))
	}
	out = append(out, fmt.Sprintf("The interview is %s complete: %d of %d in-scope requirements are answered.",
		s.Complete, s.Answered, s.Applicable))
	if s.Provisional > 0 {
		out = append(out, fmt.Sprintf("%s provisional (marked *): unanswered requirements could still raise them.",
			model.Plural(s.Provisional, "achieved level is", "achieved levels are")))
	}
	if s.Open+s.Closed == 0 {
		out = append(out, "The roadmap is empty: no in-scope requirement has been answered no or partial.")
	} else {
		var parts []string
		for _, p := range s.Phases {
			if p.N > 0 {
				parts = append(parts, fmt.Sprintf("%d in %s", p.N, strings.ToLower(p.Label)))
			}
		}
		line := fmt.Sprintf("The remediation roadmap holds %s", htmlCount(s.Open, "open initiative"))
		if len(parts) > 0 {
			line += ": " + strings.Join(parts, ", ")
		}
		line += "."
		if s.Closed > 0 {
			line += fmt.Sprintf(" %s done or accepted as a risk.", model.Plural(s.Closed, "initiative is", "initiatives are"))
		}
		out = append(out, line)
	}
	if in.Plan.Unanswered > 0 {
		out = append(out, fmt.Sprintf("%s not answered yet and therefore not planned.",
			model.Plural(in.Plan.Unanswered, "in-scope question (a requirement of a zone or conduit) is", "in-scope questions (a requirement of a zone or conduit) are")))
	}
	return out
}

func htmlBuildRoadmap(d *htmlDoc, in *Input, anchors map[string]string) {
	windowItems := map[string][]string{}
	phases := map[model.Phase]*htmlPhase{}
	for i, p := range model.Phases {
		phases[p] = &htmlPhase{Title: p.String(), Anchor: fmt.Sprintf("phase%d", i+1)}
	}
	for i, it := range in.Plan.Initiatives {
		r := it.Requirement
		tr := it.Tracking
		st := tr.Status
		if st == "" {
			st = model.TrackOpen
		}
		h := &htmlInit{
			N: i + 1, ReqID: htmlLine(r.ID), Title: htmlLine(r.Title), FR: int(r.FR), SL: int(r.SL), Score: it.Score,
			Beside: htmlLine(Beside(it)), Group: it.Group.String(), PhaseWhy: model.CleanText(it.PhaseWhy), Outage: it.Outage,
			Owner: htmlLine(tr.Owner), Due: htmlLine(tr.Due), Status: st.Label(), StClass: "tr-" + strings.ReplaceAll(string(st), "_", "-"),
			Justification: model.CleanText(tr.Justification), Accepted: st == model.TrackRiskAccepted,
			AcceptedBy: htmlLine(tr.AcceptedBy.String()), Review: htmlLine(tr.Review),
			Remediation: model.CleanText(r.Remediation),
		}
		if it.Project != nil {
			h.Project = htmlLine(it.Project.Title)
		}
		if it.Window != nil {
			h.Window = htmlLine(it.Window.Label())
		}
		seen := map[string]bool{}
		for _, t := range it.Targets {
			h.Targets = append(h.Targets, htmlInitTarget{Anchor: anchors[t.Target.Key], Name: htmlName(t.Target.Name, t.Target.Key),
				Line: htmlLine(strings.TrimPrefix(TargetLine(t), t.Target.Name+": ")), Closed: t.Closed})
			if t.Window != nil && !t.Closed {
				key := t.Window.Date + "\x00" + t.Window.Name
				if !seen[key] {
					seen[key] = true
					windowItems[key] = append(windowItems[key], h.ReqID)
				}
			}
		}
		for _, c := range it.Conflicts {
			h.Conflicts = append(h.Conflicts, htmlLine(c.Message))
		}
		for _, f := range it.Factors {
			h.Factors = append(h.Factors, htmlFactor{Points: fmt.Sprintf("%+d", f.Points), Why: htmlLine(f.Why)})
		}
		if it.Closed() {
			d.Closed = append(d.Closed, h)
		} else if p := phases[it.Phase]; p != nil {
			p.Items = append(p.Items, h)
		}
	}
	for _, p := range model.Phases {
		d.Phases = append(d.Phases, *phases[p])
	}
	for _, w := range in.Plan.Windows {
		d.Windows = append(d.Windows, htmlWindow{Name: htmlLine(w.Name), Date: htmlLine(w.Date), Days: w.Days,
			Covers: htmlLine(htmlCovers(in.A, w)), Items: windowItems[w.Date+"\x00"+w.Name]})
	}
	for _, p := range in.Plan.Projects {
		hp := htmlProject{Title: htmlLine(p.Title)}
		for _, it := range in.Plan.Initiatives {
			if it.Project != nil && it.Project.ID == p.ID {
				hp.Items = append(hp.Items, htmlLine(it.Requirement.ID))
			}
		}
		d.Projects = append(d.Projects, hp)
	}
	d.SiteAnswers = in.siteViews()
	d.Countermeasures = in.countermeasureViews()
	for _, f := range in.CommonFindings() {
		d.Findings = append(d.Findings, htmlFinding{Title: htmlLine(f.Title), State: f.State.Describe(),
			Class: "cf-" + strings.ReplaceAll(string(f.State), "_", "-"), Where: htmlLine(FindingWhere(f)), Work: htmlLine(FindingWork(f))})
	}
}

// htmlCovers names what a maintenance window covers.
func htmlCovers(a *model.Assessment, w model.Window) string {
	if len(w.Targets) == 0 {
		return "the whole plant"
	}
	var names []string
	for _, k := range w.Targets {
		names = append(names, a.TargetName(k))
	}
	return strings.Join(names, ", ")
}

func htmlBuildAppendix(d *htmlDoc, in *Input, matrix model.Matrix) {
	for i := range matrix.Rows {
		row := &matrix.Rows[i]
		t := d.Targets[i]
		mr := htmlMatrixRow{Anchor: t.Anchor, Name: t.Name, Kind: strings.ToLower(t.Kind), Complete: t.Complete}
		for _, sc := range t.Scores {
			mr.Cells = append(mr.Cells, sc.Cell)
		}
		d.MatrixRows = append(d.MatrixRows, mr)

		answers := in.A.Answers[row.Target.Key]
		g := htmlAnswerGroup{Anchor: t.Anchor, Name: t.Name, Kind: strings.ToLower(t.Kind)}
		for _, ans := range answers {
			if htmlRecorded(ans) {
				g.Count++
			}
		}
		// The rows are built while the template writes them, one target at a
		// time: a large plant's appendix never sits in memory whole.
		key := row.Target.Key
		g.build = func() []htmlAnswer { return htmlAppendixRows(in, key, answers) }
		d.Answers = append(d.Answers, g)
	}
}

// htmlRecorded reports whether an answer holds anything worth listing.
// htmlAppendixRows lists a target's recorded answers in catalog order, then
// answers to requirements the catalog does not know (a catalog changed
// under the file), sorted by id.
func htmlAppendixRows(in *Input, target string, answers model.Answers) []htmlAnswer {
	cat := in.Cat
	var rows []htmlAnswer
	seen := 0
	for j := range cat.Requirements {
		r := &cat.Requirements[j]
		ans, ok := answers[r.ID]
		if !ok {
			continue
		}
		seen++
		if htmlRecorded(ans) {
			rows = append(rows, htmlAnswerOf(in, target, r, ans))
		}
	}
	if seen < len(answers) {
		var ids []string
		for id := range answers {
			if _, ok := cat.Requirement(id); !ok {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		for _, id := range ids {
			if ans := answers[id]; htmlRecorded(ans) {
				h := htmlAnswerOf(in, target, &model.Requirement{ID: id, Title: "(not in this catalog)"}, ans)
				h.SL = "–"
				rows = append(rows, h)
			}
		}
	}
	return rows
}

func htmlRecorded(a model.Answer) bool {
	return a.Status.Answered() || a.Note != "" || a.Justification != "" || a.Flagged
}

// Formatting helpers.

func htmlLine(s string) string { return strings.TrimSpace(model.CleanLine(s)) }

func htmlName(name, key string) string {
	if n := htmlLine(name); n != "" {
		return n
	}
	if k := htmlLine(key); k != "" {
		return k
	}
	return "(unnamed)"
}

func htmlDate(t time.Time) string {
	if t.IsZero() {
		return "not recorded"
	}
	return t.UTC().Format("2 January 2006, 15:04 UTC")
}

func htmlTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}

func htmlItoa(n int) string {
	if n >= 0 && n < 10 {
		return string(rune('0' + n))
	}
	return fmt.Sprint(n)
}

func htmlSLT(v model.SLVector) string {
	if v.IsUniform() {
		if v[0] == 0 {
			return "no target in any FR"
		}
		return fmt.Sprintf("SL %d in every FR", v[0])
	}
	parts := make([]string, model.NumFR)
	for i, l := range v {
		parts[i] = fmt.Sprintf("FR%d %d", i+1, l)
	}
	return strings.Join(parts, " · ")
}

func htmlStatusClass(s model.Status) string {
	switch s.Norm() {
	case model.Yes:
		return "st-yes"
	case model.Partial:
		return "st-partial"
	case model.No:
		return "st-no"
	case model.NA:
		return "st-na"
	case model.Compensating:
		return "st-comp"
	}
	return "st-open"
}

func htmlCount(n int, noun string) string {
	if noun == "" {
		return fmt.Sprint(n)
	}
	return model.Plural(n, noun, noun+"s")
}

// htmlTemplate is parsed once; its text lives in html_template.go.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"lower":      strings.ToLower,
	"answerRows": htmlAnswerRows,
}).Parse(htmlPage))
