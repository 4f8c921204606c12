package store

import (
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"slate/model"
)

// keyPattern is what a zone or conduit id may look like: safe in URLs, file
// names, CSV and the audit subject (which uses '|' as a separator).
var keyPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ValidKey reports whether k can be a zone or conduit id.
func ValidKey(k string) bool { return keyPattern.MatchString(k) }

// Slug derives a readable id from a name: "Control Zone (Unit 2)" -> "control-zone-unit-2".
func Slug(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			if b.Len() >= 40 {
				break
			}
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

func (s *Store) targetID(q querier, key string) (int64, error) {
	s.mu.Lock()
	id, ok := s.ids[key]
	s.mu.Unlock()
	if ok {
		return id, nil
	}
	err := q.QueryRow(`SELECT id FROM targets WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, invalid("no zone or conduit %q", key)
	}
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	s.ids[key] = id
	s.mu.Unlock()
	return id, nil
}

func (s *Store) forgetIDs() {
	s.mu.Lock()
	s.ids = map[string]int64{}
	s.mu.Unlock()
}

type querier interface {
	QueryRow(query string, args ...any) *sql.Row
}

// uniqueKey returns want, or want-2, want-3... whichever is free.
func uniqueKey(tx *sql.Tx, want string) (string, error) {
	key := want
	for n := 2; ; n++ {
		var one int
		err := tx.QueryRow(`SELECT 1 FROM targets WHERE key = ?`, key).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return key, nil
		}
		if err != nil {
			return "", err
		}
		key = fmt.Sprintf("%s-%d", want, n)
	}
}

func sltText(v model.SLVector) string {
	b := make([]byte, model.NumFR)
	for i, l := range v {
		b[i] = byte('0' + l)
	}
	return string(b)
}

func parseSLT(s string) (model.SLVector, error) {
	var v model.SLVector
	if len(s) != model.NumFR {
		return v, fmt.Errorf("bad SL-T %q", s)
	}
	for i := range v {
		if s[i] < '0' || s[i] > '4' {
			return v, fmt.Errorf("bad SL-T %q", s)
		}
		v[i] = model.Level(s[i] - '0')
	}
	return v, nil
}

// targetState is a zone's or conduit's editable columns, to tell a save
// that changes nothing (no history row) from one that does.
type targetState struct {
	Name, Description, Class, Label string
	Tier                            sql.NullInt64
	SLT                             string
	From, To, Protocols             string // conduits only
}

// tierValue is the stored tier: the chosen row of a zone of kind other,
// NULL for every other zone and every conduit.
func tierValue(z *model.Zone) sql.NullInt64 {
	if z.Kind != model.ZoneOther {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: int64(z.Tier), Valid: true}
}

func zoneStateOf(z *model.Zone) targetState {
	return targetState{Name: z.Name, Description: z.Description, Class: string(z.Kind), Label: z.Label,
		Tier: tierValue(z), SLT: sltText(z.SLT)}
}

// rationaleText is the stored form of a rationale: its canonical JSON, or
// ” when there is none.
func rationaleText(r *model.SLTRationale) string {
	if r == nil {
		return ""
	}
	return string(r.CanonicalJSON())
}

// cleanZone checks a zone before it is stored: a kind of the closed list
// (none given is other, drawn on the control row), a label only for other,
// a valid row for other.
func cleanZone(z *model.Zone) error {
	z.Name = strings.TrimSpace(model.CleanLine(z.Name))
	z.Label = strings.TrimSpace(model.CleanLine(z.Label))
	z.Description = model.CleanText(z.Description)
	if z.Kind == "" { // no kind given: other, on the control row
		z.Kind, z.Tier = model.ZoneOther, model.TierControl
	}
	switch {
	case z.Name == "":
		return invalid("a zone needs a name")
	case !z.Kind.Valid():
		return invalid("zone kind %q: use one of the listed kinds", z.Kind)
	case !z.SLT.Valid():
		return invalid("SL-T must be 0..4 for every FR")
	case z.Kind == model.ZoneOther && !z.Tier.Valid():
		return invalid("a zone of kind other needs its row in the diagram (0..4)")
	}
	if z.Kind != model.ZoneOther {
		z.Label, z.Tier = "", 0
	}
	return cleanRationale(z.Rationale)
}

func cleanRationale(r *model.SLTRationale) error {
	if r == nil {
		return nil
	}
	if err := r.Validate(); err != nil {
		return invalid("%s", err)
	}
	return nil
}

// AddZone appends a zone (and its assets). An empty Key is derived from the
// name; a given Key must be free.
func (s *Store) AddZone(z model.Zone) (model.Zone, error) {
	if err := cleanZone(&z); err != nil {
		return z, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		return s.insertZone(tx, at, &z)
	})
	return z, err
}

func (s *Store) insertZone(tx *sql.Tx, at int64, z *model.Zone) error {
	key, err := s.claimKey(tx, z.Key, z.Name, "zone")
	if err != nil {
		return err
	}
	z.Key = key
	res, err := tx.Exec(`INSERT INTO targets (key, kind, name, description, class, label, tier, slt, rationale, position)
		VALUES (?, 'zone', ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM targets WHERE kind = 'zone'))`,
		z.Key, z.Name, z.Description, string(z.Kind), z.Label, tierValue(z), sltText(z.SLT), rationaleText(z.Rationale))
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if err := s.insertAssets(tx, id, z.Assets); err != nil {
		return err
	}
	after, err := s.targetImages(tx, id)
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actor, "zone", z.Key, nil, after)
}

// insertAssets adds a new target's assets; the caller records them.
func (s *Store) insertAssets(tx *sql.Tx, id int64, as []model.Asset) error {
	for i := range as {
		if err := s.insertAsset(tx, id, &as[i]); err != nil {
			return err
		}
	}
	return nil
}

// targetImages returns a target's row with its assets.
func (s *Store) targetImages(tx *sql.Tx, id int64) (changeset, error) {
	t, err := s.images(tx, "targets", "id = ?", id)
	if err != nil {
		return nil, err
	}
	as, err := s.images(tx, "assets", "target_id = ? ORDER BY position", id)
	if err != nil {
		return nil, err
	}
	return changeset{}.add("targets", t...).add("assets", as...), nil
}

// targetRow returns the images of targets selected by key.
func (s *Store) targetRows(tx *sql.Tx, where string, args ...any) (changeset, error) {
	t, err := s.images(tx, "targets", where, args...)
	return changeset{}.add("targets", t...), err
}

func (s *Store) claimKey(tx *sql.Tx, key, name, fallback string) (string, error) {
	if key == "" {
		return uniqueKey(tx, Slug(name, fallback))
	}
	if !ValidKey(key) {
		return "", invalid("id %q: use letters, digits, '.', '_' or '-' (at most 64)", key)
	}
	if free, err := uniqueKey(tx, key); err != nil {
		return "", err
	} else if free != key {
		return "", invalid("id %q is already used by another zone or conduit", key)
	}
	return key, nil
}

// storedState reads a target's editable columns.
func storedState(tx *sql.Tx, key, kind string) (targetState, error) {
	var st targetState
	err := tx.QueryRow(`SELECT t.name, t.description, t.class, t.label, t.tier, t.slt,
		coalesce(f.key, ''), coalesce(o.key, ''), t.protocols
		FROM targets t LEFT JOIN targets f ON f.id = t.from_zone LEFT JOIN targets o ON o.id = t.to_zone
		WHERE t.key = ? AND t.kind = ?`, key, kind).
		Scan(&st.Name, &st.Description, &st.Class, &st.Label, &st.Tier, &st.SLT, &st.From, &st.To, &st.Protocols)
	if errors.Is(err, sql.ErrNoRows) {
		return st, invalid("no %s %q", kind, key)
	}
	return st, err
}

// UpdateZone saves a zone's name, description, kind (with its label and
// row) and SL-T (found by Key). The recorded SL-T rationale stays as it
// is: an SL-T changed here is no longer the one it justifies.
func (s *Store) UpdateZone(z model.Zone) error {
	z.Rationale = nil // not saved here (SetRationale)
	if err := cleanZone(&z); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx, at int64) error {
		old, err := storedState(tx, z.Key, "zone")
		if err != nil {
			return err
		}
		st := zoneStateOf(&z)
		if st == old {
			return nil
		}
		before, err := s.targetRows(tx, "key = ?", z.Key)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE targets SET name = ?, description = ?, class = ?, label = ?, tier = ?, slt = ? WHERE key = ?`,
			st.Name, st.Description, st.Class, st.Label, st.Tier, st.SLT, z.Key); err != nil {
			return err
		}
		after, err := s.targetRows(tx, "key = ?", z.Key)
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "zone", z.Key, before, after)
	})
}

