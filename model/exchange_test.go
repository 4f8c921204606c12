package model_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"slate/model"
	"slate/questionnaires"
)

func resolve(id, version string) (*model.Catalog, bool) {
	c := questionnaires.Builtin()
	return c, id == c.ID && version == c.Version
}

func sampleDoc(t testing.TB) []byte {
	cat := questionnaires.Builtin()
	data, err := model.NewDocument(model.SamplePlant(cat), cat, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)).Encode()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDocumentRoundTrip(t *testing.T) {
	cat := questionnaires.Builtin()
	data := sampleDoc(t)
	a, _, err := model.DecodeDocument(data, resolve)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := model.NewDocument(a, cat, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)).Encode()
	if !bytes.Equal(data, again) {
		t.Fatal("decode/encode is not lossless")
	}
}

func TestDocumentErrorsNameTheJSONPath(t *testing.T) {
	edit := func(from, to string) string { return strings.Replace(string(sampleDoc(t)), from, to, 1) }
	cases := []struct{ name, doc, path, msg string }{
		{"unknown requirement", edit(`"requirement": "SR 1.3"`, `"requirement": "SR 9.9"`), "$.answers[1].requirement", "unknown requirement"},
		{"unknown zone in conduit", edit(`"from": "enterprise"`, `"from": "office"`), "$.conduits[0].from", `unknown zone "office"`},
		{"unknown target", edit(`"target": "dmz"`, `"target": "dmz2"`), "$.answers[12].target", "unknown zone or conduit"},
		{"bad status", edit(`"status": "partial"`, `"status": "maybe"`), "$.answers[14].status", "unknown status"},
		{"SL out of range", edit(`"sl_t": [`, `"sl_t": [5, `), "$.zones[0].sl_t", "has 8 levels"},
		{"SL 5", strings.Replace(edit(`"sl_t": [`, `"sl_t": [`), "[\n        1,", "[\n        5,", 1), "$.zones[0].sl_t[0]", "SL 5 is not in 0..4"},
		{"negative SL", strings.Replace(string(sampleDoc(t)), "[\n        1,", "[\n        -1,", 1), "$.zones[0].sl_t[0]", "SL -1"},
		{"missing justification", edit(`"justification": "No wireless in the supervisory zone: confirmed on the walkdown and in the switch port configuration."`, `"justification": ""`), "$.answers[27].justification", "required"},
		{"wrong type", edit(`"name": "Enterprise"`, `"name": 7`), "$.zones[0].name", "expected text"},
		{"unknown field", edit(`"name": "Enterprise"`, `"nmae": "Enterprise"`), "$.zones[0]", `unknown field "nmae"`},
		{"duplicate id", edit(`"id": "dmz"`, `"id": "enterprise"`), "$.zones[1].id", "used twice"},
		{"bad format", edit(`"format": "slate/1"`, `"format": "slate/9"`), "$.format", "unsupported format"},
		{"unknown catalog", edit(`"version": "`+questionnaires.Builtin().Version+`"`, `"version": "2099"`), "$.assessment.catalog", "not available"},
		{"truncated", string(sampleDoc(t)[:500]), "$", "truncated"},
		{"syntax", edit(`"site":`, `"site" `), "$", "invalid JSON at line 6, column 14"},
		{"not applicable to conduits", edit(`"requirement": "SR 5.1",
      "status": "no"`, `"requirement": "SR 1.3",
      "status": "no"`), "$.answers[77].requirement", "SR 1.3 is not assessed on a conduit"},
		{"invalid utf-8", edit(`Enterprise`, "Enter\xffprise"), "$", "not valid UTF-8"},
		{"bad time", edit(`"at": "2026-03-04T08:30:00.000Z"`, `"at": "yesterday"`), "$.answers[0].at", "not RFC 3339"},
		{"bad id", edit(`"id": "dmz"`, `"id": "d m z"`), "$.zones[1].id", "use 1 to 64"},
		{"tracking unknown requirement", edit(`"requirement": "SR 1.5",
        "owner"`, `"requirement": "SR 1.55",
        "owner"`), "$.roadmap.tracking[1].requirement", "unknown requirement"},
		{"tracking bad status", edit(`"status": "in_progress"`, `"status": "someday"`), "$.roadmap.tracking[1].status", "must be open"},
		{"risk accepted without reason", edit(`"justification": "The HMI runtime cannot show a banner; a notice at the control room door covers the intent until the HMI upgrade."`, `"justification": ""`), "$.roadmap.tracking[2].justification", "needs a justification"},
		{"tracking for an unknown target", edit(`"target": "supervisory",
        "owner": "R. Patel"`, `"target": "nowhere",
        "owner": "R. Patel"`), "$.roadmap.tracking[2].target", "unknown zone or conduit"},
		{"bad review date", edit(`"review": "2027-03-05"`, `"review": "next spring"`), "$.roadmap.tracking[2].review", "YYYY-MM-DD"},
		{"window covering an unknown target", edit(`"safety"
        ]`, `"nowhere"
        ]`), "$.roadmap.windows[0].targets[2]", "unknown zone or conduit"},
		{"project of an unknown project", edit(`"project": "hmi-upgrade"`, `"project": "nowhere"`), "$.roadmap.project_of[0].project", "unknown project"},
		{"window bad date", edit(`"date": "2026-10-05"`, `"date": "autumn"`), "$.roadmap.windows[0].date", "YYYY-MM-DD"},
		// Keys match exactly: encoding/json alone would take "FORMAT" for
		// "format" and let the last of two equal keys win.
		{"key in capitals", edit(`"format": "slate/1"`, `"FORMAT": "slate/1"`), "$", `unknown field "FORMAT" (keys are case-sensitive: "format")`},
		{"key twice in other case", edit(`"name": "Gap assessment`, `"name": "x", "NAME": "Gap assessment`), "$.assessment", `unknown field "NAME"`},
		{"key given twice", edit(`"name": "Gap assessment`, `"name": "x", "name": "Gap assessment`), "$.assessment", `key "name" is given twice`},
		{"nested key twice", edit(`"id": "iec62443-3-3"`, `"id": "iec62443-3-3", "id": "other"`), "$.assessment.catalog", `key "id" is given twice`},
		{"asset key in capitals", edit(`"name": "PLC-101"`, `"Name": "PLC-101"`), "$.zones[3].assets[0]", `unknown field "Name"`},
		// Kinds, rows, criticality and the SL-T rationale.
		{"label on a closed kind", edit(`"kind": "enterprise",`, `"kind": "enterprise", "label": "Office",`), "$.zones[0].label", "only a zone of kind other"},
		{"label with an unknown kind", edit(`"kind": "enterprise",`, `"kind": "office", "label": "Office",`), "$.zones[0].kind", `zone kind "office"`},
		{"row of a closed kind", edit(`"kind": "enterprise",`, `"kind": "enterprise", "tier": "dmz",`), "$.zones[0].tier", "only a zone of kind other chooses its row"},
		{"unknown row", edit(`"kind": "enterprise",`, `"kind": "other", "tier": "basement",`), "$.zones[0].tier", `row "basement"`},
		{"unknown criticality", edit(`"criticality": "medium"`, `"criticality": "vital"`), "$.zones[0].assets[0].criticality", `criticality "vital"`},
		{"rationale whose proposal the rule does not make", edit(`"proposed": [
          2,`, `"proposed": [
          4,`), "$.zones[3].sl_t_rationale", "not what the rule proposes"},
		{"rationale with an unknown threat", edit(`"threat": "simple"`, `"threat": "nation state"`), "$.zones[3].sl_t_rationale", `threat profile "nation state"`},
		{"rationale key misspelt", edit(`"threat": "simple"`, `"threats": "simple"`), "$.zones[3].sl_t_rationale", `unknown field "threats"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := model.DecodeDocument([]byte(tc.doc), resolve)
			var de *model.DocError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a DocError", err)
			}
			if de.Path != tc.path || !strings.Contains(de.Msg, tc.msg) {
				t.Fatalf("got %q at %q, want %q at %q", de.Msg, de.Path, tc.msg, tc.path)
			}
		})
	}
}

// Row 12: text full of <, > and & exports as it is (no \u003c), so the
// export of a document is no larger than the document and imports again.
func TestEncodeWritesTextAsItIs(t *testing.T) {
	cat := questionnaires.Builtin()
	a := model.SamplePlant(cat)
	z := a.Zones[0]
	z.Description = strings.Repeat("<a href='x'>&amp;</a> ", 20000) // 440 kB
	a.Zones[0] = z
	data, err := model.NewDocument(a, cat, time.Time{}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(`\u003c`)) || !bytes.Contains(data, []byte("<a href='x'>&amp;</a>")) {
		t.Fatal("text was escaped for HTML")
	}
	b, _, err := model.DecodeDocument(data, resolve)
	if err != nil {
		t.Fatalf("the export does not import: %v", err)
	}
	again, _ := model.NewDocument(b, cat, time.Time{}).Encode()
	if !bytes.Equal(again, data) {
		t.Fatal("export -> import -> export changed the document")
	}
}

// A byte order mark (Notepad, Excel) is not an error.
func TestDecodeAcceptsAByteOrderMark(t *testing.T) {
	if _, _, err := model.DecodeDocument(append([]byte("\ufeff"), sampleDoc(t)...), resolve); err != nil {
		t.Fatal(err)
	}
}

func TestHostileDocuments(t *testing.T) {
	deep := `{"format":"slate/1","assessment":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`
	huge := strings.Replace(string(sampleDoc(t)), `"note": "GPO: 14 characters minimum."`, `"note": "`+strings.Repeat("A", 2<<20)+`"`, 1)
	ctrl := strings.Replace(string(sampleDoc(t)), `"name": "Enterprise"`, `"name": "Ent\u001b[2J\u0007erprise"`, 1)
	for name, doc := range map[string]string{"deep": deep, "huge string": huge} {
		if _, _, err := model.DecodeDocument([]byte(doc), resolve); err == nil {
			t.Errorf("%s document accepted", name)
		}
	}
	a, _, err := model.DecodeDocument([]byte(ctrl), resolve)
	if err != nil || a.Zones[0].Name != "Enterprise" {
		t.Fatalf("control characters not stripped: %v %q", err, a.Zones[0].Name)
	}
}

func FuzzDecodeDocument(f *testing.F) {
	f.Add(sampleDoc(f)[:3000])
	f.Add([]byte(`{"format":"slate/1","assessment":{"name":"x","catalog":{"id":"iec62443-3-3","version":"2013+COR1:2014"}},"zones":[{"id":"a","name":"A","sl_t":[1,1,1,1,1,1,1]}],"answers":[{"target":"a","requirement":"SR 1.1","status":"yes"}]}`))
	f.Add([]byte(`{"format":"slate/1","zones":[{"id":"a"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, cat, err := model.DecodeDocument(data, resolve)
		if err != nil {
			var de *model.DocError
			if !errors.As(err, &de) || de.Path == "" || !strings.HasPrefix(de.Path, "$") {
				t.Fatalf("error without a JSON path: %v", err)
			}
			return
		}
		// Whatever is accepted must encode and decode to the same document.
		out, err := model.NewDocument(a, cat, time.Time{}).Encode()
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := model.DecodeDocument(out, resolve)
		if err != nil {
			t.Fatalf("accepted document does not re-import: %v\n%s", err, out)
		}
		again, _ := model.NewDocument(b, cat, time.Time{}).Encode()
		if !bytes.Equal(out, again) {
			t.Fatal("re-import is not stable")
		}
		var v any
		if json.Unmarshal(out, &v) != nil {
			t.Fatal("encoder produced invalid JSON")
		}
	})
}

// The flawed demo (a zone of kind other on a row of its own, conduits of
// several kinds) and the demo (rationales, conduit assets, criticality)
// survive export and import without loss.
func TestDocumentRoundTripKindsRationalesAssets(t *testing.T) {
	cat := questionnaires.Builtin()
	a := model.FlawedSamplePlant(cat)
	data, err := model.NewDocument(a, cat, time.Time{}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := model.DecodeDocument(data, resolve)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := model.NewDocument(b, cat, time.Time{}).Encode(); !bytes.Equal(data, again) {
		t.Fatal("decode/encode is not lossless")
	}
	lab, _ := b.Zone("lab")
	if lab.Kind != model.ZoneOther || lab.Label != "Laboratory" || lab.Tier != model.TierSupervisory {
		t.Errorf("lab %+v", lab)
	}
	ctl, _ := b.Zone("control")
	sg, _ := b.Conduit("control-safety")
	if ctl.Rationale == nil || ctl.Rationale.Text == "" || sg.Rationale == nil || len(sg.Assets) != 1 ||
		sg.Assets[0].Criticality != model.CriticalityHigh || sg.Kind != model.ConduitSafetyGateway {
		t.Errorf("control %+v, control-safety %+v", ctl, sg)
	}
	for _, want := range []string{`"kind": "safety-gateway"`, `"label": "Laboratory"`, `"tier": "supervisory"`,
		`"sl_t_rationale": {`, `"threat": "sophisticated"`, `"criticality": "high"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("document lacks %s", want)
		}
	}
}

// Documents written before kinds were closed lists carry free text: known
// words map to their kind, anything else becomes other keeping the text.
func TestDecodeOlderKinds(t *testing.T) {
	doc := `{"format":"slate/1","assessment":{"name":"x","catalog":{"id":"iec62443-3-3","version":"` + questionnaires.Builtin().Version + `"}},
	"zones":[{"id":"a","name":"A","kind":"Industrial DMZ","sl_t":[1,1,1,1,1,1,1]},
	         {"id":"b","name":"B","kind":"Packaging line","sl_t":[1,1,1,1,1,1,1]},
	         {"id":"c","name":"C","sl_t":[1,1,1,1,1,1,1]}],
	"conduits":[{"id":"ab","name":"AB","kind":"Data diode","from":"a","to":"b","sl_t":[1,1,1,1,1,1,1]},
	            {"id":"bc","name":"BC","kind":"Serial link","from":"b","to":"c","sl_t":[1,1,1,1,1,1,1]}],
	"answers":[]}`
	a, _, err := model.DecodeDocument([]byte(doc), resolve)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{string(a.Zones[0].Kind), string(a.Zones[1].Kind) + "/" + a.Zones[1].Label, string(a.Zones[2].Kind),
		string(a.Conduits[0].Kind), string(a.Conduits[1].Kind) + "/" + a.Conduits[1].Label}
	want := []string{"dmz", "other/Packaging line", "other", "data-diode", "other/Serial link"}
	if !slices.Equal(got, want) {
		t.Errorf("kinds %q, want %q", got, want)
	}
	if a.Zones[1].Tier != model.TierControl {
		t.Errorf("an other zone without a row is drawn on the control row, got %v", a.Zones[1].Tier)
	}
}
