package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"slate/model"
)

// Before the baseline row (schema 3), the history recorded states rather
// than row images: an answer in full, a zone's or conduit's fields, an
// asset's fields under its zone, a tracking record, a window by name and
// the assessment's descriptive fields; not ids, order, times or the
// catalog. legacyView replays those rows into a view of what they cover,
// and viewOf derives the same view from table rows: verify compares the
// two for a file of an older schema, and checks that the baseline of an
// upgraded file agrees with the history before it.

// answerState is what the legacy history records of an answer.
type answerState struct {
	Status        string `json:"status"`
	Note          string `json:"note"`
	Justification string `json:"justification"`
	Interviewee   string `json:"interviewee"`
	Assessor      string `json:"assessor"`
	Flagged       bool   `json:"flagged"`
}

// legacyView maps what a legacy row describes ("answer control|SR 1.1",
// "zone control", "assets of zone control", "the maintenance windows", ...)
// to its canonical states, sorted (assets and windows have no key in the
// legacy history, so they are compared as a whole).
type legacyView map[string][]string

func (v legacyView) apply(r auditRow) {
	switch {
	case r.Kind == "answer":
		v.set("answer "+r.Subject, r.New)
	case r.Kind == "zone" || r.Kind == "conduit":
		v.set(r.Kind+" "+r.Subject, r.New)
	case r.Kind == "assessment":
		v.set("the assessment's details", r.New)
	case r.Kind == "tracking":
		v.set("tracking of "+r.Subject, r.New)
	case r.Kind == "asset":
		v.swap("assets of zone "+r.Subject, r.Old, r.New)
	case r.Kind == "window":
		v.swap("the maintenance windows", r.Old, r.New)
	case strings.HasSuffix(r.Kind, ".delete"):
		delete(v, strings.TrimSuffix(r.Kind, ".delete")+" "+r.Subject)
		delete(v, "assets of zone "+r.Subject)
		for k := range v {
			if strings.HasPrefix(k, "answer "+r.Subject+"|") {
				delete(v, k)
			}
		}
	}
}

func (v legacyView) set(k, state string) {
	if state == "null" {
		delete(v, k)
	} else {
		v[k] = []string{state}
	}
}

// swap removes one old state and adds the new one of a keyless collection.
func (v legacyView) swap(k, old, new string) {
	list := v[k]
	if old != "null" {
		for i, s := range list {
			if s == old {
				list = append(list[:i:i], list[i+1:]...)
				break
			}
		}
	}
	if new != "null" {
		list = append(list, new)
		sort.Strings(list)
	}
	if len(list) == 0 {
		delete(v, k)
	} else {
		v[k] = list
	}
}

// viewOf derives the legacy view from table rows.
func viewOf(tables changeset) legacyView {
	v := legacyView{}
	keys := map[string]string{} // target id -> key
	for _, t := range tables["targets"] {
		keys[text(t["id"])] = str(t["key"])
	}
	for _, a := range tables["assessment"] {
		v.set("the assessment's details", canonical(model.Meta{Name: str(a["name"]), Site: str(a["site"]), Scope: str(a["scope"]), Assessor: str(a["assessor"])}))
	}
	for _, t := range tables["targets"] {
		z := legacyZone{str(t["name"]), str(t["description"]), str(t["type"]), str(t["slt"])}
		if str(t["kind"]) == "zone" {
			v.set("zone "+str(t["key"]), canonical(z))
		} else {
			c := legacyConduit{z, keys[text(t["from_zone"])], keys[text(t["to_zone"])], str(t["protocols"])}
			v.set("conduit "+str(t["key"]), canonical(c))
		}
	}
	for _, a := range tables["assets"] {
		zone := keys[text(a["zone_id"])]
		st := legacyAsset{zone, str(a["name"]), str(a["type"]), str(a["vendor"]), str(a["model"]), str(a["firmware"]), str(a["address"]), str(a["notes"])}
		v.swap("assets of zone "+zone, "null", canonical(st))
	}
	for _, a := range tables["answers"] {
		st := answerState{str(a["status"]), str(a["note"]), str(a["justification"]), str(a["interviewee"]), str(a["assessor"]), text(a["flagged"]) != "0"}
		v.set("answer "+answerSubject(keys[text(a["target_id"])], str(a["requirement"])), canonical(st))
	}
	for _, t := range tables["tracking"] {
		st := trackingState{Owner: str(t["owner"]), Due: str(t["due"]), Status: str(t["status"]), Justification: str(t["justification"]),
			Effort: str(t["effort"]), Outage: boolPtr(t["outage"]), Vendor: boolPtr(t["vendor"]), Phase: str(t["phase"])}
		v.set("tracking of "+str(t["requirement"]), canonical(st))
	}
	for _, w := range tables["windows"] {
		v.swap("the maintenance windows", "null", canonical(windowState{str(w["name"]), str(w["date"])}))
	}
	return v
}

// legacyZone, legacyConduit and legacyAsset are how the history recorded
// a zone, a conduit and an asset before the schema-3 baseline (the tables
// then had a free-text type, and assets belonged to zones only).
type legacyZone struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Type        string `json:"type"`
	SLT         string `json:"sl_t"`
}

type legacyConduit struct {
	legacyZone
	From      string `json:"from"`
	To        string `json:"to"`
	Protocols string `json:"protocols"`
}

type legacyAsset struct {
	Zone     string `json:"zone"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Vendor   string `json:"vendor"`
	Model    string `json:"model"`
	Firmware string `json:"firmware"`
	Address  string `json:"address"`
	Notes    string `json:"notes"`
}

// trackingState and windowState are how the history recorded a tracking
// record and a window before the schema-3 baseline.
type trackingState struct {
	Owner         string `json:"owner"`
	Due           string `json:"due"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
	Effort        string `json:"effort"`
	Outage        *bool  `json:"outage"`
	Vendor        *bool  `json:"vendor"`
	Phase         string `json:"phase"`
}

type windowState struct {
	Name string `json:"name"`
	Date string `json:"date"`
}

// diffViews lists what differs between the history's view and the file's.
func diffViews(history, file legacyView) []string {
	var out []string
	for _, k := range sortedUnion(history, file) {
		h, inHistory := history[k]
		f, inFile := file[k]
		what := strings.Replace(k, "|", " ", 1)
		switch {
		case !inFile:
			out = append(out, what+" is in the history but missing from the file (deleted outside Slate)")
		case !inHistory:
			out = append(out, what+" is in the file but not in the history (added outside Slate)")
		case strings.Join(h, "\n") != strings.Join(f, "\n"):
			out = append(out, what+" differs from its history (changed outside Slate)")
		}
	}
	return out
}

// canonical encodes a legacy state as the legacy history did.
func canonical(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own plain structs reach here
	}
	return string(b)
}

// str, text and boolPtr read image values, which are SQLite's values or
// their JSON decoding (json.Number for numbers).
func str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if v == nil {
		return ""
	}
	return text(v)
}

func text(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case json.Number:
		return x.String()
	}
	return fmt.Sprint(v)
}

func boolPtr(v any) *bool {
	if v == nil {
		return nil
	}
	b := text(v) != "0"
	return &b
}
