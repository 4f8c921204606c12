package common

import "strings"

// OverlayKeeping draws box over background (Overlay) so that the line
// keep of the background stays visible: the box goes just below that line
// when it fits there, else just above it, else (or when keep < 0) it is
// centred. Forms use it to keep the zone, conduit or initiative they edit
// in sight.
func OverlayKeeping(background, box string, w, h, keep int) string {
	return Overlay(background, box, w, h, keepRow(strings.Count(box, "\n")+1, h, keep))
}

// OverlayFits reports whether a box of boxH lines fits above or below
// line keep of a body of h lines; when it does not, a screen may scroll
// what it edits to the top of the body first.
func OverlayFits(boxH, h, keep int) bool {
	return keep >= 0 && keep < h && (keep+1+boxH <= h || boxH <= keep)
}

// keepRow is the row a box of boxH lines starts at in a body of h lines
// so as not to cover line keep.
func keepRow(boxH, h, keep int) int {
	switch {
	case !OverlayFits(boxH, h, keep):
		return OverlayCenter
	case keep+1+boxH <= h: // below
		// As close to the middle as the line allows.
		return max(keep+1, (h-boxH)/2)
	case boxH <= keep: // above
		return min(keep-boxH, (h-boxH)/2)
	}
	return OverlayCenter // unreachable: OverlayFits
}
