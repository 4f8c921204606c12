package targets

import (
	"errors"
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// The guided SL-T rationale (IEC 62443-3-2, ZCR 5), in two steps. First
// the threat the zone or conduit must resist, the worst credible
// consequence per category and any FR adjustment, with Slate's proposal
// shown as they are chosen. Then the proposal with its reasoning, the
// vector the assessor sets (final, whatever the proposal says) and the
// assessor's reason, stored with the SL-T in one change of the history.

// Field positions of the two steps.
const (
	rThreat, rSafety, rEnvironment, rProduction, rFinancial, rAdjust = 0, 1, 2, 3, 4, 5
	rFinal, rText                                                    = 0, 1
)

// threatOptions are the four threat profiles, short enough for a choice
// field; the full wording shows under the fields.
var threatOptions = []string{
	"SL 1: casual or coincidental violation",
	"SL 2: intentional, simple means, generic skills",
	"SL 3: sophisticated means, IACS-specific skills",
	"SL 4: sophisticated, extended resources, high motivation",
}

// openRationale opens the first step for the selected zone or conduit,
// filled from its recorded rationale when it has one.
func (m *Model) openRationale(z *model.Zone, c *model.Conduit) {
	var name string
	var r *model.SLTRationale
	switch {
	case z != nil:
		m.editKey, name, r = z.Key, "zone "+z.Name, z.Rationale
	case c != nil:
		m.editKey, name, r = c.Key, "conduit "+c.Name, c.Rationale
	default:
		return
	}
	in := model.SLTInput{Threat: model.ThreatSimple}
	if r != nil {
		in = r.Input
	}
	f := common.NewForm("SL-T rationale of "+model.CleanLine(name)+" (1 of 2)", m.formWidth(), m.keys.Form)
	vals := make([]string, len(model.ThreatProfiles))
	for i, p := range model.ThreatProfiles {
		vals[i] = strconv.Itoa(int(p))
	}
	f.AddChoice("Threat", threatOptions, vals, strconv.Itoa(int(in.Threat)))
	for _, cat := range model.ConsequenceCategories {
		var keys []string
		for _, cq := range model.ConsequenceScale {
			keys = append(keys, cq.Key())
		}
		f.AddChoice(capital(cat.Key()), keys, keys, in.Consequences[cat].Key())
	}
	f.AddText("FR adjustments", model.FormatFRAdjustments(in.Adjustments), 500)
	f.Info = func(f *common.Form) []string {
		in, err := rationaleInput(f)
		if err != nil {
			return []string{err.Error(), adjustHint}
		}
		p := model.ProposeSLT(in)
		if err := in.Validate(); err != nil {
			return []string{p.Reasoning[0], adjustHint}
		}
		return []string{"Threat: " + in.Threat.Label() + ".", "Slate proposes " + model.VectorWords(p.Vector) +
			"; the next step shows why and takes your final vector.", adjustHint}
	}
	f.Validate = func(f *common.Form) error {
		in, err := rationaleInput(f)
		if err != nil {
			return err
		}
		return in.Validate()
	}
	m.form, m.dlg = f, rationaleThreat
}

const adjustHint = `FR adjustments, when one FR needs more or less: "FR4 -1 no secrets on this network; FR7 +1 the unit cannot stop".`

// rationaleInput reads the first step's answers.
func rationaleInput(f *common.Form) (model.SLTInput, error) {
	var in model.SLTInput
	t, _ := strconv.Atoi(f.Fields[rThreat].Choice())
	in.Threat = model.ThreatProfile(t)
	for i, cat := range model.ConsequenceCategories {
		c, err := model.ParseConsequence(f.Fields[rSafety+i].Choice())
		if err != nil {
			return in, err
		}
		in.Consequences[cat] = c
	}
	adj, err := model.ParseFRAdjustments(f.Fields[rAdjust].Text())
	if err != nil {
		return in, fmt.Errorf("FR adjustments: %w", err)
	}
	in.Adjustments = adj
	return in, nil
}

// openRationaleFinal opens the second step: the proposal with its
// reasoning, the final vector (the proposal to start with, or the one
// recorded when the answers did not change) and the reason.
func (m *Model) openRationaleFinal() {
	in, err := rationaleInput(m.form)
	if err != nil {
		m.form.SetError(err.Error())
		return
	}
	p := model.ProposeSLT(in)
	final, text := p.Vector, ""
	if old := m.currentRationale(); old != nil {
		text = old.Text
		if old.Proposed == p.Vector {
			final = old.Final
		}
	}
	f := common.NewForm(fmt.Sprintf("SL-T rationale of %s (2 of 2): Slate proposes %s",
		model.CleanLine(m.zoneName(m.editKey)), p.Vector), m.formWidth(), m.keys.Form)
	f.AddLevels("Final SL-T", final)
	f.AddText("Reason", text, 1000)
	f.Info = func(f *common.Form) []string {
		lines := append([]string{}, p.Reasoning...)
		if f.Fields[rFinal].Levels() != p.Vector {
			lines = append(lines, "Your vector differs from the proposal: say why in Reason.")
		}
		return append(lines, "Your vector is final; Slate's rule is a heuristic, not the standard's (docs/slt-rationale.md).")
	}
	f.Validate = func(f *common.Form) error {
		if f.Fields[rFinal].Levels() != p.Vector && f.Fields[rText].Text() == "" {
			return errors.New("the final SL-T differs from the proposal: give the reason")
		}
		return nil
	}
	m.rationale, m.form, m.dlg = m.form, f, rationaleFinal
}

// currentRationale is the recorded rationale of the target being edited.
func (m *Model) currentRationale() *model.SLTRationale {
	if z, ok := m.ctx.Data.A.Zone(m.editKey); ok {
		return z.Rationale
	}
	if c, ok := m.ctx.Data.A.Conduit(m.editKey); ok {
		return c.Rationale
	}
	return nil
}

// submitRationale stores the rationale with its final SL-T.
func (m *Model) submitRationale() tea.Cmd {
	in, err := rationaleInput(m.rationale)
	if err != nil {
		m.form.SetError(err.Error())
		return nil
	}
	r := model.NewSLTRationale(in, m.form.Fields[rFinal].Levels(), m.form.Fields[rText].Text())
	if err := r.Validate(); err != nil {
		m.form.SetError(err.Error())
		return nil
	}
	if _, ok := m.ctx.Data.A.Target(m.editKey); !ok {
		m.closeDialog() // deleted meanwhile
		return nil
	}
	return m.issue(m.ctx.Ops.SetRationale(m.ID(), m.editKey, &r))
}

// backToThreat leaves the second step for the first, answers kept.
func (m *Model) backToThreat() {
	m.form, m.rationale, m.dlg = m.rationale, nil, rationaleThreat
	m.form.SetError("")
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
