package model_test

import (
	"testing"

	"slate/model"
	"slate/questionnaires"
)

func TestZoneKindOf(t *testing.T) {
	for _, tc := range []struct {
		text  string
		kind  model.ZoneKind
		label string
	}{
		{"enterprise", model.ZoneEnterprise, ""},
		{"DMZ", model.ZoneDMZ, ""},
		{"  Supervisory ", model.ZoneSupervisory, ""},
		{"CONTROL", model.ZoneControl, ""},
		{"safety", model.ZoneSafety, ""},
		{"SIS", model.ZoneSafety, ""},
		{"Safety instrumented system", model.ZoneSafety, ""},
		{"Industrial DMZ", model.ZoneDMZ, ""},
		{"industrial_dmz", model.ZoneDMZ, ""},
		{"IDMZ", model.ZoneDMZ, ""},
		{"Internet", model.ZoneExternal, ""},
		{"external", model.ZoneExternal, ""},
		{"Field", model.ZoneField, ""},
		{"other", model.ZoneOther, ""},
		{"Packaging line", model.ZoneOther, "Packaging line"},
		{"Lab\x1b[31m net\n", model.ZoneOther, "Lab net"},
		{"", model.ZoneOther, ""},
	} {
		kind, label := model.ZoneKindOf(tc.text)
		if kind != tc.kind || label != tc.label {
			t.Errorf("ZoneKindOf(%q) = %q, %q; want %q, %q", tc.text, kind, label, tc.kind, tc.label)
		}
	}
}

func TestConduitKindOf(t *testing.T) {
	for _, tc := range []struct {
		text  string
		kind  model.ConduitKind
		label string
	}{
		{"firewall", model.ConduitFirewall, ""},
		{"Data diode", model.ConduitDataDiode, ""},
		{"data-diode", model.ConduitDataDiode, ""},
		{"Diode", model.ConduitDataDiode, ""},
		{"Unidirectional gateway", model.ConduitDataDiode, ""},
		{"VPN", model.ConduitVPN, ""},
		{"direct", model.ConduitDirect, ""},
		{"safety gateway", model.ConduitSafetyGateway, ""},
		{"Wi-Fi", model.ConduitWireless, ""},
		{"WLAN", model.ConduitWireless, ""},
		{"LTE", model.ConduitCellular, ""},
		{"5G", model.ConduitCellular, ""},
		{"WAN", model.ConduitWAN, ""},
		{"Remote access", model.ConduitRemoteAccess, ""},
		{"serial link", model.ConduitOther, "serial link"},
		{"", model.ConduitOther, ""},
	} {
		kind, label := model.ConduitKindOf(tc.text)
		if kind != tc.kind || label != tc.label {
			t.Errorf("ConduitKindOf(%q) = %q, %q; want %q, %q", tc.text, kind, label, tc.kind, tc.label)
		}
	}
}

func TestParseKindsStrict(t *testing.T) {
	for _, k := range model.ZoneKinds {
		if got, err := model.ParseZoneKind(string(k)); err != nil || got != k {
			t.Errorf("ParseZoneKind(%q) = %q, %v", k, got, err)
		}
		if got, err := model.ParseZoneKind(k.Label()); err != nil || got != k {
			t.Errorf("label %q does not parse back: %q, %v", k.Label(), got, err)
		}
	}
	for _, k := range model.ConduitKinds {
		if got, err := model.ParseConduitKind(string(k)); err != nil || got != k {
			t.Errorf("ParseConduitKind(%q) = %q, %v", k, got, err)
		}
		if got, err := model.ParseConduitKind(k.Label()); err != nil || got != k {
			t.Errorf("label %q does not parse back: %q, %v", k.Label(), got, err)
		}
	}
	if _, err := model.ParseZoneKind("packaging"); err == nil {
		t.Error("packaging accepted as a zone kind")
	}
	if _, err := model.ParseConduitKind("serial"); err == nil {
		t.Error("serial accepted as a conduit kind")
	}
}

func TestZoneKindTiers(t *testing.T) {
	want := map[model.ZoneKind]model.Tier{
		model.ZoneExternal: model.TierEnterprise, model.ZoneEnterprise: model.TierEnterprise,
		model.ZoneDMZ: model.TierDMZ, model.ZoneSupervisory: model.TierSupervisory,
		model.ZoneControl: model.TierControl, model.ZoneSafety: model.TierField, model.ZoneField: model.TierField,
	}
	for _, k := range model.ZoneKinds {
		got, ok := k.Tier()
		if k == model.ZoneOther {
			if ok {
				t.Error("other has a fixed row")
			}
			continue
		}
		if !ok || got != want[k] {
			t.Errorf("%s on row %v, want %v", k, got, want[k])
		}
	}
	if got := model.ZoneTier(model.ZoneOther, model.TierDMZ); got != model.TierDMZ {
		t.Errorf("other with a chosen row: %v", got)
	}
	if got := model.ZoneTier(model.ZoneOther, 9); got != model.TierControl {
		t.Errorf("other with an invalid row: %v", got)
	}
	if got := model.ZoneTier(model.ZoneEnterprise, model.TierField); got != model.TierEnterprise {
		t.Errorf("a chosen row moved an enterprise zone: %v", got)
	}
}

func TestNewZoneModelDemo(t *testing.T) {
	a := model.SamplePlant(questionnaires.Builtin())
	a.Zones = append(a.Zones, model.Zone{Key: "lab", Name: "Lab", Kind: model.ZoneOther, Label: "Laboratory", Tier: model.TierEnterprise},
		model.Zone{Key: "util", Name: "Utilities", Kind: model.ZoneOther, Label: "Utilities", Tier: model.TierControl})
	dmzZone, _ := a.Zone("dmz")
	r := model.NewSLTRationale(model.SLTInput{Threat: model.ThreatSimple}, dmzZone.SLT, "")
	dmzZone.Rationale = &r
	// A rationale whose SL-T was changed since no longer counts.
	ctlZone, _ := a.Zone("control")
	old := model.NewSLTRationale(model.SLTInput{Threat: model.ThreatCasual}, model.Uniform(1), "")
	ctlZone.Rationale = &old
	m := model.NewZoneModel(a)
	kinds := map[string]model.ZoneKind{}
	for _, z := range m.Zones {
		kinds[z.Key] = z.Kind
	}
	if kinds["enterprise"] != model.ZoneEnterprise || kinds["safety"] != model.ZoneSafety || kinds["lab"] != model.ZoneOther {
		t.Errorf("kinds %v", kinds)
	}
	lab, _ := m.Zone("lab")
	util, _ := m.Zone("util")
	if lab.Tier != model.TierEnterprise || util.Tier != model.TierControl || lab.KindText() != "Laboratory" {
		t.Errorf("other zones: lab %+v, util %+v", lab, util)
	}
	dmz, _ := m.Zone("dmz")
	ctl, _ := m.Zone("control")
	if !dmz.Rationale || ctl.Rationale {
		t.Error("rationale facts not carried")
	}
	var sg model.ModelConduit
	for _, c := range m.Conduits {
		if c.Key == "control-safety" {
			sg = c
		}
	}
	if sg.Kind != model.ConduitSafetyGateway || sg.KindText() != "safety gateway" {
		t.Errorf("control-safety conduit %+v", sg)
	}
}
