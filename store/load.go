package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"slate/model"
)

// Load reads the whole assessment: metadata, zones with assets, conduits and
// every answer.
func (s *Store) Load() (*model.Assessment, error) {
	a, ids, err := loadFrom(s.db, false)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.ids = ids
	s.mu.Unlock()
	return a, nil
}

// loadFrom reads an assessment. With parallel set (a pool of several
// read-only connections), the answers, which are nearly all of the work, are
// read in two halves side by side.
func loadFrom(db *sql.DB, parallel bool) (*model.Assessment, map[string]int64, error) {
	a := &model.Assessment{Answers: map[string]model.Answers{}}
	var created, updated, upgraded int64
	err := db.QueryRow(`SELECT name, site, scope, assessor, catalog_id, catalog_version, catalog_hash,
		created_at, updated_at, catalog_before, catalog_upgraded_at FROM assessment WHERE id = 1`).
		Scan(&a.Name, &a.Site, &a.Scope, &a.Assessor, &a.CatalogID, &a.CatalogVersion, &a.CatalogHash, &created, &updated,
			&a.CatalogBefore, &upgraded)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the assessment: %s", sqliteReason(err))
	}
	a.Created, a.Updated = time.UnixMilli(created).UTC(), time.UnixMilli(updated).UTC()
	if upgraded != 0 {
		a.CatalogUpgraded = time.UnixMilli(upgraded).UTC()
	}

	keys, ids, err := loadTargets(db, a)
	if err != nil {
		return nil, nil, err
	}
	if err := loadAssets(db, a, ids); err != nil {
		return nil, nil, err
	}
	if err := loadRoadmap(db, a); err != nil {
		return nil, nil, fmt.Errorf("reading the roadmap: %s", sqliteReason(err))
	}
	if err := loadCountermeasures(db, a); err != nil {
		return nil, nil, fmt.Errorf("reading the compensating countermeasures: %s", sqliteReason(err))
	}
	if err := loadSiteAnswers(db, a); err != nil {
		return nil, nil, fmt.Errorf("reading the site answers: %s", sqliteReason(err))
	}
	if err := loadConfirmations(db, a); err != nil {
		return nil, nil, fmt.Errorf("reading the re-confirmations: %s", sqliteReason(err))
	}
	if err := loadProvenance(db, a); err != nil {
		return nil, nil, err
	}
	var lo, mid, hi int64
	if err := db.QueryRow(`SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM targets`).Scan(&lo, &hi); err != nil {
		return nil, nil, fmt.Errorf("reading answers: %s", sqliteReason(err))
	}
	if !parallel {
		if err := loadAnswers(db, keys, lo, hi, a.Answers); err != nil {
			return nil, nil, err
		}
		return a, ids, nil
	}
	mid = lo + (hi-lo)/2
	other := map[string]model.Answers{}
	done := make(chan error, 1)
	go func() { done <- loadAnswers(db, keys, mid+1, hi, other) }()
	err = loadAnswers(db, keys, lo, mid, a.Answers)
	if err2 := <-done; err == nil {
		err = err2
	}
	if err != nil {
		return nil, nil, err
	}
	for k, v := range other {
		a.Answers[k] = v
	}
	return a, ids, nil
}

// crafted phrases a value Slate never writes, found on load: the file was
// edited outside Slate. Values are quoted (%q), so no control character of
// a crafted file reaches a terminal through this message.
func crafted(what string, err error) error {
	return fmt.Errorf("%s: %v; the file was changed outside Slate (slate verify shows where)", what, err)
}

