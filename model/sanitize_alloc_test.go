package model

import (
	"io"
	"testing"
)

// Clean text, accented or not, passes the sanitiser without a copy; text
// that needs cleaning is still cleaned (the fuzz targets check how).
func TestCleanTextPassesCleanTextWithoutACopy(t *testing.T) {
	for _, s := range []string{"plain ASCII\tand a tab\n", "Zone · Überwachung — SL-T ≥ 2, ⚑ flagged"} {
		if got := CleanText(s); got != s {
			t.Fatalf("CleanText(%q) = %q", s, got)
		}
		if n := testing.AllocsPerRun(100, func() { _ = CleanText(s) }); n != 0 {
			t.Errorf("CleanText(%q) allocates %v times", s, n)
		}
		w := SanitizingWriter(SinkHTML, io.Discard)
		p := []byte(s)
		if n := testing.AllocsPerRun(100, func() { w.Write(p) }); n != 0 {
			t.Errorf("the HTML sanitising writer allocates %v times for %q", n, s)
		}
	}
	for in, want := range map[string]string{"a\x1b[31mred": "ared", "bidi\u202eevil": "bidievil", "bad\xffbyte": "bad\ufffdbyte"} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}
