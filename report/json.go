package report

import "slate/model"

// JSON is the exchange document of DESIGN §6 (docs/exchange-format.md),
// stamped with the report time.
func JSON(in *Input) ([]byte, error) {
	return model.NewDocument(in.A, in.Cat, in.At).Encode()
}
