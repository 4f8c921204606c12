package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"slate/model"
)

// readZip returns a bundle's entries by name, in order.
func readZip(t *testing.T, path string) (names []string, entries map[string][]byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	entries = map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		entries[f.Name] = data
	}
	return names, entries
}

// With SOURCE_DATE_EPOCH set, export --bundle, import into a new file and
// export again give the same document (apart from the history each file
// pins) and the same evidence bytes; the imported file keeps sessions,
// methods, evidence with its links and the sign-off, and verifies.
func TestBundleRoundTrip(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1772704800")
	path := demo(t)
	bigData := evidenceAndSignOff(t, path)
	dir := t.TempDir()
	first, second, copyPath := filepath.Join(dir, "a.zip"), filepath.Join(dir, "b.zip"), filepath.Join(dir, "copy.slate")
	if code, _, errs := runCLI(t, "export", path, "--bundle", "-o", first); code != 0 || !strings.Contains(errs, "wrote "+first+" (assessment.json and 2 evidence files)") {
		t.Fatalf("export: %q", errs)
	}
	if code, out, errs := runCLI(t, "import", first, copyPath); code != 0 || !strings.Contains(out, "with 2 evidence files") {
		t.Fatalf("import: %q %q", out, errs)
	}
	mustVerify(t, copyPath)
	if code, _, errs := runCLI(t, "export", copyPath, "--bundle", "-o", second); code != 0 {
		t.Fatalf("second export: %q", errs)
	}
	names1, a := readZip(t, first)
	names2, b := readZip(t, second)
	if strings.Join(names1, ",") != strings.Join(names2, ",") || names1[0] != "assessment.json" || len(names1) != 3 {
		t.Fatalf("entries %v and %v", names1, names2)
	}
	if string(withoutHistory(t, a["assessment.json"])) != string(withoutHistory(t, b["assessment.json"])) {
		t.Fatal("the document of the imported file's bundle differs")
	}
	for _, n := range names1[1:] {
		if !bytes.Equal(a[n], b[n]) || "evidence/"+shaOf(a[n]) != n {
			t.Fatalf("%s differs or does not match its name", n)
		}
	}
	if !bytes.Equal(a["evidence/"+shaOf(bigData)], bigData) {
		t.Fatal("the bundle holds other bytes than the file attached")
	}
	var doc model.Document
	json.Unmarshal(a["assessment.json"], &doc)
	if len(doc.SignOffs) != 1 || len(doc.Evidence) != 2 || len(doc.Sessions) != 5 || doc.ExportedAt != "2026-03-05T10:00:00.000Z" {
		t.Fatalf("document: %d sign-offs, %d files, %d sessions, exported %s", len(doc.SignOffs), len(doc.Evidence), len(doc.Sessions), doc.ExportedAt)
	}
	// The file's bytes come out of the imported file as they went in.
	out := filepath.Join(dir, "out.jpg")
	if code, _, errs := runCLI(t, "evidence", "get", copyPath, shaOf(bigData), "-o", out); code != 0 {
		t.Fatal(errs)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, bigData) {
		t.Fatal("evidence get on the imported file")
	}
	// A plain JSON export carries no bytes: importing it says so and
	// leaves the files out.
	jsonDoc := filepath.Join(dir, "plain.json")
	runCLI(t, "export", path, "-o", jsonDoc)
	code, _, errs := runCLI(t, "import", jsonDoc, filepath.Join(dir, "plain.slate"))
	if code != 0 || !strings.Contains(errs, "lists 2 evidence files but a JSON document carries no bytes") {
		t.Fatalf("JSON import: exit %d %q", code, errs)
	}
}

// bundleOf writes a zip of the given entries, in order (a name may repeat).
func bundleOf(t *testing.T, path string, entries [][2]string) {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e[1]))
	}
	zw.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Every way a bundle can be wrong is refused, naming the entry; nothing
// is created, and no entry is ever written to disk by its name.
func TestBundleRefusals(t *testing.T) {
	path := demo(t)
	evidenceAndSignOff(t, path)
	good := filepath.Join(t.TempDir(), "good.zip")
	if code, _, errs := runCLI(t, "export", path, "--bundle", "-o", good); code != 0 {
		t.Fatal(errs)
	}
	names, entries := readZip(t, good)
	doc := entries["assessment.json"]
	blob1, blob2 := names[1], names[2]
	with := func(extra ...[2]string) [][2]string {
		out := [][2]string{{"assessment.json", string(doc)}, {blob1, string(entries[blob1])}, {blob2, string(entries[blob2])}}
		return append(out, extra...)
	}
	altered := []byte(entries[blob2])
	altered[len(altered)/2] ^= 1
	bomb := strings.Repeat("\x00", 8<<20) // far beyond the few bytes recorded for the file
	var d model.Document
	json.Unmarshal(doc, &d)
	sort.Slice(d.Evidence, func(i, j int) bool { return d.Evidence[i].Size < d.Evidence[j].Size })
	small := "evidence/" + d.Evidence[0].SHA256
	cases := []struct {
		name    string
		entries [][2]string
		want    string
	}{
		{"one altered byte", [][2]string{{"assessment.json", string(doc)}, {blob1, string(entries[blob1])}, {blob2, string(altered)}},
			`bundle entry "` + blob2 + `": its bytes do not match its sha256`},
		{"another name", with([2]string{"notes.txt", "x"}), `bundle entry "notes.txt": is not a name a bundle holds`},
		{"a parent folder", with([2]string{"../escape.txt", "x"}), `bundle entry "../escape.txt": is not a name`},
		{"a folder inside evidence", with([2]string{"evidence/../../escape.txt", "x"}), `bundle entry "evidence/../../escape.txt": is not a name`},
		{"an absolute path", with([2]string{"/tmp/escape.txt", "x"}), `bundle entry "/tmp/escape.txt": is not a name`},
		{"a duplicate entry", with([2]string{blob1, string(entries[blob1])}), `bundle entry "` + blob1 + `": appears twice`},
		{"listed but missing", [][2]string{{"assessment.json", string(doc)}, {blob2, string(entries[blob2])}}, `bundle entry "` + blob1 + `": is listed in assessment.json`},
		{"present but unlisted", with([2]string{"evidence/" + strings.Repeat("ab", 32), "x"}), `bundle entry "evidence/` + strings.Repeat("ab", 32) + `": is in the bundle but assessment.json does not list it`},
		{"expands beyond its size", [][2]string{{"assessment.json", string(doc)}, {blob1, string(entries[blob1])}, {blob2, string(entries[blob2])}},
			""},
		{"no document", [][2]string{{blob1, string(entries[blob1])}}, `bundle entry "assessment.json": is missing`},
	}
	// The bomb replaces the small file's bytes.
	for i, e := range cases[8].entries {
		if e[0] == small {
			cases[8].entries[i][1] = bomb
		}
	}
	cases[8].want = `bundle entry "` + small + `": expands beyond the `
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in.zip")
			bundleOf(t, in, c.entries)
			out := filepath.Join(dir, "new.slate")
			code, _, errs := runCLI(t, "import", in, out)
			if code != 1 || !strings.Contains(errs, c.want) {
				t.Fatalf("exit %d %q\nwant %q", code, errs, c.want)
			}
			left, _ := os.ReadDir(dir)
			if len(left) != 1 {
				t.Fatalf("files left: %v", left)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.txt")); err == nil {
				t.Fatal("an entry was written to disk by its name")
			}
		})
	}
}
