package common_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
)

// slowLine is what Line does for any text: clean, then cut by width.
func slowLine(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = model.CleanLine(s)
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// randomText mixes ASCII, controls, escapes, wide and combining runes.
func randomText(r *rand.Rand) string {
	parts := []string{"a", "Z", " ", "-", "~", "\t", "\n", "\x1b[31m", "\x1b]0;t\x07", "é", "→", "─", "漢", "🙂", "e\u0301", "\u202e", "…"}
	var b strings.Builder
	for range r.IntN(30) {
		if r.IntN(3) == 0 {
			b.WriteString(parts[r.IntN(len(parts))])
		} else {
			b.WriteByte(byte(0x20 + r.IntN(0x5f)))
		}
	}
	return b.String()
}

// Line's fast path for printable ASCII gives what the general path gives,
// and Fit and Right always fill exactly w cells.
func TestLineFitRight(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		s, w := randomText(r), r.IntN(25)-2
		if got, want := common.Line(s, w), slowLine(s, w); got != want {
			t.Fatalf("Line(%q, %d) = %q, want %q", s, w, got, want)
		}
		if w < 0 {
			continue
		}
		for name, f := range map[string]func(string, int) string{"Fit": common.Fit, "Right": common.Right} {
			got := f(s, w)
			if lipgloss.Width(got) != w || strings.ContainsAny(got, "\x1b\n\t") {
				t.Fatalf("%s(%q, %d) = %q: %d cells", name, s, w, got, lipgloss.Width(got))
			}
		}
		if got, want := common.TextWidth(s), ansi.StringWidth(model.CleanLine(s)); got != want {
			t.Fatalf("TextWidth(%q) = %d, want %d", s, got, want)
		}
	}
	if got := common.Line("Supervisory zone", 8); got != "Supervi…" {
		t.Fatalf("Line cut to %q", got)
	}
	if got := common.Right("42", 5); got != "   42" {
		t.Fatalf("Right = %q", got)
	}
}

// Width measures styled lines as lipgloss does, fast path or not.
func TestWidth(t *testing.T) {
	bold := lipgloss.NewStyle().Bold(true)
	r := rand.New(rand.NewPCG(3, 4))
	cases := []string{"", "plain", bold.Render("bold") + " → ─ …", "漢字", "e\u0301", "🙂 ok", "\x1b[1mx\x1b[m"}
	for range 500 {
		cases = append(cases, bold.Render(common.Line(randomText(r), 30)))
	}
	for _, s := range cases {
		if got, want := common.Width(s), lipgloss.Width(s); got != want {
			t.Fatalf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

// The padding helpers reach exactly the width asked and keep styles.
func TestPadExactBlock(t *testing.T) {
	bold := lipgloss.NewStyle().Bold(true)
	s := bold.Render("gap 2")
	if got := common.PadStyled(s, 8); lipgloss.Width(got) != 8 || !strings.HasPrefix(got, s) {
		t.Fatalf("PadStyled = %q", got)
	}
	if got := common.PadLeft(s, 8); lipgloss.Width(got) != 8 || !strings.HasSuffix(got, s) {
		t.Fatalf("PadLeft = %q", got)
	}
	if got := common.PadStyled("toolong", 3); got != "toolong" {
		t.Fatalf("PadStyled cut a line: %q", got)
	}
	for _, c := range []struct {
		s string
		w int
	}{{s, 3}, {s, 9}, {"漢字漢字", 5}, {"", 4}, {"abc", 0}} {
		if got := common.Exact(c.s, c.w); lipgloss.Width(got) != c.w {
			t.Errorf("Exact(%q, %d) = %q: %d cells", c.s, c.w, got, lipgloss.Width(got))
		}
	}
	lines := common.FitLines([]string{"one", "a line far too long", s}, 6, 4)
	if len(lines) != 4 {
		t.Fatalf("FitLines gave %d lines", len(lines))
	}
	for _, l := range lines {
		if lipgloss.Width(l) != 6 {
			t.Fatalf("FitLines line %q", l)
		}
	}
	if got := common.Block([]string{"a"}, 2, 2); got != "a \n  " {
		t.Fatalf("Block = %q", got)
	}
}

func TestSpreadAndBeside(t *testing.T) {
	if got := common.Spread("Worst gaps", "legend", 20); got != "Worst gaps    legend" {
		t.Fatalf("Spread = %q", got)
	}
	if got := common.Spread("Worst gaps", "legend", 12); got != "Worst gaps" {
		t.Fatalf("Spread kept what does not fit: %q", got)
	}
	if got := common.Spread("Worst gaps in the plant", "x", 10); lipgloss.Width(got) != 10 || !strings.HasSuffix(got, "…") {
		t.Fatalf("Spread did not cut the left: %q", got)
	}
	got := common.Beside([]string{"left", "a longer left"}, 6, " | ", []string{"r1", "r2", "r3"})
	want := []string{"left   | r1", "a long | r2", "       | r3"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("Beside:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPluralAndKeepText(t *testing.T) {
	for n, want := range map[int]string{0: "0 answers", 1: "1 answer", 12: "12 answers"} {
		if got := common.Plural(n, "answer", "answers"); got != want {
			t.Errorf("Plural(%d) = %q", n, got)
		}
	}
	orig := "First line\nsecond  line"
	if got := common.KeepText("First line second line", orig); got != orig {
		t.Fatalf("KeepText flattened the original: %q", got)
	}
	if got := common.KeepText("First line changed", orig); got != "First line changed" {
		t.Fatalf("KeepText dropped an edit: %q", got)
	}
}
