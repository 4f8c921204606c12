package model

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// BenchSizes are the plant sizes (zones, with 1.5 conduits per zone) that
// the scaling benchmarks run at; withLarge adds the 1000-zone plant, whose
// 64 MB file takes a while to build (benchmarks pass SLATE_BENCH_1000).
func BenchSizes(withLarge bool) []int {
	if withLarge {
		return []int{20, 200, 1000}
	}
	return []int{20, 200}
}

// PlantSpec describes a synthetic plant for benchmarks and scale tests.
type PlantSpec struct {
	Zones    int
	Conduits int
	Answered float64 // fraction of in-scope-to-SL4 requirements answered, 0..1
	Seed     uint64
	// Status, when set, is given to every answered requirement; otherwise
	// statuses are drawn at random with realistic weights.
	Status Status
}

var zoneTypes = []ZoneKind{ZoneEnterprise, ZoneDMZ, ZoneSupervisory, ZoneControl, ZoneSafety}

// GeneratePlant builds a deterministic synthetic assessment: zones with a
// typical SL-T, conduits between neighbouring zones (then random pairs), and
// answers over every applicable requirement.
func GeneratePlant(c *Catalog, spec PlantSpec) *Assessment {
	rng := rand.New(rand.NewPCG(spec.Seed, spec.Seed^0x5eed))
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	a := &Assessment{
		Name: fmt.Sprintf("Generated plant (%s, %s)", Plural(spec.Zones, "zone", "zones"), Plural(spec.Conduits, "conduit", "conduits")),
		Site: "Synthetic site", Assessor: "generator",
		CatalogID: c.ID, CatalogVersion: c.Version, CatalogHash: c.Hash,
		Created: at, Updated: at, Answers: map[string]Answers{},
		Sessions: []Session{{ID: 1, Date: Day(at), Place: "Control room", Attendees: []Attendee{{Name: "operator", Role: "shift operator"}}}},
	}
	for i := range spec.Zones {
		typ := zoneTypes[i%len(zoneTypes)]
		slt := Uniform(Level(1 + rng.IntN(3)))
		a.Zones = append(a.Zones, Zone{
			Key: fmt.Sprintf("z%d", i+1), Name: fmt.Sprintf("Zone %d (%s)", i+1, typ),
			Kind: typ, SLT: slt,
			Assets: []Asset{{Name: fmt.Sprintf("PLC-%d", i+1), Type: "PLC", Vendor: "Generic"}},
		})
	}
	for i := range spec.Conduits {
		if spec.Zones < 2 {
			break
		}
		from := i % spec.Zones
		to := (from + 1) % spec.Zones
		if i >= spec.Zones {
			to = (from + 1 + rng.IntN(spec.Zones-1)) % spec.Zones
		}
		a.Conduits = append(a.Conduits, Conduit{
			Key: fmt.Sprintf("c%d", i+1), Name: fmt.Sprintf("Conduit %d", i+1), Kind: ConduitFirewall,
			From: a.Zones[from].Key, To: a.Zones[to].Key, Protocols: "Modbus/TCP",
			SLT: Uniform(Level(1 + rng.IntN(3))),
		})
	}
	weights := []Status{Yes, Yes, Yes, Partial, No, No, NA, Compensating}
	for _, t := range a.Targets() {
		as := Answers{}
		for _, fr := range FRs {
			for _, r := range c.Applicable(t.Kind, fr) {
				if rng.Float64() >= spec.Answered {
					continue
				}
				st := spec.Status
				if st == "" {
					st = weights[rng.IntN(len(weights))]
				}
				ans := Answer{Requirement: r.ID, Status: st, Method: Told, Session: 1, Assessor: "generator", UpdatedAt: at}
				if st.NeedsJustification() {
					ans.Justification = "generated justification"
				}
				as[r.ID] = ans
			}
		}
		a.Answers[t.Key] = as
	}
	return a
}
