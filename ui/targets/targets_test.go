package targets_test

import (
	"errors"
	"github.com/charmbracelet/x/ansi"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/questionnaires"
	"slate/store"
	"slate/ui/common"
	"slate/ui/targets"
	"slate/ui/uitest"
)

func zoneKeys(zs []model.Zone) []string {
	var out []string
	for _, z := range zs {
		out = append(out, z.Key)
	}
	return out
}

func conduitKeys(cs []model.Conduit) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Key)
	}
	return out
}

func findZone(a *model.Assessment, name string) (model.Zone, bool) {
	for _, z := range a.Zones {
		if z.Name == name {
			return z, true
		}
	}
	return model.Zone{}, false
}

func findAsset(z model.Zone, name string) (model.Asset, bool) {
	for _, a := range z.Assets {
		if a.Name == name {
			return a, true
		}
	}
	return model.Asset{}, false
}

func view(t *testing.T, s *targets.Model) string {
	t.Helper()
	return uitest.Render(t, s, 80, 21)
}

func TestTitle(t *testing.T) {
	t.Parallel()
	_, s := demo(t)
	var scr common.Screen = s
	if scr.Title() != "Zones & conduits" || targets.Title != scr.Title() {
		t.Fatalf("title %q", scr.Title())
	}
	if s.Capturing() {
		t.Fatal("capturing without a dialog")
	}
}

func TestAddZone(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "n")
	if !s.Capturing() {
		t.Fatal("n should open a form that captures the keyboard")
	}
	// Name, kind (control by default; one to the right is safety), label
	// and row (for other only), description, SL-T all 3.
	send(h, s, uitest.Type("Packaging"), "tab", "right", "tab", "tab", "tab", uitest.Type("Bottling and palletising"), "tab", "3", "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open after save:\n%s", view(t, s))
	}
	want := model.Zone{Name: "Packaging", Kind: model.ZoneSafety, Description: "Bottling and palletising", SLT: model.Uniform(3)}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		z, ok := findZone(a, "Packaging")
		if !ok {
			t.Fatalf("zone not added: %v", zoneKeys(a.Zones))
		}
		if z.Kind != want.Kind || z.Description != want.Description || z.SLT != want.SLT || z.Key != "packaging" {
			t.Fatalf("zone %+v, want %+v", z, want)
		}
		if a.Zones[len(a.Zones)-1].Name != "Packaging" {
			t.Fatal("a new zone goes last")
		}
	}
	if out := view(t, s); !strings.Contains(out, "> Packaging") {
		t.Fatalf("the new zone is not selected:\n%s", out)
	}
}

func TestAddZoneNeedsName(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "n", "ctrl+s")
	if !s.Capturing() {
		t.Fatal("a zone without a name was accepted")
	}
	if out := view(t, s); !strings.Contains(out, "a zone needs a name") {
		t.Fatalf("no message:\n%s", out)
	}
	send(h, s, "esc")
	if s.Capturing() || len(h.Ctx.Data.A.Zones) != 5 {
		t.Fatal("esc should close the form and change nothing")
	}
}

func TestEditZone(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "j", "e") // Supervisory
	send(h, s, "ctrl+u", uitest.Type("Control room"), "tab", "tab", "tab", "tab", "tab", "3", "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		z, ok := a.Zone("supervisory")
		if !ok || z.Name != "Control room" || z.SLT != model.Uniform(3) || z.Kind != model.ZoneSupervisory {
			t.Fatalf("zone %+v", z)
		}
		if z.Description != "SCADA servers, operator HMIs and engineering stations in the central control room." {
			t.Fatalf("description changed: %q", z.Description)
		}
		if len(z.Assets) != 4 {
			t.Fatalf("assets lost: %d", len(z.Assets))
		}
	}
}

func TestSetSLTAll(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "j", "t", "3", "enter")
	if s.Capturing() {
		t.Fatalf("SL-T form still open:\n%s", view(t, s))
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		if z, _ := a.Zone("supervisory"); z.SLT != model.Uniform(3) {
			t.Fatalf("SL-T %v", z.SLT)
		}
	}
	// The matrix row follows (the root applied the change).
	if r, _ := h.Ctx.Data.Row("supervisory"); r.Target.SLT != model.Uniform(3) {
		t.Fatalf("matrix SL-T %v", r.Target.SLT)
	}
}

