package report

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Format is one kind of report `slate report --format` writes. The ordered
// registry below is the only list of formats: `slate report --help`, the
// usage text, the Reports screen and README's table are all built from it,
// so a new format is one file with its writer plus one entry here.
type Format struct {
	Key         string // the --format value, lower case
	Ext         string // file extension with the dot
	Title       string // short display name
	Description string // one line: what it holds and who it is for
	// Files names the files a report writes, the main one first, by the
	// suffix inserted before the extension ("" for the main file,
	// "-roadmap" for plant-report-roadmap.csv).
	Files []string
	// Write writes file i (an index into Files) of the report to w.
	Write func(w io.Writer, in *Input, file int) error
}

// Paths returns the files a report written to base consists of.
func (f Format) Paths(base string) []string {
	out := make([]string, len(f.Files))
	for i, s := range f.Files {
		out[i] = FilePath(base, s)
	}
	return out
}

var (
	registryMu sync.RWMutex
	registry   = []Format{
		{Key: "html", Ext: ".html", Title: "HTML",
			Description: "one self-contained file for browsers: cover, summary, heatmap, charts, roadmap; prints on A4 and Letter",
			Files:       []string{""}, Write: single(WriteHTML)},
		{Key: "md", Ext: ".md", Title: "Markdown",
			Description: "the same content as text and tables, for a forge, a wiki or an editor",
			Files:       []string{""}, Write: single(WriteMarkdown)},
		{Key: "csv", Ext: ".csv", Title: "CSV",
			Description: "three files for Excel or LibreOffice: every answer, the roadmap and the gap matrix",
			Files:       []string{"", "-roadmap", "-matrix"}, Write: writeCSVPart},
		{Key: "json", Ext: ".json", Title: "JSON",
			Description: "the exchange document: the whole assessment, to import elsewhere with slate import",
			Files:       []string{""}, Write: single(WriteJSON)},
	}
)

func single(write func(io.Writer, *Input) error) func(io.Writer, *Input, int) error {
	return func(w io.Writer, in *Input, _ int) error { return write(w, in) }
}

// Formats returns the registered formats in order.
func Formats() []Format {
	registryMu.RLock()
	defer registryMu.RUnlock()
	return slices.Clone(registry)
}

// LookupFormat finds a format by key, ignoring case.
func LookupFormat(key string) (Format, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	for _, f := range registry {
		if strings.EqualFold(f.Key, strings.TrimSpace(key)) {
			return f, true
		}
	}
	return Format{}, false
}

// FormatKeys lists the keys joined by sep ("html|md|csv|json").
func FormatKeys(sep string) string {
	var keys []string
	for _, f := range Formats() {
		keys = append(keys, f.Key)
	}
	return strings.Join(keys, sep)
}

// RegisterFormat adds a format at the end of the registry and returns a
// function that removes it again (tests add throw-away formats).
func RegisterFormat(f Format) (unregister func()) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry = append(registry, f)
	return func() {
		registryMu.Lock()
		defer registryMu.Unlock()
		registry = slices.DeleteFunc(registry, func(x Format) bool { return x.Key == f.Key })
	}
}

// FormatsTable is the Markdown table of formats that README.md carries
// between its "formats" markers (a test keeps README in step).
func FormatsTable() string {
	var b strings.Builder
	b.WriteString("| `--format` | Files | What it holds |\n|---|---|---|\n")
	for _, f := range Formats() {
		files := make([]string, len(f.Files))
		for i, s := range f.Files {
			files[i] = "`…-report" + s + f.Ext + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.Key, strings.Join(files, ", "), f.Description)
	}
	return b.String()
}

// DefaultPath is where a report of assessment file path goes: beside it,
// named after it ("plant.slate" -> "plant-report.html").
func DefaultPath(path string, f Format) string {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	return base + "-report" + f.Ext
}

// FilePath inserts a suffix before the extension of base.
func FilePath(base, suffix string) string {
	ext := filepath.Ext(base)
	return strings.TrimSuffix(base, ext) + suffix + ext
}

// Render produces file i of a report in memory (tests, small outputs).
func Render(f Format, in *Input, file int) ([]byte, error) {
	var b bytes.Buffer
	if err := f.Write(&b, in, file); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Saved is a report file written to disk.
type Saved struct {
	Path  string
	Bytes int64
}

// Write renders every file of a report beside base, each streamed into a
// temporary file and moved into place (mode 0600), so a large plant's
// report is never held in memory whole and a crash leaves no half report.
func Write(f Format, in *Input, base string) ([]Saved, error) {
	var out []Saved
	for i, p := range f.Paths(base) {
		af, err := CreateAtomic(p)
		if err != nil {
			return out, err
		}
		cw := &countingWriter{w: af}
		if err := f.Write(cw, in, i); err != nil {
			af.Abort()
			return out, fmt.Errorf("cannot write %s: %s", p, reason(err))
		}
		if err := af.Commit(); err != nil {
			return out, err
		}
		out = append(out, Saved{p, cw.n})
	}
	return out, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
