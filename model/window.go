package model

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// Window is a planned maintenance window (a shutdown or turnaround) in
// which work that needs an outage can be done. It lasts Days days from
// Date and covers the zones and conduits it lists; a window listing
// nothing covers the whole plant.
type Window struct {
	ID      int64
	Name    string
	Date    string   // YYYY-MM-DD, the first day
	Days    int      // duration in days; 0 = not given (one day)
	Targets []string // zone and conduit keys; empty = every target
}

// When parses the window's date.
func (w Window) When() (time.Time, error) { return time.Parse("2006-01-02", w.Date) }

// Validate checks the date and the duration.
func (w Window) Validate() error {
	if trimmedEmpty(w.Name) {
		return fmt.Errorf("a maintenance window needs a name")
	}
	if _, err := w.When(); err != nil {
		return fmt.Errorf("window date %q: use YYYY-MM-DD", w.Date)
	}
	if w.Days < 0 || w.Days > 366 {
		return fmt.Errorf("window duration %d days: give 0 to 366", w.Days)
	}
	return nil
}

// Covers reports whether work on a target may be done in the window: the
// window lists the target, or lists nothing, or (for a conduit, whose ends
// are from and to) lists both of the conduit's zones.
func (w Window) Covers(target string, conduitEnds ...string) bool {
	if len(w.Targets) == 0 || slices.Contains(w.Targets, target) {
		return true
	}
	if len(conduitEnds) == 2 {
		return slices.Contains(w.Targets, conduitEnds[0]) && slices.Contains(w.Targets, conduitEnds[1])
	}
	return false
}

// Same reports whether w and o are the same window (by id, name and date).
func (w Window) Same(o Window) bool { return w.ID == o.ID && w.Name == o.Name && w.Date == o.Date }

// Label is "Name (YYYY-MM-DD, N days)".
func (w Window) Label() string {
	if w.Days > 1 {
		return fmt.Sprintf("%s (%s, %d days)", w.Name, w.Date, w.Days)
	}
	return fmt.Sprintf("%s (%s)", w.Name, w.Date)
}

func sortedWindows(ws []Window) []Window {
	out := append([]Window(nil), ws...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
