package reports

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"slate/ui/uitest"
)

// S records the sign-off of the assessment as it stands, with the history
// head at that moment; the screen then names it.
func TestRecordSignOff(t *testing.T) {
	h := uitest.NewDemo(t)
	m := New(h.Ctx)
	head, rows, _ := h.Store.Head()
	h.Send(m, uitest.Key("S"))
	if !m.Capturing() {
		t.Fatal("S did not open the form")
	}
	h.Send(m, uitest.Keys("tab", "tab", "tab")...)
	h.Send(m, uitest.Type("K. Brandt")...)
	h.Send(m, uitest.Key("ctrl+s"))
	if !m.Capturing() || len(h.Ctx.Data.A.SignOffs) != 0 {
		t.Fatal("a sign-off without the representative's role was recorded")
	}
	h.Send(m, uitest.Key("tab"))
	h.Send(m, uitest.Type("plant manager")...)
	h.Send(m, uitest.Key("ctrl+s"))
	a, _ := h.Store.Load()
	if m.Capturing() || len(a.SignOffs) != 1 || len(h.Ctx.Data.A.SignOffs) != 1 {
		t.Fatalf("not recorded: %+v", a.SignOffs)
	}
	so := a.SignOffs[0]
	if so.Date != "2026-03-05" || so.Assessor.Name != "A. Novak" || so.Owner.String() != "K. Brandt (plant manager)" || so.Head != head || so.Rows != rows {
		t.Fatalf("recorded %+v (head %s, %d rows)", so, head, rows)
	}
	out := ansi.Strip(uitest.Render(t, m, 120, 37))
	if !strings.Contains(out, "Recorded sign-off 2026-03-05: A. Novak (assessor) and K. Brandt (plant manager) at history head "+head[:12]) {
		t.Fatalf("screen:\n%s", out)
	}
}
