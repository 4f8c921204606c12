package common_test

import (
	"testing"

	"slate/ui/common"
	"slate/ui/uitest"
)

// Every navigation key lands inside the list, whatever the cursor, page
// and list size; other keys leave the cursor alone.
func TestNavTargetClamps(t *testing.T) {
	n := common.NewNav("target")
	cases := []struct {
		key              string
		cur, page, count int
		want             int
	}{
		{"up", 0, 10, 5, 0},
		{"k", 3, 10, 5, 2},
		{"down", 4, 10, 5, 4},
		{"j", 1, 10, 5, 2},
		{"pgdown", 2, 10, 5, 4},
		{"pgdown", 0, 2, 50, 2},
		{"pgup", 3, 10, 5, 0},
		{"pgup", 30, 10, 50, 20},
		{"pgdown", 7, 0, 50, 8}, // a page of at least one
		{"home", 4, 10, 5, 0},
		{"g", 4, 10, 5, 0},
		{"end", 0, 10, 5, 4},
		{"G", 0, 10, 5, 4},
		{"down", 9, 10, 5, 4}, // a cursor past a list that shrank
		{"down", 0, 10, 0, 0}, // an empty list
		{"end", 0, 10, 0, 0},
	}
	for _, c := range cases {
		got, ok := n.Target(uitest.Key(c.key), c.cur, c.page, c.count)
		if !ok || got != c.want {
			t.Errorf("%s at %d (page %d, %d items) = %d, %v; want %d", c.key, c.cur, c.page, c.count, got, ok, c.want)
		}
	}
	if got, ok := n.Target(uitest.Key("x"), 3, 10, 5); ok || got != 3 {
		t.Errorf("x moved the cursor: %d, %v", got, ok)
	}
}

// The help names the screen's items.
func TestNavHelp(t *testing.T) {
	g := common.NewNav("target").Group("Move")
	if g.Title != "Move" || len(g.Keys) != 6 || g.Keys[0].Help().Desc != "previous target" {
		t.Fatalf("group %+v", g)
	}
	if d := common.NewNav("").Up.Help().Desc; d != "up" {
		t.Fatalf("plain nav says %q", d)
	}
}
