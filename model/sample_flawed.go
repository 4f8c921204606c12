package model

// FlawedSamplePlant is the demo plant with the zoning mistakes an assessor
// meets in practice, so that every rule of the model checks fires on it
// (`slate demo --flawed`): an ERP shortcut and a vendor remote access
// straight into OT, unfiltered conduits between zones of different
// targets, a safety system below its control zone, a copied zone that kept
// its name, a laboratory nobody connected, an FR without a target, and
// answers that contradict each other.
func FlawedSamplePlant(c *Catalog) *Assessment {
	a := SamplePlant(c)
	a.Name = "Gap assessment, Unit 1 ammonia plant (first draft)"
	ctl, _ := a.Zone("control")
	ctl.SLT = Uniform(3)
	sis, _ := a.Zone("safety")
	sis.SLT = Uniform(3).With(2, 2).With(7, 2)
	a.Zones = append(a.Zones,
		Zone{Key: "vendor", Name: "Vendor network", Type: "Internet", SLT: Uniform(1),
			Description: "The DCS vendor's support centre."},
		Zone{Key: "unit2", Name: "Control (Unit 1)", Type: "control", SLT: Uniform(2).With(4, 0),
			Description: "Unit 2 controllers; copied from Unit 1 and not renamed."},
		Zone{Key: "lab", Name: "Quality lab", Type: "Laboratory", SLT: Uniform(1),
			Description: "LIMS and analysers; how it talks to the plant was not recorded."},
	)
	a.Conduits = append(a.Conduits,
		Conduit{Key: "erp-plc", Name: "ERP to PLC (MES shortcut)", Type: "direct", From: "enterprise", To: "control",
			Protocols: "S7comm from the MES server", SLT: Uniform(1)},
		Conduit{Key: "vendor-ra", Name: "Vendor remote access", Type: "Remote access", From: "vendor", To: "supervisory",
			Protocols: "TeamViewer", SLT: Uniform(2)},
		Conduit{Key: "supervisory-unit2", Name: "Supervisory - Control", Type: "firewall", From: "supervisory", To: "unit2",
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
	return a
}
