package common

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"slate/model"
)

type answerStore interface {
	SaveAnswer(targetKey string, a model.Answer) (model.Answer, error)
}

// SaveAnswer commits one answer of one target.
func (o *Ops) SaveAnswer(from ScreenID, key string, a model.Answer) (Ticket, tea.Cmd) {
	label := fmt.Sprintf("%s %s: %s", key, a.Requirement, a.Status.Norm().Label())
	return o.change(from, label, func() (func(*Data), any, error) {
		saved, err := o.st.SaveAnswer(key, a)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.SetAnswer(key, saved) }, saved, nil
	})
}
