package assetcsv_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"slate/assetcsv"
	"slate/model"
	"slate/questionnaires"
)

func demoTargets() []assetcsv.Target {
	return assetcsv.TargetsOf(model.SamplePlant(questionnaires.Builtin()))
}

func names(rows []assetcsv.Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Target+"/"+r.Asset.Name)
	}
	return out
}

func errs(p assetcsv.Preview) []string {
	var out []string
	for _, e := range p.Errors {
		out = append(out, e.Error())
	}
	return out
}

func TestPlanCommaExport(t *testing.T) {
	in := "Hostname,IP Address,Vendor,Model,Firmware,Zone,Type,Rack\n" +
		"PLC-103,192.168.30.103,Siemens,S7-1516,2.9.4,control,PLC,R1\n" +
		"plc-101,,Siemens,,3.0.1,Control (Unit 1),,R1\n" + // exists: firmware changes, empty cells keep values
		"HIST-R,172.16.10.12,AVEVA,PI Server,2018 SP3,Industrial DMZ,,R2\n" + // exists, nothing changes
		"FW-01,10.0.0.1,Fortinet,FortiGate 100F,7.2,enterprise-dmz,Firewall,\n"
	p := assetcsv.Plan([]byte(in), demoTargets(), assetcsv.Options{})
	if !p.OK() {
		t.Fatalf("errors: %v", errs(p))
	}
	if p.Separator != ',' || p.Columns[assetcsv.FieldAddress] != "IP Address" || p.Columns[assetcsv.FieldTarget] != "Zone" {
		t.Errorf("separator %q columns %v", p.Separator, p.Columns)
	}
	if !slices.Equal(p.Ignored, []string{"Rack"}) {
		t.Errorf("ignored %v", p.Ignored)
	}
	if got := names(p.Adds); !slices.Equal(got, []string{"control/PLC-103", "enterprise-dmz/FW-01"}) {
		t.Errorf("adds %v", got)
	}
	if got := names(p.Updates); !slices.Equal(got, []string{"control/PLC-101"}) {
		t.Fatalf("updates %v", got)
	}
	u := p.Updates[0]
	if u.Line != 3 || u.Asset.Firmware != "3.0.1" || u.Old.Firmware != "2.9.4" || u.Asset.Address != "192.168.30.101" ||
		u.Asset.Model != "S7-1516" || !slices.Equal(u.Changed, []assetcsv.Field{assetcsv.FieldFirmware}) {
		t.Errorf("update %+v (old %+v)", u, u.Old)
	}
	if got := names(p.Unchanged); !slices.Equal(got, []string{"dmz/HIST-R"}) {
		t.Errorf("unchanged %v", got)
	}
	a := p.Adds[0].Asset
	if a != (model.Asset{Name: "PLC-103", Type: "PLC", Vendor: "Siemens", Model: "S7-1516", Firmware: "2.9.4", Address: "192.168.30.103"}) {
		t.Errorf("added asset %+v", a)
	}
	if p.Adds[1].TargetName != "Enterprise - DMZ" {
		t.Errorf("conduit target %q", p.Adds[1].TargetName)
	}
}

// A spreadsheet saved as "CSV UTF-8" in a European locale: a BOM,
// semicolons, quoted fields with the separator, quotes and a line break.
func TestPlanBOMSemicolonQuoted(t *testing.T) {
	in := "\ufeffName;Type;Vendor;Zone;Notes\r\n" +
		"\"HMI-05; spare\";\"Operator \"\"thin\"\" client\";Dell;supervisory;\"in the\r\ncabinet\"\r\n" +
		"SW-02;Switch;Hirschmann;control;\r\n"
	p := assetcsv.Plan([]byte(in), demoTargets(), assetcsv.Options{})
	if !p.OK() {
		t.Fatalf("errors: %v", errs(p))
	}
	if p.Separator != ';' || p.Columns[assetcsv.FieldName] != "Name" {
		t.Errorf("separator %q, BOM left in the heading? %v", p.Separator, p.Columns)
	}
	if len(p.Adds) != 2 {
		t.Fatalf("adds %v", names(p.Adds))
	}
	a := p.Adds[0]
	if a.Asset.Name != "HMI-05; spare" || a.Asset.Type != `Operator "thin" client` || a.Asset.Notes != "in the cabinet" || a.Line != 2 {
		t.Errorf("quoted fields %+v", a)
	}
	if p.Adds[1].Line != 4 {
		t.Errorf("line after a quoted line break: %d", p.Adds[1].Line)
	}
}

func TestPlanErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opt      assetcsv.Options
		want     []string
	}{
		{"unknown zone", "name,zone\nPLC-9,control\nPLC-10,Contrl\n", assetcsv.Options{},
			[]string{`line 3, column "zone": there is no zone or conduit "Contrl"`}},
		{"two lines with one asset", "name,zone\nPLC-9,control\nSW-1,dmz\nplc-9 ,Control (Unit 1)\n", assetcsv.Options{},
			[]string{`line 4, column "name": asset "plc-9" in "Control (Unit 1)" appears twice, on lines 2 and 4`}},
		{"no name", "name,zone\n,control\n", assetcsv.Options{},
			[]string{`line 2, column "name": the asset has no name`}},
		{"no zone", "name,zone\nX,\n", assetcsv.Options{},
			[]string{`line 2, column "zone": names no zone or conduit`}},
		{"no zone column", "name,ip\nX,1.2.3.4\n", assetcsv.Options{},
			[]string{`line 1: no column for the zone or conduit (a heading such as "target", or --map target=COLUMN)`}},
		{"two address columns", "name,zone,IP,Address\nX,dmz,1,2\n", assetcsv.Options{},
			[]string{`line 1: columns "IP" and "Address" both look like the address; choose one with --map address=COLUMN`}},
		{"map to a missing column", "name,zone\nX,dmz\n", assetcsv.Options{Map: assetcsv.Mapping{assetcsv.FieldAddress: "IPv6"}},
			[]string{`line 1: --map address=IPv6: there is no column "IPv6" (columns: name, zone)`}},
		{"too many fields", "name,zone\nX,dmz,extra\n", assetcsv.Options{},
			[]string{"line 2: 3 fields, but the header names 2 columns"}},
		{"bare quote", "name,zone\nX \"Y,dmz\n", assetcsv.Options{},
			[]string{`line 2: character 3: bare " in non-quoted-field`}},
		{"not UTF-8", "name,zone\nX,dmz\nM\xfcller,dmz\n", assetcsv.Options{},
			[]string{`line 3: not UTF-8 text; save the spreadsheet as "CSV UTF-8"`}},
		{"empty", "\ufeff \n", assetcsv.Options{},
			[]string{"line 1: the file is empty; the first line must name the columns"}},
		{"name too long", "name,zone\n" + strings.Repeat("x", 201) + ",dmz\n", assetcsv.Options{},
			[]string{`line 2, column "name": 201 characters; at most 200 fit`}},
		{"every error at once", "name,zone\n,dmz\nY,nowhere\nZ,dmz\nZ,dmz\n", assetcsv.Options{},
			[]string{`line 2, column "name": the asset has no name`, `line 3, column "zone": there is no zone or conduit "nowhere"`,
				`line 5, column "name": asset "Z" in "Industrial DMZ" appears twice, on lines 4 and 5`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := assetcsv.Plan([]byte(tc.in), demoTargets(), tc.opt)
			if got := errs(p); !slices.Equal(got, tc.want) {
				t.Errorf("errors\n got %q\nwant %q", got, tc.want)
			}
			if p.OK() || p.Err() == nil {
				t.Error("a preview with errors is OK")
			}
		})
	}
}

// A name two targets share is ambiguous; the id settles it.
func TestPlanAmbiguousTarget(t *testing.T) {
	ts := append(demoTargets(), assetcsv.Target{Key: "control-2", Name: "Control (Unit 1)", Kind: model.KindZone})
	p := assetcsv.Plan([]byte("name,zone\nX,control (unit 1)\nY,control-2\n"), ts, assetcsv.Options{})
	want := []string{`line 2, column "zone": "control (unit 1)" is ambiguous: zone "Control (Unit 1)" (id control) and zone "Control (Unit 1)" (id control-2); write the id instead`}
	if got := errs(p); !slices.Equal(got, want) {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
	if got := names(p.Adds); !slices.Equal(got, []string{"control-2/Y"}) {
		t.Errorf("adds %v", got)
	}
}

func TestPlanExplicitMapping(t *testing.T) {
	m, err := assetcsv.ParseMapping([]string{"name=Asset Tag", "Zone=Segment", "ip=Mgmt IP"})
	if err != nil {
		t.Fatal(err)
	}
	// "Name" would be the name by its alias; --map chose "Asset Tag".
	p := assetcsv.Plan([]byte("Asset Tag,Name,Segment,Mgmt IP\nA-1,Pump PLC,dmz,10.0.0.9\n"), demoTargets(), assetcsv.Options{Map: m})
	if !p.OK() {
		t.Fatalf("errors %v", errs(p))
	}
	if a := p.Adds[0].Asset; a.Name != "A-1" || a.Address != "10.0.0.9" || p.Adds[0].Target != "dmz" {
		t.Errorf("mapped asset %+v", p.Adds[0])
	}
	if !slices.Equal(p.Ignored, []string{"Name"}) {
		t.Errorf("ignored %v", p.Ignored)
	}
	for _, bad := range [][]string{{"name"}, {"colour=Red"}, {"name=A", "name=B"}, {"=X"}} {
		if _, err := assetcsv.ParseMapping(bad); err == nil {
			t.Errorf("--map %q accepted", bad)
		}
	}
}

// Control characters and escape sequences in cells never reach a field.
func TestPlanCleansCells(t *testing.T) {
	p := assetcsv.Plan([]byte("name,zone,vendor\n\"PLC\x1b[31m-7\u202e\",dmz,\" Acme\tInc \"\n"), demoTargets(), assetcsv.Options{})
	if !p.OK() {
		t.Fatalf("errors %v", errs(p))
	}
	if a := p.Adds[0].Asset; a.Name != "PLC-7" || a.Vendor != "Acme Inc" {
		t.Errorf("cleaned asset %+v", a)
	}
}

// encode writes preview rows back as a CSV an inventory tool could have
// exported.
func encode(rows []assetcsv.Row) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"name", "type", "vendor", "model", "firmware", "address", "zone", "notes"})
	for _, r := range rows {
		a := r.Asset
		_ = w.Write([]string{a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, r.Target, a.Notes})
	}
	w.Flush()
	return b.Bytes()
}