func TestSetSLTPerFR(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	// FR1 = 1, FR2 = 3 (each digit moves to the next FR), FR7 = 4.
	send(h, s, "j", "t", "right", "1", "3", "right", "right", "right", "right", "4", "enter")
	want := model.SLVector{1, 3, 2, 2, 2, 2, 4}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		if z, _ := a.Zone("dmz"); z.SLT != want {
			t.Fatalf("SL-T %v, want %v", z.SLT, want)
		}
	}
	if out := view(t, s); !strings.Contains(out, "1,3,2,2,2,2,4") {
		t.Fatalf("the list should show the vector:\n%s", out)
	}
}

// The levels typed in a row after one → land on FR1..FR7 in order: each
// digit sets its FR and moves on, as the form's rule line says.
func TestSetSLTPerFRInARow(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "end", "t") // the Control - Safety conduit, SL-T 3
	if out := view(t, s); !strings.Contains(out, "→ then one digit per FR in a row (each digit moves on)") {
		t.Fatalf("the SL-T form does not state its rule:\n%s", out)
	}
	send(h, s, "right", "2", "2", "3", "2", "2", "1", "2", "enter")
	want := model.SLVector{2, 2, 3, 2, 2, 1, 2}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		if c, _ := a.Conduit("control-safety"); c.SLT != want {
			t.Fatalf("SL-T %v, want %v", c.SLT, want)
		}
	}
	// Typed as the README writes it, with spaces between the digits: the
	// spaces neither move nor set anything.
	send(h, s, "t", "right", "3", "space", "1", "space", "2", "space", "3", "space", "1", "space", "2", "space", "3", "enter")
	want = model.SLVector{3, 1, 2, 3, 1, 2, 3}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		if c, _ := a.Conduit("control-safety"); c.SLT != want {
			t.Fatalf("typed with spaces: SL-T %v, want %v", c.SLT, want)
		}
	}
}

// formStep is keys sent to an open conduit form and the SL-T it then
// shows.
type formStep struct {
	keys []any
	want string
}

// conduitSLTSteps sends each step's keys and checks the SL-T field the
// form then shows ("all=2 FR1=2 …", without the brackets).
func conduitSLTSteps(t *testing.T, h *uitest.Harness, s *targets.Model, steps []formStep) {
	t.Helper()
	levels := func() string {
		t.Helper()
		for _, l := range strings.Split(ansi.Strip(view(t, s)), "\n") {
			if i := strings.Index(l, "all"); i >= 0 && strings.Contains(l, "FR7=") {
				l = strings.NewReplacer("[", "", "]", "", "│", "").Replace(l[i:])
				return strings.Join(strings.Fields(l), " ")
			}
		}
		t.Fatalf("no SL-T field:\n%s", view(t, s))
		return ""
	}
	for i, st := range steps {
		send(h, s, st.keys...)
		if got := levels(); !strings.Contains(got, st.want) {
			t.Fatalf("step %d: SL-T %q, want %q", i, got, st.want)
		}
	}
}

// followSteps take a conduit form open on Enterprise (1) to Industrial DMZ
// (2), with Supervisory at 1,3,1,3,1,3,1, through From and To changes: the
// SL-T follows them until FR1 is typed as 4, then stays.
var followSteps = []formStep{
	{nil, "all=2 FR1=2 FR2=2 FR3=2 FR4=2 FR5=2 FR6=2 FR7=2"},
	{[]any{"tab", "tab", "right"}, "all FR1=1 FR2=3 FR3=1 FR4=3 FR5=1 FR6=3 FR7=1"},                                                // To Supervisory
	{[]any{"shift+tab", "right"}, "all FR1=2 FR2=3 FR3=2 FR4=3 FR5=2 FR6=3 FR7=2"},                                                 // From Industrial DMZ
	{[]any{"tab", "tab", "tab", "tab", "tab", "tab", "right", "4"}, "FR1=4 FR2=3 FR3=2"},                                           // typed: FR1 4
	{[]any{"shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "right"}, "FR1=4 FR2=3 FR3=2 FR4=3 FR5=2 FR6=3 FR7=2"}, // To Control (2)
}

// savedConduit saves the open form and checks the i-th conduit in the file.
func savedConduit(t *testing.T, h *uitest.Harness, s *targets.Model, i int, from, to string, slt model.SLVector) {
	t.Helper()
	send(h, s, "ctrl+s")
	c := load(t, h).Conduits[i]
	if c.From != from || c.To != to || c.SLT != slt {
		t.Fatalf("conduit %s -> %s SL-T %v, want %s -> %s SL-T %v", c.From, c.To, c.SLT, from, to, slt)
	}
}

// A new conduit's SL-T follows From and To (per FR, the higher SL-T of its
// two zones) until a level is typed; after that it stays as typed.
func TestConduitSLTFollowsItsZonesUntilEdited(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "j", "t", "right", "1", "3", "1", "3", "1", "3", "1", "enter") // Supervisory 1,3,1,3,1,3,1
	send(h, s, "home", "c")                                                        // Enterprise (1) to Industrial DMZ (2)
	conduitSLTSteps(t, h, s, followSteps)
	savedConduit(t, h, s, 4, "dmz", "control", model.SLVector{4, 3, 2, 3, 2, 3, 2})
}

// An existing conduit whose SL-T is its default (Enterprise - DMZ: 2, the
// higher of Enterprise 1 and DMZ 2) follows From and To in the edit form
// as a new one does, until a level is typed.
func TestEditedConduitAtItsDefaultFollowsItsZones(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "j", "t", "right", "1", "3", "1", "3", "1", "3", "1", "enter") // Supervisory 1,3,1,3,1,3,1
	send(h, s, "home", "j", "j", "j", "j", "j", "e")                               // edit Enterprise - DMZ
	conduitSLTSteps(t, h, s, followSteps)
	savedConduit(t, h, s, 0, "dmz", "control", model.SLVector{4, 3, 2, 3, 2, 3, 2})
}

