package model

// Enhancements returns the REs of an SR that are assessed on targets of
// kind k, in catalog order: what marking the SR not applicable may also
// cover (an RE applies only where its SR does).
func (c *Catalog) Enhancements(sr string, k TargetKind) []*Requirement {
	r, ok := c.Requirement(sr)
	if !ok || r.IsEnhancement() {
		return nil
	}
	var out []*Requirement
	for _, e := range c.Applicable(k, r.FR) {
		if e.Parent == sr {
			out = append(out, e)
		}
	}
	return out
}

// InScopeFor reports whether requirement r is asked about target t in
// scope s: it applies to the target's kind and its level is at most the
// scope's ceiling for the target's SL-T in r's FR (the rule Catalog.InScope
// lists by).
func InScopeFor(t Target, r *Requirement, s Scope) bool {
	return r.AppliesTo.Includes(t.Kind) && r.SL <= s.Ceiling(t.SLT.At(r.FR))
}
