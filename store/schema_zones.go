package store

import (
	"database/sql"
	"strings"

	"slate/model"
)

// migrate5 gives the zone model what its checks, its drawing and its
// justification need (docs/zone-model.md, docs/slt-rationale.md):
//
//   - every zone and conduit gets a kind from a closed list (column class;
//     the column kind already says zone or conduit). The free-text type it
//     had is mapped with model.ZoneKindOf / ConduitKindOf; text that names
//     no kind becomes other and is kept as its label, and a zone of kind
//     other is drawn on the control row until the assessor chooses (tier);
//   - the SL-T rationale of each zone and conduit (rationale: the
//     canonical JSON of model.SLTRationale, ” when none is recorded);
//   - assets belong to a zone or a conduit (zone_id becomes target_id) and
//     have a criticality.
//
// The history gets one "migration" row with the images of every target and
// asset before and after, so verify replays the change.
func migrate5(tx *sql.Tx) error {
	before, err := tablesImages(tx, "targets", "assets")
	if err != nil {
		return err
	}
	if err := execAll(tx,
		// The closed lists are written out: a released migration never
		// changes (TestMigration5Lists checks they match the model's).
		`ALTER TABLE targets ADD COLUMN class TEXT NOT NULL DEFAULT 'other' CHECK (
			kind = 'zone' AND class IN (`+zoneClasses+`) OR
			kind = 'conduit' AND class IN (`+conduitClasses+`))`,
		`ALTER TABLE targets ADD COLUMN label TEXT NOT NULL DEFAULT '' CHECK (label = '' OR class = 'other')`,
		`ALTER TABLE targets ADD COLUMN tier INTEGER CHECK (tier IS NULL OR kind = 'zone' AND class = 'other' AND tier BETWEEN 0 AND 4)`,
		`ALTER TABLE targets ADD COLUMN rationale TEXT NOT NULL DEFAULT ''`,
	); err != nil {
		return err
	}
	if err := mapKinds(tx); err != nil {
		return err
	}
	if err := execAll(tx,
		`ALTER TABLE targets DROP COLUMN type`,
		`DROP INDEX assets_zone`,
		`ALTER TABLE assets RENAME COLUMN zone_id TO target_id`,
		`CREATE INDEX assets_target ON assets(target_id, position)`,
		`ALTER TABLE assets ADD COLUMN criticality TEXT NOT NULL DEFAULT '' CHECK (criticality IN (`+criticalities+`))`,
	); err != nil {
		return err
	}
	after, err := tablesImages(tx, "targets", "assets")
	if err != nil {
		return err
	}
	if len(before["targets"])+len(before["assets"]) == 0 {
		return nil // nothing to rewrite: no history row
	}
	var s Store // no prepared statements: plain queries in tx
	return s.record(tx, timeNow().UnixMilli(), "slate", "migration", "schema 5: zone and conduit kinds", before, after)
}

// mapKinds sets each target's class (and label and tier) from the free
// text of its type.
func mapKinds(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT id, kind, type FROM targets`)
	if err != nil {
		return err
	}
	type target struct {
		id         int64
		kind, text string
	}
	var all []target
	for rows.Next() {
		var t target
		if err := rows.Scan(&t.id, &t.kind, &t.text); err != nil {
			rows.Close()
			return err
		}
		all = append(all, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range all {
		var class, label string
		var tier any
		if t.kind == "zone" {
			k, l := model.ZoneKindOf(t.text)
			class, label = string(k), l
			if k == model.ZoneOther {
				tier = int(model.TierControl)
			}
		} else {
			k, l := model.ConduitKindOf(t.text)
			class, label = string(k), l
		}
		if _, err := tx.Exec(`UPDATE targets SET class = ?, label = ?, tier = ? WHERE id = ?`, class, label, tier, t.id); err != nil {
			return err
		}
	}
	return nil
}

// The closed lists of schema 5, as SQL literals.
const (
	zoneClasses    = `'external', 'enterprise', 'dmz', 'supervisory', 'control', 'safety', 'field', 'other'`
	conduitClasses = `'firewall', 'data-diode', 'vpn', 'direct', 'safety-gateway', 'wireless', 'cellular', 'wan', 'remote-access', 'other'`
	criticalities  = `'', 'low', 'medium', 'high'`
)

// sqlList is a closed list of kinds as SQL string literals, as the
// constants above write them.
func sqlList[K ~string](ks []K) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = "'" + strings.ReplaceAll(string(k), "'", "''") + "'"
	}
	return strings.Join(parts, ", ")
}