// An existing conduit whose SL-T was set apart from its default keeps it
// when From or To change in the edit form: the assessor chose it.
func TestEditedConduitOffItsDefaultKeepsItsSLT(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "home", "j", "j", "j", "j", "j", "t", "right", "1", "2", "1", "2", "1", "2", "1", "enter") // Enterprise - DMZ, default 2
	send(h, s, "e", "tab", "tab", "right", "right", "right")                                              // To Safety (3)
	conduitSLTSteps(t, h, s, []formStep{
		{nil, "all FR1=1 FR2=2 FR3=1 FR4=2 FR5=1 FR6=2 FR7=1"},
		{[]any{"shift+tab", "right"}, "all FR1=1 FR2=2 FR3=1 FR4=2 FR5=1 FR6=2 FR7=1"}, // From DMZ
	})
	savedConduit(t, h, s, 0, "dmz", "safety", model.SLVector{1, 2, 1, 2, 1, 2, 1})
}

func TestSetConduitSLT(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "end", "t", "4", "enter")
	if c, _ := load(t, h).Conduit("control-safety"); c.SLT != model.Uniform(4) {
		t.Fatalf("conduit SL-T %v", c.SLT)
	}
	if strings.Contains(view(t, s), "conduit-below-zone") {
		t.Fatal("a conduit above its zones is fine")
	}
	// Below the stricter zone (Safety, 3) on FR5: the check's finding shows
	// in the details.
	send(h, s, "t", "3", "right", "right", "right", "right", "right", "2", "enter")
	out := strings.Join(strings.Fields(view(t, s)), " ")
	if !strings.Contains(out, "3,3,3,3,2,3,3") || !strings.Contains(out, `! conduit-below-zone: Conduit "Control - Safety" has a lower SL-T`) {
		t.Fatalf("no warning:\n%s", out)
	}
}

func TestAddConduit(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	// From Enterprise (selected) to Control: a bypass found on the walkdown.
	send(h, s, "c", "tab", "tab", "right", "right", "tab", "right", "right", "tab", "tab", uitest.Type("RDP"), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("form still open:\n%s", view(t, s))
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		if len(a.Conduits) != 5 {
			t.Fatalf("conduits %v", conduitKeys(a.Conduits))
		}
		c := a.Conduits[4]
		if c.Name != "Enterprise - Control (Unit 1)" || c.From != "enterprise" || c.To != "control" ||
			c.Kind != model.ConduitVPN || c.Protocols != "RDP" || c.SLT != model.Uniform(2) {
			t.Fatalf("conduit %+v", c)
		}
	}
	if out := view(t, s); !strings.Contains(out, "> Enterprise - C") {
		t.Fatalf("the new conduit is not selected:\n%s", out)
	}
}

