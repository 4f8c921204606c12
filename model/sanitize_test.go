package model

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeCSV(t *testing.T) {
	cases := map[string]string{
		"=HYPERLINK(\"http://x\",\"y\")": "'=HYPERLINK(\"http://x\",\"y\")",
		"@SUM(A1)":                       "'@SUM(A1)",
		"-1+1":                           "'-1+1",
		"+cmd":                           "'+cmd",
		"\n=1+1":                         "'\n=1+1",
		"  \t=1":                         "'  \t=1",
		"\r\n@x":                         "'\n@x",
		"＝1+1":                           "'＝1+1",
		"\x1b[2J=1":                      "'=1",
		"-1":                             "-1", // a number is a number
		"2.5":                            "2.5",
		"plain note":                     "plain note",
		"a = b":                          "a = b",
	}
	for in, want := range cases {
		if got := Sanitize(SinkCSV, in); got != want {
			t.Errorf("Sanitize(SinkCSV, %q) = %q, want %q", in, got, want)
		}
	}
}

func TestSanitizeMarkdownAndJSON(t *testing.T) {
	if got := Sanitize(SinkMarkdown, "a *b* <i>\n| x\x1b[31m"); got != `a \*b\* &lt;i&gt; \| x` {
		t.Errorf("markdown: %q", got)
	}
	raw, _ := json.Marshal("x\u009b31m \u202eevil\u202c \x7f \u2028")
	got := Sanitize(SinkJSON, string(raw))
	if got != `"x\u009b31m \u202eevil\u202c \u007f \u2028"` {
		t.Errorf("json: %s", got)
	}
	var back string
	if err := json.Unmarshal([]byte(got), &back); err != nil || back != "x\u009b31m \u202eevil\u202c \x7f \u2028" {
		t.Errorf("json does not round-trip: %q %v", back, err)
	}
}

// FuzzSanitize: for every sink, no output carries a C0 or C1 control
// (other than the line breaks and tabs a sink keeps), a bidirectional
// override or an escape sequence; no CSV cell is an unneutralised formula;
// a JSON text stays the same JSON value.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"x\x1b[31my", "\x1b]0;t\x07", "=1+1", "\n@SUM(A1)", " -1+1", "\u202eabc", "\u009b2J", "a|b*c", "\xff\xfe", "＠x", "\t=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sink := range []Sink{SinkText, SinkCSV, SinkMarkdown, SinkHTML} {
			out := Sanitize(sink, s)
			keep := sink != SinkMarkdown
			for _, r := range out {
				if r < 0x20 && !(keep && (r == '\n' || r == '\t')) || r == 0x7f || r >= 0x80 && r < 0xa0 || isBidiControl(r) {
					t.Fatalf("sink %d: %U survived in %q", sink, r, out)
				}
			}
			if !utf8.ValidString(out) {
				t.Fatalf("sink %d: invalid UTF-8 in %q", sink, out)
			}
			if sink == SinkCSV && IsFormula(out) {
				t.Fatalf("formula cell survived: %q", out)
			}
			if sink != SinkMarkdown && Sanitize(sink, out) != out {
				t.Fatalf("sink %d not idempotent on %q", sink, out)
			}
		}
		// The writer's shortcut for clean chunks writes what Sanitize would.
		for _, sink := range []Sink{SinkText, SinkHTML, SinkJSON} {
			var b strings.Builder
			SanitizingWriter(sink, &b).Write([]byte(s))
			if b.String() != Sanitize(sink, s) {
				t.Fatalf("sink %d: the writer wrote %q, Sanitize gives %q", sink, b.String(), Sanitize(sink, s))
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		raw, _ := json.Marshal(map[string]string{"k": s})
		out := Sanitize(SinkJSON, string(raw))
		var back map[string]string
		if err := json.Unmarshal([]byte(out), &back); err != nil || back["k"] != s {
			t.Fatalf("JSON changed: %q -> %q (%v)", raw, out, err)
		}
		for _, r := range out {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || isBidiControl(r) || r == 0x2028 || r == 0x2029 {
				t.Fatalf("raw %U in JSON %q", r, out)
			}
		}
	})
}
