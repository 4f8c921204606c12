package targets

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// typicalZones is the reference architecture most process plants start
// from (the Purdue levels grouped into five zones), with a conduit between
// each pair of neighbours held to the higher of the two zones' SL-T.
func typicalZones() ([]model.Zone, []model.Conduit) {
	zones := []model.Zone{
		{Key: "enterprise", Name: "Enterprise", Kind: model.ZoneEnterprise, SLT: model.Uniform(1),
			Description: "Business IT: offices, ERP, e-mail and internet access; outside the plant's control."},
		{Key: "dmz", Name: "Industrial DMZ", Kind: model.ZoneDMZ, SLT: model.Uniform(2),
			Description: "Brokers every exchange between IT and OT: jump hosts, historian replica, patch and anti-malware servers."},
		{Key: "supervisory", Name: "Supervisory", Kind: model.ZoneSupervisory, SLT: model.Uniform(2),
			Description: "SCADA servers, operator HMIs and engineering workstations."},
		{Key: "control", Name: "Control", Kind: model.ZoneControl, SLT: model.Uniform(2),
			Description: "Controllers (PLC, DCS), remote I/O and the control network."},
		{Key: "safety", Name: "Safety/SIS", Kind: model.ZoneSafety, SLT: model.Uniform(3),
			Description: "Safety instrumented system: logic solvers and their engineering station."},
	}
	links := []struct {
		from, to, name string
		kind           model.ConduitKind
		desc           string
	}{
		{"enterprise", "dmz", "Enterprise - DMZ", model.ConduitFirewall, "Firewall between business IT and the DMZ; nothing passes straight from IT to OT."},
		{"dmz", "supervisory", "DMZ - Supervisory", model.ConduitFirewall, "Firewall between the DMZ and the supervisory zone."},
		{"supervisory", "control", "Supervisory - Control", model.ConduitFirewall, "Firewall between the supervisory and the control network."},
		{"control", "safety", "Control - Safety", model.ConduitSafetyGateway, "Safety gateway between the control system and the SIS."},
	}
	slt := map[string]model.SLVector{}
	for _, z := range zones {
		slt[z.Key] = z.SLT
	}
	conduits := make([]model.Conduit, len(links))
	for i, l := range links {
		// No key: conduit keys are derived from the names and made unique,
		// while the zone keys above are preferences the store may change.
		conduits[i] = model.Conduit{Name: l.name, Kind: l.kind, From: l.from, To: l.to,
			Description: l.desc, SLT: slt[l.from].Higher(slt[l.to])}
	}
	return zones, conduits
}

// template adds the typical five zones, after a confirmation when the
// assessment already has zones.
func (m *Model) template() tea.Cmd {
	if m.tmpl != 0 {
		return nil // the template is being added
	}
	if n := len(m.zones()); n > 0 {
		m.confirm = common.NewConfirm("Add the typical five zones?",
			fmt.Sprintf("The assessment already has %s. The template adds Enterprise, Industrial DMZ, "+
				"Supervisory, Control and Safety/SIS with 4 conduits after them; nothing is replaced.",
				common.Plural(n, "zone", "zones")), m.formWidth(), m.keys.Confirm)
		m.dlg = templateConfirm
		return nil
	}
	return m.addTemplate()
}

// addTemplate commits the five zones and four conduits in one transaction.
func (m *Model) addTemplate() tea.Cmd {
	zones, conduits := typicalZones()
	m.templateFirst = len(m.zones())
	t, cmd := m.ctx.Ops.AddTargets(m.ID(), zones, conduits)
	if m.dlg == templateConfirm {
		return m.issue(t, cmd) // the confirmation waits for it
	}
	m.tmpl = t
	return cmd
}
