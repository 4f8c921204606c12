package report

import "slate/model"

func stamp(a model.Answer) string {
	if a.UpdatedAt.IsZero() {
		return ""
	}
	return a.UpdatedAt.UTC().Format("2006-01-02 15:04")
}
