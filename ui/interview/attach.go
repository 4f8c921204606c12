package interview

import (
	"path/filepath"
	"reflect"
	"strings"

	"charm.land/bubbles/v2/filepicker"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/ui/common"
)

// Attaching a file: a file picker rooted at the assessment's folder, a
// path field (typing a path works as well as picking one) and a caption.
// The file picker reads folders and file details from the disk when it
// moves and when it is drawn, so it runs in commands only: every message
// for it goes through pickerStep, which returns the picker's next state
// with its drawing; Update and View only take those results. Reading the
// chosen file happens in the attach operation's command.

// attachDialog is the dialog's state.
type attachDialog struct {
	picker  filepicker.Model
	drawn   string // the picker's last drawing, made in a command
	seq     int    // the newest picker step asked for
	busy    bool   // a picker step is running
	queued  []tea.Msg
	path    textinput.Model
	caption textinput.Model
	focus   int // 0 the picker, 1 the path, 2 the caption
	err     string
}

// pickerStep is one message handled by the file picker, in a command.
type pickerStep struct {
	seq    int
	picker filepicker.Model
	drawn  string
	chosen string // a file chosen with enter
	next   tea.Cmd
}

// attach returns the open dialog (a closed one, empty, when none is open).
func (m *Model) attach() *attachDialog {
	if m.prov.attach == nil {
		m.prov.attach = &attachDialog{}
	}
	return m.prov.attach
}

func (m *Model) openAttach() tea.Cmd {
	p := filepicker.New()
	p.CurrentDirectory = filepath.Dir(m.ctx.Data.Path)
	p.AutoHeight = false
	p.ShowPermissions = false
	p.ShowSize = false // sizes are shown once a file is attached
	p.KeyMap.Back = key.NewBinding(key.WithKeys(m.keys.PickerBack.Keys()...))
	p.KeyMap.Open = key.NewBinding(key.WithKeys(m.keys.PickerOpen.Keys()...))
	p.KeyMap.Down = key.NewBinding(key.WithKeys(m.keys.PickerDown.Keys()...))
	p.KeyMap.Up = key.NewBinding(key.WithKeys(m.keys.PickerUp.Keys()...))
	p.SetHeight(m.pickerHeight())
	st := m.ctx.Styles
	p.Styles.Cursor, p.Styles.Selected = st.Key, st.Selected
	p.Styles.Directory, p.Styles.FileSize, p.Styles.Permission = st.Header, st.Muted, st.Muted
	path, caption := textinput.New(), textinput.New()
	path.Prompt, caption.Prompt = "", ""
	path.Placeholder = "a file's path, or pick one above"
	caption.Placeholder = "what it shows (optional)"
	path.CharLimit, caption.CharLimit = 4096, 500
	path.SetWidth(max(10, m.w-14))
	caption.SetWidth(max(10, m.w-14))
	m.prov.attach = &attachDialog{picker: p, path: path, caption: caption}
	m.mode = modeAttach
	return m.stepPicker(nil) // the picker's first listing
}

func (m *Model) pickerHeight() int { return max(3, m.h-8) }

// stepPicker queues a message for the picker; the step runs in a command,
// one at a time and in order.
func (m *Model) stepPicker(msg tea.Msg) tea.Cmd {
	d := m.attach()
	if d.busy {
		d.queued = append(d.queued, msg)
		return nil
	}
	d.busy = true
	d.seq++
	seq, p := d.seq, d.picker
	return func() tea.Msg {
		var next tea.Cmd
		chosen := ""
		if msg == nil {
			next = p.Init()
		} else {
			before := p.Path
			p, next = p.Update(msg)
			if p.Path != before {
				chosen = p.Path
			}
		}
		return pickerStep{seq: seq, picker: p, drawn: p.View(), chosen: chosen, next: next}
	}
}

// pickerStepped takes a step's result: the picker's new state, its
// drawing, and the command it asked for (a folder listing), whose result
// comes back as a widget message for the next step.
func (m *Model) pickerStepped(s pickerStep) tea.Cmd {
	d := m.prov.attach
	if m.mode != modeAttach || d == nil || s.seq != d.seq {
		return nil // the dialog was closed or reopened meanwhile
	}
	d.busy = false
	d.picker, d.drawn = s.picker, s.drawn
	if s.chosen != "" {
		d.path.SetValue(s.chosen)
		d.setFocus(2)
	}
	cmds := []tea.Cmd{s.next}
	if len(d.queued) > 0 {
		next := d.queued[0]
		d.queued = d.queued[1:]
		cmds = append(cmds, m.stepPicker(next))
	}
	return tea.Batch(cmds...)
}