// SetRationale records why a zone or conduit has its SL-T (IEC 62443-3-2,
// ZCR 5) and sets the SL-T to the rationale's final vector, in one change
// recorded in the history. nil removes the recorded rationale and keeps the
// SL-T.
func (s *Store) SetRationale(key string, r *model.SLTRationale) error {
	if err := cleanRationale(r); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx, at int64) error {
		before, err := s.targetRows(tx, "key = ?", key)
		if err != nil {
			return err
		}
		if len(before["targets"]) == 0 {
			return invalid("no zone or conduit %q", key)
		}
		var res sql.Result
		if r == nil {
			res, err = tx.Exec(`UPDATE targets SET rationale = '' WHERE key = ? AND rationale <> ''`, key)
		} else {
			res, err = tx.Exec(`UPDATE targets SET slt = ?, rationale = ? WHERE key = ? AND (slt <> ? OR rationale <> ?)`,
				sltText(r.Final), rationaleText(r), key, sltText(r.Final), rationaleText(r))
		}
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // nothing changed: no history row
		}
		after, err := s.targetRows(tx, "key = ?", key)
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "rationale", key, before, after)
	})
}

func cleanConduit(c *model.Conduit) error {
	c.Name = strings.TrimSpace(model.CleanLine(c.Name))
	c.Label = strings.TrimSpace(model.CleanLine(c.Label))
	c.Protocols = strings.TrimSpace(model.CleanLine(c.Protocols))
	c.Description = model.CleanText(c.Description)
	if c.Kind == "" {
		c.Kind = model.ConduitOther
	}
	switch {
	case c.Name == "":
		return invalid("a conduit needs a name")
	case !c.Kind.Valid():
		return invalid("conduit kind %q: use one of the listed kinds", c.Kind)
	case c.From == "" || c.To == "":
		return invalid("a conduit joins two zones")
	case c.From == c.To:
		return invalid("a conduit joins two different zones")
	case !c.SLT.Valid():
		return invalid("SL-T must be 0..4 for every FR")
	}
	if c.Kind != model.ConduitOther {
		c.Label = ""
	}
	return cleanRationale(c.Rationale)
}

