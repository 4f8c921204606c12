package model

import (
	"fmt"
	"strings"
)

// ZoneKind is what a zone is for, from a closed list. The checks and the
// zone diagram read the kind, never the free text a zone was typed with.
type ZoneKind string

// The zone kinds (docs/zone-model.md).
const (
	ZoneExternal    ZoneKind = "external"    // networks the plant does not own: internet, vendors, partners
	ZoneEnterprise  ZoneKind = "enterprise"  // corporate IT
	ZoneDMZ         ZoneKind = "dmz"         // the industrial DMZ between IT and OT
	ZoneSupervisory ZoneKind = "supervisory" // SCADA, HMIs, historians, engineering stations
	ZoneControl     ZoneKind = "control"     // controllers and their networks
	ZoneSafety      ZoneKind = "safety"      // safety instrumented systems
	ZoneField       ZoneKind = "field"       // sensors, actuators, remote I/O
	ZoneOther       ZoneKind = "other"       // anything else; drawn at a row the assessor chooses
)

// ZoneKinds lists the zone kinds in display order.
var ZoneKinds = []ZoneKind{ZoneExternal, ZoneEnterprise, ZoneDMZ, ZoneSupervisory, ZoneControl,
	ZoneSafety, ZoneField, ZoneOther}

// ConduitKind is how a conduit carries traffic, from a closed list.
type ConduitKind string

// The conduit kinds (docs/zone-model.md).
const (
	ConduitFirewall      ConduitKind = "firewall"
	ConduitDataDiode     ConduitKind = "data-diode" // one-way by hardware
	ConduitVPN           ConduitKind = "vpn"
	ConduitDirect        ConduitKind = "direct" // no filtering device at all
	ConduitSafetyGateway ConduitKind = "safety-gateway"
	ConduitWireless      ConduitKind = "wireless"
	ConduitCellular      ConduitKind = "cellular"
	ConduitWAN           ConduitKind = "wan"
	ConduitRemoteAccess  ConduitKind = "remote-access"
	ConduitOther         ConduitKind = "other"
)

// ConduitKinds lists the conduit kinds in display order.
var ConduitKinds = []ConduitKind{ConduitFirewall, ConduitDataDiode, ConduitVPN, ConduitDirect,
	ConduitSafetyGateway, ConduitWireless, ConduitCellular, ConduitWAN, ConduitRemoteAccess, ConduitOther}

// Tier is a zone's row in the zone diagram, top first: the classic
// reference model's levels folded into five rows.
type Tier int

// The diagram rows.
const (
	TierEnterprise  Tier = iota // external and enterprise
	TierDMZ                     // dmz
	TierSupervisory             // supervisory
	TierControl                 // control
	TierField                   // safety and field
)

// MaxTier is the lowest row of the diagram.
const MaxTier = TierField

// Valid reports whether t is one of the five rows.
func (t Tier) Valid() bool { return t >= TierEnterprise && t <= MaxTier }

// String names the row by the kinds drawn on it.
func (t Tier) String() string {
	switch t {
	case TierEnterprise:
		return "external and enterprise"
	case TierDMZ:
		return "DMZ"
	case TierSupervisory:
		return "supervisory"
	case TierControl:
		return "control"
	case TierField:
		return "safety and field"
	}
	return fmt.Sprintf("row %d", int(t))
}

var tierKeys = [...]string{"enterprise", "dmz", "supervisory", "control", "field"}

// Tiers lists the rows, top first.
var Tiers = []Tier{TierEnterprise, TierDMZ, TierSupervisory, TierControl, TierField}

// Key is the row's spelling in the exchange document: enterprise, dmz,
// supervisory, control or field.
func (t Tier) Key() string {
	if !t.Valid() {
		return fmt.Sprintf("tier(%d)", int(t))
	}
	return tierKeys[t]
}

// ParseTier reads a Key.
func ParseTier(s string) (Tier, error) {
	for i, k := range tierKeys {
		if k == s {
			return Tier(i), nil
		}
	}
	return 0, fmt.Errorf("row %q: use one of %s", s, strings.Join(tierKeys[:], ", "))
}

// Tier is the kind's row in the diagram; ok is false for ZoneOther, whose
// row the assessor chooses.
func (k ZoneKind) Tier() (t Tier, ok bool) {
	switch k {
	case ZoneExternal, ZoneEnterprise:
		return TierEnterprise, true
	case ZoneDMZ:
		return TierDMZ, true
	case ZoneSupervisory:
		return TierSupervisory, true
	case ZoneControl:
		return TierControl, true
	case ZoneSafety, ZoneField:
		return TierField, true
	}
	return TierControl, false
}