func (d *attachDialog) setFocus(i int) tea.Cmd {
	d.focus = (i + 3) % 3
	d.path.Blur()
	d.caption.Blur()
	switch d.focus {
	case 1:
		return d.path.Focus()
	case 2:
		return d.caption.Focus()
	}
	return nil
}

// fromPicker reports whether a message is the file picker's own (the
// result of its folder listing).
func fromPicker(msg tea.Msg) bool {
	t := reflect.TypeOf(msg)
	return t != nil && t.PkgPath() == reflect.TypeOf(filepicker.Model{}).PkgPath()
}

// widgetMsg hands a message to the text fields (their cursor blink).
func (d *attachDialog) widgetMsg(msg tea.Msg) tea.Cmd {
	var c1, c2 tea.Cmd
	d.path, c1 = d.path.Update(msg)
	d.caption, c2 = d.caption.Update(msg)
	return tea.Batch(c1, c2)
}

func (m *Model) updateAttach(k tea.KeyPressMsg) tea.Cmd {
	d, kk := m.attach(), m.keys
	switch {
	case key.Matches(k, kk.AttachCancel):
		m.prov.attach, m.mode = nil, modeEvidence
		return nil
	case key.Matches(k, kk.AttachSave):
		return m.attachChosen()
	case key.Matches(k, kk.AttachNext):
		step := 1
		if k.String() == "shift+tab" {
			step = -1
		}
		return d.setFocus(d.focus + step)
	}
	switch d.focus {
	case 0:
		return m.stepPicker(k)
	case 1:
		if k.String() == "enter" {
			return d.setFocus(2)
		}
		var cmd tea.Cmd
		d.path, cmd = d.path.Update(k)
		return cmd
	default:
		if k.String() == "enter" {
			return m.attachChosen()
		}
		var cmd tea.Cmd
		d.caption, cmd = d.caption.Update(k)
		return cmd
	}
}

// attachChosen asks the store to attach the file in the path field.
func (m *Model) attachChosen() tea.Cmd {
	d, ev := m.attach(), &m.prov.ev
	path := strings.TrimSpace(d.path.Value())
	if path == "" {
		d.err = "Pick a file above or type its path."
		return nil
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(filepath.Dir(m.ctx.Data.Path), path)
	}
	d.err = "Attaching " + model.EvidenceName(path) + "…"
	var cmd tea.Cmd
	ev.save, cmd = m.ctx.Ops.AttachEvidence(m.ID(), ev.item.target, ev.item.req.ID, path, strings.TrimSpace(d.caption.Value()))
	return cmd
}

func (m *Model) attachView() string {
	st, d := m.ctx.Styles, m.attach()
	w := m.w
	it := m.prov.ev.item
	lines := []string{
		st.Title.Render(common.Fit("Attach a file to "+it.req.ID+" · "+m.ctx.Data.TargetName(it.target), w)),
		st.Muted.Render(common.Fit("Folder "+d.picker.CurrentDirectory, w)),
	}
	drawn := strings.Split(strings.TrimRight(d.drawn, "\n"), "\n")
	if d.drawn == "" {
		drawn = []string{st.Muted.Render("Reading the folder…")}
	}
	for i := range m.pickerHeight() {
		l := ""
		if i < len(drawn) {
			l = drawn[i]
		}
		lines = append(lines, common.PadStyled(common.Line(l, w), w))
	}
	label := func(i int, s string) string {
		if d.focus == i {
			return st.Key.Render(common.Fit(s, 10))
		}
		return st.Label.Render(common.Fit(s, 10))
	}
	lines = append(lines, label(1, "Path")+" "+d.path.View(), label(2, "Caption")+" "+d.caption.View())
	if d.err != "" {
		lines = append(lines, st.Error.Render(common.Fit(d.err, w)))
	} else {
		lines = append(lines, st.Muted.Render(common.Fit("tab picker/path/caption · enter open or choose · ctrl+s attach · esc cancel", w)))
	}
	return common.Block(lines, w, m.h)
}
