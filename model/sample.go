package model

import (
	"fmt"
	"strings"
	"time"
)

// sampleAnswer is one line of the sample interview.
type sampleAnswer struct {
	target, req string
	status      Status
	note, just  string
	who         string
	flagged     bool
}

const (
	weber    = "J. Weber (control engineer)"
	okafor   = "M. Okafor (OT network engineer)"
	lindqvst = "S. Lindqvist (IT security)"
	patel    = "R. Patel (shift supervisor)"
	assessor = "A. Novak"
)

// sampleInterview is a partly finished interview at a typical process plant:
// real gaps, a provisional level and compensating controls.
var sampleInterview = []sampleAnswer{
	// Enterprise zone (SL-T 1): at target where it was asked.
	{"enterprise", "SR 1.1", Yes, "Corporate AD logon on every workstation; no local autologon.", "", lindqvst, false},
	{"enterprise", "SR 1.3", Yes, "Joiner/mover/leaver process in the HR system, reviewed monthly.", "", lindqvst, false},
	{"enterprise", "SR 1.4", Yes, "", "", lindqvst, false},
	{"enterprise", "SR 1.5", Yes, "Password vault for admin accounts; default credentials changed at build.", "", lindqvst, false},
	{"enterprise", "SR 1.6", Yes, "Corporate Wi-Fi uses 802.1X with certificates.", "", lindqvst, false},
	{"enterprise", "SR 1.7", Yes, "GPO: 14 characters minimum.", "", lindqvst, false},
	{"enterprise", "SR 1.10", Yes, "", "", lindqvst, false},
	{"enterprise", "SR 1.11", Yes, "Lockout after 10 attempts for 15 minutes.", "", lindqvst, false},
	{"enterprise", "SR 1.12", Yes, "Logon banner shown.", "", lindqvst, false},
	{"enterprise", "SR 1.13", Yes, "VPN with MFA for all remote staff.", "", lindqvst, false},
	{"enterprise", "SR 4.1", Yes, "", "", lindqvst, false},
	{"enterprise", "SR 4.3", Yes, "TLS 1.2+ enforced by proxy policy.", "", lindqvst, false},

	// Industrial DMZ (SL-T 2).
	{"dmz", "SR 1.1", Yes, "Jump host requires domain logon from the OT domain.", "", okafor, false},
	{"dmz", "SR 1.1 RE 1", Yes, "Named accounts only on the jump host and historian replica.", "", okafor, false},
	{"dmz", "SR 1.5", Partial, "Service account for PI replication has a non-expiring password stored in a script.", "", okafor, true},
	{"dmz", "SR 1.13", Yes, "Remote access terminates on the jump host only.", "", okafor, false},
	{"dmz", "SR 1.13 RE 1", No, "Vendor accounts are enabled permanently; no per-session approval.", "", okafor, false},
	{"dmz", "SR 3.2", Yes, "Endpoint protection on all DMZ servers, signatures via WSUS/ePO.", "", okafor, false},
	{"dmz", "SR 3.2 RE 1", Yes, "File transfer station scans all files entering the DMZ.", "", okafor, false},
	{"dmz", "SR 6.1", Yes, "Logs forwarded to the SOC syslog collector.", "", okafor, false},
	{"dmz", "SR 6.2", No, "No network monitoring; the SOC sees only server logs.", "", okafor, false},

	// Supervisory zone (SL-T 2): FR1 fully interviewed.
	{"supervisory", "SR 1.1", Yes, "Windows logon on all HMIs and engineering stations; autologon removed in 2024.", "", weber, false},
	{"supervisory", "SR 1.1 RE 1", No, "Control room uses one shared 'operator' account per console; personal accounts come with the HMI upgrade.", "", patel, false},
	{"supervisory", "SR 1.2", Partial, "OPC UA to the PLCs uses certificates; the legacy S7 connections are unauthenticated.", "", weber, false},
	{"supervisory", "SR 1.3", Yes, "Accounts created through OT AD tickets; quarterly review by the OT lead.", "", weber, false},
	{"supervisory", "SR 1.4", Yes, "", "", weber, false},
	{"supervisory", "SR 1.5", No, "Two HMI panels still use the vendor default password (label on the cabinet door).", "", weber, true},
	{"supervisory", "SR 1.6", NA, "", "No wireless in the supervisory zone: confirmed on the walkdown and in the switch port configuration.", okafor, false},
	{"supervisory", "SR 1.7", Yes, "The HMI runtime has no password rules of its own, but every logon to the HMI hosts goes through the OT domain, whose policy enforces 12-character passwords for every account.", "", weber, false},
	{"supervisory", "SR 1.10", Yes, "", "", weber, false},
	{"supervisory", "SR 1.11", Yes, "Lockout after 5 attempts via GPO; operators know to call the shift supervisor.", "", patel, false},
	{"supervisory", "SR 1.12", Partial, "Banner on engineering stations only, not on the HMIs.", "", weber, false},
	{"supervisory", "SR 1.13", Yes, "No direct access from untrusted networks; vendors come in through the DMZ jump host.", "", okafor, false},
	{"supervisory", "SR 1.13 RE 1", Yes, "Each vendor session approved by the shift supervisor against a work order.", "", patel, false},
	{"supervisory", "SR 2.1", Yes, "", "", weber, false},
	{"supervisory", "SR 2.1 RE 2", Yes, "Roles: operator, engineer, administrator.", "", weber, false},
	{"supervisory", "SR 2.3", Partial, "USB storage blocked on HMIs by GPO, but not on the engineering stations.", "", weber, false},
	{"supervisory", "SR 2.5", Yes, "Screen lock after 15 minutes on engineering stations; HMIs stay in view-only mode.", "", weber, false},
	{"supervisory", "SR 2.8", Yes, "", "", weber, false},
	{"supervisory", "SR 5.1", Partial, "Separated from the office network by the DMZ firewall, but supervisory and control share one flat VLAN (see the Supervisory - Control conduit).", "", okafor, false},
	{"supervisory", "SR 5.1 RE 1", No, "HMIs, servers and PLCs sit on the same switches and VLAN 10.", "", okafor, false},
	{"supervisory", "SR 5.2", Yes, "", "", okafor, false},
	{"supervisory", "SR 5.2 RE 1", Partial, "An any-any rule for historian replication is still open on the DMZ firewall.", "", okafor, true},
	{"supervisory", "SR 5.3", Yes, "No e-mail or chat clients on HMIs.", "", okafor, false},
	{"supervisory", "SR 5.4", Yes, "", "", okafor, false},
	{"supervisory", "SR 7.3", Yes, "Nightly image backups of both SCADA servers to an offline NAS.", "", weber, false},
	{"supervisory", "SR 7.3 RE 1", No, "Restores have never been tested.", "", weber, false},
	{"supervisory", "SR 7.8", No, "The only inventory dates from commissioning in 2016.", "", weber, false},

	// Control zone (SL-T 2): FR3 provisional.
	{"control", "SR 1.1", No, "PLCs can be programmed from any engineering station without a password; S7 protection level not set.", "", weber, true},
	{"control", "SR 3.1", Yes, "", "", weber, false},
	{"control", "SR 3.2", Compensating, "Controllers cannot run anti-malware.", "The PLCs cannot run anti-malware; code reaches them only from the engineering stations or a USB stick, and both paths are locked down, so malicious code is kept from them as SL 2 intends.", weber, false},
	{"control", "SR 3.3", Yes, "Security functions (PLC protection levels, switch port security, allow-listing) are checked with a written checklist after every change and during each shutdown. The yearly SIS proof tests are kept apart: they verify safety functions, not security.", "", weber, false},
	{"control", "SR 3.4", Yes, "Firmware only from the vendor portal with checksum verification.", "", weber, false},
	{"control", "SR 3.5", Yes, "", "", weber, false},
	{"control", "SR 3.6", Yes, "Outputs go to a defined safe state on communication loss (tested at FAT).", "", weber, false},
	{"control", "SR 7.3", Yes, "PLC programs backed up after every change to the versioning server.", "", weber, false},
	{"control", "SR 7.4", Partial, "Recovery procedure exists for PLCs but not for the managed switches.", "", weber, false},
	{"control", "SR 7.5", Yes, "UPS for 30 minutes, then the diesel generator. Switches and the conduit firewall keep their configuration in flash: in the last generator test they came back with the same rules and no default passwords.", "", weber, false},

	// Safety instrumented system (SL-T 3).
	{"safety", "SR 1.1", Yes, "SIS engineering station requires personal logon and a key switch.", "", weber, false},
	{"safety", "SR 5.1", Yes, "", "", okafor, false},
	{"safety", "SR 5.1 RE 1", Yes, "Separate physical network for the SIS.", "", okafor, false},
	{"safety", "SR 5.1 RE 2", Yes, "", "", okafor, false},
	{"safety", "SR 5.2", Yes, "", "", okafor, false},
	{"safety", "SR 5.2 RE 1", Yes, "", "", okafor, false},
	{"safety", "SR 5.2 RE 2", No, "The SIS cannot be isolated from the control network without tripping the unit.", "", weber, false},
	{"safety", "SR 5.2 RE 3", Yes, "The SIS gateway blocks all traffic when it fails (tested in 2025).", "", okafor, false},
	{"safety", "SR 5.3", Yes, "", "", okafor, false},
	{"safety", "SR 5.3 RE 1", Yes, "", "", okafor, false},
	{"safety", "SR 5.4", Yes, "", "", okafor, false},

	// Conduits.
	{"enterprise-dmz", "SR 1.13", Yes, "Remote users authenticate on the corporate VPN before reaching the DMZ.", "", okafor, false},
	{"enterprise-dmz", "SR 1.13 RE 1", No, "Vendor VPN accounts are always on.", "", okafor, false},
	{"enterprise-dmz", "SR 5.1", Yes, "", "", okafor, false},
	{"enterprise-dmz", "SR 5.1 RE 1", Yes, "", "", okafor, false},
	{"enterprise-dmz", "SR 5.2", Yes, "Next-generation firewall between IT and the DMZ.", "", okafor, false},
	{"enterprise-dmz", "SR 5.2 RE 1", Yes, "Default deny; rules reviewed twice a year.", "", okafor, false},
	{"enterprise-dmz", "SR 5.3", Yes, "E-mail and web browsing blocked towards the DMZ.", "", okafor, false},
	{"supervisory-control", "SR 5.1", No, "Flat network: supervisory and control share VLAN 10 with no filtering.", "", okafor, true},
	{"supervisory-control", "SR 3.1", Partial, "OPC UA signed; S7 and Modbus in clear.", "", weber, false},
	{"control-safety", "SR 5.1", Yes, "", "", okafor, false},
	{"control-safety", "SR 5.2", Yes, "Read-only safety gateway; writes from the DCS are blocked.", "", okafor, false},
	{"control-safety", "SR 5.2 RE 1", Yes, "", "", okafor, false},
}