func clean(s string) bool {
	return s == strings.TrimSpace(model.CleanLine(s)) && !strings.ContainsAny(s, "\n\r\t")
}

// FuzzAssetCSV: any input gives a preview without panicking; an accepted
// one holds only clean one-line text, and writing its rows back as CSV
// gives the same preview.
func FuzzAssetCSV(f *testing.F) {
	for _, s := range []string{
		"Hostname,IP Address,Vendor,Zone\nPLC-1,10.0.0.1,Siemens,control\n",
		"\ufeffName;Zone;Notes\n\"a;b\";dmz;\"x\ny\"\n",
		"name,zone\nPLC-101,control\nplc-101,control\n",
		"name,zone\nX,Contrl\n",
		"name,zone,ip,address\n",
		"\"unterminated,zone\n",
		"name,zone\n\x1b[2J,\u202edmz\n",
	} {
		f.Add(s)
	}
	targets := demoTargets()
	f.Fuzz(func(t *testing.T, in string) {
		p := assetcsv.Plan([]byte(in), targets, assetcsv.Options{})
		for _, e := range p.Errors {
			if e.Line < 1 || e.Msg == "" {
				t.Fatalf("error without a place: %+v", e)
			}
		}
		if !p.OK() {
			return
		}
		var rows []assetcsv.Row
		for _, group := range [][]assetcsv.Row{p.Adds, p.Updates, p.Unchanged} {
			rows = append(rows, group...)
		}
		for _, r := range rows {
			a := r.Asset
			for _, s := range []string{a.Name, a.Type, a.Vendor, a.Model, a.Firmware, a.Address, a.Notes, r.TargetName} {
				if !clean(s) {
					t.Fatalf("unclean field %q in %+v", s, r)
				}
			}
			if a.Name == "" || r.Line < 2 {
				t.Fatalf("row %+v", r)
			}
		}
		// Only the new assets and the updated ones carry the CSV's words;
		// written back and read again they plan the same.
		back := assetcsv.Plan(encode(p.Adds), targets, assetcsv.Options{})
		if !back.OK() {
			t.Fatalf("the preview's own rows are refused: %v\n%s", errs(back), encode(p.Adds))
		}
		if len(back.Adds) != len(p.Adds) {
			t.Fatalf("%d adds, then %d", len(p.Adds), len(back.Adds))
		}
		for i := range back.Adds {
			if back.Adds[i].Asset != p.Adds[i].Asset || back.Adds[i].Target != p.Adds[i].Target {
				t.Fatalf("round trip changed\n%+v\n%+v", p.Adds[i], back.Adds[i])
			}
		}
	})
}

func TestPreviewLines(t *testing.T) {
	in := "Hostname,Zone,Firmware,Rack\nPLC-103,control,1.0,R1\nPLC-101,control,3.0.1,R1\nHIST-R,dmz,,R2\n"
	p := assetcsv.Plan([]byte(in), demoTargets(), assetcsv.Options{})
	want := []string{
		"1 asset to add, 1 asset to update, 1 asset unchanged.",
		"  add     PLC-103 in Control (Unit 1) (line 2)",
		"  update  PLC-101 in Control (Unit 1) (line 3): firmware 2.9.4 -> 3.0.1",
		"Columns not imported: Rack.",
	}
	if got := p.Lines(); !slices.Equal(got, want) {
		t.Errorf("lines\n got %q\nwant %q", got, want)
	}
	bad := assetcsv.Plan([]byte("name,zone\nX,nowhere\n"), demoTargets(), assetcsv.Options{})
	want = []string{"Nothing will be imported: 1 error.", `  line 2, column "zone": there is no zone or conduit "nowhere"`}
	if got := bad.Lines(); !slices.Equal(got, want) {
		t.Errorf("error lines\n got %q\nwant %q", got, want)
	}
}
