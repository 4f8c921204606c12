package common_test

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"

	"slate/ui/common"
	"slate/ui/uitest"
)

// A described entry takes its keys from the bindings (once each) and is
// enabled while any of them is.
func TestDescribe(t *testing.T) {
	up, down := common.Bind("↑/k", "up", "up", "k"), common.Bind("↓/j", "down", "down", "j")
	d := common.Describe("↑↓/jk", "move", up, down, up)
	if got := d.Keys(); !slices.Equal(got, []string{"up", "k", "down", "j"}) {
		t.Fatalf("keys %v", got)
	}
	if h := d.Help(); h.Key != "↑↓/jk" || h.Desc != "move" {
		t.Fatalf("help %+v", h)
	}
	if !key.Matches(uitest.Key("j"), d) {
		t.Fatal("j does not match")
	}
	up.SetEnabled(false)
	if !common.Describe("↑↓", "move", up, down).Enabled() {
		t.Fatal("disabled although down is enabled")
	}
	down.SetEnabled(false)
	if common.Describe("↑↓", "move", up, down).Enabled() {
		t.Fatal("enabled although every binding is disabled")
	}
}

// The full help's global group puts the screen numbers on one line; the
// complete group (docs/keys.md) names each screen. Both end with the
// reload key, which only a read-only session enables.
func TestGlobalKeyGroups(t *testing.T) {
	g := common.NewGlobalKeys([]string{"Overview", "Zones & conduits", "Interview"})
	full, short := g.Group(), g.HelpGroup()
	if len(full.Keys) != 3+5 || full.Keys[7].Help().Key != "ctrl+r" || full.Keys[1].Help().Desc != "Zones & conduits" {
		t.Fatalf("full group %+v", full)
	}
	if len(short.Keys) != 1+5 || short.Keys[0].Help().Key != "1-3" || !key.Matches(uitest.Key("2"), short.Keys[0]) {
		t.Fatalf("help group %+v", short)
	}
}