// sampleRationales are the demo's recorded SL-T rationales, by target.
var sampleRationales = map[string]SLTRationale{
	"control": NewSLTRationale(SLTInput{Threat: ThreatSimple,
		Consequences: Consequences{CategorySafety: ConsequenceMajor, CategoryEnvironment: ConsequenceModerate,
			CategoryProduction: ConsequenceMajor, CategoryFinancial: ConsequenceMajor}},
		Uniform(2), "The SIS, not the control system, prevents the worst outcomes; an attacker must pass the DMZ and the supervisory zone first."),
	"safety": NewSLTRationale(SLTInput{Threat: ThreatSophisticated,
		Consequences: Consequences{CategorySafety: ConsequenceCatastrophic, CategoryEnvironment: ConsequenceMajor,
			CategoryProduction: ConsequenceMajor, CategoryFinancial: ConsequenceMajor}},
		Uniform(3), "A safety system that fails on demand can release ammonia beyond the fence; attacks aimed at safety systems of process plants are on record."),
	"control-safety": NewSLTRationale(SLTInput{Threat: ThreatSophisticated,
		Consequences: Consequences{CategorySafety: ConsequenceCatastrophic, CategoryEnvironment: ConsequenceMajor,
			CategoryProduction: ConsequenceMajor, CategoryFinancial: ConsequenceMajor}},
		Uniform(3), "The only path into the safety system: held to the safety zone's target."),
}

