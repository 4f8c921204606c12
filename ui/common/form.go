package common

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"slate/model"
)

// FieldKind says how a form field is edited.
type FieldKind int

// Field kinds.
const (
	TextField   FieldKind = iota
	ChoiceField           // left/right cycle through Options
	LevelsField           // an SL-T vector: FR1..FR7, or all at once
)

// Field is one row of a Form.
type Field struct {
	Label   string
	Kind    FieldKind
	Options []string // ChoiceField: the labels
	Values  []string // ChoiceField: the value behind each label

	input  textinput.Model
	choice int
	levels model.SLVector
	pos    int  // LevelsField: 0 = all FRs, 1..7 = one FR
	edited bool // LevelsField: a level was typed (SetLevels does not count)
}

// Form is a small dialog of fields. With the keys every screen uses
// (NewFormKeys): tab/shift+tab or up/down move between fields, enter moves
// on and submits on the last field, ctrl+s submits from anywhere, esc
// cancels. Validate runs before a submit is accepted.
type Form struct {
	Title    string
	Fields   []*Field
	Validate func(f *Form) error
	// OnChange runs after a choice field changes, e.g. to fill the other
	// fields from the record the choice selects.
	OnChange func(f *Form, field int)
	// Info, when set, gives lines shown under the fields, computed from
	// the fields as they are (e.g. what Slate proposes from the answers so
	// far); each is wrapped to the form's width.
	Info  func(f *Form) []string
	keys  FormKeys
	focus int
	err   string
	width int
}

// NewForm builds an empty form.
func NewForm(title string, width int, keys FormKeys) *Form {
	return &Form{Title: title, keys: keys, width: width}
}

// AddText adds a one-line text field.
func (f *Form) AddText(label, value string, limit int) *Field {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = limit
	ti.SetWidth(max(10, f.width-22)) // before SetValue, which scrolls to fit the width
	ti.SetValue(value)
	fd := &Field{Label: label, Kind: TextField, input: ti}
	f.Fields = append(f.Fields, fd)
	if len(f.Fields) == 1 {
		fd.input.Focus()
	}
	return fd
}

// AddChoice adds a field choosing one of options (shown) backed by values.
func (f *Form) AddChoice(label string, options, values []string, current string) *Field {
	fd := &Field{Label: label, Kind: ChoiceField, Options: options, Values: values}
	for i, v := range values {
		if v == current {
			fd.choice = i
		}
	}
	f.Fields = append(f.Fields, fd)
	return fd
}

// AddLevels adds an SL-T vector field.
func (f *Form) AddLevels(label string, v model.SLVector) *Field {
	fd := &Field{Label: label, Kind: LevelsField, levels: v}
	f.Fields = append(f.Fields, fd)
	return fd
}

// Text returns a text field's value, trimmed.
func (fd *Field) Text() string { return strings.TrimSpace(fd.input.Value()) }

// SetPlaceholder shows a hint in an empty text field.
func (fd *Field) SetPlaceholder(p string) { fd.input.Placeholder = p }

// SetText replaces a text field's value.
func (fd *Field) SetText(v string) { fd.input.SetValue(v) }

// SetChoice selects the option with value v (unchanged when none has it).
func (fd *Field) SetChoice(v string) {
	for i, x := range fd.Values {
		if x == v {
			fd.choice = i
		}
	}
}

// Choice returns the value of a choice field.
func (fd *Field) Choice() string {
	if len(fd.Values) == 0 {
		return ""
	}
	return fd.Values[fd.choice]
}

// Levels returns a levels field's vector.
func (fd *Field) Levels() model.SLVector { return fd.levels }

// SetLevels replaces a levels field's vector (a default that follows the
// other fields); it does not count as the user's edit.
func (fd *Field) SetLevels(v model.SLVector) { fd.levels = v }

// Edited reports whether the user typed a level into a levels field.
func (fd *Field) Edited() bool { return fd.edited }