func TestEditConduit(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "end", "k", "enter", "ctrl+u", uitest.Type("SCADA to PLCs"), "tab", "tab", "tab", "left", "left", "left", "ctrl+s")
	c, _ := load(t, h).Conduit("supervisory-control")
	if c.Name != "SCADA to PLCs" || c.Kind != model.ConduitFirewall || c.From != "supervisory" || c.To != "control" {
		t.Fatalf("conduit %+v", c)
	}
}

func TestConduitNeedsTwoDifferentZones(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "c", "tab", "tab", "left", "ctrl+s") // To = From = Enterprise
	if !s.Capturing() {
		t.Fatal("a conduit from a zone to itself was accepted")
	}
	if out := view(t, s); !strings.Contains(out, "two different zones") {
		t.Fatalf("no message:\n%s", out)
	}
	if len(load(t, h).Conduits) != 4 {
		t.Fatal("conduit saved")
	}

	h, s = empty(t)
	send(h, s, "c")
	if s.Capturing() || !h.Status.Error || !strings.Contains(h.Status.Text, "two zones") {
		t.Fatalf("c without zones: capturing %v, status %+v", s.Capturing(), h.Status)
	}
}

func TestDelete(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "j", "x") // Supervisory
	if !s.Capturing() {
		t.Fatal("x should ask first")
	}
	out := view(t, s)
	if !strings.Contains(out, "Delete zone Supervisory?") ||
		!strings.Contains(strings.Join(strings.Fields(out), " "), "29 answers and 2 conduits (with their answers) will be deleted") {
		t.Fatalf("confirmation does not name the impact:\n%s", out)
	}
	send(h, s, "n")
	if s.Capturing() {
		t.Fatal("n should close the confirmation")
	}
	if a := load(t, h); len(a.Zones) != 5 || len(a.Conduits) != 4 || len(a.Answers["supervisory"]) != 27 {
		t.Fatal("n deleted something")
	}
	send(h, s, "delete", "esc")
	if len(h.Ctx.Data.A.Zones) != 5 {
		t.Fatal("esc deleted")
	}

	send(h, s, "x", "y")
	if s.Capturing() {
		t.Fatal("confirmation still open after delete")
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		if got := zoneKeys(a.Zones); !slices.Equal(got, []string{"enterprise", "dmz", "control", "safety"}) {
			t.Fatalf("zones %v", got)
		}
		if got := conduitKeys(a.Conduits); !slices.Equal(got, []string{"enterprise-dmz", "control-safety"}) {
			t.Fatalf("conduits %v", got)
		}
		for _, k := range []string{"supervisory", "dmz-supervisory", "supervisory-control"} {
			if len(a.Answers[k]) != 0 {
				t.Fatalf("answers of %s left", k)
			}
		}
	}
	if out := view(t, s); !strings.Contains(out, "> Control (Unit 1)") {
		t.Fatalf("the cursor should move to the next zone:\n%s", out)
	}
}

func TestDeleteConduit(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "end", "x")
	if out := view(t, s); !strings.Contains(out, "Delete conduit Control - Safety?") || !strings.Contains(out, "3 answers will be deleted") {
		t.Fatalf("confirmation:\n%s", out)
	}
	send(h, s, "y")
	if a := load(t, h); len(a.Conduits) != 3 || len(a.Zones) != 5 {
		t.Fatalf("conduits %v", conduitKeys(a.Conduits))
	}
	if out := view(t, s); !strings.Contains(out, "> Supervisory - ") {
		t.Fatalf("cursor should be on the last conduit:\n%s", out)
	}
}

