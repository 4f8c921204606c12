package model

import (
	"fmt"
	"slices"
	"strings"
)

// The rules of the model checks, one function each; CheckRules lists them
// with their severity and advice. Each returns its findings with Targets,
// Requirement and Message set (and Advice when it differs from the
// table's).

// checkITOTBypass: IEC 62443 zoning separates the business network from
// the process by a DMZ; a conduit from IT straight into OT skips it.
func checkITOTBypass(in *CheckInput) []Finding {
	var out []Finding
	for _, c := range in.Model.Conduits {
		from, to, ok := in.Model.Ends(&c)
		if !ok {
			continue
		}
		it, ot := from, to
		if ot.Kind.IsIT() && it.Kind.IsOT() {
			it, ot = ot, it
		}
		if !it.Kind.IsIT() || !ot.Kind.IsOT() {
			continue
		}
		out = append(out, Finding{Targets: []string{c.Key, it.Key, ot.Key},
			Message: fmt.Sprintf("Conduit %s connects the %s zone %s directly to the %s zone %s, bypassing the DMZ.",
				quoteName(c.Name), it.Kind.Label(), quoteName(it.Name), ot.Kind.Label(), quoteName(ot.Name))})
	}
	return out
}

// checkConduitBelowZone: a conduit carries the traffic of both its zones,
// so in the FRs where conduits have requirements of their own it needs the
// higher of their targets.
func checkConduitBelowZone(in *CheckInput) []Finding {
	if in.Catalog == nil {
		return nil
	}
	var out []Finding
	for _, c := range in.Model.Conduits {
		from, to, ok := in.Model.Ends(&c)
		if !ok {
			continue
		}
		var gaps []string
		targets := []string{c.Key}
		for _, fr := range FRs {
			if len(in.Catalog.byKindFR[KindConduit][fr-1]) == 0 {
				continue
			}
			need := max(from.SLT.At(fr), to.SLT.At(fr))
			if c.SLT.At(fr) >= need {
				continue
			}
			gaps = append(gaps, fmt.Sprintf("%s %d < %d", fr, c.SLT.At(fr), need))
			for _, z := range []*ModelZone{from, to} {
				if z.SLT.At(fr) == need && !slices.Contains(targets, z.Key) {
					targets = append(targets, z.Key)
				}
			}
		}
		if len(gaps) == 0 {
			continue
		}
		out = append(out, Finding{Targets: targets,
			Message: fmt.Sprintf("Conduit %s has a lower SL-T than the zones it connects need (%s): %s.",
				quoteName(c.Name), zoneNames(&in.Model, targets[1:]), strings.Join(gaps, ", "))})
	}
	return out
}

// checkDirectAcrossLevels: an unfiltered conduit makes two zones one in
// practice, so their targets should match.
func checkDirectAcrossLevels(in *CheckInput) []Finding {
	var out []Finding
	for _, c := range in.Model.Conduits {
		if c.Kind != ConduitDirect {
			continue
		}
		from, to, ok := in.Model.Ends(&c)
		if !ok || from.SLT == to.SLT {
			continue
		}
		out = append(out, Finding{Targets: []string{c.Key, from.Key, to.Key},
			Message: fmt.Sprintf("Conduit %s is direct (unfiltered) but joins %s at SL-T %s and %s at SL-T %s.",
				quoteName(c.Name), quoteName(from.Name), from.SLT, quoteName(to.Name), to.SLT)})
	}
	return out
}

// checkIsolatedZone: in a plant of several zones, a zone without conduits
// usually means a conduit was forgotten (portable media count too).
func checkIsolatedZone(in *CheckInput) []Finding {
	if len(in.Model.Zones) < 2 {
		return nil
	}
	linked := map[string]bool{}
	for _, c := range in.Model.Conduits {
		linked[c.From], linked[c.To] = true, true
	}
	var out []Finding
	for _, z := range in.Model.Zones {
		if !linked[z.Key] {
			out = append(out, Finding{Targets: []string{z.Key},
				Message: fmt.Sprintf("Zone %s has no conduit to any other zone.", quoteName(z.Name))})
		}
	}
	return out
}

// checkSafetyBelowControl: a safety system must resist at least what can
// reach it from the control zone it is connected to.
func checkSafetyBelowControl(in *CheckInput) []Finding {
	var out []Finding
	seen := map[[2]string]bool{}
	for _, c := range in.Model.Conduits {
		a, b, ok := in.Model.Ends(&c)
		if !ok {
			continue
		}
		if a.Kind == ZoneControl && b.Kind == ZoneSafety {
			a, b = b, a
		}
		if a.Kind != ZoneSafety || b.Kind != ZoneControl || seen[[2]string{a.Key, b.Key}] {
			continue
		}
		seen[[2]string{a.Key, b.Key}] = true
		var below []string
		for _, fr := range FRs {
			if a.SLT.At(fr) < b.SLT.At(fr) {
				below = append(below, fmt.Sprintf("%s %d < %d", fr, a.SLT.At(fr), b.SLT.At(fr)))
			}
		}
		if len(below) > 0 {
			out = append(out, Finding{Targets: []string{a.Key, b.Key},
				Message: fmt.Sprintf("Safety zone %s has a lower SL-T than the control zone %s it shares a conduit with: %s.",
					quoteName(a.Name), quoteName(b.Name), strings.Join(below, ", "))})
		}
	}
	return out
}

