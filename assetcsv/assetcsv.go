// Package assetcsv reads the asset lists that inventory tools export
// (a spreadsheet saved as CSV: name, type, vendor, model, firmware, IP
// address and the zone or conduit each asset sits in) into a preview of
// what an import would add and update. It is pure: bytes and the plant's
// targets in, a Preview out. The import is all or nothing: a preview with
// any error must not be applied. docs/asset-import.md describes the format.
package assetcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"slate/model"
)

// Field is an asset field a column can fill.
type Field string

// The fields; FieldName and FieldTarget are required.
const (
	FieldName     Field = "name"
	FieldType     Field = "type"
	FieldVendor   Field = "vendor"
	FieldModel    Field = "model"
	FieldFirmware Field = "firmware"
	FieldAddress  Field = "address"
	FieldTarget   Field = "target" // the zone or conduit, by id or name
	FieldNotes    Field = "notes"
	// FieldCriticality is low, medium or high (model.ParseCriticality).
	FieldCriticality Field = "criticality"
)

// Fields lists the fields in the order previews show them.
var Fields = []Field{FieldName, FieldType, FieldVendor, FieldModel, FieldFirmware, FieldAddress, FieldTarget, FieldNotes, FieldCriticality}

// headerAliases are the column headings recognised for each field,
// compared case-insensitively with spaces, underscores, hyphens and dots
// read alike. Kept to what common inventory exports write.
var headerAliases = map[Field][]string{
	FieldName:        {"name", "hostname", "host name", "asset", "asset name", "device", "device name"},
	FieldType:        {"type", "asset type", "device type", "category"},
	FieldVendor:      {"vendor", "manufacturer", "make"},
	FieldModel:       {"model", "product", "model number"},
	FieldFirmware:    {"firmware", "firmware version", "fw", "fw version", "version", "software version"},
	FieldAddress:     {"address", "ip", "ip address", "ipv4", "ipv4 address", "ip addr"},
	FieldTarget:      {"target", "zone", "conduit", "zone or conduit", "zone/conduit", "security zone"},
	FieldNotes:       {"notes", "note", "comment", "comments", "description"},
	FieldCriticality: {"criticality", "asset criticality", "criticality rating"},
}

// maxLen is the longest value a field takes, in characters.
var maxLen = map[Field]int{FieldNotes: 2000}

const defaultMaxLen = 200

// Target is a zone or conduit assets can be imported into, with the
// assets it holds now (for updates).
type Target struct {
	Key, Name string
	Kind      model.TargetKind
	Assets    []model.Asset
}

// TargetsOf lists an assessment's zones, then its conduits, each with the
// assets it holds.
func TargetsOf(a *model.Assessment) []Target {
	out := make([]Target, 0, len(a.Zones)+len(a.Conduits))
	for _, z := range a.Zones {
		out = append(out, Target{Key: z.Key, Name: z.Name, Kind: model.KindZone, Assets: z.Assets})
	}
	for _, c := range a.Conduits {
		out = append(out, Target{Key: c.Key, Name: c.Name, Kind: model.KindConduit, Assets: c.Assets})
	}
	return out
}

// Mapping names, per field, the column heading that fills it, overriding
// the aliases (`--map FIELD=COLUMN`).
type Mapping map[Field]string

// ParseMapping reads `FIELD=COLUMN` specifications; FIELD is one of Fields
// (or zone/conduit for target, ip for address), case-insensitive.
func ParseMapping(specs []string) (Mapping, error) {
	m := Mapping{}
	for _, s := range specs {
		f, col, ok := strings.Cut(s, "=")
		col = strings.TrimSpace(col)
		if !ok || col == "" {
			return nil, fmt.Errorf("--map %q: write FIELD=COLUMN, e.g. name=Hostname", s)
		}
		field, err := parseField(f)
		if err != nil {
			return nil, fmt.Errorf("--map %q: %w", s, err)
		}
		if _, dup := m[field]; dup {
			return nil, fmt.Errorf("--map %q: %s is mapped twice", s, field)
		}
		m[field] = col
	}
	return m, nil
}