func TestTemplateOnEmpty(t *testing.T) {
	t.Parallel()
	h, s := empty(t)
	if out := view(t, s); !strings.Contains(out, "No zones yet: press T for the typical five zones, or n to add one") {
		t.Fatalf("no hint:\n%s", out)
	}
	send(h, s, "T")
	if s.Capturing() {
		t.Fatal("no confirmation is needed on an empty assessment")
	}
	if len(h.Done) != 1 || h.Done[0].Err != nil {
		t.Fatalf("want one transaction, got %d results", len(h.Done))
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		if got := zoneKeys(a.Zones); !slices.Equal(got, []string{"enterprise", "dmz", "supervisory", "control", "safety"}) {
			t.Fatalf("zones %v", got)
		}
		wantSLT := []model.Level{1, 2, 2, 2, 3}
		for i, z := range a.Zones {
			if z.SLT != model.Uniform(wantSLT[i]) || z.Description == "" || !z.Kind.Valid() || z.Kind == model.ZoneOther {
				t.Fatalf("zone %+v", z)
			}
		}
		if a.Zones[1].Name != "Industrial DMZ" || a.Zones[4].Name != "Safety/SIS" {
			t.Fatalf("names %q %q", a.Zones[1].Name, a.Zones[4].Name)
		}
		if len(a.Conduits) != 4 {
			t.Fatalf("conduits %v", conduitKeys(a.Conduits))
		}
		want := []struct {
			from, to, kind string
			slt            model.Level
		}{
			{"enterprise", "dmz", "firewall", 2},
			{"dmz", "supervisory", "firewall", 2},
			{"supervisory", "control", "firewall", 2},
			{"control", "safety", "safety-gateway", 3},
		}
		for i, w := range want {
			c := a.Conduits[i]
			if c.From != w.from || c.To != w.to || string(c.Kind) != w.kind || c.SLT != model.Uniform(w.slt) {
				t.Fatalf("conduit %d: %+v, want %+v", i, c, w)
			}
		}
	}
	if out := view(t, s); !strings.Contains(out, "> Enterprise") {
		t.Fatalf("the first new zone should be selected:\n%s", out)
	}
}

func TestTemplateAsksWhenZonesExist(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "T")
	if !s.Capturing() || !strings.Contains(view(t, s), "Add the typical five zones?") {
		t.Fatalf("no confirmation:\n%s", view(t, s))
	}
	send(h, s, "n")
	if len(load(t, h).Zones) != 5 {
		t.Fatal("n added zones")
	}
	send(h, s, "T", "y")
	if s.Capturing() {
		t.Fatal("confirmation still open")
	}
	a := load(t, h)
	if len(a.Zones) != 10 || len(a.Conduits) != 8 {
		t.Fatalf("zones %v conduits %v", zoneKeys(a.Zones), conduitKeys(a.Conduits))
	}
	// Keys were made unique and the new conduits join the new zones.
	if a.Zones[5].Key != "enterprise-2" || a.Conduits[4].From != "enterprise-2" || a.Conduits[4].To != "dmz-2" {
		t.Fatalf("new zone %q, conduit %+v", a.Zones[5].Key, a.Conduits[4])
	}
	if out := view(t, s); !strings.Contains(out, "Zone 6 of 10: Enterprise") {
		t.Fatalf("the first new zone should be selected:\n%s", out)
	}
}

func TestReorder(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "K") // Industrial DMZ up
	want := []string{"dmz", "enterprise", "supervisory", "control", "safety"}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		if got := zoneKeys(a.Zones); !slices.Equal(got, want) {
			t.Fatalf("zones %v, want %v", got, want)
		}
	}
	if out := view(t, s); !strings.Contains(out, "Zone 1 of 5: Industrial DMZ") {
		t.Fatalf("the moved zone should stay selected:\n%s", out)
	}
	send(h, s, "K") // already first: nothing
	send(h, s, "J", "shift+down", "J", "J", "J", "J")
	want = []string{"enterprise", "supervisory", "control", "safety", "dmz"}
	if got := zoneKeys(load(t, h).Zones); !slices.Equal(got, want) {
		t.Fatalf("zones %v, want %v (a zone never moves into the conduits)", got, want)
	}
	send(h, s, "shift+up")
	if got := zoneKeys(load(t, h).Zones); got[3] != "dmz" {
		t.Fatalf("shift+up: %v", got)
	}
	// Conduits move among conduits.
	send(h, s, "end", "K", "K")
	wantC := []string{"enterprise-dmz", "control-safety", "dmz-supervisory", "supervisory-control"}
	if got := conduitKeys(load(t, h).Conduits); !slices.Equal(got, wantC) {
		t.Fatalf("conduits %v, want %v", got, wantC)
	}
}

