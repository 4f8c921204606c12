package model

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Evidence limits (docs/evidence.md): a file is stored in chunks of at
// most EvidenceChunk bytes, so no operation holds a whole file in memory,
// and is refused beyond the per-file limit (DefaultEvidenceLimit unless
// the command says otherwise).
const (
	EvidenceChunk        = 1 << 20
	DefaultEvidenceLimit = 64 << 20
)

// Evidence is a file (a photo, a configuration export, a PDF) kept inside
// the assessment file, addressed by the sha256 of its bytes: the same file
// attached twice is stored once.
type Evidence struct {
	SHA256    string
	Name      string // the file's base name when it was added
	MediaType string
	Size      int64
	AddedBy   string
	AddedAt   time.Time
	Caption   string
	Session   int64 // the interview session it was added in (0: none)
	Links     []EvidenceLink
}

// EvidenceLink ties a file to one requirement of one target. Links name
// the pair, not an answer: clearing an answer keeps its evidence.
type EvidenceLink struct {
	Target      string
	Requirement string
}

// ValidSHA256 reports whether s is a sha256 in lower-case hex.
func ValidSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// EvidenceName is the name a file is stored under: its base name, cleaned
// of control characters, never empty, never a path.
func EvidenceName(path string) string {
	name := strings.TrimSpace(CleanLine(filepath.Base(filepath.ToSlash(path))))
	name = strings.ReplaceAll(name, "\\", "_")
	name = strings.ReplaceAll(name, "/", "_")
	if name == "" || name == "." || name == ".." {
		return "file"
	}
	return name
}

// mediaTypes maps the extensions an assessor attaches to their media type;
// the name decides, the content is only looked at when the name says
// nothing (a photo saved without an extension).
var mediaTypes = map[string]string{
	".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".heic": "image/heic", ".tif": "image/tiff", ".tiff": "image/tiff",
	".txt": "text/plain", ".log": "text/plain", ".cfg": "text/plain", ".conf": "text/plain", ".ini": "text/plain",
	".csv": "text/csv", ".json": "application/json", ".xml": "application/xml", ".html": "text/html",
	".md": "text/markdown", ".zip": "application/zip", ".7z": "application/x-7z-compressed",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".doc":  "application/msword", ".xls": "application/vnd.ms-excel", ".pcap": "application/vnd.tcpdump.pcap",
	".pcapng": "application/vnd.tcpdump.pcap", ".mp4": "video/mp4", ".mov": "video/quicktime",
}

// magics are the signatures of the common types, for a name without a
// known extension.
var magics = []struct{ prefix, mediaType string }{
	{"%PDF-", "application/pdf"}, {"\x89PNG\r\n\x1a\n", "image/png"}, {"\xff\xd8\xff", "image/jpeg"},
	{"GIF8", "image/gif"}, {"PK\x03\x04", "application/zip"}, {"\xd4\xc3\xb2\xa1", "application/vnd.tcpdump.pcap"},
	{"\x0a\x0d\x0d\x0a", "application/vnd.tcpdump.pcap"},
}

// MediaTypeOf names a file's media type from its name, or from its first
// bytes (head) when the name does not say: text when head is valid text,
// application/octet-stream otherwise.
func MediaTypeOf(name string, head []byte) string {
	if t, ok := mediaTypes[strings.ToLower(filepath.Ext(name))]; ok {
		return t
	}
	for _, m := range magics {
		if strings.HasPrefix(string(head), m.prefix) {
			return m.mediaType
		}
	}
	if len(head) > 0 && looksLikeText(head) {
		return "text/plain"
	}
	return "application/octet-stream"
}

func looksLikeText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}

// HumanSize is a file size for people: "812 B", "1.4 MiB".
func HumanSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// EvidenceIndex finds the evidence of a requirement of a target.
type EvidenceIndex map[string][]*Evidence // "target|requirement" -> files in name order

// IndexEvidence builds the index of an assessment's evidence.
func IndexEvidence(list []Evidence) EvidenceIndex {
	ix := EvidenceIndex{}
	for i := range list {
		e := &list[i]
		for _, l := range e.Links {
			k := l.Target + "|" + l.Requirement
			ix[k] = append(ix[k], e)
		}
	}
	for _, es := range ix {
		sort.SliceStable(es, func(i, j int) bool { return es[i].Name < es[j].Name })
	}
	return ix
}

// Of returns the files linked to one requirement of one target.
func (ix EvidenceIndex) Of(target, requirement string) []*Evidence {
	return ix[target+"|"+requirement]
}

// SortEvidence orders files by name, then hash: the order of every list,
// report and export.
func SortEvidence(list []Evidence) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Name != list[j].Name {
			return list[i].Name < list[j].Name
		}
		return list[i].SHA256 < list[j].SHA256
	})
}

// LinkedTo reports whether e is linked to (target, requirement).
func (e *Evidence) LinkedTo(target, requirement string) bool {
	for _, l := range e.Links {
		if l.Target == target && l.Requirement == requirement {
			return true
		}
	}
	return false
}
