package common

import (
	"fmt"
	"strings"

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
	pos    int // LevelsField: 0 = all FRs, 1..7 = one FR
}

// Form is a small dialog of fields. tab/shift+tab or up/down move between
// fields, enter moves on and submits on the last field, ctrl+s submits from
// anywhere, esc cancels. Validate runs before a submit is accepted.
type Form struct {
	Title    string
	Fields   []*Field
	Validate func(f *Form) error
	focus    int
	err      string
	width    int
}

// NewForm builds an empty form.
func NewForm(title string, width int) *Form { return &Form{Title: title, width: width} }

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

// Choice returns the value of a choice field.
func (fd *Field) Choice() string {
	if len(fd.Values) == 0 {
		return ""
	}
	return fd.Values[fd.choice]
}

// Levels returns a levels field's vector.
func (fd *Field) Levels() model.SLVector { return fd.levels }

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
		switch k.String() {
		case "esc":
			return Cancelled, nil
		case "ctrl+s":
			return f.submit(), nil
		case "tab", "down":
			return Pending, f.setFocus(f.focus + 1)
		case "shift+tab", "up":
			return Pending, f.setFocus(f.focus - 1)
		case "enter":
			if f.focus == len(f.Fields)-1 {
				return f.submit(), nil
			}
			return Pending, f.setFocus(f.focus + 1)
		}
		switch cur.Kind {
		case ChoiceField:
			switch k.String() {
			case "left", "h":
				cur.choice = (cur.choice + len(cur.Options) - 1) % max(1, len(cur.Options))
			case "right", "l", "space":
				cur.choice = (cur.choice + 1) % max(1, len(cur.Options))
			}
			return Pending, nil
		case LevelsField:
			f.updateLevels(cur, k.String())
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

func (f *Form) updateLevels(fd *Field, k string) {
	switch {
	case k == "left" || k == "h":
		fd.pos = max(0, fd.pos-1)
	case k == "right" || k == "l":
		fd.pos = min(model.NumFR, fd.pos+1)
	case len(k) == 1 && k[0] >= '0' && k[0] <= '4':
		l := model.Level(k[0] - '0')
		if fd.pos == 0 {
			fd.levels = model.Uniform(l)
		} else {
			fd.levels[fd.pos-1] = l
			fd.pos = min(model.NumFR, fd.pos+1)
		}
	}
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
	lines = append(lines, "")
	if f.err != "" {
		lines = append(lines, st.Error.Render(Line(f.err, f.width)))
	}
	hint := "tab next field · ctrl+s save · esc cancel"
	if cur := f.Fields[f.focus]; cur.Kind == LevelsField {
		hint = "←→ all/one FR · 0-4 level · " + hint
	} else if cur.Kind == ChoiceField {
		hint = "←→ choose · " + hint
	}
	lines = append(lines, st.Muted.Render(Line(hint, f.width)))
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