func TestAssets(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "j", "j", "j", "a") // Control (Unit 1)
	if out := view(t, s); !strings.Contains(out, "Assets of zone Control (Unit 1) (3)") || !strings.Contains(out, "> PLC-101") {
		t.Fatalf("asset list:\n%s", out)
	}
	if s.Capturing() {
		t.Fatal("the asset list lets the global keys through")
	}

	// Add.
	send(h, s, "n", uitest.Type("PLC-103"), "tab", uitest.Type("PLC"), "tab", uitest.Type("Siemens"), "tab",
		uitest.Type("S7-1515"), "tab", uitest.Type("2.9.4"), "tab", uitest.Type("192.168.30.103"), "tab",
		"right", "right", "right", "tab", uitest.Type("Packaging line"), "ctrl+s")
	if s.Capturing() {
		t.Fatalf("asset form still open:\n%s", view(t, s))
	}
	var id int64
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		z, _ := a.Zone("control")
		got, ok := findAsset(*z, "PLC-103")
		want := model.Asset{ID: got.ID, Name: "PLC-103", Type: "PLC", Vendor: "Siemens", Model: "S7-1515",
			Firmware: "2.9.4", Address: "192.168.30.103", Notes: "Packaging line", Criticality: model.CriticalityHigh}
		if !ok || got != want || got.ID == 0 {
			t.Fatalf("asset %+v, want %+v", got, want)
		}
		id = got.ID
	}
	if out := view(t, s); !strings.Contains(out, "> PLC-103") {
		t.Fatalf("the new asset should be selected:\n%s", out)
	}

	// Edit the firmware.
	send(h, s, "e", "tab", "tab", "tab", "tab", "ctrl+u", uitest.Type("3.1.0"), "ctrl+s")
	z, _ := load(t, h).Zone("control")
	if got, _ := findAsset(*z, "PLC-103"); got.Firmware != "3.1.0" || got.ID != id || got.Vendor != "Siemens" {
		t.Fatalf("edited asset %+v", got)
	}

	// Delete: n keeps, y deletes.
	send(h, s, "x")
	if !s.Capturing() || !strings.Contains(view(t, s), "Delete asset PLC-103?") {
		t.Fatalf("no confirmation:\n%s", view(t, s))
	}
	send(h, s, "n")
	if z, _ := load(t, h).Zone("control"); len(z.Assets) != 4 {
		t.Fatal("n deleted the asset")
	}
	send(h, s, "x", "y")
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		z, _ := a.Zone("control")
		if _, ok := findAsset(*z, "PLC-103"); ok || len(z.Assets) != 3 {
			t.Fatalf("asset not deleted: %d assets", len(z.Assets))
		}
	}

	// An asset needs a name.
	send(h, s, "n", "ctrl+s")
	if !s.Capturing() || !strings.Contains(view(t, s), "an asset needs a name") {
		t.Fatalf("nameless asset:\n%s", view(t, s))
	}
	send(h, s, "esc", "esc")
	if out := view(t, s); !strings.Contains(out, "Zones (5)") || !strings.Contains(out, "> Control (Unit 1)") {
		t.Fatalf("esc should go back to the zone list:\n%s", out)
	}
}

// A conduit holds assets like a zone (the safety gateway), and an asset
// moves between zones and conduits.
func TestAssetsOfAConduit(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "end", "a")
	if out := view(t, s); !strings.Contains(out, "Assets of conduit Control - Safety (1)") || !strings.Contains(out, "> SIS-GW") {
		t.Fatalf("a on a conduit:\n%s", out)
	}
	send(h, s, "n", uitest.Type("SIS-GW-2"), "ctrl+s")
	// Move the first (SIS-GW) to the safety zone: the fifth target offered.
	send(h, s, "home", "m", "right", "right", "right", "right", "enter")
	if s.Capturing() {
		t.Fatalf("move form still open:\n%s", view(t, s))
	}
	for _, a := range []*model.Assessment{h.Ctx.Data.A, load(t, h)} {
		c, _ := a.Conduit("control-safety")
		z, _ := a.Zone("safety")
		if len(c.Assets) != 1 || c.Assets[0].Name != "SIS-GW-2" || z.Assets[len(z.Assets)-1].Name != "SIS-GW" {
			t.Fatalf("after the move: conduit %+v, zone %+v", c.Assets, z.Assets)
		}
	}
	if out := view(t, s); !strings.Contains(out, "Assets of conduit Control - Safety (1)") || !strings.Contains(out, "> SIS-GW-2") {
		t.Fatalf("after the move the list shows:\n%s", out)
	}
	if rep, err := store.Verify(h.Path, store.VerifyOptions{}); err != nil || !rep.OK() {
		t.Fatalf("verify: %v %v", rep.Problems, err)
	}
}

// failingStore refuses to add zones, like a full disk.
type failingStore struct{ *store.Store }

func (failingStore) AddZone(z model.Zone) (model.Zone, error) {
	return z, errors.New("disk full")
}

