package model

import "testing"

func TestCleanText(t *testing.T) {
	cases := map[string]string{
		"plain":                             "plain",
		"line1\nline2\ttab":                 "line1\nline2\ttab",
		"red \x1b[31mtext\x1b[0m":           "red text",
		"title \x1b]0;pwned\x07 after":      "title  after",
		"osc8 \x1b]8;;http://x\x1b\\link":   "osc8 link",
		"bell\x07 nul\x00 del\x7f cr\r":     "bell nul del cr",
		"c1 csi \u009b31m here":             "c1 csi  here",
		"bidi \u202eevil\u202c":             "bidi evil",
		"bad utf8 \xff end":                 "bad utf8 \uFFFD end",
		"dcs \x1bPq#0;2;0;0;0\x1b\\ done":   "dcs  done",
		"unicode Zürich – ok":               "unicode Zürich – ok",
		"trailing esc \x1b":                 "trailing esc ",
		"charset \x1b(B switch":             "charset  switch",
		"cursor \x1b[2J\x1b[H home":         "cursor  home",
		"\x1b[1;31;\x00m":                   "m",
		"keypad \x1b= mode":                 "keypad  mode",
		"kitty \x1b_Gf=100;AAAA\x1b\\ done": "kitty  done",
	}
	for in, want := range cases {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := CleanLine("a\nb\t c"); got != "a b c" {
		t.Errorf("CleanLine = %q", got)
	}
}
