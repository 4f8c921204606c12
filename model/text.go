package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Plural counts a thing in words: "1 zone", "4 zones", "0 zones". It is the
// one helper for every count a person reads (commands, screens, reports),
// so none of them says "1 conduits". The plural is given, not derived:
// English has too many exceptions ("1 entry", "2 entries") for a rule.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// CleanText removes what must never reach a terminal from user-supplied text:
// escape sequences (CSI, OSC, DCS and friends, in 7-bit and 8-bit form), C0
// and C1 control characters other than newline and tab, bidirectional
// overrides that can reorder what is shown, and invalid UTF-8. Notes and
// names pass through here before any screen or report shows them.
func CleanText(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
			i += max(size, 1)
		case r == 0x1b:
			i = skipEscape(s, i+1)
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+size)
		case r == 0x90 || r == 0x9d || r == 0x98 || r == 0x9e || r == 0x9f: // 8-bit DCS, OSC, SOS, PM, APC
			i = skipString(s, i+size)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case r == '\r':
			i += size
		case removed(r):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// CleanLine is CleanText for one-line fields (names, labels): line breaks and
// tabs become single spaces.
func CleanLine(s string) string {
	s = CleanText(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\t", " ")), " ")
}

func isPlain[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f {
			return false
		}
	}
	return true
}

// isClean reports whether CleanText would return s as it is: valid UTF-8
// holding no character CleanText removes. It lets text that needs nothing
// (nearly all of it, accents and symbols included) pass without a copy.
// U+FFFD stands for invalid UTF-8 here; a real one is left to CleanText,
// which keeps it.
func isClean(s string) bool {
	if isPlain(s) {
		return true
	}
	for _, r := range s {
		if r == utf8.RuneError || removed(r) {
			return false
		}
	}
	return true
}

// isCleanBytes is isClean for a chunk being written, without a copy.
func isCleanBytes(p []byte) bool {
	if isPlain(p) {
		return true
	}
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError || removed(r) {
			return false
		}
		i += size
	}
	return true
}

// removed reports whether CleanText drops r (with what follows it, for the
// introducer of an escape sequence): C0 controls but line break and tab,
// DEL, C1 controls and bidirectional controls.
func removed(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r)
}

func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// skipEscape skips the sequence after an ESC at s[i-1] and returns the index
// after it.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two-byte sequences (and intermediates like ESC ( B).
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes up to the final byte.
func skipCSI(s string, i int) int {
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 0x40 && c <= 0x7e {
			return i + 1
		}
		if c < 0x20 || c > 0x7e {
			return i // malformed: let the caller judge this byte
		}
	}
	return i
}

// skipString skips a control string up to BEL, ST (ESC \) or 8-bit ST.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}
