package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"slate/model"
	"slate/store"
)

func writeCSV(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inventory.csv")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func loadAssessment(t *testing.T, path string) *model.Assessment {
	t.Helper()
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func assetNamed(as []model.Asset, name string) (model.Asset, bool) {
	i := slices.IndexFunc(as, func(a model.Asset) bool { return a.Name == name })
	if i < 0 {
		return model.Asset{}, false
	}
	return as[i], true
}

// An Excel export (byte order mark, semicolons, a quoted field with the
// separator and doubled quotes) adds to zones and conduits by id or name
// and updates the asset that exists; the file then verifies.
func TestAssetsImport(t *testing.T) {
	path := demo(t)
	csv := writeCSV(t, "\ufeffHostname;Zone;Vendor;Firmware;IP address;Criticality;Rack\r\n"+
		"PLC-103;Control (Unit 1);Siemens;2.9.4;192.168.30.103;high;R2\r\n"+
		"\"HMI \"\"thin\"\" client; spare\";supervisory;Dell;;;low;R1\r\n"+
		"FW-IT-DMZ;enterprise-dmz;;7.4.1;;;\r\n")
	code, out, errs := runCLI(t, "assets", "import", path, csv)
	if code != 0 {
		t.Fatalf("import: exit %d %q %q", code, out, errs)
	}
	for _, want := range []string{"2 assets to add, 1 asset to update", "update  FW-IT-DMZ in Enterprise - DMZ (line 4): firmware 7.2.8 -> 7.4.1",
		"Columns not imported: Rack.", "Imported into " + path + ": 2 added, 1 updated."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	a := loadAssessment(t, path)
	ctl, _ := a.Zone("control")
	if plc, ok := assetNamed(ctl.Assets, "PLC-103"); !ok || plc.Vendor != "Siemens" || plc.Criticality != model.CriticalityHigh {
		t.Errorf("PLC-103: %+v", plc)
	}
	sup, _ := a.Zone("supervisory")
	if _, ok := assetNamed(sup.Assets, `HMI "thin" client; spare`); !ok {
		t.Errorf("quoted name lost: %+v", sup.Assets)
	}
	fw, _ := a.Conduit("enterprise-dmz")
	if len(fw.Assets) != 1 || fw.Assets[0].Firmware != "7.4.1" || fw.Assets[0].Model != "FortiGate 200F" {
		t.Errorf("conduit asset not updated in place: %+v", fw.Assets)
	}
	if code, _, errs := runCLI(t, "verify", path); code != 0 {
		t.Fatalf("verify after import: %s", errs)
	}
}

// Commas and --map for headings Slate does not know.
func TestAssetsImportCommaAndMap(t *testing.T) {
	path := demo(t)
	csv := writeCSV(t, "Asset Tag,Segment,Type\nRTU-7,Control (Unit 1),RTU\n")
	code, out, errs := runCLI(t, "assets", "import", path, csv, "--map", "name=Asset Tag", "--map", "zone=Segment")
	if code != 0 || !strings.Contains(out, "1 asset to add") {
		t.Fatalf("exit %d %q %q", code, out, errs)
	}
	if code, _, errs := runCLI(t, "assets", "import", path, csv, "--map", "colour=Segment"); code != 2 || !strings.Contains(errs, `unknown field "colour"`) {
		t.Fatalf("bad --map: exit %d %q", code, errs)
	}
}

// Errors name line and column, and nothing is written: an unknown zone, a
// duplicate asset (both lines named), an unknown criticality.
func TestAssetsImportRefusesWithLines(t *testing.T) {
	path := demo(t)
	before, _ := os.ReadFile(path)
	csv := writeCSV(t, "Name,Zone,Criticality\nPLC-201,Control (Unit 1),\nPLC-202,Contrl,\nPLC-201,control,\nX-1,dmz,vital\n")
	code, out, errs := runCLI(t, "assets", "import", path, csv)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"Nothing will be imported: 3 errors", `line 3, column "Zone": there is no zone or conduit "Contrl"`,
		`line 4, column "Name": asset "PLC-201" in "Control (Unit 1)" appears twice, on lines 2 and 4`,
		`line 5, column "Criticality": criticality "vital"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q:\n%s", want, errs)
		}
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("a refused import changed the file")
	}
}

// --dry-run prints the preview and writes nothing, not even a lock.
func TestAssetsImportDryRun(t *testing.T) {
	path := demo(t)
	before, _ := os.ReadFile(path)
	csv := writeCSV(t, "Name,Zone\nPLC-301,control\n")
	code, out, errs := runCLI(t, "assets", "import", path, csv, "--dry-run")
	if code != 0 || !strings.Contains(out, "add     PLC-301 in Control (Unit 1) (line 2)") || !strings.Contains(out, "Dry run: nothing was written.") {
		t.Fatalf("dry run: exit %d %q %q", code, out, errs)
	}
	after, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(filepath.Dir(path))
	if !bytes.Equal(before, after) || len(entries) != 1 {
		t.Fatalf("a dry run changed the file or left %d entries beside it", len(entries))
	}
	if code, _, errs := runCLI(t, "assets", "export", path); code != 2 || !strings.Contains(errs, "slate assets import FILE IN.csv") {
		t.Fatalf("unknown assets subcommand: %d %q", code, errs)
	}
	if code, out, _ := runCLI(t, "assets", "import", "--help"); code != 0 || !strings.Contains(out, "--dry-run") {
		t.Fatalf("assets import --help: %d %q", code, out)
	}
}
