package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"slate/bundle"
	"slate/model"
	"slate/report"
	"slate/store"
)

// writeBundle writes the export as a bundle: the document, then every
// evidence file streamed from the assessment one chunk at a time.
func writeBundle(e *env, s *session, out string, doc []byte, when time.Time, head string, rows int64) error {
	f, err := report.CreateAtomic(out)
	if err != nil {
		return err
	}
	files := model.EvidenceDocs(s.a.Evidence)
	list := make([]model.Evidence, len(files))
	for i, d := range files {
		list[i] = model.Evidence{SHA256: d.SHA256, Name: d.Name}
	}
	open := func(sha string) (io.ReadCloser, error) {
		_, r, err := s.st.OpenEvidence(sha)
		return r, err
	}
	if err := bundle.Write(f, doc, list, open, when); err != nil {
		f.Abort()
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	if err := f.Commit(); err != nil {
		return err
	}
	errs := e.text(e.stderr)
	fmt.Fprintf(errs, "wrote %s (assessment.json and %d evidence files)\n", out, len(list))
	printHead(errs, s.path, head, rows)
	return nil
}

// importInput is what slate import reads: a JSON document, or a bundle
// (recognised by its first bytes) with its document read out.
type importInput struct {
	name   string
	data   []byte
	file   *os.File
	bundle *bundle.Reader
}

func (in *importInput) Close() {
	if in.file != nil {
		in.file.Close()
	}
}

// readImport reads IN: a bundle's document through its limit, or a JSON
// document.
func readImport(e *env, name string, limit int64) (*importInput, error) {
	in := &importInput{name: name}
	if name == "-" {
		data, err := readInput(e, name)
		if bundle.IsBundle(data) {
			return nil, fmt.Errorf("a bundle cannot be read from standard input; give the path of the .zip")
		}
		in.data = data
		return in, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read: %s", name, plainErr(err))
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	if !bundle.IsBundle(head[:n]) {
		f.Close()
		data, err := readInput(e, name)
		in.data = data
		return in, err
	}
	in.file = f
	st, err := f.Stat()
	if err == nil {
		in.bundle, err = bundle.Open(f, st.Size())
	}
	if err == nil {
		in.data, err = in.bundle.Document(model.MaxDocumentSize)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return in, nil
}

// blobs checks a bundle's evidence entries against the document and hands
// them to the store. A plain JSON document carries no bytes: its evidence
// records are left out, and the user told so.
func (in *importInput) blobs(e *env, a *model.Assessment, limit int64) (store.BlobSource, error) {
	if in.bundle == nil {
		if n := len(a.Evidence); n > 0 {
			a.Evidence = nil
			fmt.Fprintf(e.text(e.stderr), "%s lists %d evidence files but a JSON document carries no bytes; they are not imported (import the bundle from slate export --bundle to bring them)\n", in.name, n)
		}
		return nil, nil
	}
	if err := in.bundle.Check(a.Evidence, limit); err != nil {
		return nil, err
	}
	return in.bundle, nil
}
