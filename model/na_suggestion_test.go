package model_test

import (
	"strings"
	"testing"

	"slate/model"
	"slate/questionnaires"
)

// SR 1.6, SR 2.2 and their REs are suggested n/a on a conduit that has no
// radio link, never on a wireless or cellular one, and no other
// requirement is.
func TestNASuggestion(t *testing.T) {
	cat := questionnaires.Builtin()
	req := func(id string) *model.Requirement {
		r, ok := cat.Requirement(id)
		if !ok {
			t.Fatalf("no %s", id)
		}
		return r
	}
	fw := &model.Conduit{Name: "FW", Kind: model.ConduitFirewall}
	for _, id := range []string{"SR 1.6", "SR 1.6 RE 1", "SR 2.2", "SR 2.2 RE 1"} {
		just, ok := model.NASuggestion(fw, req(id))
		if !ok || !strings.Contains(just, "firewall") || !strings.Contains(just, "no wireless") {
			t.Errorf("%s on a firewall conduit: %q %v", id, just, ok)
		}
		for _, k := range []model.ConduitKind{model.ConduitWireless, model.ConduitCellular} {
			if _, ok := model.NASuggestion(&model.Conduit{Kind: k}, req(id)); ok {
				t.Errorf("%s suggested n/a on a %s conduit", id, k)
			}
		}
	}
	for _, id := range []string{"SR 1.1", "SR 1.13", "SR 5.1", "SR 2.1"} {
		if _, ok := model.NASuggestion(fw, req(id)); ok {
			t.Errorf("%s suggested n/a", id)
		}
	}
	other := &model.Conduit{Kind: model.ConduitOther, Label: "Serial link"}
	if just, ok := model.NASuggestion(other, req("SR 1.6")); !ok || !strings.Contains(just, "Serial link") {
		t.Errorf("other conduit: %q", just)
	}
}

func TestParseFRAdjustments(t *testing.T) {
	got, err := model.ParseFRAdjustments("FR4 -1 no secrets on this network;  fr7 +2: the unit cannot stop ; ")
	if err != nil {
		t.Fatal(err)
	}
	want := []model.FRAdjustment{{FR: 4, Delta: -1, Reason: "no secrets on this network"}, {FR: 7, Delta: 2, Reason: "the unit cannot stop"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %+v", got)
	}
	if again, err := model.ParseFRAdjustments(model.FormatFRAdjustments(got)); err != nil || len(again) != 2 || again[1] != want[1] {
		t.Fatalf("format/parse: %+v %v", again, err)
	}
	for _, bad := range []string{"FR9 -1 x", "FR4 1 x", "FR4", "-1 x", "FR4 minus one"} {
		if _, err := model.ParseFRAdjustments(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if adj, err := model.ParseFRAdjustments(""); err != nil || adj != nil {
		t.Errorf("empty: %v %v", adj, err)
	}
}

func TestParseCriticality(t *testing.T) {
	for in, want := range map[string]model.Criticality{"": "", "High": "high", " medium ": "medium", "low": "low", "not rated": ""} {
		if got, err := model.ParseCriticality(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	if _, err := model.ParseCriticality("vital"); err == nil {
		t.Error("vital accepted")
	}
}
