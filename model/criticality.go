package model

import "fmt"

// Criticality rates how much the process depends on an asset: what an
// assessor writes beside it in the inventory so that the roadmap and the
// report can tell the safety logic solver from a spare laptop.
type Criticality string

// The ratings; the empty string is "not rated".
const (
	CriticalityNone   Criticality = ""
	CriticalityLow    Criticality = "low"    // its loss is an inconvenience
	CriticalityMedium Criticality = "medium" // its loss degrades production or visibility
	CriticalityHigh   Criticality = "high"   // its loss stops the process or endangers people or plant
)

// Criticalities lists the ratings in display order, "not rated" first.
var Criticalities = []Criticality{CriticalityNone, CriticalityLow, CriticalityMedium, CriticalityHigh}

// Valid reports whether c is one of Criticalities.
func (c Criticality) Valid() bool {
	for _, x := range Criticalities {
		if c == x {
			return true
		}
	}
	return false
}

// Label is the rating in words: "not rated" for none.
func (c Criticality) Label() string {
	if c == CriticalityNone {
		return "not rated"
	}
	return string(c)
}

// ParseCriticality reads a rating, case-insensitively; "" and "not rated"
// are none.
func ParseCriticality(s string) (Criticality, error) {
	switch k := kindKey(s); k {
	case "", "not-rated", "none":
		return CriticalityNone, nil
	default:
		if c := Criticality(k); c.Valid() {
			return c, nil
		}
	}
	return "", fmt.Errorf("criticality %q: use low, medium or high (or leave it empty)", s)
}
