package common_test

import (
	"errors"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"slate/model"
	"slate/ui/common"
	"slate/ui/uitest"
)

var st = common.NewStyles(true)

// form sends keys (uitest.Msgs shorthand) to a form and returns the last
// outcome.
func form(f *common.Form, items ...any) common.Outcome {
	out := common.Pending
	for _, m := range uitest.Msgs(items...) {
		out, _ = f.Update(m)
	}
	return out
}

func TestFormOutcomes(t *testing.T) {
	newForm := func() *common.Form {
		f := common.NewForm("Zone", 60, common.NewFormKeys())
		f.AddText("Name", "", 80)
		f.AddChoice("Kind", []string{"Control", "Safety"}, []string{"control", "safety"}, "control")
		f.AddLevels("SL-T", model.Uniform(1))
		f.Validate = func(f *common.Form) error {
			if f.Fields[0].Text() == "" {
				return errors.New("a zone needs a name")
			}
			return nil
		}
		return f
	}

	f := newForm()
	if out := form(f, "esc"); out != common.Cancelled {
		t.Fatalf("esc: %v", out)
	}

	f = newForm()
	if out := form(f, "ctrl+s"); out != common.Pending || !strings.Contains(ansi.Strip(f.View(st)), "a zone needs a name") {
		t.Fatalf("an invalid form was submitted (%v) or does not say why", out)
	}
	if out := form(f, uitest.Type("Packaging"), "enter"); out != common.Pending {
		t.Fatalf("enter on the first field submitted: %v", out)
	}
	// On the choice field: left wraps from the first option to the last,
	// right (or space) goes round.
	if form(f, "left"); f.Fields[1].Choice() != "safety" {
		t.Fatalf("choice %q after left", f.Fields[1].Choice())
	}
	if form(f, "right", "space"); f.Fields[1].Choice() != "safety" {
		t.Fatalf("choice %q after right, space", f.Fields[1].Choice())
	}
	// On the levels field: a digit on "all" sets every FR; → then a digit
	// sets one FR and moves on.
	form(f, "tab", "3", "right", "right", "1")
	if got := f.Fields[2].Levels(); got != (model.SLVector{3, 1, 3, 3, 3, 3, 3}) {
		t.Fatalf("levels %v", got)
	}
	if out := form(f, "enter"); out != common.Submitted {
		t.Fatalf("enter on the last field: %v", out)
	}
	if f.Fields[0].Text() != "Packaging" {
		t.Fatalf("name %q", f.Fields[0].Text())
	}

	f = newForm()
	if out := form(f, uitest.Type("A"), "ctrl+s"); out != common.Submitted {
		t.Fatalf("ctrl+s from the first field: %v", out)
	}
}

// The form matches the bindings it is given, not fixed key names, and its
// hint and help-bar keys come from the same bindings.
func TestFormUsesItsBindings(t *testing.T) {
	keys := common.NewFormKeys()
	keys.Save = common.Bind("ctrl+w", "store", "ctrl+w")
	f := common.NewForm("Window", 60, keys)
	f.AddText("Name", "", 80)
	f.AddText("Date", "", 10)
	if out := form(f, uitest.Type("A"), "ctrl+s"); out != common.Pending {
		t.Fatalf("ctrl+s submitted a form whose save key is ctrl+w: %v", out)
	}
	if out := form(f, "ctrl+w"); out != common.Submitted {
		t.Fatalf("ctrl+w: %v", out)
	}
	if view := ansi.Strip(f.View(st)); !strings.Contains(view, "ctrl+w store") || strings.Contains(view, "ctrl+s") {
		t.Fatalf("the hint does not follow the bindings:\n%s", view)
	}
	var help []string
	for _, b := range f.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	if got := strings.Join(help, " | "); got != "tab next field | ctrl+w store | esc cancel" {
		t.Fatalf("help bar: %s", got)
	}
}

// The help bar offers choosing and levels only on forms that have them.
func TestFormShortHelpFollowsItsFields(t *testing.T) {
	f := common.NewForm("SL-T", 60, common.NewFormKeys())
	f.AddLevels("SL-T", model.Uniform(2))
	var help []string
	for _, b := range f.ShortHelp() {
		help = append(help, b.Help().Key)
	}
	if got := strings.Join(help, " "); got != "←→ 0-4 ctrl+s esc" {
		t.Fatalf("levels-only form help: %s", got)
	}
}

func TestEditorOutcomes(t *testing.T) {
	ed, _ := common.NewEditor("Why not applicable?", "", 60, 12, true, common.NewEditorKeys())
	ed.Required = "A justification is required."
	if out, _ := ed.Update(uitest.Key("ctrl+s")); out != common.Pending || !strings.Contains(ansi.Strip(ed.View(st)), "required") {
		t.Fatalf("an empty required text was accepted: %v", out)
	}
	for _, m := range uitest.Type("No wireless") {
		ed.Update(m)
	}
	ed.Update(uitest.Key("enter")) // a new line, not a submit
	if out, _ := ed.Update(uitest.Key("ctrl+s")); out != common.Submitted || ed.Value() != "No wireless\n" {
		t.Fatalf("save: %v with %q", out, ed.Value())
	}
	if out, _ := ed.Update(uitest.Key("esc")); out != common.Cancelled {
		t.Fatalf("esc: %v", out)
	}

	keys := common.NewEditorKeys()
	keys.Cancel = common.Bind("ctrl+q", "discard", "ctrl+q")
	ed, _ = common.NewEditor("Note", "x", 60, 12, true, keys)
	if out, _ := ed.Update(uitest.Key("esc")); out != common.Pending {
		t.Fatalf("esc cancelled an editor whose cancel key is ctrl+q: %v", out)
	}
	if out, _ := ed.Update(uitest.Key("ctrl+q")); out != common.Cancelled {
		t.Fatalf("ctrl+q: %v", out)
	}
	if view := ansi.Strip(ed.View(st)); !strings.Contains(view, "ctrl+q discard") {
		t.Fatalf("the hint does not follow the bindings:\n%s", view)
	}
}

func TestConfirmOutcomes(t *testing.T) {
	c := common.NewConfirm("Delete zone Control?", "12 answers go with it.", 60, common.NewConfirmKeys())
	for k, want := range map[string]common.Outcome{
		"y": common.Submitted, "Y": common.Submitted,
		"n": common.Cancelled, "esc": common.Cancelled, "q": common.Cancelled,
		"enter": common.Pending, "x": common.Pending,
	} {
		if got := c.Update(uitest.Key(k)); got != want {
			t.Errorf("%s: %v, want %v", k, got, want)
		}
	}
	keys := common.NewConfirmKeys()
	keys.Yes = common.Bind("d", "delete", "d")
	c = common.NewConfirm("Delete?", "", 60, keys)
	if c.Update(uitest.Key("y")) != common.Pending || c.Update(uitest.Key("d")) != common.Submitted {
		t.Fatal("the confirmation does not follow its Yes binding")
	}
	if help := c.ShortHelp(); len(help) != 2 || !key.Matches(uitest.Key("d"), help[0]) {
		t.Fatalf("help %v", help)
	}
}
