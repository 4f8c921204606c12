package main

import (
	"fmt"

	"slate/store"
)

// openOrPrint hands a freshly written file to the user: for now, its path.
func openOrPrint(e *env, st *store.Store, path string) error {
	st.Close()
	fmt.Fprintln(e.stdout, path)
	return nil
}
