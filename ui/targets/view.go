package targets

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"slate/model"
	"slate/ui/common"
)

// rowCache holds the rendered list rows for one data version and width;
// only the selected row is styled again on each frame.
type rowCache struct {
	ok          bool
	version     uint64
	width       int
	zoneHead    string
	conduitHead string
	zones       []string // plain rows, without the cursor column
	conduits    []string
}

// View implements common.Screen: exactly height lines of width cells. A
// form or confirmation is drawn over the view it was opened from, which
// stays visible around it with the zone, conduit or asset it is about
// (scrolled to the top of the body when the box leaves no room for it
// otherwise).
func (m *Model) View() string {
	m.follow()
	if m.dlg == findingsList {
		return common.Block(m.findings.View(m.ctx.Styles, m.width, m.height), m.width, m.height)
	}
	box := ""
	if m.dlg != noDialog {
		box = m.dialogBox()
	}
	boxH := strings.Count(box, "\n") + 1
	var lines []string
	keep := -1 // the line of the item under the cursor
	switch {
	case m.inAssets:
		off := m.assetOffset
		if keep = 2 + m.assetCursor - off; box != "" && !common.OverlayFits(boxH, m.height, keep) {
			off, keep = m.assetCursor, 2
		}
		lines = m.assetsView(off)
		if len(m.assets()) == 0 {
			keep = -1
		}
	case m.count() == 0:
		lines = m.emptyView()
	case m.diagram:
		lines = m.diagramView()
	default:
		off := m.offset
		if keep = 1 + m.itemLine(m.cursor) - off; box != "" && !common.OverlayFits(boxH, m.height, keep) {
			off, keep = m.itemLine(m.cursor), 1
		}
		lines = m.listView(off)
	}
	body := common.Block(lines, m.width, m.height)
	if box == "" {
		return body
	}
	return common.OverlayKeeping(body, box, m.width, m.height, keep)
}

// dialogBox draws the open form or confirmation.
func (m *Model) dialogBox() string {
	st := m.ctx.Styles
	switch {
	case m.form != nil:
		return m.form.View(st)
	case m.confirm != nil:
		return m.confirm.View(st)
	case m.preview != nil:
		return m.preview.view(st, min(m.width, 96), m.height)
	}
	return ""
}

// emptyView is the hint of an assessment without zones.
func (m *Model) emptyView() []string {
	st := m.ctx.Styles
	w := m.width - 2
	lines := []string{""}
	for _, l := range common.Wrap(common.EditHint(m.ctx.Data, "No zones yet: press T for the typical five zones, or n to add one.", "No zones yet."), w, 0) {
		lines = append(lines, "  "+st.Title.Render(l))
	}
	lines = append(lines, "")
	for _, l := range common.Wrap("The typical five are Enterprise (SL-T 1), Industrial DMZ (2), Supervisory (2), "+
		"Control (2) and Safety/SIS (3), with a conduit between each pair of neighbours held to the "+
		"higher SL-T of its two zones. Rename, re-level or delete them afterwards to match the plant.", w, 0) {
		lines = append(lines, "  "+st.Muted.Render(l))
	}
	return lines
}

// listView is the list window from line off and the selected item's
// details.
func (m *Model) listView(off int) []string {
	m.buildRows()
	st := m.ctx.Styles
	c := &m.cache
	nz, nc := len(c.zones), len(c.conduits)
	all := make([]string, 0, m.totalLines())
	all = append(all, c.zoneHead)
	row := func(i int, text string) string {
		if i == m.cursor {
			return st.Selected.Render(common.PadStyled("> "+text, m.width))
		}
		return "  " + text
	}
	for i, r := range c.zones {
		all = append(all, row(i, r))
	}
	all = append(all, "", c.conduitHead)
	for i, r := range c.conduits {
		all = append(all, row(nz+i, r))
	}
	if nc == 0 {
		all = append(all, "  "+st.Muted.Render(common.Line(common.EditHint(m.ctx.Data, "No conduits yet: press c to add one between two zones.", "No conduits yet."), m.width-2)))
	}
	listH, detailH := m.split()
	end := min(len(all), off+listH)
	lines := []string{m.headerLine(common.EditHint(m.ctx.Data, "v diagram · r SL-T rationale", "v diagram"))}
	lines = append(lines, all[min(off, end):end]...)
	for len(lines) < 1+listH {
		lines = append(lines, "")
	}
	return append(lines, m.detailLines(m.width, detailH)...)
}

