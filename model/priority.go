package model

import "fmt"

// Factor is one documented reason in an initiative's priority score.
type Factor struct {
	Points int
	Why    string
}

// The priority measures risk only; docs/roadmap.md explains each weight for
// assessors. Effort, outage and vendor dependency are not here: they decide
// when the work can be done (phase, window), never how much it matters.
const (
	pointsPerBasicLevel = 10 // per level the requirement sits below the target's SL-T, plus one
	pointsPerSLT        = 5  // per level of the highest SL-T among the targets
	pointsBoundary      = 15 // an IT/OT boundary: a DMZ, or a conduit touching the enterprise or the DMZ
	pointsSafety        = 15 // a safety zone or a conduit into one
	pointsCommonFinding = 10 // tagged with one of the seven common findings
	pointsPerExtra      = 2  // per further zone or conduit with the same gap (at most maxExtra)
	maxExtra            = 10
	pointsPerAssets     = 2 // per assetsStep assets in the affected zones (at most maxAssets)
	assetsStep          = 10
	maxAssets           = 6
)

// HighPriority is the score from which an initiative is high priority: it
// goes into the 3-12 month phase and the next maintenance window.
const HighPriority = 50

// zoneFacts is what scoring and grouping need to know about the plant:
// each zone's kind and assets, each conduit's ends.
type zoneFacts struct {
	zones    map[string]*Zone
	conduits map[string]*Conduit
}

func newZoneFacts(a *Assessment) zoneFacts {
	f := zoneFacts{zones: map[string]*Zone{}, conduits: map[string]*Conduit{}}
	for i := range a.Zones {
		f.zones[a.Zones[i].Key] = &a.Zones[i]
	}
	for i := range a.Conduits {
		f.conduits[a.Conduits[i].Key] = &a.Conduits[i]
	}
	return f
}

// ends returns a conduit's two zones, or nothing for a zone.
func (f zoneFacts) ends(key string) []string {
	if c, ok := f.conduits[key]; ok {
		return []string{c.From, c.To}
	}
	return nil
}

// zoneIs reports whether a zone's kind is one of kinds.
func (f zoneFacts) zoneIs(key string, kinds ...ZoneKind) bool {
	z, ok := f.zones[key]
	if !ok {
		return false
	}
	for _, want := range kinds {
		if z.Kind == want {
			return true
		}
	}
	return false
}

// touches reports whether a target is a zone of one of the kinds, or a
// conduit with an end in one.
func (f zoneFacts) touches(key string, kinds ...ZoneKind) bool {
	if f.zoneIs(key, kinds...) {
		return true
	}
	for _, end := range f.ends(key) {
		if f.zoneIs(end, kinds...) {
			return true
		}
	}
	return false
}

// isBoundary: a DMZ zone, or a conduit that touches an enterprise or DMZ
// zone (the IT/OT interface, where most attacks arrive).
func (f zoneFacts) isBoundary(key string) bool {
	if f.zoneIs(key, ZoneDMZ) {
		return true
	}
	for _, end := range f.ends(key) {
		if f.zoneIs(end, ZoneEnterprise, ZoneDMZ, ZoneExternal) {
			return true
		}
	}
	return false
}

// isSafety: a safety zone or a conduit into one.
func (f zoneFacts) isSafety(key string) bool { return f.touches(key, ZoneSafety) }

// score computes the risk of leaving the initiative's gap open, over the
// targets still open (all of them when none is).
func score(in *Initiative, f zoneFacts) {
	r := in.Requirement
	in.Score, in.Factors = 0, nil
	add := func(p int, format string, args ...any) {
		in.Factors = append(in.Factors, Factor{p, fmt.Sprintf(format, args...)})
		in.Score += p
	}
	// Over the open targets, or all of them when none is open.
	all := !in.anyOpen()
	counted := func(t *InitiativeTarget) bool { return all || !t.Closed }
	// How basic: the deepest shortfall among the targets.
	var basic *InitiativeTarget
	maxSLT := Level(0)
	assets, n := 0, 0
	for i := range in.Targets {
		t := &in.Targets[i]
		if !counted(t) {
			continue
		}
		n++
		if basic == nil || t.SLT-r.SL > basic.SLT-r.SL {
			basic = t
		}
		maxSLT = max(maxSLT, t.SLT)
		if z, ok := f.zones[t.Target.Key]; ok {
			assets += len(z.Assets)
		}
	}
	depth := int(basic.SLT-r.SL) + 1
	add(pointsPerBasicLevel*depth, "basic: an SL %d requirement missing where SL-T is %d (%s)", r.SL, basic.SLT, basic.Target.Name)
	add(pointsPerSLT*int(maxSLT), "highest SL-T among its targets is %d", maxSLT)
	for i := range in.Targets {
		if t := &in.Targets[i]; counted(t) && f.isBoundary(t.Target.Key) {
			add(pointsBoundary, "IT/OT boundary: %s", t.Target.Name)
			break
		}
	}
	for i := range in.Targets {
		if t := &in.Targets[i]; counted(t) && f.isSafety(t.Target.Key) {
			add(pointsSafety, "safety system: %s", t.Target.Name)
			break
		}
	}
	for _, tag := range r.Tags {
		if name, ok := CommonFindings[tag]; ok {
			add(pointsCommonFinding, "common finding: %s", name)
			break
		}
	}
	if n := n - 1; n > 0 {
		add(min(maxExtra, pointsPerExtra*n), "the same gap in %s", Plural(n, "more zone or conduit", "more zones or conduits"))
	}
	if p := min(maxAssets, pointsPerAssets*(assets/assetsStep)); p > 0 {
		add(p, "breadth: %s in the zones concerned", Plural(assets, "asset", "assets"))
	}
}
