package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"slate/model"
)

// bom makes Excel read the file as UTF-8; LibreOffice ignores it.
const bom = "\ufeff"

// writeCSV writes a CSV file. Every cell, whatever its source (user text,
// a catalog, a crafted file, a computed label), passes the CSV sanitiser
// here: control characters and escape sequences go, and a cell a
// spreadsheet would run as a formula is neutralised.
func writeCSV(out io.Writer, header []string, rows [][]string) error {
	if _, err := io.WriteString(out, bom); err != nil {
		return err
	}
	w := csv.NewWriter(out)
	w.UseCRLF = true // what spreadsheets expect
	clean := func(row []string) []string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = model.Sanitize(model.SinkCSV, c)
		}
		return out
	}
	if err := w.Write(clean(header)); err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Write(clean(r)); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// writeCSVPart writes file i of the CSV report: the answers, the roadmap,
// the gap matrix (in the order of the format's Files).
func writeCSVPart(w io.Writer, in *Input, file int) error {
	switch file {
	case 0:
		return writeAnswersCSV(w, in)
	case 1:
		return writeRoadmapCSV(w, in)
	case 2:
		return writeMatrixCSV(w, in)
	}
	return fmt.Errorf("csv report has no file %d", file)
}

// writeAnswersCSV has one row per zone or conduit and applicable requirement,
// answered or not, with whether it is in the report's scope (sl <= C).
func writeAnswersCSV(w io.Writer, in *Input) error {
	header := []string{"target", "target_name", "kind", "fr", "requirement", "title", "level", "in_scope",
		"status", "note", "justification", "countermeasure", "method", "answered_by", "session", "evidence", "assessor", "flagged", "updated"}
	var rows [][]string
	for _, t := range in.A.Targets() {
		as := in.A.Answers[t.Key]
		for _, fr := range model.FRs {
			for _, r := range in.Cat.Applicable(t.Kind, fr) {
				a := as[r.ID]
				updated := ""
				if !a.UpdatedAt.IsZero() {
					updated = a.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z")
				}
				cm := ""
				if c, _, ok := in.A.CountermeasureOf(t.Key, r.ID); ok && a.Status.Norm() == model.Compensating {
					cm = fmt.Sprintf("%d: %s", c.ID, c.Label(80))
				}
				rows = append(rows, []string{t.Key, t.Name, t.Kind.String(), fmt.Sprint(int(fr)), r.ID, r.Title,
					fmt.Sprint(int(r.SL)), yesNo(r.SL <= in.Scope().Ceiling(t.SLT.At(fr))), string(a.Status.Norm()), a.Note,
					a.Justification, cm, method(a), in.answeredBy(a), in.sessionLabel(a.Session), in.fileNames(t.Key, r.ID),
					a.Assessor, yesNo(a.Flagged), updated})
			}
		}
	}
	return writeCSV(w, header, rows)
}

// writeRoadmapCSV has one row per initiative; its targets column says each
// (initiative, target) pair's tracking and window.
func writeRoadmapCSV(w io.Writer, in *Input) error {
	header := []string{"rank", "phase", "group", "project", "requirement", "title", "fr", "level", "score", "risk", "targets",
		"effort", "outage", "vendor", "vendor_name", "lead_days", "window", "window_date", "conflicts", "owner", "due", "status",
		"risk_acceptance", "remediation", "why"}
	var rows [][]string
	for i, it := range in.Plan.Initiatives {
		var targets, why, conflicts []string
		for _, t := range it.Targets {
			targets = append(targets, TargetLine(t))
		}
		for _, f := range it.Factors {
			why = append(why, fmt.Sprintf("%+d %s", f.Points, f.Why))
		}
		for _, c := range it.Conflicts {
			conflicts = append(conflicts, c.Message)
		}
		win, date := "", ""
		if it.Window != nil {
			win, date = it.Window.Name, it.Window.Date
		}
		accepted := ""
		if it.Tracking.Status == model.TrackRiskAccepted {
			accepted = it.Tracking.Justification
		}
		phase := it.Phase.String()
		if it.Closed() {
			phase = "closed"
		}
		project, lead := "", ""
		if it.Project != nil {
			project = it.Project.Title
		}
		if it.LeadDays > 0 {
			lead = fmt.Sprint(it.LeadDays)
		}
		r := it.Requirement
		rows = append(rows, []string{fmt.Sprint(i + 1), phase, it.Group.String(), project, r.ID, r.Title,
			fmt.Sprint(int(r.FR)), fmt.Sprint(int(r.SL)), fmt.Sprint(it.Score), it.Risk(), strings.Join(targets, "; "),
			it.Effort.String(), yesNo(it.Outage), yesNo(it.Vendor), it.VendorName, lead, win, date,
			strings.Join(conflicts, "; "), it.Tracking.Owner, it.Tracking.Due, it.Status().Label(),
			accepted, r.Remediation, strings.Join(why, "; ")})
	}
	return writeCSV(w, header, rows)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
