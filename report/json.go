package report

import (
	"io"

	"slate/model"
)

// WriteJSON writes the exchange document (docs/exchange-format.md), stamped
// with the report time.
func WriteJSON(w io.Writer, in *Input) error {
	data, err := model.NewDocument(in.A, in.Cat, in.At).Encode()
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