func zoneID(tx *sql.Tx, key string) (int64, error) {
	var id int64
	err := tx.QueryRow(`SELECT id FROM targets WHERE key = ? AND kind = 'zone'`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, invalid("no zone %q", key)
	}
	return id, err
}

// AddConduit appends a conduit between two existing zones.
func (s *Store) AddConduit(c model.Conduit) (model.Conduit, error) {
	if err := cleanConduit(&c); err != nil {
		return c, err
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		return s.insertConduit(tx, at, &c)
	})
	return c, err
}

func (s *Store) insertConduit(tx *sql.Tx, at int64, c *model.Conduit) error {
	from, err := zoneID(tx, c.From)
	if err != nil {
		return err
	}
	to, err := zoneID(tx, c.To)
	if err != nil {
		return err
	}
	key, err := s.claimKey(tx, c.Key, c.Name, "conduit")
	if err != nil {
		return err
	}
	c.Key = key
	res, err := tx.Exec(`INSERT INTO targets (key, kind, name, description, class, label, slt, rationale, position, from_zone, to_zone, protocols)
		VALUES (?, 'conduit', ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM targets WHERE kind = 'conduit'), ?, ?, ?)`,
		c.Key, c.Name, c.Description, string(c.Kind), c.Label, sltText(c.SLT), rationaleText(c.Rationale), from, to, c.Protocols)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if err := s.insertAssets(tx, id, c.Assets); err != nil {
		return err
	}
	after, err := s.targetImages(tx, id)
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actor, "conduit", c.Key, nil, after)
}

func conduitStateOf(c *model.Conduit) targetState {
	return targetState{Name: c.Name, Description: c.Description, Class: string(c.Kind), Label: c.Label,
		SLT: sltText(c.SLT), From: c.From, To: c.To, Protocols: c.Protocols}
}

