package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"

	"slate/model"
	"slate/questionnaires"
)

// taintedInput puts s into every text of the sample plant a writer may
// show: the assessment's details, zones, conduits, assets, answers,
// tracking (a crafted due date included), windows, and the catalog's ids,
// titles and hints.
func taintedInput(s string) *Input {
	src := questionnaires.Builtin()
	reqs := append([]model.Requirement(nil), src.Requirements...)
	for i := range reqs {
		r := &reqs[i]
		r.Title, r.Remediation, r.LookFor, r.MetWhen = s+r.Title, s, s, s
	}
	cat, err := model.NewCatalog(src.ID, src.Version, s, src.Hash, reqs)
	if err != nil {
		panic(err)
	}
	cat.Tags, cat.Format = src.Tags, src.Format
	for i := range cat.FRTitle {
		cat.FRTitle[i] = s + src.FRTitle[i]
	}
	a := model.SamplePlant(cat)
	a.Name, a.Site, a.Scope, a.Assessor = s, s, s, s
	for i := range a.Zones {
		z := &a.Zones[i]
		z.Name, z.Description, z.Kind, z.Label = s+z.Name, s, model.ZoneOther, s
		z.Rationale = &model.SLTRationale{Method: model.SLTMethod, Text: s,
			Input: model.SLTInput{Threat: model.ThreatSimple, Adjustments: []model.FRAdjustment{{FR: 4, Delta: -1, Reason: s}}}}
		for j := range z.Assets {
			as := &z.Assets[j]
			as.Name, as.Type, as.Vendor, as.Model, as.Firmware, as.Address, as.Notes = s, s, s, s, s, s, s
		}
	}
	for i := range a.Conduits {
		c := &a.Conduits[i]
		c.Name, c.Description, c.Kind, c.Label, c.Protocols = s+c.Name, s, model.ConduitOther, s, s
		c.Assets = append(c.Assets, model.Asset{Name: s, Type: s, Notes: s})
	}
	for _, as := range a.Answers {
		for k, ans := range as {
			ans.Note, ans.Assessor = s, s
			if ans.Status.NeedsJustification() {
				ans.Justification = s + "x"
			}
			as[k] = ans
		}
	}
	for k, tr := range a.Tracking {
		tr.Owner, tr.Due = s, "2027-01-01"+s
		if tr.Status == model.TrackRiskAccepted {
			tr.Justification = s + "x"
		}
		a.Tracking[k] = tr
	}
	for i := range a.Windows {
		a.Windows[i].Name = s + a.Windows[i].Name
	}
	hostileProvenance(a, func(int) string { return s })
	in := NewInput(a, cat, reportAt, s, Chain{Head: s, Rows: 1}, model.ScopeSLT)
	in.AfterSignOff = []model.Change{{Actor: s, Kind: "answer", Target: s, Requirement: "SR 1.1",
		Fields: []model.FieldChange{{Field: "note", Old: s, New: s + "x"}}}}
	return in
}

// writerOutputs renders every format's every file, and the matrix and
// roadmap as text and JSON.
func writerOutputs(t testing.TB, in *Input) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range Formats() {
		for i := range f.Files {
			out[f.Key+"#"+string(rune('0'+i))] = render(t, f.Key, in, i)
		}
	}
	var b bytes.Buffer
	for name, write := range map[string]func() error{
		"matrix text":  func() error { return WriteMatrixText(&b, in.A.Name, in.Matrix) },
		"matrix json":  func() error { return WriteMatrixJSON(&b, in.A.Name, in.Matrix) },
		"roadmap text": func() error { return WriteRoadmapText(&b, in.A, in.Plan) },
		"roadmap json": func() error { return WriteRoadmapJSON(&b, in.A, in.Plan) },
	} {
		b.Reset()
		if err := write(); err != nil {
			t.Fatal(err)
		}
		out[name] = bytes.Clone(b.Bytes())
	}
	return out
}

// checkOutputs fails on a control character other than the writer's own
// line breaks and tabs (and CSV's carriage returns), a bidirectional
// override, or a CSV cell a spreadsheet would run as a formula.
func checkOutputs(t testing.TB, outs map[string][]byte) {
	for name, data := range outs {
		if !utf8.Valid(data) {
			t.Fatalf("%s: invalid UTF-8", name)
		}
		for _, r := range string(data) {
			own := r == '\n' || r == '\t' || r == '\r' && strings.HasPrefix(name, "csv")
			if r < 0x20 && !own || r == 0x7f || r >= 0x80 && r < 0xa0 || isBidi(r) {
				t.Fatalf("%s: %U reached the output", name, r)
			}
		}
		if !strings.HasPrefix(name, "csv") {
			continue
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(bom)))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, row := range rows {
			for _, c := range row {
				if model.IsFormula(c) {
					t.Fatalf("%s: formula cell %q", name, c)
				}
			}
		}
	}
}

func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// Row 9 and 11: hostile text from any source, the catalog and a crafted
// due date included, reaches no writer's output raw.
func TestWritersSanitiseEverySource(t *testing.T) {
	for _, s := range []string{
		"=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "-1+1", "\n=1+1", " \t+cmd", "＝1",
		"\x1b]0;X\x07", "\x1b[2J", "\u009b31m", "\u202eevil", "\x00\x7f", "\xff",
	} {
		checkOutputs(t, writerOutputs(t, taintedInput(s)))
	}
}

// FuzzWriters: whatever text reaches the writers, no output carries a
// control character or bidirectional override, and no CSV cell is a formula.
func FuzzWriters(f *testing.F) {
	for _, s := range []string{"=1+1", "\x1b[31m", "\u202e", "\n@x", "a\u0085b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkOutputs(t, writerOutputs(t, taintedInput(s)))
	})
}