// SetError shows a problem under the fields.
func (f *Form) SetError(msg string) { f.err = msg }

func (f *Form) setFocus(i int) tea.Cmd {
	if n := len(f.Fields); i < 0 || i >= n {
		return nil
	}
	if cur := f.Fields[f.focus]; cur.Kind == TextField {
		cur.input.Blur()
	}
	f.focus = i
	if cur := f.Fields[f.focus]; cur.Kind == TextField {
		return cur.input.Focus()
	}
	return nil
}

func (f *Form) submit() Outcome {
	if f.Validate != nil {
		if err := f.Validate(f); err != nil {
			f.err = err.Error()
			return Pending
		}
	}
	f.err = ""
	return Submitted
}

// Update handles a message.
func (f *Form) Update(msg tea.Msg) (Outcome, tea.Cmd) {
	k, isKey := msg.(tea.KeyPressMsg)
	cur := f.Fields[f.focus]
	if isKey {
		km := &f.keys
		switch {
		case key.Matches(k, km.Cancel):
			return Cancelled, nil
		case key.Matches(k, km.Save):
			return f.submit(), nil
		case key.Matches(k, km.Next):
			return Pending, f.setFocus(f.focus + 1)
		case key.Matches(k, km.Prev):
			return Pending, f.setFocus(f.focus - 1)
		case key.Matches(k, km.Enter):
			if f.focus == len(f.Fields)-1 {
				return f.submit(), nil
			}
			return Pending, f.setFocus(f.focus + 1)
		}
		switch cur.Kind {
		case ChoiceField:
			before := cur.choice
			switch n := max(1, len(cur.Options)); {
			case key.Matches(k, km.Left):
				cur.choice = (cur.choice + n - 1) % n
			case key.Matches(k, km.Right):
				cur.choice = (cur.choice + 1) % n
			}
			if cur.choice != before && f.OnChange != nil {
				f.OnChange(f, f.focus)
			}
			return Pending, nil
		case LevelsField:
			f.updateLevels(cur, k)
			return Pending, nil
		}
	}
	if cur.Kind == TextField {
		var cmd tea.Cmd
		cur.input, cmd = cur.input.Update(msg)
		return Pending, cmd
	}
	return Pending, nil
}

func (f *Form) updateLevels(fd *Field, k tea.KeyPressMsg) {
	switch {
	case key.Matches(k, f.keys.Left):
		fd.pos = max(0, fd.pos-1)
	case key.Matches(k, f.keys.NextFR): // not space (FormKeys.NextFR)
		fd.pos = min(model.NumFR, fd.pos+1)
	case key.Matches(k, f.keys.Level):
		l, ok := levelOf(k.String())
		if !ok {
			return
		}
		// One rule: a digit sets the place under the cursor, and on an FR
		// moves on to the next one, so the seven levels are typed in a row
		// (→ 2 2 3 2 2 1 2); ← and → only move.
		fd.edited = true
		if fd.pos == 0 {
			fd.levels = model.Uniform(l)
		} else {
			fd.levels[fd.pos-1] = l
			fd.pos = min(model.NumFR, fd.pos+1)
		}
	}
}

// levelOf reads a level key: a single digit 0-4.
func levelOf(s string) (model.Level, bool) {
	if len(s) != 1 || s[0] < '0' || s[0] > byte('0'+model.MaxLevel) {
		return 0, false
	}
	return model.Level(s[0] - '0'), true
}

// ShortHelp is the form's keys for the help bar: those of the field in
// focus (choosing, levels), moving between fields when there are several,
// then save and cancel. Only keys that do something where the cursor is.
func (f *Form) ShortHelp() []key.Binding {
	var out []key.Binding
	switch f.Fields[f.focus].Kind {
	case LevelsField:
		out = append(out, f.keys.frs(), f.keys.Level)
	case ChoiceField:
		out = append(out, f.keys.choose())
	}
	if b, ok := f.fieldKeys(); ok {
		out = append(out, b)
	}
	return append(out, f.keys.Save, f.keys.Cancel)
}

