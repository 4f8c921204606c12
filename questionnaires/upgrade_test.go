package questionnaires

import (
	"testing"

	"slate/model"
)

// An assessment on an older built-in catalog is offered the newest one;
// one on the newest, or on a custom catalog that borrows the built-in id,
// is not.
func TestUpgradeFor(t *testing.T) {
	all := Builtins()
	newest, old := all[0], all[1]
	if got, ok := UpgradeFor(old); !ok || got != newest {
		t.Fatalf("the previous built-in %s is not offered %s", old.Version, newest.Version)
	}
	if _, ok := UpgradeFor(newest); ok {
		t.Fatal("the newest built-in catalog is offered an upgrade")
	}
	custom := *old
	custom.Hash = "0000"
	if _, ok := UpgradeFor(&custom); ok {
		t.Fatal("a custom catalog with the built-in id and an old version is offered the built-in one")
	}
	other, err := model.NewCatalog("acme-checklist", old.Version, "ACME", old.Hash, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := UpgradeFor(other); ok {
		t.Fatal("a catalog of another id is offered the built-in one")
	}
}
