package model

import "time"

// FlawedSamplePlant is FlawedSamplePlantAt on SampleDate.
func FlawedSamplePlant(c *Catalog) *Assessment { return FlawedSamplePlantAt(c, SampleDate) }

// FlawedSamplePlantAt is the demo plant with the zoning and roadmap
// mistakes an assessor meets in practice, so that every rule of the model
// checks fires on it (`slate demo --flawed`): an ERP shortcut and a vendor
// remote access straight into OT, unfiltered conduits between zones of
// different targets, a safety system below its control zone, a copied zone
// that kept its name, a laboratory nobody connected, an FR without a
// target, answers that contradict each other, a due date no maintenance
// window can meet, a risk acceptance past its review date and one that
// names nobody. Dates are relative to now, like the demo's.
func FlawedSamplePlantAt(c *Catalog, now time.Time) *Assessment {
	a := SamplePlantAt(c, now)
	today := day(now)
	date := func(t time.Time) string { return t.Format("2006-01-02") }
	a.Name = "Gap assessment, Unit 1 ammonia plant (first draft)"
	ctl, _ := a.Zone("control")
	ctl.SLT = Uniform(3)
	sis, _ := a.Zone("safety")
	sis.SLT = Uniform(3).With(2, 2).With(7, 2)
	a.Zones = append(a.Zones,
		Zone{Key: "vendor", Name: "Vendor network", Kind: ZoneExternal, SLT: Uniform(1),
			Description: "The DCS vendor's support centre."},
		Zone{Key: "unit2", Name: "Control (Unit 1)", Kind: ZoneControl, SLT: Uniform(2).With(4, 0),
			Description: "Unit 2 controllers; copied from Unit 1 and not renamed."},
		Zone{Key: "lab", Name: "Quality lab", Kind: ZoneOther, Label: "Laboratory", Tier: TierSupervisory, SLT: Uniform(1),
			Description: "LIMS and analysers; how it talks to the plant was not recorded."},
	)
	a.Conduits = append(a.Conduits,
		Conduit{Key: "erp-plc", Name: "ERP to PLC (MES shortcut)", Kind: ConduitDirect, From: "enterprise", To: "control",
			Protocols: "S7comm from the MES server", SLT: Uniform(1)},
		Conduit{Key: "vendor-ra", Name: "Vendor remote access", Kind: ConduitRemoteAccess, From: "vendor", To: "supervisory",
			Protocols: "TeamViewer", SLT: Uniform(2)},
		Conduit{Key: "supervisory-unit2", Name: "Supervisory - Control", Kind: ConduitFirewall, From: "supervisory", To: "unit2",
			Protocols: "OPC UA", SLT: Uniform(2)},
	)
	for _, s := range []sampleAnswer{
		{"supervisory", "SR 1.6 RE 1", Yes, "Wireless clients are only on the maintenance SSID.", "", okafor, false},
		{"control", "SR 1.1 RE 1", Yes, "Each engineer has a personal TIA Portal account.", "", weber, false},
	} {
		if _, ok := c.Requirement(s.req); ok {
			as := Answers{}
			for k, v := range a.Answers[s.target] {
				as[k] = v
			}
			as[s.req] = Answer{Requirement: s.req, Status: s.status, Note: s.note, Session: sampleSessionOf(s.who),
				Method: sampleMethod(s), Assessor: assessor, UpdatedAt: a.Updated}
			a.Answers[s.target] = as
		}
	}
	tracking := a.Tracking
	a.Tracking = map[string]Tracking{}
	for k, t := range tracking {
		a.Tracking[k] = t
	}
	for _, t := range []Tracking{
		// Segmentation needs the shutdown, but management wants it in a month.
		{Requirement: "SR 5.1", Owner: "M. Okafor", Due: date(today.AddDate(0, 1, 0)), Status: TrackPlanned},
		// Accepted last year for a year; nobody looked again.
		{Requirement: "SR 1.13 RE 1", Target: "dmz", Owner: "S. Lindqvist", Status: TrackRiskAccepted,
			AcceptedBy: Person{Name: "K. Brandt", Role: "plant manager"}, Review: date(today.AddDate(0, 0, -20)),
			Justification: "Vendor accounts stay enabled until the new remote access solution is in place."},
		// Accepted in a meeting; nobody wrote down who or until when.
		{Requirement: "SR 6.2", Target: "dmz", Status: TrackRiskAccepted,
			Justification: "The SOC will cover the DMZ next year."},
	} {
		if _, ok := c.Requirement(t.Requirement); ok {
			t.UpdatedAt = a.Updated
			a.Tracking[t.Key()] = t
		}
	}
	// The countermeasure of the demo was approved for six months, a year
	// ago, and never reviewed since.
	a.Countermeasures = append([]Countermeasure(nil), a.Countermeasures...)
	for i := range a.Countermeasures {
		a.Countermeasures[i].Review = date(today.AddDate(0, -6, 0))
		a.Countermeasures[i].Links = append([]CountermeasureLink(nil), a.Countermeasures[i].Links...)
	}
	return a
}