func parseField(s string) (Field, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "zone", "conduit":
		return FieldTarget, nil
	case "ip":
		return FieldAddress, nil
	}
	if f := Field(s); slices.Contains(Fields, f) {
		return f, nil
	}
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown field %q (fields: %s)", s, strings.Join(names, ", "))
}

// Options tune an import.
type Options struct {
	Map Mapping
}

// Issue is an error in the input, with where it is: Line is the line of
// the file (1 is the header), Column the heading of the column ("" when
// the whole line or file is concerned).
type Issue struct {
	Line   int
	Column string
	Msg    string
}

func (e Issue) Error() string {
	if e.Column != "" {
		return fmt.Sprintf("line %d, column %q: %s", e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Row is one asset of the preview.
type Row struct {
	Line       int
	Target     string // the zone or conduit key
	TargetName string
	Asset      model.Asset  // as it will be saved (for an update: with the existing ID and the CSV's values)
	Old        *model.Asset // for an update: the asset as it is now
	Changed    []Field      // for an update: the fields that change
}

// Preview is what an import would do. Apply it only when OK.
type Preview struct {
	Separator rune             // ',' or ';'
	Columns   map[Field]string // the heading that filled each field
	Ignored   []string         // headings no field uses
	Adds      []Row            // new assets
	Updates   []Row            // assets that exist in their target and change
	Unchanged []Row            // assets that exist and would not change
	Errors    []Issue
}

// OK reports whether the preview may be applied.
func (p *Preview) OK() bool { return len(p.Errors) == 0 }

// Err is all errors as one error (nil when OK).
func (p *Preview) Err() error {
	errs := make([]error, len(p.Errors))
	for i, e := range p.Errors {
		errs[i] = e
	}
	return errors.Join(errs...)
}

var bom = []byte("\xef\xbb\xbf")

// Plan reads a CSV export and previews its import into targets: which
// assets are added, which existing ones (same name, case-insensitive, in
// the same target) are updated, and every error with its line and column.
// An empty cell never clears an existing value.
func Plan(data []byte, targets []Target, opt Options) Preview {
	p := Preview{Columns: map[Field]string{}}
	fail := func(line int, col, format string, args ...any) {
		p.Errors = append(p.Errors, Issue{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
	}
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		fail(invalidLine(data), "", "not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"")
		return p
	}
	if len(bytes.TrimSpace(data)) == 0 {
		fail(1, "", "the file is empty; the first line must name the columns")
		return p
	}
	p.Separator = detectSeparator(data)
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = p.Separator
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		failCSV(&p, err)
		return p
	}
	type record struct {
		cells []string
		lines []int
	}
	var records []record
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			failCSV(&p, err)
			return p
		}
		lines := make([]int, len(rec))
		for i := range rec {
			lines[i], _ = r.FieldPos(i)
		}
		records = append(records, record{rec, lines})
	}

	cols := mapColumns(&p, header, opt.Map)
	if !p.OK() {
		return p
	}
	heading := func(f Field) string { return p.Columns[f] }

	seen := map[[2]string]int{} // (target, folded name) -> first line
	for _, rec := range records {
		line := rec.lines[0]
		if allBlank(rec.cells) {
			continue
		}
		if len(rec.cells) > len(header) && !allBlank(rec.cells[len(header):]) {
			fail(line, "", "%d fields, but the header names %d columns", len(rec.cells), len(header))
			continue
		}
		vals := map[Field]string{}
		bad := false
		for _, f := range Fields {
			i, ok := cols[f]
			if !ok {
				continue
			}
			v := ""
			if i < len(rec.cells) {
				v = strings.TrimSpace(model.CleanLine(rec.cells[i]))
			}
			limit := defaultMaxLen
			if l, ok := maxLen[f]; ok {
				limit = l
			}
			if n := utf8.RuneCountInString(v); n > limit {
				fail(cellLine(rec.lines, i, line), heading(f), "%d characters; at most %d fit", n, limit)
				bad = true
			}
			vals[f] = v
		}
		if vals[FieldName] == "" {
			fail(line, heading(FieldName), "the asset has no name")
			bad = true
		}
		if c, err := model.ParseCriticality(vals[FieldCriticality]); err != nil {
			fail(cellLine(rec.lines, cols[FieldCriticality], line), heading(FieldCriticality), "%s", err)
			bad = true
		} else {
			vals[FieldCriticality] = string(c)
		}
		t, msg := matchTarget(targets, vals[FieldTarget])
		if t == nil {
			fail(cellLine(rec.lines, cols[FieldTarget], line), heading(FieldTarget), "%s", msg)
			bad = true
		}
		if bad {
			continue
		}
		key := [2]string{t.Key, fold(vals[FieldName])}
		if first, dup := seen[key]; dup {
			fail(line, heading(FieldName), "asset %q in %q appears twice, on lines %d and %d",
				vals[FieldName], strings.TrimSpace(model.CleanLine(t.Name)), first, line)
			continue
		}
		seen[key] = line
		p.addRow(line, t, vals, cols)
	}
	return p
}

// Puts are the assets an OK preview saves: the adds (ID 0) and the
// updates, in the file's order of each.
func (p *Preview) Puts() []model.AssetPut {
	out := make([]model.AssetPut, 0, len(p.Adds)+len(p.Updates))
	for _, rows := range [][]Row{p.Adds, p.Updates} {
		for _, r := range rows {
			out = append(out, model.AssetPut{Target: r.Target, Asset: r.Asset})
		}
	}
	return out
}

// addRow sorts a valid line into adds, updates or unchanged.
func (p *Preview) addRow(line int, t *Target, vals map[Field]string, cols map[Field]int) {
	row := Row{Line: line, Target: t.Key, TargetName: strings.TrimSpace(model.CleanLine(t.Name))}
	var old *model.Asset
	for i := range t.Assets {
		if fold(t.Assets[i].Name) == fold(vals[FieldName]) {
			a := t.Assets[i]
			old = &a
			break
		}
	}
	if old == nil {
		row.Asset = model.Asset{Name: vals[FieldName]}
		for _, f := range Fields {
			if ptr := assetField(&row.Asset, f); ptr != nil && f != FieldName {
				*ptr = vals[f]
			}
		}
		p.Adds = append(p.Adds, row)
		return
	}
	row.Old, row.Asset = old, *old
	for _, f := range Fields {
		ptr := assetField(&row.Asset, f)
		if _, present := cols[f]; !present || ptr == nil || f == FieldName || vals[f] == "" {
			continue // an empty or missing cell keeps what is there
		}
		if *ptr != vals[f] {
			*ptr = vals[f]
			row.Changed = append(row.Changed, f)
		}
	}
	if len(row.Changed) == 0 {
		p.Unchanged = append(p.Unchanged, row)
		return
	}
	p.Updates = append(p.Updates, row)
}

func assetField(a *model.Asset, f Field) *string {
	switch f {
	case FieldName:
		return &a.Name
	case FieldType:
		return &a.Type
	case FieldVendor:
		return &a.Vendor
	case FieldModel:
		return &a.Model
	case FieldFirmware:
		return &a.Firmware
	case FieldAddress:
		return &a.Address
	case FieldNotes:
		return &a.Notes
	case FieldCriticality:
		return (*string)(&a.Criticality)
	}
	return nil
}

// mapColumns decides which column fills each field: --map first, then the
// aliases; a field two columns claim, or a required field no column fills,
// is an error on line 1.
func mapColumns(p *Preview, header []string, explicit Mapping) map[Field]int {
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = strings.TrimSpace(model.CleanLine(h))
	}
	cols := map[Field]int{}
	used := map[int]bool{}
	for _, f := range Fields {
		want, ok := explicit[f]
		if !ok {
			continue
		}
		i := slices.IndexFunc(names, func(n string) bool { return strings.EqualFold(n, strings.TrimSpace(want)) })
		if i < 0 {
			p.Errors = append(p.Errors, Issue{Line: 1, Msg: fmt.Sprintf("--map %s=%s: there is no column %q (columns: %s)",
				f, want, want, strings.Join(names, ", "))})
			continue
		}
		if used[i] {
			p.Errors = append(p.Errors, Issue{Line: 1, Column: names[i], Msg: "mapped to two fields"})
			continue
		}
		cols[f], used[i] = i, true
	}
	for _, f := range Fields {
		if _, ok := explicit[f]; ok {
			continue
		}
		var hits []int
		for i, n := range names {
			if !used[i] && slices.Contains(headerAliases[f], aliasKey(n)) {
				hits = append(hits, i)
			}
		}
		switch len(hits) {
		case 0:
		case 1:
			cols[f], used[hits[0]] = hits[0], true
		default:
			p.Errors = append(p.Errors, Issue{Line: 1, Msg: fmt.Sprintf("columns %q and %q both look like the %s; choose one with --map %s=COLUMN",
				names[hits[0]], names[hits[1]], f, f)})
		}
	}
	for _, f := range []Field{FieldName, FieldTarget} {
		if _, ok := cols[f]; !ok && p.OK() {
			p.Errors = append(p.Errors, Issue{Line: 1, Msg: fmt.Sprintf("no column for the %s (a heading such as %q, or --map %s=COLUMN)",
				describe(f), headerAliases[f][0], f)})
		}
	}
	for f, i := range cols {
		p.Columns[f] = names[i]
	}
	for i, n := range names {
		if !used[i] && n != "" {
			p.Ignored = append(p.Ignored, n)
		}
	}
	return cols
}

func describe(f Field) string {
	if f == FieldTarget {
		return "zone or conduit"
	}
	return "asset " + string(f)
}

// matchTarget finds the zone or conduit a cell names: its id exactly, else
// the one target whose id or name matches case-insensitively.
func matchTarget(targets []Target, v string) (*Target, string) {
	if v == "" {
		return nil, "names no zone or conduit"
	}
	for i := range targets {
		if targets[i].Key == v {
			return &targets[i], ""
		}
	}
	var hits []*Target
	for i := range targets {
		if fold(targets[i].Key) == fold(v) || fold(targets[i].Name) == fold(v) {
			hits = append(hits, &targets[i])
		}
	}
	switch len(hits) {
	case 0:
		return nil, fmt.Sprintf("there is no zone or conduit %q", v)
	case 1:
		return hits[0], ""
	}
	var which []string
	for _, t := range hits {
		which = append(which, fmt.Sprintf("%s %q (id %s)", t.Kind, strings.TrimSpace(model.CleanLine(t.Name)), t.Key))
	}
	return nil, fmt.Sprintf("%q is ambiguous: %s; write the id instead", v, strings.Join(which, " and "))
}

// fold is how names compare: case-insensitive, runs of spaces as one.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(model.CleanLine(s)), " "))
}

func aliasKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || r == '.' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// detectSeparator picks ';' when the header line holds more semicolons
// than commas outside quotes (spreadsheets in many European locales save
// CSV so), else ','.
func detectSeparator(data []byte) rune {
	commas, semis, quoted := 0, 0, false
	for _, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			if semis > commas {
				return ';'
			}
			return ','
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

func failCSV(p *Preview, err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		p.Errors = append(p.Errors, Issue{Line: pe.Line, Msg: fmt.Sprintf("character %d: %v", pe.Column, pe.Err)})
		return
	}
	p.Errors = append(p.Errors, Issue{Line: 1, Msg: err.Error()})
}

func allBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func cellLine(lines []int, i, fallback int) int {
	if i >= 0 && i < len(lines) {
		return lines[i]
	}
	return fallback
}

// invalidLine is the first line that is not UTF-8.
func invalidLine(data []byte) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(l) {
			return i + 1
		}
	}
	return 1
}
