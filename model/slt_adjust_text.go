package model

import (
	"fmt"
	"strconv"
	"strings"
)

// FR adjustments as one line of text, the way the SL-T rationale form
// takes them: "FR4 -1 the network carries no secrets; FR7 +1 the unit
// cannot stop". Each adjustment is an FR, a signed number of levels and a
// reason, separated by ";".

// ParseFRAdjustments reads adjustments written as FormatFRAdjustments
// writes them (a ":" after the number is allowed); the empty text is none.
func ParseFRAdjustments(s string) ([]FRAdjustment, error) {
	var out []FRAdjustment
	for _, part := range strings.Split(CleanLine(s), ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		f := strings.Fields(part)
		fr, err := parseFRWord(f[0])
		if err != nil {
			return nil, fmt.Errorf("%q: %w", part, err)
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("%q: give the change in levels after %s, e.g. %s -1 and the reason", part, fr, fr)
		}
		num := strings.TrimSuffix(f[1], ":")
		delta, err := strconv.Atoi(strings.Replace(num, "−", "-", 1))
		if err != nil || !strings.ContainsAny(num[:1], "+-−") {
			return nil, fmt.Errorf("%q: write the change with its sign, e.g. %s -1 or %s +1", part, fr, fr)
		}
		reason := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.Join(f[2:], " ")), ":"))
		out = append(out, FRAdjustment{FR: fr, Delta: delta, Reason: reason})
	}
	return out, nil
}

// parseFRWord reads "FR4" or "4".
func parseFRWord(w string) (FR, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(strings.ToUpper(w), "FR"))
	if err != nil || !FR(n).Valid() {
		return 0, fmt.Errorf("start with the FR, FR1 to FR7")
	}
	return FR(n), nil
}

// FormatFRAdjustments writes adjustments as ParseFRAdjustments reads them.
func FormatFRAdjustments(adj []FRAdjustment) string {
	parts := make([]string, len(adj))
	for i, a := range adj {
		parts[i] = fmt.Sprintf("%s %+d %s", a.FR, a.Delta, strings.TrimSpace(CleanLine(strings.ReplaceAll(a.Reason, ";", ","))))
	}
	return strings.Join(parts, "; ")
}
