package model

// CommonFindings are the seven findings that recur in almost every OT
// assessment. Catalogs tag requirements with these keys without declaring
// them, and the roadmap raises the priority of work that removes them.
var CommonFindings = map[string]string{
	"no-zone-model":              "no zone and conduit model",
	"shared-credentials":         "shared or default credentials",
	"no-ot-monitoring":           "no OT security monitoring",
	"uncontrolled-remote-access": "uncontrolled remote access",
	"no-patch-management":        "no patch management",
	"no-asset-inventory":         "missing asset inventory",
	"no-incident-response":       "no OT incident response plan",
}
