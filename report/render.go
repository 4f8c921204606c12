package report

import (
	"path/filepath"
	"strings"
)

// File is one output of a report: CSV reports come as two files.
type File struct {
	Suffix string // added before the extension ("" for the main file)
	Data   []byte
}

// Formats lists the report formats with their file extension.
var Formats = map[string]string{"html": ".html", "md": ".md", "csv": ".csv", "json": ".json"}

// Render produces the files of a report in the given format.
func Render(format string, in *Input) ([]File, error) {
	var (
		data []byte
		err  error
	)
	switch format {
	case "html":
		data, err = HTML(in)
	case "md":
		data, err = Markdown(in)
	case "json":
		data, err = JSON(in)
	case "csv":
		answers, err := AnswersCSV(in)
		if err != nil {
			return nil, err
		}
		roadmap, err := RoadmapCSV(in)
		if err != nil {
			return nil, err
		}
		return []File{{"", answers}, {"-roadmap", roadmap}}, nil
	}
	if err != nil {
		return nil, err
	}
	return []File{{"", data}}, nil
}

// DefaultPath is where a report of assessment file path goes: beside it,
// named after it ("plant.slate" -> "plant-report.html").
func DefaultPath(path, format string) string {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	return base + "-report" + Formats[format]
}

// FilePath inserts a suffix before the extension of base.
func FilePath(base, suffix string) string {
	ext := filepath.Ext(base)
	return strings.TrimSuffix(base, ext) + suffix + ext
}

// Saved is a report file written to disk.
type Saved struct {
	Path  string
	Bytes int64
}

// Write renders a report and writes its files beside base (atomically,
// mode 0600); the HTML report is streamed to disk rather than built in
// memory.
func Write(format string, in *Input, base string) ([]Saved, error) {
	if format == "html" {
		f, err := CreateAtomic(base)
		if err != nil {
			return nil, err
		}
		if err := WriteHTML(f, in); err != nil {
			f.Abort()
			return nil, err
		}
		st, _ := f.Stat()
		if err := f.Commit(); err != nil {
			return nil, err
		}
		return []Saved{{base, st.Size()}}, nil
	}
	files, err := Render(format, in)
	if err != nil {
		return nil, err
	}
	var out []Saved
	for _, f := range files {
		p := FilePath(base, f.Suffix)
		if err := WriteFile(p, f.Data); err != nil {
			return out, err
		}
		out = append(out, Saved{p, int64(len(f.Data))})
	}
	return out, nil
}