func TestFailedSaveKeepsTheForm(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	h.Ctx.Ops = common.NewOps(failingStore{h.Store}, false)
	send(h, s, "n", uitest.Type("Packaging"), "ctrl+s")
	if !s.Capturing() {
		t.Fatal("the form closed although nothing was saved")
	}
	out := view(t, s)
	if !strings.Contains(out, "Packaging") || !strings.Contains(out, "NOT SAVED: disk full") {
		t.Fatalf("the form should keep the name and show the error:\n%s", out)
	}
	if len(h.Ctx.Data.A.Zones) != 5 || len(load(t, h).Zones) != 5 {
		t.Fatal("a zone was added")
	}
	// Once the disk has room again, the same form saves.
	h.Ctx.Ops = common.NewOps(h.Store, false)
	send(h, s, "ctrl+s")
	if s.Capturing() {
		t.Fatalf("retry did not close the form:\n%s", view(t, s))
	}
	if _, ok := findZone(load(t, h), "Packaging"); !ok {
		t.Fatal("retry did not save")
	}
}

// In a read-only session every key that would change something refuses
// at once with the reason (no form opens to refuse at ctrl+s), the file
// stays as it was, and the help leaves those keys out.
func TestReadOnly(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	h.Ctx.Data.ReadOnly, h.Ctx.Data.ReadOnlyReason = true, "the file is read-only"
	h.Ctx.Ops = common.NewOps(h.Store, true)
	send(h, s, "j")
	for _, k := range []string{"n", "c", "e", "enter", "t", "r", "x", "delete", "K", "J", "T", "I"} {
		h.Status = common.Status{}
		send(h, s, k)
		if s.Capturing() || !h.Status.Error || !strings.Contains(h.Status.Text, "Read-only (the file is read-only)") {
			t.Fatalf("%s: capturing %v, status %+v", k, s.Capturing(), h.Status)
		}
	}
	send(h, s, "a")
	for _, k := range []string{"n", "e", "m", "x"} {
		h.Status = common.Status{}
		send(h, s, k)
		if s.Capturing() || !h.Status.Error {
			t.Fatalf("asset %s: capturing %v, status %+v", k, s.Capturing(), h.Status)
		}
	}
	for _, b := range s.Keys().ShortHelp() {
		if b.Enabled() && (b.Help().Key == "n" || b.Help().Key == "e") {
			t.Fatalf("the help bar offers %s in a read-only session", b.Help().Key)
		}
	}
	if a := load(t, h); len(a.Zones) != 5 || a.Zones[0].SLT != model.Uniform(1) || len(a.Zones[1].Assets) != len(h.Ctx.Data.A.Zones[1].Assets) {
		t.Fatal("read-only file changed")
	}
}

// The store refuses a change on a read-only file even when a form was
// already open (the file became read-only under it): the form stays with
// the refusal and what was typed.
func TestReadOnlyStoreRefusesInTheForm(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "t")
	h.Ctx.Ops = common.NewOps(h.Store, true)
	send(h, s, "4", "enter")
	if !s.Capturing() || !strings.Contains(view(t, s), "read-only: nothing was saved") {
		t.Fatalf("read-only refusal not shown:\n%s", view(t, s))
	}
}

// A result that arrives after its dialog was closed must not close the
// next one.
func TestStaleResultIgnored(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, "n", uitest.Type("A"))
	cmd := s.Update(uitest.Key("ctrl+s")) // not run yet
	send(h, s, "esc", "n", uitest.Type("B"))
	// Run the first save the way the root would, then pass the result on.
	for _, m := range run(cmd) {
		if done, ok := m.(common.Done); ok {
			done.ApplyTo(h.Ctx.Data)
			s.Update(done.Result)
		}
	}
	if !s.Capturing() || !strings.Contains(view(t, s), "New zone") {
		t.Fatal("a stale result closed the second form")
	}
	if _, ok := findZone(h.Ctx.Data.A, "A"); !ok {
		t.Fatal("the first zone was not applied")
	}
}

func TestGoTo(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	send(h, s, common.GoTo{Screen: common.ScreenTargets, Target: "control-safety"})
	if out := view(t, s); !strings.Contains(out, "> Control - Safe") {
		t.Fatalf("GoTo did not select:\n%s", out)
	}
}

