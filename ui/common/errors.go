package common

import (
	"errors"

	"slate/store"
)

// ErrReadOnly is the refusal shown when the file is open read-only.
var ErrReadOnly = store.ErrReadOnly

// ErrorText phrases an error of a store operation for the status line and
// the dialog that asked.
func ErrorText(err error) string {
	var se *store.SaveError
	var ve *store.ValidationError
	var re readError
	switch {
	case errors.As(err, &re):
		return re.Error()
	case errors.As(err, &se):
		return "NOT SAVED: " + se.Reason
	case errors.Is(err, store.ErrReadOnly):
		return "read-only: nothing was saved"
	case errors.As(err, &ve):
		return "not saved: " + ve.Msg
	}
	return "NOT SAVED: " + err.Error()
}

// readError is the error of an operation that only reads (an import
// preview): it is shown as it is, never as "NOT SAVED".
type readError struct{ error }

func (e readError) Unwrap() error { return e.error }