// buildRows renders the rows unless the cache holds them for this data
// version and width.
func (m *Model) buildRows() {
	d := m.ctx.Data
	c := &m.cache
	if c.ok && c.version == d.Version && c.width == m.width {
		return
	}
	st := m.ctx.Styles
	w := m.width - marker
	zs, cs := m.zones(), m.conduits()

	// Zones: name | kind | SL-T | assets | answers.
	kindW, sltW := 4, 4
	for _, z := range zs {
		kindW = max(kindW, common.TextWidth(z.KindText()))
		sltW = max(sltW, len(z.SLT.String()))
	}
	kindW = min(kindW, 14)
	const assetsW, answersW = 6, 7
	nameW := max(8, w-kindW-sltW-assetsW-answersW-4*len(sep))
	c.zoneHead = "  " + st.Title.Render(common.Fit(fmt.Sprintf("Zones (%d)", len(zs)), nameW)) + sep +
		st.Header.Render(common.Fit("Kind", kindW)+sep+common.Fit("SL-T", sltW)+sep+
			common.Right("Assets", assetsW)+sep+common.Right("Answers", answersW))
	c.zones = c.zones[:0]
	for _, z := range zs {
		c.zones = append(c.zones, common.Fit(z.Name, nameW)+sep+common.Fit(z.KindText(), kindW)+sep+
			common.Fit(z.SLT.String(), sltW)+sep+common.Right(fmt.Sprint(len(z.Assets)), assetsW)+sep+
			common.Right(fmt.Sprint(len(d.Answers(z.Key))), answersW))
	}

	// Conduits: name | from → to | kind | protocols | SL-T.
	kindW, sltW = 4, 4
	for _, cd := range cs {
		kindW = max(kindW, common.TextWidth(cd.KindText()))
		sltW = max(sltW, len(cd.SLT.String()))
	}
	kindW = min(kindW, 14)
	fw := flex(w-kindW-sltW-4*len(sep), 4, 3, 4, 3)
	cNameW, routeW, protoW := fw[0], fw[1], fw[2]
	c.conduitHead = "  " + st.Title.Render(common.Fit(fmt.Sprintf("Conduits (%d)", len(cs)), cNameW)) + sep +
		st.Header.Render(common.Fit("From → To", routeW)+sep+common.Fit("Kind", kindW)+sep+
			common.Fit("Protocols", protoW)+sep+common.Fit("SL-T", sltW))
	c.conduits = c.conduits[:0]
	for _, cd := range cs {
		route := model.CleanLine(m.zoneName(cd.From)) + " → " + model.CleanLine(m.zoneName(cd.To))
		c.conduits = append(c.conduits, common.Fit(cd.Name, cNameW)+sep+common.Fit(route, routeW)+sep+
			common.Fit(cd.KindText(), kindW)+sep+common.Fit(cd.Protocols, protoW)+sep+common.Fit(cd.SLT.String(), sltW))
	}
	c.ok, c.version, c.width = true, d.Version, m.width
}

// detailLines describes the selected zone or conduit in h lines.
func (m *Model) detailLines(w, h int) []string {
	if h <= 0 {
		return nil
	}
	st := m.ctx.Styles
	d := m.ctx.Data
	z, c := m.selected()
	var lines []string
	add := func(style lipgloss.Style, text string, maxLines int) {
		for _, l := range common.Wrap(text, w, maxLines) {
			lines = append(lines, style.Render(l))
		}
	}
	plain := lipgloss.NewStyle()
	switch {
	case z != nil:
		lines = append(lines, rule(st, fmt.Sprintf("Zone %d of %d: %s", m.cursor+1, len(m.zones()), model.CleanLine(z.Name)), w))
		add(plain, fmt.Sprintf("Kind %s · %s · %s · %s", zoneKindWords(z), sltText(z.SLT),
			common.Plural(len(z.Assets), "asset", "assets"), common.Plural(len(d.Answers(z.Key)), "answer", "answers")), 2)
		m.addChecks(&lines, z.Key, z.Rationale, z.SLT, w)
		m.addDescription(&lines, z.Description, w, h)
		var links []string
		for _, cd := range m.conduits() {
			if cd.From == z.Key || cd.To == z.Key {
				links = append(links, model.CleanLine(cd.Name))
			}
		}
		if len(links) == 0 {
			add(st.Muted, "No conduits to or from this zone.", 1)
		} else {
			add(plain, "Conduits: "+strings.Join(links, ", "), 1)
		}
		lines = append(lines, m.assetLines(z.Assets, w, h-len(lines))...)
	case c != nil:
		nz := len(m.zones())
		lines = append(lines, rule(st, fmt.Sprintf("Conduit %d of %d: %s", m.cursor-nz+1, len(m.conduits()), model.CleanLine(c.Name)), w))
		add(plain, fmt.Sprintf("Kind %s · %s · %s · %s", orNone(c.KindText()), sltText(c.SLT),
			common.Plural(len(c.Assets), "asset", "assets"), common.Plural(len(d.Answers(c.Key)), "answer", "answers")), 2)
		add(plain, fmt.Sprintf("From %s to %s", m.zoneWithSLT(c.From), m.zoneWithSLT(c.To)), 2)
		m.addChecks(&lines, c.Key, c.Rationale, c.SLT, w)
		add(plain, "Protocols: "+orNone(c.Protocols), 2)
		m.addDescription(&lines, c.Description, w, h)
		lines = append(lines, m.assetLines(c.Assets, w, h-len(lines))...)
	}
	return lines
}