func TestScrolling(t *testing.T) {
	t.Parallel()
	cat := questionnaires.Builtin()
	h := uitest.New(t, model.GeneratePlant(cat, model.PlantSpec{Zones: 40, Conduits: 50, Seed: 1}))
	s := targets.New(h.Ctx)
	s.SetSize(80, 21)
	send(h, s, "end")
	out := view(t, s)
	if !strings.Contains(out, "> Conduit 50") || !strings.Contains(out, "Conduit 50 of 50") {
		t.Fatalf("end:\n%s", out)
	}
	send(h, s, "home")
	if out := view(t, s); !strings.Contains(out, "Zones (40)") || !strings.Contains(out, "> Zone 1 (") {
		t.Fatalf("home:\n%s", out)
	}
	send(h, s, "pgdown", "pgdown")
	if out := view(t, s); !strings.Contains(out, "> Zone ") {
		t.Fatalf("pgdown lost the cursor:\n%s", out)
	}
	// Walk the whole list down and up: the cursor is always on screen.
	for i := 0; i < 95; i++ {
		send(h, s, "j")
		if !strings.Contains(view(t, s), "> ") {
			t.Fatalf("cursor off screen after %d downs", i+1)
		}
	}
	for i := 0; i < 95; i++ {
		send(h, s, "k")
		if !strings.Contains(view(t, s), "> ") {
			t.Fatalf("cursor off screen after %d ups", i+1)
		}
	}
	if out := view(t, s); !strings.Contains(out, "Zones (40)") {
		t.Fatalf("back at the top the heading shows:\n%s", out)
	}
}

func TestKeysAdaptToMode(t *testing.T) {
	t.Parallel()
	h, s := demo(t)
	helpKeys := func() string {
		var out []string
		for _, b := range s.Keys().ShortHelp() {
			out = append(out, b.Help().Key+" "+b.Help().Desc)
		}
		return strings.Join(out, " | ")
	}
	if got := helpKeys(); !strings.Contains(got, "n/c new") || !strings.Contains(got, "f checks") || !strings.Contains(got, "v diagram") {
		t.Fatalf("list help: %s", got)
	}
	fitsHelpBar(t, s)
	send(h, s, "a")
	if got := helpKeys(); !strings.Contains(got, "new asset") || !strings.Contains(got, "back to zones") {
		t.Fatalf("assets help: %s", got)
	}
	fitsHelpBar(t, s)
	send(h, s, "n")
	if got := helpKeys(); !strings.Contains(got, "ctrl+s save") || strings.Contains(got, "new asset") {
		t.Fatalf("form help: %s", got)
	}
	fitsHelpBar(t, s)
	// The form's help follows the field under the cursor: levels only on
	// the SL-T field (the last).
	send(h, s, "esc", "esc", "n")
	if got := helpKeys(); strings.Contains(got, "0-4 level") {
		t.Fatalf("zone form help on the name: %s", got)
	}
	send(h, s, "tab", "tab", "tab", "tab", "tab")
	if got := helpKeys(); !strings.Contains(got, "0-4 level") {
		t.Fatalf("zone form help on the SL-T: %s", got)
	}
	fitsHelpBar(t, s)
	send(h, s, "esc", "x")
	if got := helpKeys(); !strings.Contains(got, "y confirm") {
		t.Fatalf("confirm help: %s", got)
	}
	send(h, s, "esc")
	e, es := empty(t)
	_ = e
	if got := func() string { return es.Keys().ShortHelp()[0].Help().Key }(); got != "T" {
		t.Fatalf("empty help starts with %q", got)
	}
	// Every binding has help text.
	n := 0
	for _, g := range s.Keys().FullHelp() {
		for _, b := range g.Keys {
			n++
			if b.Help().Key == "" || b.Help().Desc == "" || len(b.Keys()) == 0 {
				t.Fatalf("binding without help: %+v", b.Help())
			}
		}
	}
	if n < 19 { // the dialogs' keys are listed once for all screens (common.DialogGroups)
		t.Fatalf("full help lists %d keys", n)
	}
}

// run executes a command and the batches it returns.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, run(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// fitsHelpBar checks the short help and the root's "? help" and "q quit"
// fit the one-line help bar at 80 columns without being cut.
func fitsHelpBar(t *testing.T, s *targets.Model) {
	t.Helper()
	b := append([]key.Binding{}, s.Keys().ShortHelp()...)
	if !s.Capturing() {
		g := common.NewGlobalKeys(nil)
		b = append(b, g.Help, g.Quit)
	}
	hm := help.New()
	hm.SetWidth(80)
	if out := hm.ShortHelpView(b); strings.Contains(out, "…") {
		t.Fatalf("help bar cut at 80 columns: %q", out)
	}
}
