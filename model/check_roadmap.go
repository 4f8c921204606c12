package model

import (
	"fmt"
	"strings"
)

// The rules that read the roadmap (CheckInput.Plan): a schedule the plant
// cannot keep, and risk acceptances that no longer hold or cannot be
// defended. Each finding names the initiative's requirement and the target
// of one (initiative, target) pair.

// checkDueWindowConflict: outage work can only be done in a maintenance
// window; a due date before the first window that covers the target is a
// promise the plant cannot keep (the planner's Conflicts).
func checkDueWindowConflict(in *CheckInput) []Finding {
	if in.Plan == nil {
		return nil
	}
	var out []Finding
	for _, ini := range in.Plan.Initiatives {
		for _, c := range ini.Conflicts {
			if c.Rule != DueWindowConflict {
				continue
			}
			out = append(out, Finding{Targets: []string{c.Target}, Requirement: ini.Requirement.ID,
				Message: strings.TrimSpace(CleanLine(c.Message)) + "."})
		}
	}
	return out
}

// checkRiskAcceptanceExpired: past its review date a risk acceptance no
// longer covers the gap (the planner reopens it); someone must look again.
func checkRiskAcceptanceExpired(in *CheckInput) []Finding {
	if in.Plan == nil {
		return nil
	}
	var out []Finding
	for _, ini := range in.Plan.Initiatives {
		for _, t := range ini.ExpiredAcceptances() {
			tr := t.Tracking
			by := ""
			if tr.AcceptedBy != (Person{}) {
				by = " by " + strings.TrimSpace(CleanLine(tr.AcceptedBy.String()))
			}
			out = append(out, Finding{Targets: []string{t.Target.Key}, Requirement: ini.Requirement.ID,
				Message: fmt.Sprintf("The risk acceptance of %s in %s%s passed its review date %s: the gap is open again.",
					ini.Requirement.ID, quoteName(t.Target.Name), by, tr.Review)})
		}
	}
	return out
}

// checkRiskAcceptanceIncomplete: an acceptance nobody can be held to, or
// that is never looked at again, is not a decision (records migrated from
// before Slate asked for both have neither).
func checkRiskAcceptanceIncomplete(in *CheckInput) []Finding {
	if in.Plan == nil {
		return nil
	}
	var out []Finding
	for _, ini := range in.Plan.Initiatives {
		var whole []string // the targets the whole-initiative record applies to
		for _, t := range ini.Targets {
			if t.Tracking == &ini.Tracking {
				whole = append(whole, t.Target.Key)
				continue
			}
			if t.Tracking.AcceptanceIncomplete() {
				out = append(out, incompleteAcceptance(ini, *t.Tracking, []string{t.Target.Key},
					"in "+quoteName(t.Target.Name)))
			}
		}
		if ini.Tracking.AcceptanceIncomplete() && len(whole) > 0 {
			out = append(out, incompleteAcceptance(ini, ini.Tracking, whole, "for the whole initiative"))
		}
	}
	return out
}

func incompleteAcceptance(ini *Initiative, tr Tracking, targets []string, where string) Finding {
	var missing []string
	switch {
	case tr.AcceptedBy.Name == "" && tr.AcceptedBy.Role == "":
		missing = append(missing, "who accepted it in which role")
	case tr.AcceptedBy.Name == "":
		missing = append(missing, "who accepted it")
	case tr.AcceptedBy.Role == "":
		missing = append(missing, "the role of "+strings.TrimSpace(CleanLine(tr.AcceptedBy.Name)))
	}
	if tr.Review == "" {
		missing = append(missing, "a review date")
	}
	return Finding{Targets: targets, Requirement: ini.Requirement.ID,
		Message: fmt.Sprintf("The risk acceptance of %s %s does not record %s.", ini.Requirement.ID, where, strings.Join(missing, " or "))}
}