// UpdateConduit saves a conduit's fields (found by Key); its assets and
// its recorded SL-T rationale stay as they are.
func (s *Store) UpdateConduit(c model.Conduit) error {
	c.Rationale = nil // not saved here (SetRationale)
	if err := cleanConduit(&c); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx, at int64) error {
		old, err := storedState(tx, c.Key, "conduit")
		if err != nil {
			return err
		}
		st := conduitStateOf(&c)
		if st == old {
			return nil
		}
		from, err := zoneID(tx, c.From)
		if err != nil {
			return err
		}
		to, err := zoneID(tx, c.To)
		if err != nil {
			return err
		}
		before, err := s.targetRows(tx, "key = ?", c.Key)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE targets SET name = ?, description = ?, class = ?, label = ?, slt = ?,
			from_zone = ?, to_zone = ?, protocols = ? WHERE key = ?`,
			st.Name, st.Description, st.Class, st.Label, st.SLT, from, to, st.Protocols, c.Key); err != nil {
			return err
		}
		after, err := s.targetRows(tx, "key = ?", c.Key)
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "conduit", c.Key, before, after)
	})
}

// DeleteTarget removes a zone or conduit with its answers (and, for a zone,
// its assets and the conduits that touch it). It returns how many answers
// went with it. The history keeps a record of what was deleted.
func (s *Store) DeleteTarget(key string) (int, error) {
	removed := 0
	err := s.write(func(tx *sql.Tx, at int64) error {
		var id int64
		var kind string
		err := tx.QueryRow(`SELECT id, kind FROM targets WHERE key = ?`, key).Scan(&id, &kind)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("no zone or conduit %q", key)
		} else if err != nil {
			return err
		}
		victims := []string{key}
		if kind == "zone" {
			rows, err := tx.Query(`SELECT key FROM targets WHERE from_zone = ? OR to_zone = ? ORDER BY position`, id, id)
			if err != nil {
				return err
			}
			for rows.Next() {
				var k string
				if err := rows.Scan(&k); err != nil {
					rows.Close()
					return err
				}
				victims = append([]string{k}, victims...)
			}
			rows.Close()
		}
		for _, k := range victims {
			var vid int64
			var kind string
			if err := tx.QueryRow(`SELECT id, kind FROM targets WHERE key = ?`, k).Scan(&vid, &kind); err != nil {
				return err
			}
			before, err := s.targetImages(tx, vid)
			if err != nil {
				return err
			}
			answers, err := s.images(tx, "answers", "target_id = ? ORDER BY requirement", vid)
			if err != nil {
				return err
			}
			removed += len(answers)
			before.add("answers", answers...)
			// Its evidence links go with it (the files stay, unlinked).
			links, err := s.images(tx, "evidence_links", "target_id = ? ORDER BY requirement, sha256", vid)
			if err != nil {
				return err
			}
			before.add("evidence_links", links...)
			after := changeset{}
			if err := forgetTarget(tx, s, k, before, after); err != nil {
				return err
			}
			if _, err := tx.Exec(`DELETE FROM targets WHERE id = ?`, vid); err != nil {
				return err
			}
			if len(after) == 0 {
				after = nil
			}
			if err := s.record(tx, at, s.actor, kind+".delete", k, before, after); err != nil {
				return err
			}
		}
		return nil
	})
	s.forgetIDs()
	return removed, err
}

// MoveTarget moves a zone or conduit up (delta < 0) or down among its kind.
func (s *Store) MoveTarget(key string, delta int) error {
	if delta == 0 {
		return nil
	}
	return s.write(func(tx *sql.Tx, at int64) error {
		var kind string
		var pos int
		err := tx.QueryRow(`SELECT kind, position FROM targets WHERE key = ?`, key).Scan(&kind, &pos)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("no zone or conduit %q", key)
		} else if err != nil {
			return err
		}
		q := `SELECT key, position FROM targets WHERE kind = ? AND position < ? ORDER BY position DESC LIMIT 1`
		if delta > 0 {
			q = `SELECT key, position FROM targets WHERE kind = ? AND position > ? ORDER BY position LIMIT 1`
		}
		var other string
		var otherPos int
		err = tx.QueryRow(q, kind, pos).Scan(&other, &otherPos)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // already first or last
		} else if err != nil {
			return err
		}
		pair := "key IN (?, ?) ORDER BY position"
		before, err := s.targetRows(tx, pair, key, other)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE targets SET position = ? WHERE key = ?`, otherPos, key); err != nil {
			return err
		}
		if _, err = tx.Exec(`UPDATE targets SET position = ? WHERE key = ?`, pos, other); err != nil {
			return err
		}
		after, err := s.targetRows(tx, pair, key, other)
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "move", key, before, after)
	})
}

// AddTargets adds several zones and then conduits in one transaction, e.g.
// the "typical five zones" template: all of them or none. Conduits may refer
// to the new zones by the keys given to them (or derived from their names).
func (s *Store) AddTargets(zones []model.Zone, conduits []model.Conduit) ([]model.Zone, []model.Conduit, error) {
	zs := append([]model.Zone(nil), zones...)
	cs := append([]model.Conduit(nil), conduits...)
	for i := range zs {
		if err := cleanZone(&zs[i]); err != nil {
			return nil, nil, err
		}
	}
	for i := range cs {
		if err := cleanConduit(&cs[i]); err != nil {
			return nil, nil, err
		}
	}
	err := s.write(func(tx *sql.Tx, at int64) error {
		renamed := map[string]string{}
		for i := range zs {
			want := zs[i].Key
			if want != "" { // a preference here: "control" may already exist
				free, err := uniqueKey(tx, want)
				if err != nil {
					return err
				}
				zs[i].Key = free
			}
			if err := s.insertZone(tx, at, &zs[i]); err != nil {
				return err
			}
			if want != "" {
				renamed[want] = zs[i].Key
			}
		}
		for i := range cs {
			if k, ok := renamed[cs[i].From]; ok {
				cs[i].From = k
			}
			if k, ok := renamed[cs[i].To]; ok {
				cs[i].To = k
			}
			if err := s.insertConduit(tx, at, &cs[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return zs, cs, nil
}