// SampleDate is the day the reproducible demo is made on (goldens, tests,
// `slate demo --at`): the interview started two days before.
var SampleDate = time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)

// SamplePlant is the demo assessment as made on SampleDate.
func SamplePlant(c *Catalog) *Assessment { return SamplePlantAt(c, SampleDate) }

// SamplePlantAt returns the demo assessment made on the day of now: the
// five zones of a typical process plant, conduits between neighbours, some
// assets, a partly finished interview, a roadmap with owners, a risk
// acceptance and maintenance windows. Every date (interview, windows, due
// and review dates) is relative to now, so the demo never goes stale; the
// same now gives the same plant.
func SamplePlantAt(c *Catalog, now time.Time) *Assessment {
	today := day(now)
	start := today.AddDate(0, 0, -2).Add(8*time.Hour + 30*time.Minute)
	date := func(t time.Time) string { return t.Format("2006-01-02") }
	a := &Assessment{
		Name:     "Gap assessment, Unit 1 ammonia plant",
		Site:     "Northfield Chemical Works",
		Scope:    "Unit 1 process control system: enterprise boundary to the safety instrumented system.",
		Assessor: assessor,
		Created:  start, Updated: start,
		CatalogID: c.ID, CatalogVersion: c.Version, CatalogHash: c.Hash,
		Answers: map[string]Answers{},
		Zones: []Zone{
			{Key: "enterprise", Name: "Enterprise", Kind: ZoneEnterprise, SLT: Uniform(1),
				Description: "Corporate IT: offices, ERP, e-mail. Outside the system under consideration: it is assessed only as the untrusted side of the Enterprise - DMZ conduit, with the SL-T a corporate network typically gets, so that the boundary requirements can be judged.",
				Assets: []Asset{
					{Name: "DC01", Type: "Domain controller", Vendor: "Microsoft", Model: "Windows Server 2022", Address: "10.1.0.10", Criticality: CriticalityMedium},
					{Name: "ERP01", Type: "ERP server", Vendor: "SAP", Address: "10.1.2.20", Criticality: CriticalityLow},
				}},
			{Key: "dmz", Name: "Industrial DMZ", Kind: ZoneDMZ, SLT: Uniform(2),
				Description: "Brokers every exchange between IT and OT.",
				Assets: []Asset{
					{Name: "JUMP01", Type: "Remote access jump host", Vendor: "Microsoft", Model: "Windows Server 2019", Address: "172.16.10.5"},
					{Name: "HIST-R", Type: "Historian replica", Vendor: "AVEVA", Model: "PI Server", Firmware: "2018 SP3", Address: "172.16.10.12"},
					{Name: "WSUS01", Type: "Patch server", Vendor: "Microsoft", Address: "172.16.10.20"},
				}},
			{Key: "supervisory", Name: "Supervisory", Kind: ZoneSupervisory, SLT: Uniform(2),
				Description: "SCADA servers, operator HMIs and engineering stations in the central control room.",
				Assets: []Asset{
					{Name: "SCADA-A", Type: "SCADA server", Vendor: "Siemens", Model: "WinCC OA", Firmware: "3.19", Address: "192.168.20.11", Criticality: CriticalityHigh},
					{Name: "SCADA-B", Type: "SCADA server", Vendor: "Siemens", Model: "WinCC OA", Firmware: "3.19", Address: "192.168.20.12", Criticality: CriticalityHigh},
					{Name: "HMI-01..04", Type: "Operator HMI", Vendor: "Dell", Model: "OptiPlex 7090", Address: "192.168.20.31-34", Criticality: CriticalityMedium},
					{Name: "EWS-01", Type: "Engineering workstation", Vendor: "Siemens", Model: "TIA Portal V17", Address: "192.168.20.50"},
				}},
			{Key: "control", Name: "Control (Unit 1)", Kind: ZoneControl, SLT: Uniform(2),
				Description: "Controllers, remote I/O and the unit's control network.",
				Assets: []Asset{
					{Name: "PLC-101", Type: "PLC", Vendor: "Siemens", Model: "S7-1516", Firmware: "2.9.4", Address: "192.168.30.101", Criticality: CriticalityHigh},
					{Name: "PLC-102", Type: "PLC", Vendor: "Siemens", Model: "S7-1516", Firmware: "2.8.3", Address: "192.168.30.102", Criticality: CriticalityHigh},
					{Name: "SW-U1-CORE", Type: "Managed switch", Vendor: "Hirschmann", Model: "RSP35", Firmware: "09.0.04", Address: "192.168.30.2"},
				}},
			{Key: "safety", Name: "Safety instrumented system", Kind: ZoneSafety, SLT: Uniform(3),
				Description: "SIS logic solver and its engineering station.",
				Assets: []Asset{
					{Name: "SIS-LS1", Type: "Safety logic solver", Vendor: "Schneider Electric", Model: "Triconex Tricon CX", Firmware: "11.6", Criticality: CriticalityHigh},
					{Name: "SIS-EWS", Type: "SIS engineering station", Vendor: "Schneider Electric", Model: "TriStation 1131"},
				}},
		},
		Conduits: []Conduit{
			{Key: "enterprise-dmz", Name: "Enterprise - DMZ", Kind: ConduitFirewall, From: "enterprise", To: "dmz",
				Protocols: "HTTPS, RDP to the jump host, WSUS", SLT: Uniform(2),
				Assets: []Asset{{Name: "FW-IT-DMZ", Type: "Firewall", Vendor: "Fortinet", Model: "FortiGate 200F",
					Firmware: "7.2.8", Address: "10.1.0.1, 172.16.10.1", Criticality: CriticalityHigh}}},
			{Key: "dmz-supervisory", Name: "DMZ - Supervisory", Kind: ConduitFirewall, From: "dmz", To: "supervisory",
				Protocols: "PI-to-PI replication, WSUS, RDP from the jump host", SLT: Uniform(2),
				Assets: []Asset{{Name: "FW-DMZ-OT", Type: "Firewall", Vendor: "Hirschmann", Model: "EAGLE40",
					Firmware: "4.2", Address: "172.16.10.254, 192.168.20.1", Criticality: CriticalityHigh}}},
			{Key: "supervisory-control", Name: "Supervisory - Control", Kind: ConduitDirect, From: "supervisory", To: "control",
				Protocols: "S7comm, OPC UA, Modbus/TCP", SLT: Uniform(2)},
			{Key: "control-safety", Name: "Control - Safety", Kind: ConduitSafetyGateway, From: "control", To: "safety",
				Protocols: "Modbus/TCP (read-only)", SLT: Uniform(3),
				Assets: []Asset{{Name: "SIS-GW", Type: "Safety gateway", Vendor: "Schneider Electric",
					Model: "Tricon CX communication module", Criticality: CriticalityHigh}}},
		},
	}
	// The SL-T rationale of the zones and the conduit where the assessor
	// has worked it out with the plant; the others still lack one.
	for key, r := range sampleRationales {
		if z, ok := a.Zone(key); ok {
			rat := r
			z.Rationale = &rat
		} else if c, ok := a.Conduit(key); ok {
			rat := r
			c.Rationale = &rat
		}
	}
	a.Sessions = sampleSessions(date(start.AddDate(0, 0, 1)))
	for i, s := range sampleInterview {
		if _, ok := c.Requirement(s.req); !ok {
			continue // a custom catalog without this requirement
		}
		as := a.Answers[s.target]
		if as == nil {
			as = Answers{}
			a.Answers[s.target] = as
		}
		as[s.req] = Answer{Requirement: s.req, Status: s.status, Note: s.note, Justification: s.just,
			Method: sampleMethod(s), Session: sampleSessionOf(s.who), Assessor: assessor, Flagged: s.flagged,
			UpdatedAt: start.Add(time.Duration(24*60+i*3) * time.Minute)}
	}
	a.Updated = start.Add(time.Duration(24*60+len(sampleInterview)*3) * time.Minute)
	shutdown := today.AddDate(0, 7, 0)
	turnaround := today.AddDate(0, 13, 7)
	a.Windows = []Window{
		{Name: fmt.Sprintf("Unit 1 shutdown %d", shutdown.Year()), Date: date(shutdown), Days: 10,
			Targets: []string{"supervisory", "control", "safety"}},
		{Name: fmt.Sprintf("Site turnaround %d", turnaround.Year()), Date: date(turnaround), Days: 21,
			Targets: []string{"dmz", "supervisory", "control", "safety"}},
	}
	lead := 120
	a.Tracking = map[string]Tracking{}
	for _, t := range []Tracking{
		{Requirement: "SR 1.5", Owner: "J. Weber", Due: date(today.AddDate(0, 0, 56)), Status: TrackInProgress},
		{Requirement: "SR 5.1", Owner: "M. Okafor", Due: date(shutdown), Status: TrackPlanned},
		{Requirement: "SR 1.2", VendorName: "Siemens", LeadDays: &lead},
		{Requirement: "SR 1.12", Target: "supervisory", Owner: "R. Patel", Status: TrackRiskAccepted,
			AcceptedBy: Person{Name: "K. Brandt", Role: "plant manager"}, Review: date(today.AddDate(1, 0, 0)),
			Justification: "The HMI runtime cannot show a banner; a notice at the control room door covers the intent until the HMI upgrade."},
	} {
		if _, ok := c.Requirement(t.Requirement); ok {
			t.UpdatedAt = a.Updated
			a.Tracking[t.Key()] = t
		}
	}
	if a.Answers["control"].Status("SR 3.2") == Compensating {
		a.Countermeasures = []Countermeasure{{ID: 1, Target: "supervisory",
			Control:    "Application allow-listing on the engineering stations and USB port control on every device that can reach the PLCs.",
			ApprovedBy: Person{Name: "K. Brandt", Role: "plant manager"}, Review: date(today.AddDate(0, 6, 0)),
			Links: []CountermeasureLink{{Target: "control", Requirement: "SR 3.2", SL: 2}}}}
	}
	a.SiteAnswers = Answers{}
	for i, s := range []struct {
		id     string
		status Status
		note   string
	}{
		{"SITE 1", Partial, "Windows hosts are patched monthly from WSUS in the DMZ; PLC and switch firmware only when something breaks."},
		{"SITE 2", No, "Only the corporate IT incident plan exists; it does not mention the plant or the SIS."},
		{"SITE 3", Partial, "An asset spreadsheet from the 2019 migration; nobody owns its upkeep."},
		{"SITE 4", Partial, "A network drawing from 2019; zones exist in practice but have no documented target levels."},
	} {
		if _, ok := c.SiteQuestion(s.id); ok {
			a.SiteAnswers[s.id] = Answer{Requirement: s.id, Status: s.status, Note: s.note, Method: Told,
				Session: sampleSessionOf(okafor), Assessor: assessor, UpdatedAt: start.Add(time.Duration(24*60+len(sampleInterview)*3-20+i) * time.Minute)}
		}
	}
	a.Projects = []Project{{ID: "hmi-upgrade", Title: "HMI and engineering station upgrade"}}
	a.ProjectOf = map[string]string{}
	for _, id := range []string{"SR 1.1 RE 1", "SR 2.3"} {
		if _, ok := c.Requirement(id); ok {
			a.ProjectOf[id] = "hmi-upgrade"
		}
	}
	return a
}