// fieldKeys is the help's entry for moving between fields, as far as the
// cursor can move: on the last field only back.
func (f *Form) fieldKeys() (key.Binding, bool) {
	switch {
	case len(f.Fields) < 2:
		return key.Binding{}, false
	case f.focus == 0:
		return Describe("tab", "next field", f.keys.Next), true
	case f.focus == len(f.Fields)-1:
		return Describe("shift+tab", "previous field", f.keys.Prev), true
	}
	return f.keys.field(), true
}

// levelsRule is the one rule of typing levels, shown under the fields
// while a levels field has the cursor: a digit on "all" sets every FR; a
// digit on an FR sets it and moves on, so → 2 2 3 2 2 1 2 gives 2,2,3,2,2,1,2.
const levelsRule = "Per FR: → then one digit per FR in a row (each digit moves on)"

// hint is the line under the fields: the keys of the field in focus first.
func (f *Form) hint() string {
	var bs []key.Binding
	switch f.Fields[f.focus].Kind {
	case LevelsField:
		bs = append(bs, f.keys.frs(), f.keys.Level)
	case ChoiceField:
		bs = append(bs, f.keys.choose())
	}
	if b, ok := f.fieldKeys(); ok {
		bs = append(bs, b)
	}
	return hint(append(bs, f.keys.Save, f.keys.Cancel)...)
}

// View renders the form in a frame.
func (f *Form) View(st *Styles) string {
	labelW := 12
	for _, fd := range f.Fields {
		labelW = max(labelW, lipgloss.Width(fd.Label)+1)
	}
	lines := []string{st.Title.Render(Line(f.Title, f.width)), ""}
	for i, fd := range f.Fields {
		label := st.Label.Render(Fit(fd.Label, labelW))
		if i == f.focus {
			label = st.Key.Render(Fit(fd.Label, labelW))
		}
		var value string
		switch fd.Kind {
		case TextField:
			value = fd.input.View()
			if w := fd.input.Width(); i != f.focus && TextWidth(fd.input.Value()) > w {
				// A long text away from the cursor shows its beginning, not
				// the end the input scrolled to when it was filled.
				value = Line(fd.input.Value(), w)
			}
		case ChoiceField:
			opt := ""
			if len(fd.Options) > 0 {
				opt = fd.Options[fd.choice]
			}
			value = "< " + Line(opt, max(10, f.width-labelW-8)) + " >"
			if i == f.focus {
				value = st.Selected.Render(value)
			}
		case LevelsField:
			value = levelsView(st, fd, i == f.focus)
		}
		lines = append(lines, label+" "+value)
	}
	if f.Info != nil {
		lines = append(lines, "")
		for _, l := range f.Info(f) {
			for _, w := range Wrap(l, f.width, 0) {
				lines = append(lines, st.Muted.Render(w))
			}
		}
	}
	if f.Fields[f.focus].Kind == LevelsField {
		lines = append(lines, st.Muted.Render(Line(levelsRule, f.width))) // in place of the blank line
	} else {
		lines = append(lines, "")
	}
	if f.err != "" {
		lines = append(lines, st.Error.Render(Line(f.err, f.width)))
	}
	lines = append(lines, st.Muted.Render(Line(f.hint(), f.width)))
	return st.Modal.Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

func levelsView(st *Styles, fd *Field, focused bool) string {
	parts := make([]string, 0, model.NumFR+1)
	all := "all"
	if fd.levels.IsUniform() {
		all = fmt.Sprintf("all=%d", fd.levels[0])
	}
	parts = append(parts, all)
	for i, l := range fd.levels {
		parts = append(parts, fmt.Sprintf("FR%d=%d", i+1, l))
	}
	if focused {
		parts[fd.pos] = st.Selected.Render("[" + parts[fd.pos] + "]")
	}
	return strings.Join(parts, " ")
}
