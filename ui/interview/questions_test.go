package interview

import (
	"strings"
	"testing"

	"slate/ui/common"
	"slate/ui/uitest"
)

// A zone interview shows the questions written for zones, a conduit
// interview those written for conduits, never the other kind's.
func TestQuestionsOfTheTargetsKind(t *testing.T) {
	const zoneQ, conduitQ = "Do the systems in this zone record security events", "Does the firewall or gateway on this conduit log"
	for _, tc := range []struct{ target, shown, hidden string }{
		{"supervisory", zoneQ, conduitQ},
		{"dmz-supervisory", conduitQ, zoneQ},
	} {
		h := uitest.NewDemo(t)
		m := New(h.Ctx)
		h.Send(m, common.GoTo{Screen: common.ScreenInterview, Target: tc.target, FR: 2, Requirement: "SR 2.8"})
		out := strings.Join(strings.Fields(uitest.Render(t, m, 200, 40)), " ")
		if cur(m) != "SR 2.8" || !strings.Contains(out, tc.shown) || strings.Contains(out, tc.hidden) {
			t.Errorf("%s on %s: want %q shown and %q hidden:\n%s", tc.target, cur(m), tc.shown, tc.hidden, out)
		}
		// Search looks in the questions shown for this kind only.
		h.Send(m, uitest.Key("/"))
		h.Send(m, uitest.Type(strings.ToLower(tc.hidden[len(tc.hidden)-20:]))...)
		if n := len(m.search.results); n != 0 {
			t.Errorf("%s: searching the other kind's question found %d requirements", tc.target, n)
		}
	}
}
