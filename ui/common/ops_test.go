package common_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/report"
	"slate/ui/common"
)

// recorder is a store that only records the answers it is asked to save,
// in the order it saves them, and notices when two saves overlap (the
// queue must run one operation at a time). It is shared by every
// goroutine of a test, so the order check means something without -race.
type recorder struct {
	common.Store // the other operations are not used

	mu       sync.Mutex
	saved    []string // Note of each answer, in the order saved
	inFlight int
	overlaps int
}

func (r *recorder) SaveAnswer(_ string, a model.Answer) (model.Answer, error) {
	r.mu.Lock()
	r.inFlight++
	if r.inFlight > 1 {
		r.overlaps++
	}
	r.mu.Unlock()
	// Let another goroutine try to run meanwhile.
	for range 50 {
		runtime.Gosched()
	}
	r.mu.Lock()
	r.saved = append(r.saved, a.Note)
	r.inFlight--
	r.mu.Unlock()
	return a, nil
}

func (r *recorder) Head() (string, int64, error) {
	return "", 0, errors.New("no history in this store")
}

// request is what a requester keeps: the ticket Ops handed out.
type request struct {
	from   common.ScreenID
	note   string
	ticket common.Ticket
	cmd    tea.Cmd
}

// Many screens request answers at once from many goroutines; the commands
// then run concurrently in a shuffled order. The store must see the saves
// one at a time in ticket order, every result must go back to its
// requester with its ticket, and nothing may stay pending.
func TestTicketQueueUnderConcurrency(t *testing.T) {
	const goroutines, perGoroutine = 8, 40
	st := &recorder{}
	ops := common.NewOps(st, false)
	screens := []common.ScreenID{common.ScreenOverview, common.ScreenTargets, common.ScreenInterview, common.ScreenRoadmap}

	var mu sync.Mutex
	var reqs []request
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := screens[g%len(screens)]
			for i := range perGoroutine {
				note := fmt.Sprintf("g%d-%d", g, i)
				tk, cmd := ops.SaveAnswer(from, "zone", model.Answer{Requirement: "SR 1.1", Status: model.Yes, Note: note})
				mu.Lock()
				reqs = append(reqs, request{from, note, tk, cmd})
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	n := goroutines * perGoroutine
	if got := ops.Pending(); got != uint64(n) {
		t.Fatalf("Pending() = %d before any ran, want %d", got, n)
	}
	if got := ops.LastTicket(); got != common.Ticket(n) {
		t.Fatalf("LastTicket() = %d, want %d", got, n)
	}

	byTicket := map[common.Ticket]request{}
	for _, r := range reqs {
		if r.ticket == 0 {
			t.Fatal("a request got the zero ticket")
		}
		if _, dup := byTicket[r.ticket]; dup {
			t.Fatalf("ticket %d handed out twice", r.ticket)
		}
		byTicket[r.ticket] = r
	}

	order := rand.Perm(n)
	done := make(chan common.Done, n)
	for _, i := range order {
		go func() { done <- reqs[i].cmd().(common.Done) }()
	}
	for range n {
		d := <-done
		r, ok := byTicket[d.Ticket]
		if !ok {
			t.Fatalf("result with unknown ticket %d", d.Ticket)
		}
		if d.To != r.from {
			t.Errorf("ticket %d: result addressed to %v, requested by %v", d.Ticket, d.To, r.from)
		}
		if saved, _ := d.Value.(model.Answer); saved.Note != r.note || d.Err != nil || d.Apply == nil {
			t.Errorf("ticket %d: result %+v is not the one for %s", d.Ticket, d.Result, r.note)
		}
	}
	if got := ops.Pending(); got != 0 {
		t.Fatalf("Pending() = %d after every result, want 0", got)
	}
	if st.overlaps != 0 {
		t.Fatalf("%d saves overlapped; the queue must run one at a time", st.overlaps)
	}
	if len(st.saved) != n {
		t.Fatalf("store saved %d answers, want %d", len(st.saved), n)
	}
	for i, note := range st.saved {
		var want common.Ticket
		for tk, r := range byTicket {
			if r.note == note {
				want = tk
			}
		}
		if want != common.Ticket(i+1) {
			t.Fatalf("save %d was %s (ticket %d): the store must see the requests in ticket order", i+1, note, want)
		}
	}
}

// On a read-only file a change is refused at once, still with a ticket of
// its own and addressed to its requester, without reaching the store or
// the queue; a report (which only reads) is queued all the same.
func TestReadOnlyRefusesWithATicket(t *testing.T) {
	st := &recorder{}
	ops := common.NewOps(st, true)
	t1, save := ops.SaveAnswer(common.ScreenInterview, "zone", model.Answer{Requirement: "SR 1.1", Status: model.Yes})
	t2, meta := ops.SetMeta(common.ScreenOverview, model.Meta{Name: "x"})
	if t1 == 0 || t2 == 0 || t1 == t2 {
		t.Fatalf("tickets %d and %d", t1, t2)
	}
	if ops.Pending() != 0 {
		t.Fatalf("a refused change is pending: %d", ops.Pending())
	}
	for _, c := range []struct {
		cmd    tea.Cmd
		ticket common.Ticket
		to     common.ScreenID
	}{{save, t1, common.ScreenInterview}, {meta, t2, common.ScreenOverview}} {
		d := c.cmd().(common.Done)
		if d.Ticket != c.ticket || d.To != c.to || !errors.Is(d.Err, common.ErrReadOnly) || d.Apply != nil {
			t.Errorf("refusal %+v, want ticket %d to %v", d, c.ticket, c.to)
		}
	}
	if len(st.saved) != 0 {
		t.Fatal("a read-only session reached the store")
	}

	md, _ := report.LookupFormat("md")
	t3, write := ops.WriteReport(common.ScreenReports, md, &model.Assessment{}, &model.Catalog{}, "plant.slate", time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), model.ScopeSLT)
	if ops.Pending() != 1 {
		t.Fatalf("a report is not queued on a read-only file: Pending() = %d", ops.Pending())
	}
	d := write().(common.Done)
	if d.Ticket != t3 || d.To != common.ScreenReports || d.Err == nil || errors.Is(d.Err, common.ErrReadOnly) {
		t.Fatalf("report result %+v: want the store's own error, not a refusal", d)
	}
	if ops.Pending() != 0 {
		t.Fatalf("Pending() = %d after the report", ops.Pending())
	}
}

// Only a committed change is applied to the data.
func TestDoneAppliesOnlyCommittedChanges(t *testing.T) {
	applied := 0
	apply := func(*common.Data) { applied++ }
	failed := common.Done{Apply: apply, Result: common.Result{Err: errors.New("disk full")}}
	if failed.ApplyTo(nil) || applied != 0 {
		t.Fatal("a failed operation was applied")
	}
	if (common.Done{}).ApplyTo(nil) {
		t.Fatal("an operation without a change reported one")
	}
	if ok := (common.Done{Apply: apply}).ApplyTo(nil); !ok || applied != 1 {
		t.Fatal("a committed change was not applied")
	}
}