// Valid reports whether k is on the closed list.
func (k ZoneKind) Valid() bool {
	for _, z := range ZoneKinds {
		if k == z {
			return true
		}
	}
	return false
}

// Label is the kind as a person writes it.
func (k ZoneKind) Label() string {
	switch k {
	case ZoneDMZ:
		return "DMZ"
	case "":
		return string(ZoneOther)
	}
	return string(k)
}

// IsIT reports whether the zone belongs to the IT side of the IT/OT
// boundary: networks outside the plant's control.
func (k ZoneKind) IsIT() bool { return k == ZoneExternal || k == ZoneEnterprise }

// IsOT reports whether the zone runs the process (supervisory or below):
// what a DMZ must separate from IT.
func (k ZoneKind) IsOT() bool {
	return k == ZoneSupervisory || k == ZoneControl || k == ZoneSafety || k == ZoneField
}

// Valid reports whether k is on the closed list.
func (k ConduitKind) Valid() bool {
	for _, c := range ConduitKinds {
		if k == c {
			return true
		}
	}
	return false
}

// Label is the kind as a person writes it.
func (k ConduitKind) Label() string {
	switch k {
	case ConduitVPN:
		return "VPN"
	case ConduitWAN:
		return "WAN"
	case "":
		return string(ConduitOther)
	}
	return strings.ReplaceAll(string(k), "-", " ")
}

// kindKey is the spelling the mapping compares: case-insensitive, with
// spaces and underscores read as hyphens, runs of them as one.
func kindKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(CleanLine(s)))
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '-' })
	return strings.Join(f, "-")
}

// Synonyms the mapping accepts besides the kinds' own names; kept short on
// purpose so a surprising text ends up as `other` with its words kept.
var (
	zoneSynonyms = map[string]ZoneKind{
		"internet": ZoneExternal, "corporate": ZoneEnterprise, "it": ZoneEnterprise,
		"idmz": ZoneDMZ, "industrial-dmz": ZoneDMZ, "sis": ZoneSafety,
		"safety-instrumented-system": ZoneSafety,
	}
	conduitSynonyms = map[string]ConduitKind{
		"diode": ConduitDataDiode, "unidirectional-gateway": ConduitDataDiode,
		"wifi": ConduitWireless, "wi-fi": ConduitWireless, "wlan": ConduitWireless,
		"lte": ConduitCellular, "4g": ConduitCellular, "5g": ConduitCellular,
	}
)

// ParseZoneKind reads a kind of the closed list (case-insensitive, spaces
// as hyphens) or one of its few synonyms; anything else is an error.
func ParseZoneKind(s string) (ZoneKind, error) {
	key := kindKey(s)
	if k := ZoneKind(key); k.Valid() {
		return k, nil
	}
	if k, ok := zoneSynonyms[key]; ok {
		return k, nil
	}
	return "", fmt.Errorf("zone kind %q: use one of %s", s, joinKinds(ZoneKinds))
}

// ParseConduitKind reads a kind of the closed list (case-insensitive,
// spaces as hyphens) or one of its few synonyms; anything else is an error.
func ParseConduitKind(s string) (ConduitKind, error) {
	key := kindKey(s)
	if k := ConduitKind(key); k.Valid() {
		return k, nil
	}
	if k, ok := conduitSynonyms[key]; ok {
		return k, nil
	}
	return "", fmt.Errorf("conduit kind %q: use one of %s", s, joinKinds(ConduitKinds))
}

// ZoneKindOf maps the free text zones were typed with before kinds were a
// closed list: a kind or synonym becomes that kind (label ""); anything
// else becomes ZoneOther with the old text, cleaned, as its label, so no
// assessor's word is lost. Empty text is ZoneOther without a label.
func ZoneKindOf(text string) (ZoneKind, string) {
	if k, err := ParseZoneKind(text); err == nil {
		return k, ""
	}
	return ZoneOther, strings.TrimSpace(CleanLine(text))
}

// ConduitKindOf is ZoneKindOf for conduits.
func ConduitKindOf(text string) (ConduitKind, string) {
	if k, err := ParseConduitKind(text); err == nil {
		return k, ""
	}
	return ConduitOther, strings.TrimSpace(CleanLine(text))
}

func joinKinds[K ~string](ks []K) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = string(k)
	}
	return strings.Join(parts, ", ")
}
