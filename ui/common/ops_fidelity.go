package common

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
)

type fidelityStore interface {
	SaveCompensating(targetKey string, a model.Answer, cm model.Countermeasure, sl model.Level) (model.Answer, model.Countermeasure, error)
	SaveSiteAnswer(a model.Answer) (model.Answer, error)
	Confirm(targetKey, requirement, version string) (time.Time, error)
	UpgradeCatalog(id, version, hash string) error
	Load() (*model.Assessment, error)
}

// Compensated is what SaveCompensating committed: the answer and the
// countermeasure it relies on, with the countermeasure's id.
type Compensated struct {
	Answer         model.Answer
	Countermeasure model.Countermeasure
}

// SaveCompensating commits a compensating answer together with its
// countermeasure (a new one when cm.ID is 0, else that record with the
// fields given) and the level it supports, in one transaction. The answer's
// justification says why the countermeasure meets the requirement's intent.
func (o *Ops) SaveCompensating(from ScreenID, key string, a model.Answer, cm model.Countermeasure, sl model.Level) (Ticket, tea.Cmd) {
	label := fmt.Sprintf("%s %s: %s", key, a.Requirement, model.Compensating.Label())
	return o.change(from, label, func() (func(*Data), any, error) {
		saved, savedCM, err := o.st.SaveCompensating(key, a, cm, sl)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) {
			d.SetAnswer(key, saved)
			d.PutCountermeasure(savedCM)
		}, Compensated{saved, savedCM}, nil
	})
}

// SaveSiteAnswer commits the answer to a site question (a.Requirement is
// its id, "SITE 1"): asked once per assessment, never scored.
func (o *Ops) SaveSiteAnswer(from ScreenID, a model.Answer) (Ticket, tea.Cmd) {
	label := fmt.Sprintf("site %s: %s", a.Requirement, a.Status.Norm().Label())
	return o.change(from, label, func() (func(*Data), any, error) {
		saved, err := o.st.SaveSiteAnswer(a)
		if err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.SetSiteAnswer(saved) }, saved, nil
	})
}

// Confirm records that an answer given under an older catalog was asked
// again under the catalog in use (version): a history row even when the
// answer stays as it was.
func (o *Ops) Confirm(from ScreenID, key, requirement, version string) (Ticket, tea.Cmd) {
	label := fmt.Sprintf("%s %s: re-confirmed", key, requirement)
	return o.change(from, label, func() (func(*Data), any, error) {
		if _, err := o.st.Confirm(key, requirement, version); err != nil {
			return nil, nil, err
		}
		return func(d *Data) { d.SetConfirmed(key, requirement, version) }, version, nil
	})
}

// UpgradeCatalog moves the assessment to a newer catalog: one history row,
// every answer kept. Once committed the session scores against the new
// catalog, and the answers whose requirement changed are listed for
// re-confirmation.
func (o *Ops) UpgradeCatalog(from ScreenID, cat *model.Catalog) (Ticket, tea.Cmd) {
	label := fmt.Sprintf("catalog upgraded to %s %s", cat.ID, cat.Version)
	return o.change(from, label, func() (func(*Data), any, error) {
		if err := o.st.UpgradeCatalog(cat.ID, cat.Version, cat.Hash); err != nil {
			return nil, nil, err
		}
		// The store stamps the upgrade with the time of its transaction,
		// which decides which answers were given under the old catalog:
		// read it back rather than guess it here. The upgrade is committed
		// either way; should the reading fail, no answer can have been
		// saved since, so the time of this millisecond stands in for it.
		before, at := "", time.UnixMilli(time.Now().UnixMilli()).UTC()
		if a, err := o.st.Load(); err == nil {
			before, at = a.CatalogBefore, a.CatalogUpgraded
		}
		return func(d *Data) {
			if before == "" {
				before = d.A.CatalogVersion
			}
			d.SwitchCatalog(cat, before, at)
		}, cat, nil
	})
}
