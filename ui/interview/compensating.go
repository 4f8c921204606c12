package interview

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// A compensating answer relies on a countermeasure: a record of its own
// (the alternative control, where it sits, who approved it in which role,
// when it must be reviewed) that several answers may share. The form asks
// for the countermeasure, new or one already recorded, the level it
// supports here and why it meets the requirement's intent, which becomes
// the answer's justification. Choosing a recorded countermeasure fills its
// fields; changing them changes that record for every answer relying on
// it (the choice says how many do).

// Field positions in the compensating form.
const (
	cmRecord = iota
	cmControl
	cmSitsOn
	cmApprovedBy
	cmRole
	cmReview
	cmLevel
	cmWhy
)

// compensating is the open compensating form.
type compensating struct {
	form *common.Form
	it   item
	save common.Ticket // the form's save (0: not saving)
}

// openCompensating opens the form on an item, filled from the
// countermeasure its answer relies on when it is compensating already.
func (m *Model) openCompensating(it item) tea.Cmd {
	d := m.ctx.Data
	if d.ReadOnly {
		return common.StatusCmd("Read-only: nothing can be changed", true)
	}
	a := m.answer(it)
	t, _ := d.Target(it.target)
	width := m.formWidth()
	f := common.NewForm("Compensating countermeasure for "+it.req.ID+" ("+model.CleanLine(t.Name)+")", width, m.keys.Form)

	labels, values := []string{"new countermeasure"}, []string{"0"}
	for _, cm := range d.A.Countermeasures {
		prefix := fmt.Sprintf("%d: ", cm.ID)
		suffix := " · " + common.Plural(len(cm.Links), "answer", "answers")
		room := max(8, width-choiceChrome-len(prefix)-len(suffix))
		labels = append(labels, prefix+cm.Label(room)+suffix)
		values = append(values, strconv.FormatInt(cm.ID, 10))
	}
	cur, link, linked := d.A.CountermeasureOf(it.target, it.req.ID)
	chosen := "0"
	if linked && a.Status == model.Compensating {
		chosen = strconv.FormatInt(cur.ID, 10)
	}
	f.AddChoice("Countermeasure", labels, values, chosen)
	f.AddText("Alternative control", "", 2000)
	labels, values = []string{"not tied to one zone or conduit"}, []string{""}
	for _, tg := range d.A.Targets() {
		labels = append(labels, model.CleanLine(tg.Name)+" ("+tg.Kind.String()+")")
		values = append(values, tg.Key)
	}
	f.AddChoice("Sits on", labels, values, it.target)
	f.AddText("Approved by", "", 80)
	f.AddText("Their role", "", 80)
	f.AddText("Review (YYYY-MM-DD)", "", 10)
	level := t.SLT.At(it.req.FR)
	if linked && a.Status == model.Compensating {
		level = link.SL
	}
	f.AddChoice("Supports SL", []string{"not stated", "SL 1", "SL 2", "SL 3", "SL 4"},
		[]string{"0", "1", "2", "3", "4"}, strconv.Itoa(int(level)))
	why := ""
	if a.Status == model.Compensating {
		why = model.CleanLine(a.Justification)
	}
	f.AddText("Why it meets intent", why, 2000)

	c := &compensating{form: f, it: it}
	m.fillCountermeasure(c, chosen)
	f.OnChange = func(f *common.Form, field int) {
		if field == cmRecord {
			m.fillCountermeasure(c, f.Fields[cmRecord].Choice())
		}
	}
	f.Validate = func(*common.Form) error {
		_, _, _, err := m.compensatingFromForm(c)
		return err
	}
	m.comp, m.mode = c, modeCompensating
	return nil
}

// choiceChrome is what a form takes of its width around a choice's text:
// the label column and the arrows.
const choiceChrome = 20 + 8

func (m *Model) formWidth() int { return min(72, max(24, m.w-6)) }

// recorded returns the countermeasure with the id a choice holds.
func (m *Model) recorded(choice string) (model.Countermeasure, bool) {
	id, _ := strconv.ParseInt(choice, 10, 64)
	for _, cm := range m.ctx.Data.A.Countermeasures {
		if cm.ID == id && id != 0 {
			return cm, true
		}
	}
	return model.Countermeasure{}, false
}

// fillCountermeasure shows the fields of the chosen countermeasure; a new
// one starts empty and sits on the item's target.
func (m *Model) fillCountermeasure(c *compensating, choice string) {
	cm, ok := m.recorded(choice)
	if !ok {
		cm = model.Countermeasure{Target: c.it.target}
	}
	fl := c.form.Fields
	fl[cmControl].SetText(model.CleanLine(cm.Control))
	fl[cmSitsOn].SetChoice(cm.Target)
	fl[cmApprovedBy].SetText(model.CleanLine(cm.ApprovedBy.Name))
	fl[cmRole].SetText(model.CleanLine(cm.ApprovedBy.Role))
	fl[cmReview].SetText(cm.Review)
}

// compensatingFromForm builds the answer, the countermeasure and the level
// the form describes, and checks them as the store will.
func (m *Model) compensatingFromForm(c *compensating) (model.Answer, model.Countermeasure, model.Level, error) {
	fl := c.form.Fields
	cm, _ := m.recorded(fl[cmRecord].Choice())
	cm.Links = nil
	cm.Control = common.KeepText(fl[cmControl].Text(), cm.Control)
	cm.Target = fl[cmSitsOn].Choice()
	cm.ApprovedBy = model.Person{Name: model.CleanLine(fl[cmApprovedBy].Text()), Role: model.CleanLine(fl[cmRole].Text())}
	cm.Review = fl[cmReview].Text()
	l, _ := strconv.Atoi(fl[cmLevel].Choice())
	level := model.Level(l)

	a := m.answer(c.it)
	old := ""
	if a.Status == model.Compensating {
		old = a.Justification
	}
	a.Status = model.Compensating
	a.Justification = common.KeepText(fl[cmWhy].Text(), old)
	a = m.stamp(a)
	switch {
	case strings.TrimSpace(cm.Control) == "":
		return a, cm, level, errors.New("describe the alternative control")
	case strings.TrimSpace(a.Justification) == "":
		return a, cm, level, fmt.Errorf("say why it meets the intent of %s; esc cancels without saving", c.it.req.ID)
	}
	if err := cm.Validate(); err != nil {
		return a, cm, level, err
	}
	return a, cm, level, a.Validate()
}

func (m *Model) updateCompensating(k tea.KeyPressMsg) tea.Cmd {
	c := m.comp
	out, cmd := c.form.Update(k)
	switch out {
	case common.Cancelled:
		m.comp, m.mode = nil, modeList
		return nil
	case common.Submitted:
		if c.save != 0 {
			return nil // the save asked for is on its way
		}
		a, cm, level, err := m.compensatingFromForm(c)
		if err != nil {
			c.form.SetError(err.Error())
			return nil
		}
		c.form.SetError("Saving…")
		m.pending[c.it.key()] = a
		t, save := m.ctx.Ops.SaveCompensating(m.ID(), c.it.target, a, cm, level)
		m.answering[t], c.save = []string{c.it.key()}, t
		return save
	}
	return cmd
}