// sampleSessionIDs numbers the demo's interview sessions: one per person,
// all on the second day of the interview.
var sampleSessionIDs = map[string]int64{lindqvst: 1, okafor: 2, weber: 3, patel: 4}

func sampleSessionOf(who string) int64 { return sampleSessionIDs[who] }

func sampleSessions(day string) []Session {
	return []Session{
		{ID: 1, Date: day, Place: "IT office", Attendees: []Attendee{{"S. Lindqvist", "IT security"}}},
		{ID: 2, Date: day, Place: "Server room", Attendees: []Attendee{{"M. Okafor", "OT network engineer"}}},
		{ID: 3, Date: day, Place: "Engineering office", Attendees: []Attendee{{"J. Weber", "control engineer"}}},
		{ID: 4, Date: day, Place: "Central control room", Attendees: []Attendee{{"R. Patel", "shift supervisor"}, {"J. Weber", "control engineer"}}},
	}
}

// sampleMethod is how a demo answer was established: what the note says
// was looked at or tried, otherwise told in the interview.
func sampleMethod(s sampleAnswer) Method {
	text := s.note + " " + s.just
	switch {
	case strings.Contains(text, "tested"):
		return Tested
	case strings.Contains(text, "walkdown"), strings.Contains(text, "label on the cabinet"),
		strings.Contains(text, "configuration"), strings.Contains(text, "GPO"):
		return Seen
	}
	return Told
}
