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

// zoneState and conduitState are what the history records of a target.
type zoneState struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Type        string `json:"type"`
	SLT         string `json:"sl_t"`
}

type conduitState struct {
	zoneState
	From      string `json:"from"`
	To        string `json:"to"`
	Protocols string `json:"protocols"`
}

func cleanZone(z *model.Zone) error {
	z.Name = strings.TrimSpace(model.CleanLine(z.Name))
	z.Type = strings.TrimSpace(model.CleanLine(z.Type))
	z.Description = model.CleanText(z.Description)
	if z.Name == "" {
		return invalid("a zone needs a name")
	}
	if !z.SLT.Valid() {
		return invalid("SL-T must be 0..4 for every FR")
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
	res, err := tx.Exec(`INSERT INTO targets (key, kind, name, description, type, slt, position)
		VALUES (?, 'zone', ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM targets WHERE kind = 'zone'))`,
		z.Key, z.Name, z.Description, z.Type, sltText(z.SLT))
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for i := range z.Assets {
		if err := s.insertAsset(tx, id, &z.Assets[i]); err != nil {
			return err
		}
	}
	after, err := s.targetImages(tx, id)
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actor, "zone", z.Key, nil, after)
}

// targetImages returns a target's row with the assets of a zone.
func (s *Store) targetImages(tx *sql.Tx, id int64) (changeset, error) {
	t, err := s.images(tx, "targets", "id = ?", id)
	if err != nil {
		return nil, err
	}
	as, err := s.images(tx, "assets", "zone_id = ? ORDER BY position", id)
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

// UpdateZone saves a zone's name, description, type and SL-T (found by Key).
func (s *Store) UpdateZone(z model.Zone) error {
	if err := cleanZone(&z); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx, at int64) error {
		var old zoneState
		err := tx.QueryRow(`SELECT name, description, type, slt FROM targets WHERE key = ? AND kind = 'zone'`, z.Key).
			Scan(&old.Name, &old.Description, &old.Type, &old.SLT)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("no zone %q", z.Key)
		} else if err != nil {
			return err
		}
		st := zoneState{z.Name, z.Description, z.Type, sltText(z.SLT)}
		if st == old {
			return nil
		}
		before, err := s.targetRows(tx, "key = ?", z.Key)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE targets SET name = ?, description = ?, type = ?, slt = ? WHERE key = ?`,
			st.Name, st.Description, st.Type, st.SLT, z.Key); err != nil {
			return err
		}
		after, err := s.targetRows(tx, "key = ?", z.Key)
		if err != nil {
			return err
		}
		return s.record(tx, at, s.actor, "zone", z.Key, before, after)
	})
}

func cleanConduit(c *model.Conduit) error {
	c.Name = strings.TrimSpace(model.CleanLine(c.Name))
	c.Type = strings.TrimSpace(model.CleanLine(c.Type))
	c.Protocols = strings.TrimSpace(model.CleanLine(c.Protocols))
	c.Description = model.CleanText(c.Description)
	switch {
	case c.Name == "":
		return invalid("a conduit needs a name")
	case c.From == "" || c.To == "":
		return invalid("a conduit joins two zones")
	case c.From == c.To:
		return invalid("a conduit joins two different zones")
	case !c.SLT.Valid():
		return invalid("SL-T must be 0..4 for every FR")
	}
	return nil
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
	if _, err := tx.Exec(`INSERT INTO targets (key, kind, name, description, type, slt, position, from_zone, to_zone, protocols)
		VALUES (?, 'conduit', ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM targets WHERE kind = 'conduit'), ?, ?, ?)`,
		c.Key, c.Name, c.Description, c.Type, sltText(c.SLT), from, to, c.Protocols); err != nil {
		return err
	}
	after, err := s.targetRows(tx, "key = ?", c.Key)
	if err != nil {
		return err
	}
	return s.record(tx, at, s.actor, "conduit", c.Key, nil, after)
}

func conduitStateOf(c model.Conduit) conduitState {
	return conduitState{zoneState{c.Name, c.Description, c.Type, sltText(c.SLT)}, c.From, c.To, c.Protocols}
}

// UpdateConduit saves a conduit's fields (found by Key).
func (s *Store) UpdateConduit(c model.Conduit) error {
	if err := cleanConduit(&c); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx, at int64) error {
		var old conduitState
		err := tx.QueryRow(`SELECT c.name, c.description, c.type, c.slt, f.key, t.key, c.protocols
			FROM targets c JOIN targets f ON f.id = c.from_zone JOIN targets t ON t.id = c.to_zone
			WHERE c.key = ? AND c.kind = 'conduit'`, c.Key).
			Scan(&old.Name, &old.Description, &old.Type, &old.SLT, &old.From, &old.To, &old.Protocols)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("no conduit %q", c.Key)
		} else if err != nil {
			return err
		}
		st := conduitStateOf(c)
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
		if _, err := tx.Exec(`UPDATE targets SET name = ?, description = ?, type = ?, slt = ?,
			from_zone = ?, to_zone = ?, protocols = ? WHERE key = ?`,
			st.Name, st.Description, st.Type, st.SLT, from, to, st.Protocols, c.Key); err != nil {
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
