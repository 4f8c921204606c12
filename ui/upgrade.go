package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// When a writable session opens a file recorded with an older built-in
// catalog, the root offers the newer one before anything else: what it
// changes (answers to re-confirm, answers that no longer apply), upgrade
// or not now. Every answer is kept either way; "not now" offers it again
// next time.

// upgradeKeys answer the offer.
func upgradeKeys() common.ConfirmKeys {
	return common.ConfirmKeys{
		Yes: common.Bind("y", "upgrade", "y", "Y"),
		No:  common.Bind("n/esc", "not now", "n", "N", "esc"),
	}
}

// OfferUpgrade opens the upgrade offer for cat; a read-only session, or
// one already on cat, is offered nothing.
func (a *App) OfferUpgrade(cat *model.Catalog) {
	d := a.ctx.Data
	if d.ReadOnly || cat == nil || (cat.ID == d.Cat.ID && cat.Version == d.Cat.Version) {
		return
	}
	reconfirm, gone := common.UpgradePreview(d, cat, a.ctx.Today())
	detail := fmt.Sprintf("This file was made with %s %s. The newer catalog corrects questions, adds "+
		"a met-when criterion to every requirement and asks site questions. Every answer is kept; one "+
		"history row records the upgrade. ", d.Cat.ID, d.Cat.Version)
	detail += common.Plural(reconfirm, "answer", "answers") + " will need re-confirmation (r in the interview); "
	switch gone {
	case 0:
		detail += "every answered requirement still applies to its zone or conduit."
	case 1:
		detail += "1 answer no longer applies to its zone or conduit (kept, not scored)."
	default:
		detail += fmt.Sprintf("%d answers no longer apply to their zone or conduit (kept, not scored).", gone)
	}
	c := common.NewConfirm("Upgrade to the catalog "+cat.Version+"?", "", min(70, a.width-6), upgradeKeys())
	c.Detail = detail
	a.upgrade, a.upgradeTo = c, cat
}

// keyUpgrade answers the offer: y upgrades (saved only once the store has
// committed it, as every change), n or esc leaves the catalog as it is.
func (a *App) keyUpgrade(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, a.keys.Interrupt) {
		a.upgrade = nil
		return a.quit()
	}
	switch a.upgrade.Update(k) {
	case common.Submitted:
		cat := a.upgradeTo
		a.upgrade, a.upgradeTo = nil, nil
		a.setStatus("Upgrading the catalog…", false)
		_, cmd := a.ctx.Ops.UpgradeCatalog(0, cat)
		return cmd
	case common.Cancelled:
		a.upgrade, a.upgradeTo = nil, nil
		a.setStatus("Catalog not upgraded; it will be offered again when you next open the file", false)
	}
	return nil
}