// checkDuplicateName: names are what people read; two targets of one kind
// with the same name make every finding and interview ambiguous. Names
// compare case-insensitively with runs of spaces as one.
func checkDuplicateName(in *CheckInput) []Finding {
	var out []Finding
	group := func(noun string, keys, names []string) {
		byName := map[string][]int{}
		var order []string
		for i, n := range names {
			k := strings.ToLower(strings.Join(strings.Fields(CleanLine(n)), " "))
			if _, ok := byName[k]; !ok {
				order = append(order, k)
			}
			byName[k] = append(byName[k], i)
		}
		for _, k := range order {
			idx := byName[k]
			if len(idx) < 2 {
				continue
			}
			var ts []string
			for _, i := range idx {
				ts = append(ts, keys[i])
			}
			out = append(out, Finding{Targets: ts,
				Message: fmt.Sprintf("%d %ss are named %s (ids %s).", len(idx), noun, quoteName(names[idx[0]]),
					strings.Join(cleanAll(ts), ", "))})
		}
	}
	var keys, names []string
	for _, z := range in.Model.Zones {
		keys, names = append(keys, z.Key), append(names, z.Name)
	}
	group("zone", keys, names)
	keys, names = nil, nil
	for _, c := range in.Model.Conduits {
		keys, names = append(keys, c.Key), append(names, c.Name)
	}
	group("conduit", keys, names)
	return out
}

// checkREWithoutSR: an enhancement strengthens its base requirement, so an
// enhancement met on a base that is not, or a base "not applicable" with
// enhancements answered as if it were, is a contradiction in the answers.
// Requirements that do not apply to the target's kind are not scored and
// not checked.
func checkREWithoutSR(in *CheckInput) []Finding {
	if in.Catalog == nil || in.Answers == nil {
		return nil
	}
	cat := in.Catalog
	// The (RE, SR) pairs that apply to each kind, in catalog order, found
	// once rather than for every zone and conduit.
	type pair struct{ re, sr *Requirement }
	pairs := map[TargetKind][]pair{}
	for _, kind := range []TargetKind{KindZone, KindConduit} {
		for i := range cat.Requirements {
			r := &cat.Requirements[i]
			if !r.IsEnhancement() || !r.AppliesTo.Includes(kind) {
				continue
			}
			if sr, ok := cat.Requirement(r.Parent); ok && sr.AppliesTo.Includes(kind) {
				pairs[kind] = append(pairs[kind], pair{r, sr})
			}
		}
	}
	var out []Finding
	check := func(key, name string, kind TargetKind) {
		as := in.Answers[key]
		if len(as) == 0 {
			return
		}
		var res map[string][]string // SR -> its REs answered other than n/a while it is n/a
		for _, p := range pairs[kind] {
			r, sr := p.re, p.sr
			st, pst := as.Status(r.ID), as.Status(sr.ID)
			if st.Satisfied() && (pst == No || pst == Partial) {
				out = append(out, Finding{Targets: []string{key}, Requirement: r.ID,
					Message: fmt.Sprintf("%s: %s is answered %s while its base requirement %s is answered %s.",
						quoteName(name), r.ID, st.Label(), sr.ID, pst.Label())})
			}
			if pst == NA && st.Answered() && st != NA {
				if res == nil {
					res = map[string][]string{}
				}
				res[sr.ID] = append(res[sr.ID], fmt.Sprintf("%s (%s)", r.ID, st.Label()))
			}
		}
		if res == nil {
			return
		}
		for i := range cat.Requirements {
			sr := &cat.Requirements[i]
			if list := res[sr.ID]; len(list) > 0 {
				out = append(out, Finding{Targets: []string{key}, Requirement: sr.ID,
					Message: fmt.Sprintf("%s: %s is answered n/a while its enhancements are answered otherwise: %s.",
						quoteName(name), sr.ID, strings.Join(list, ", ")),
					Advice: "If the base requirement does not apply, its enhancements do not either: answer them n/a or revisit the base answer."})
			}
		}
	}
	for _, z := range in.Model.Zones {
		check(z.Key, z.Name, KindZone)
	}
	for _, c := range in.Model.Conduits {
		check(c.Key, c.Name, KindConduit)
	}
	return out
}

// checkNoTarget: SL-T 0 leaves an FR out of every total; worth a
// deliberate decision.
func checkNoTarget(in *CheckInput) []Finding {
	var out []Finding
	add := func(kind TargetKind, key, name string, slt SLVector) {
		var none []string
		for _, fr := range FRs {
			if slt.At(fr) == 0 {
				none = append(none, fr.String())
			}
		}
		if len(none) > 0 {
			out = append(out, Finding{Targets: []string{key},
				Message: fmt.Sprintf("The %s %s has no target (SL-T 0) in %s.", kind, quoteName(name), strings.Join(none, ", "))})
		}
	}
	for _, z := range in.Model.Zones {
		add(KindZone, z.Key, z.Name, z.SLT)
	}
	for _, c := range in.Model.Conduits {
		add(KindConduit, c.Key, c.Name, c.SLT)
	}
	return out
}

// checkSLTWithoutRationale: IEC 62443-3-2 derives each zone's SL-T from a
// risk assessment; a bare number cannot be defended later.
func checkSLTWithoutRationale(in *CheckInput) []Finding {
	var out []Finding
	for _, z := range in.Model.Zones {
		if !z.Rationale {
			out = append(out, Finding{Targets: []string{z.Key},
				Message: fmt.Sprintf("Zone %s has SL-T %s without a recorded rationale.", quoteName(z.Name), z.SLT)})
		}
	}
	return out
}

// quoteName puts a user's name in quotes for a message, cleaned for one line.
func quoteName(s string) string { return `"` + strings.TrimSpace(CleanLine(s)) + `"` }

func zoneNames(m *ZoneModel, keys []string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = quoteName(m.Name(k))
	}
	return strings.Join(names, " and ")
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.TrimSpace(CleanLine(s))
	}
	return out
}
