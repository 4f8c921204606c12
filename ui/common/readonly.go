package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// In a read-only session every key that would change the assessment is
// refused at once, before any form opens, with why the file is read-only;
// the help bar and the full help leave those keys out. Screens keep their
// bindings enabled for matching (so the refusal can be given) and hide
// them from the help with ForHelp.

// ReadOnlyText is the refusal of an edit key in a read-only session.
func ReadOnlyText(d *Data) string {
	reason := d.ReadOnlyReason
	if reason == "" {
		reason = "opened read-only"
	}
	return "Read-only (" + reason + "): nothing can be changed here · ctrl+r reloads"
}

// RefuseReadOnly returns the refusal when the session is read-only and k
// is one of the edit keys; ok is false otherwise.
func RefuseReadOnly(d *Data, k tea.KeyPressMsg, edits ...key.Binding) (tea.Cmd, bool) {
	if !d.ReadOnly || !key.Matches(k, edits...) {
		return nil, false
	}
	return StatusCmd(ReadOnlyText(d), true), true
}

// ForHelp returns bs with the bindings that share a key with an edit key
// disabled when the session is read-only, for the help bar and the full
// help; otherwise bs as it is.
func ForHelp(d *Data, bs []key.Binding, edits ...key.Binding) []key.Binding {
	if !d.ReadOnly {
		return bs
	}
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		out[i] = b
		if sharesKey(b, edits) {
			out[i].SetEnabled(false)
		}
	}
	return out
}

// GroupsForHelp is ForHelp over key groups, for the full help, keeping
// only the bindings that are enabled (EnabledGroups).
func GroupsForHelp(d *Data, gs []KeyGroup, edits ...key.Binding) []KeyGroup {
	out := make([]KeyGroup, len(gs))
	for i, g := range gs {
		out[i] = KeyGroup{Title: g.Title, Keys: ForHelp(d, g.Keys, edits...)}
	}
	return EnabledGroups(out)
}

// EnabledGroups keeps the enabled bindings of each group (a Describe of no
// binding that works now is disabled) and drops a group left without one.
func EnabledGroups(gs []KeyGroup) []KeyGroup {
	var out []KeyGroup
	for _, g := range gs {
		var keys []key.Binding
		for _, b := range g.Keys {
			if b.Enabled() {
				keys = append(keys, b)
			}
		}
		if len(keys) > 0 {
			out = append(out, KeyGroup{Title: g.Title, Keys: keys})
		}
	}
	return out
}

func sharesKey(b key.Binding, edits []key.Binding) bool {
	for _, e := range edits {
		for _, ek := range e.Keys() {
			for _, k := range b.Keys() {
				if k == ek {
					return true
				}
			}
		}
	}
	return false
}

// EditHint is hint, a line that offers an edit key ("No zones yet: press n
// to add one."), or in a read-only session readOnly, its wording without
// the key, which would be refused.
func EditHint(d *Data, hint, readOnly string) string {
	if d.ReadOnly {
		return readOnly
	}
	return hint
}
