package targets_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
	"slate/ui/targets"
	"slate/ui/uitest"
)

// The guided SL-T rationale: threat, consequences and an FR adjustment in
// the first step, Slate's proposal with its reasoning in the second, the
// assessor's final vector and reason stored with the SL-T in one change.
func TestRationaleForm(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "r") // Industrial DMZ: no rationale yet
	out := view(t, s)
	if !strings.Contains(out, "SL-T rationale of zone Industrial DMZ (1 of 2)") || !strings.Contains(out, "Slate proposes SL 1 in every FR") {
		t.Fatalf("first step:\n%s", out)
	}
	// Threat 3 (one right of simple), safety major (three right of none),
	// production catastrophic, FR4 one lower.
	send(h, s, "right", "tab", "right", "right", "right", "tab", "tab", "left", "tab", "tab",
		uitest.Type("FR4 -1 the DMZ carries no secrets"), "enter")
	out = view(t, s)
	if !strings.Contains(out, "(2 of 2): Slate proposes 3,3,3,2,3,3,3") || !strings.Contains(out, "FR4 Data confidentiality: 3 − 1 = SL 2") {
		t.Fatalf("second step:\n%s", out)
	}
	// Raising FR4 back to 3 differs from the proposal: a reason is needed.
	send(h, s, "right", "right", "right", "right", "3", "ctrl+s")
	if !s.Capturing() || !strings.Contains(view(t, s), "give the reason") {
		t.Fatalf("a deviation without a reason was accepted:\n%s", view(t, s))
	}
	// esc goes back to the first step, answers kept; enter returns.
	send(h, s, "esc")
	if out := view(t, s); !strings.Contains(out, "(1 of 2)") || !strings.Contains(out, "FR4 -1 the DMZ carries no secrets") {
		t.Fatalf("esc in step 2:\n%s", out)
	}
	send(h, s, "enter", "right", "right", "right", "right", "3", "tab", uitest.Type("The jump host holds vendor credentials."), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		z, _ := a.Zone("dmz")
		r := z.Rationale
		if r == nil || r.Input.Threat != model.ThreatSophisticated || r.Input.Consequences[model.CategorySafety] != model.ConsequenceMajor ||
			r.Input.Consequences[model.CategoryProduction] != model.ConsequenceCatastrophic || len(r.Input.Adjustments) != 1 ||
			r.Proposed != model.Uniform(3).With(4, 2) || r.Final != model.Uniform(3) || z.SLT != model.Uniform(3) ||
			r.Text != "The jump host holds vendor credentials." {
			t.Fatalf("rationale %+v, SL-T %v", r, z.SLT)
		}
	}
	if out := view(t, s); !strings.Contains(out, "SL-T rationale recorded: threat sophisticated") || strings.Contains(out, `"Industrial DMZ" has SL-T`) {
		t.Fatalf("the zone's details do not show the rationale:\n%s", out)
	}
	if rep, err := store.Verify(h.Path, store.VerifyOptions{}); err != nil || !rep.OK() {
		t.Fatalf("verify: %v %v", rep.Problems, err)
	}
}

// f lists the findings; enter on a zoning finding selects its target here,
// on a roadmap finding it goes to the initiative on the roadmap.
func TestFindingsJumpTo(t *testing.T) {
	t.Parallel()
	h := uitest.New(t, model.FlawedSamplePlant(questionnaires.Builtin()))
	s := targets.New(h.Ctx)
	s.SetSize(80, 21)
	if out := view(t, s); !strings.Contains(out, "checks: 4 errors, 13 warnings, 9 notes") {
		t.Fatalf("count:\n%s", out)
	}
	send(h, s, "f")
	if out := view(t, s); !strings.Contains(out, "Findings of slate check") || !strings.Contains(out, "> error   it-ot-bypass") {
		t.Fatalf("findings list:\n%s", out)
	}
	send(h, s, "enter") // it-ot-bypass: the ERP shortcut conduit
	if s.Capturing() || !strings.Contains(view(t, s), "Conduit 5 of 7: ERP to PLC (MES shortcut)") {
		t.Fatalf("enter did not select the conduit:\n%s", view(t, s))
	}
	send(h, s, "f", "j", "j", "enter") // due-window-conflict: the roadmap
	if n := len(h.GoTos); n != 1 || h.GoTos[0].Screen != common.ScreenRoadmap || h.GoTos[0].Requirement != "SR 5.1" {
		t.Fatalf("go-tos %+v", h.GoTos)
	}
}

// I reads a CSV, shows the same preview as --dry-run and imports only on y.
func TestImportAssetsPreview(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(bad, []byte("Name;Zone\nPLC-9;Nowhere\n"), 0o600)
	os.WriteFile(good, []byte("\ufeffName;Zone;Firmware\nPLC-9;control;1.0\nFW-IT-DMZ;enterprise-dmz;7.4.1\n"), 0o600)

	send(h, s, "I", uitest.Type(bad), "enter")
	if out := view(t, s); !strings.Contains(out, "Nothing can be imported") || !strings.Contains(out, `line 2, column "Zone": there is no zone or conduit "Nowhere"`) {
		t.Fatalf("bad preview:\n%s", out)
	}
	send(h, s, "y") // refused: the preview has errors
	send(h, s, "esc")
	send(h, s, "I", uitest.Type(filepath.Join(dir, "missing.csv")), "enter")
	if out := view(t, s); !strings.Contains(out, "cannot be read") {
		t.Fatalf("missing file:\n%s", out)
	}
	send(h, s, "esc", "I", uitest.Type(good), "enter")
	out := view(t, s)
	if !strings.Contains(out, "1 asset to add, 1 asset to update") || !strings.Contains(out, "firmware 7.2.8 -> 7.4.1") {
		t.Fatalf("preview:\n%s", out)
	}
	if z, _ := load(t, h).Zone("control"); len(z.Assets) != 3 {
		t.Fatal("the preview imported")
	}
	send(h, s, "y")
	if s.Capturing() {
		t.Fatalf("preview still open:\n%s", view(t, s))
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		z, _ := a.Zone("control")
		c, _ := a.Conduit("enterprise-dmz")
		if len(z.Assets) != 4 || z.Assets[3].Name != "PLC-9" || c.Assets[0].Firmware != "7.4.1" {
			t.Fatalf("after import: %+v %+v", z.Assets, c.Assets)
		}
	}
}

// v shows the diagram and scrolls it; v again is the list.
func TestDiagramView(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "v")
	top := ansi.Strip(view(t, s))
	if !strings.Contains(top, "│ Enterprise") || !strings.Contains(top, "gap ?") {
		t.Fatalf("diagram:\n%s", top)
	}
	send(h, s, "end")
	if bottom := ansi.Strip(view(t, s)); !strings.Contains(bottom, "marks: E errors, W warnings, I notes") || bottom == top {
		t.Fatalf("end did not scroll to the legend:\n%s", bottom)
	}
	send(h, s, "home", "v")
	if !strings.Contains(view(t, s), "Zones (5)") {
		t.Fatal("v did not return to the list")
	}
}
