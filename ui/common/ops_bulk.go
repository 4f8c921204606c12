package common

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/store"
)

type bulkStore interface {
	SaveAnswers(batch []store.BatchAnswer) (store.BatchSaved, error)
}

// BatchAnswer is one answer of a SaveAnswers batch (the store's type: the
// screens reach the store through this package only).
type BatchAnswer = store.BatchAnswer

// SaveAnswers commits a batch of answers (an answer copied to other zones
// and conduits, an SR's enhancements marked not applicable with it) in one
// transaction: every answer with its own history row, or none. label says
// what the batch does, for the status line.
func (o *Ops) SaveAnswers(from ScreenID, label string, batch []BatchAnswer) (Ticket, tea.Cmd) {
	batch = slices.Clone(batch)
	return o.change(from, label, func() (func(*Data), any, error) {
		saved, err := o.st.SaveAnswers(batch)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.applyBatch(batch, saved) }, saved, nil
	})
}

// applyBatch records a committed batch: each answer (rescoring its
// target), the evidence links it added and the countermeasures its
// compensating answers now rely on.
func (d *Data) applyBatch(batch []BatchAnswer, saved store.BatchSaved) {
	for i, a := range saved.Answers {
		d.SetAnswer(batch[i].Target, a)
	}
	for _, cm := range saved.Countermeasures {
		d.PutCountermeasure(cm)
	}
	if len(saved.Links) == 0 {
		return
	}
	list := slices.Clone(d.A.Evidence)
	for i, e := range list {
		if links := saved.Links[e.SHA256]; len(links) > 0 {
			list[i].Links = append(slices.Clone(e.Links), links...)
		}
	}
	d.A.Evidence = list
	d.Evidence = model.IndexEvidence(list)
	d.Version++
}
