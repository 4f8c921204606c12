package report

import (
	"io"

	"slate/model"
)

// WriteJSON writes the exchange document (docs/exchange-format.md), stamped
// with the report time and the Slate that wrote it (its generator).
func WriteJSON(w io.Writer, in *Input) error {
	doc := model.NewDocument(in.A, in.Cat, in.At)
	doc.Generator = &model.DocGenerator{Name: "slate", Version: in.Build.Release, Commit: in.Build.Commit, Modified: in.Build.Modified}
	if in.Chain.Head != "" {
		doc.History = &model.DocHistory{Head: in.Chain.Head, Rows: in.Chain.Rows}
	}
	data, err := doc.Encode()
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