// zoneKindWords is a zone's kind, with its row when it is other.
func zoneKindWords(z *model.Zone) string {
	if z.Kind == model.ZoneOther {
		return fmt.Sprintf("%s (other, drawn on the %s row)", orNone(z.KindText()), z.DiagramTier())
	}
	return z.KindText()
}

// addChecks says whether the SL-T has its rationale, and lists the
// findings of the model checks that name the target (f lists them all).
func (m *Model) addChecks(lines *[]string, key string, r *model.SLTRationale, slt model.SLVector, w int) {
	st, d := m.ctx.Styles, m.ctx.Data
	switch {
	case r == nil:
		*lines = append(*lines, st.Muted.Render(common.Line(common.EditHint(d,
			"No SL-T rationale yet: press r to work it out from threat and consequences.", "No SL-T rationale yet."), w)))
	case r.Final != slt:
		changed := fmt.Sprintf("SL-T changed since its rationale set %s", r.Final)
		*lines = append(*lines, st.Gap1.Render(common.Line(common.EditHint(d, changed+": press r to review it.", changed+"."), w)))
	default:
		recorded := fmt.Sprintf("SL-T rationale recorded: threat %s, Slate proposed %s", r.Input.Threat.Key(), r.Proposed)
		*lines = append(*lines, common.Line(common.EditHint(d, recorded+" (r to review).", recorded+"."), w))
	}
	fs := model.FindingsOf(m.findingsNow(), key)
	for i, f := range fs {
		if i == 2 && len(fs) > 3 {
			*lines = append(*lines, st.Muted.Render(common.Line(fmt.Sprintf("… %d more findings: press f", len(fs)-i), w)))
			break
		}
		*lines = append(*lines, st.Severity(f.Severity).Render(common.Line("! "+f.Rule+": "+f.Message, w)))
	}
}

// addDescription wraps a description (or says there is none).
func (m *Model) addDescription(lines *[]string, desc string, w, h int) {
	st := m.ctx.Styles
	if strings.TrimSpace(model.CleanText(desc)) == "" {
		*lines = append(*lines, st.Muted.Render(common.Line(common.EditHint(m.ctx.Data, "No description: press e to add one.", "No description."), w)))
		return
	}
	*lines = append(*lines, common.Wrap(desc, w, max(1, min(4, h-5)))...)
}

// assetLines lists a zone's or conduit's assets in the room left (h lines).
func (m *Model) assetLines(assets []model.Asset, w, h int) []string {
	st := m.ctx.Styles
	if h < 2 {
		return nil
	}
	if len(assets) == 0 {
		return []string{st.Muted.Render(common.Line(common.EditHint(m.ctx.Data, "No assets yet: press a to list and add them, I to import a CSV.", "No assets yet."), w))}
	}
	lines := []string{st.Header.Render(common.Line(fmt.Sprintf("Assets (%d): press a to manage them", len(assets)), w))}
	cols := assetColumns(w - marker)
	room := h - 1
	for i, a := range assets {
		if i == room-1 && len(assets) > room {
			lines = append(lines, st.Muted.Render(common.Line(fmt.Sprintf("  … %d more: press a to see all", len(assets)-i), w)))
			break
		}
		lines = append(lines, "  "+assetRow(a, cols))
	}
	return lines
}

// zoneWithSLT names a zone with its SL-T: "Control (SL-T 2)".
func (m *Model) zoneWithSLT(key string) string {
	if z, ok := m.ctx.Data.A.Zone(key); ok {
		return fmt.Sprintf("%s (SL-T %s)", model.CleanLine(z.Name), z.SLT)
	}
	return key
}