func loadTargets(db *sql.DB, a *model.Assessment) (map[int64]string, map[string]int64, error) {
	keys := map[int64]string{}
	ids := map[string]int64{}
	rows, err := db.Query(`SELECT t.id, t.key, t.kind, t.name, t.description, t.class, t.label, t.tier, t.slt,
		t.rationale, t.protocols, coalesce(f.key, ''), coalesce(o.key, '')
		FROM targets t LEFT JOIN targets f ON f.id = t.from_zone LEFT JOIN targets o ON o.id = t.to_zone
		ORDER BY t.kind DESC, t.position`) // 'zone' sorts after 'conduit': DESC puts zones first
	if err != nil {
		return nil, nil, fmt.Errorf("reading zones: %s", sqliteReason(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var key, kind, name, desc, class, label, slt, rationale, protocols, from, to string
		var tier sql.NullInt64
		if err := rows.Scan(&id, &key, &kind, &name, &desc, &class, &label, &tier, &slt, &rationale, &protocols, &from, &to); err != nil {
			return nil, nil, err
		}
		if !ValidKey(key) {
			return nil, nil, crafted(fmt.Sprintf("zone or conduit id %q", key), errors.New("not a valid id"))
		}
		v, err := parseSLT(slt)
		if err != nil {
			return nil, nil, crafted("zone or conduit "+key, err)
		}
		r, err := parseRationale(rationale)
		if err != nil {
			return nil, nil, crafted("the SL-T rationale of "+key, err)
		}
		keys[id], ids[key] = key, id
		if kind == "zone" {
			z := model.Zone{Key: key, Name: name, Description: desc, Kind: model.ZoneKind(class), Label: label, SLT: v, Rationale: r}
			if !z.Kind.Valid() {
				return nil, nil, crafted("zone "+key, fmt.Errorf("kind %q is not one Slate writes", class))
			}
			z.Tier = model.TierControl
			if tier.Valid {
				z.Tier = model.Tier(tier.Int64)
			}
			if z.Kind != model.ZoneOther {
				z.Tier = 0
			}
			a.Zones = append(a.Zones, z)
		} else {
			c := model.Conduit{Key: key, Name: name, Description: desc, Kind: model.ConduitKind(class), Label: label,
				From: from, To: to, Protocols: protocols, SLT: v, Rationale: r}
			if !c.Kind.Valid() {
				return nil, nil, crafted("conduit "+key, fmt.Errorf("kind %q is not one Slate writes", class))
			}
			a.Conduits = append(a.Conduits, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("reading zones: %s", sqliteReason(err))
	}
	return keys, ids, nil
}

// parseRationale reads a stored rationale (” is none).
func parseRationale(s string) (*model.SLTRationale, error) {
	if s == "" {
		return nil, nil
	}
	r, err := model.ParseSLTRationale([]byte(s))
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// loadAssets gives each zone and conduit its assets, in their order.
func loadAssets(db *sql.DB, a *model.Assessment, ids map[string]int64) error {
	lists := map[int64]*[]model.Asset{}
	for i := range a.Zones {
		lists[ids[a.Zones[i].Key]] = &a.Zones[i].Assets
	}
	for i := range a.Conduits {
		lists[ids[a.Conduits[i].Key]] = &a.Conduits[i].Assets
	}
	rows, err := db.Query(`SELECT id, target_id, name, type, vendor, model, firmware, address, notes, criticality
		FROM assets ORDER BY target_id, position`)
	if err != nil {
		return fmt.Errorf("reading assets: %s", sqliteReason(err))
	}
	defer rows.Close()
	for rows.Next() {
		var as model.Asset
		var target int64
		var crit string
		if err := rows.Scan(&as.ID, &target, &as.Name, &as.Type, &as.Vendor, &as.Model, &as.Firmware, &as.Address, &as.Notes, &crit); err != nil {
			return err
		}
		if as.Criticality = model.Criticality(crit); !as.Criticality.Valid() {
			return crafted(fmt.Sprintf("asset %q", as.Name), fmt.Errorf("criticality %q is not one Slate writes", crit))
		}
		if list, ok := lists[target]; ok {
			*list = append(*list, as)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading assets: %s", sqliteReason(err))
	}
	return nil
}

// loadAnswers reads the answers of targets with lo <= id <= hi into out.
func loadAnswers(db *sql.DB, keys map[int64]string, lo, hi int64, out map[string]model.Answers) error {
	rows, err := db.Query(`SELECT target_id, requirement, status, note, justification, method,
		coalesce(session_id, 0), assessor, flagged, updated_at FROM answers WHERE target_id BETWEEN ? AND ?`, lo, hi)
	if err != nil {
		return fmt.Errorf("reading answers: %s", sqliteReason(err))
	}
	defer rows.Close()
	curID := int64(-1)
	var cur model.Answers
	for rows.Next() {
		var ans model.Answer
		var tid, at int64
		var status, method string
		if err := rows.Scan(&tid, &ans.Requirement, &status, &ans.Note, &ans.Justification, &method,
			&ans.Session, &ans.Assessor, &ans.Flagged, &at); err != nil {
			return err
		}
		if ans.Method, err = model.ParseMethod(method); err != nil {
			return crafted(fmt.Sprintf("an answer to %q", ans.Requirement), err)
		}
		ans.Status = model.Status(status)
		if !ans.Status.Valid() {
			return crafted(fmt.Sprintf("an answer to %q", ans.Requirement), fmt.Errorf("status %q is not one Slate writes", status))
		}
		ans.UpdatedAt = time.UnixMilli(at).UTC()
		if tid != curID {
			curID = tid
			cur = out[keys[tid]]
			if cur == nil {
				cur = make(model.Answers, 64)
				out[keys[tid]] = cur
			}
		}
		cur[ans.Requirement] = ans
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading answers: %s", sqliteReason(err))
	}
	return nil
}

// loadProvenance reads the interview sessions, the evidence files' records
// and links (never their bytes) and the recorded sign-offs.
func loadProvenance(db *sql.DB, a *model.Assessment) error {
	if err := loadSessions(db, a); err != nil {
		return fmt.Errorf("reading the interview sessions: %s", sqliteReason(err))
	}
	if err := loadEvidence(db, a); err != nil {
		return fmt.Errorf("reading the evidence: %s", sqliteReason(err))
	}
	if err := loadSignOffs(db, a); err != nil {
		return fmt.Errorf("reading the sign-offs: %s", sqliteReason(err))
	}
	return nil
}
