package common

import (
	"sync"

	tea "charm.land/bubbletea/v2"
)

// Store is what the TUI needs of the assessment file, by domain (the
// operations on each are in the ops_*.go files); *store.Store has it all,
// and tests wrap it to inject faults such as a full disk.
type Store interface {
	answerStore
	metaStore
	targetStore
	assetStore
	roadmapStore
	reportStore
	fidelityStore
	provenanceStore
	bulkStore
	reloadStore
}

// Ops turns store operations into commands. Every request gets a Ticket at
// once; the operations run one at a time in the order they were requested
// (a ticket queue), so two quick answers to the same requirement can never
// commit out of order, and each result goes back, as a Done addressed to
// the screen that asked, with the ticket that screen keeps.
type Ops struct {
	st       Store
	readOnly bool

	mu      sync.Mutex
	cond    *sync.Cond
	tickets Ticket // the last ticket handed out
	queued  uint64 // operations queued so far
	served  uint64 // operations finished so far
}

// NewOps wraps a store; readOnly refuses every change up front.
func NewOps(st Store, readOnly bool) *Ops {
	o := &Ops{st: st, readOnly: readOnly}
	o.cond = sync.NewCond(&o.mu)
	return o
}

// op is the work of one request: it talks to the store and returns the
// change to make to Data once committed, and the value for the requester.
type op func() (apply func(*Data), value any, err error)

// change queues an operation that changes the file; on a read-only file it
// is refused at once (with a ticket all the same, so the requester can
// tell its refusal from any other result).
func (o *Ops) change(from ScreenID, label string, fn op) (Ticket, tea.Cmd) {
	if o.readOnly {
		t := o.ticket()
		return t, func() tea.Msg { return Done{To: from, Result: Result{Ticket: t, Label: label, Err: ErrReadOnly}} }
	}
	return o.queue(from, label, false, fn)
}

// read queues an operation that only reads (a report, a file's history,
// an export): it runs on a read-only file too, and its result is not a
// change (Result.Read).
func (o *Ops) read(from ScreenID, label string, fn op) (Ticket, tea.Cmd) {
	return o.queue(from, label, true, fn)
}

func (o *Ops) ticket() Ticket {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.tickets++
	return o.tickets
}

// queue runs an operation in request order, even on a read-only file
// (reports only read).
func (o *Ops) queue(from ScreenID, label string, read bool, fn op) (Ticket, tea.Cmd) {
	o.mu.Lock()
	o.tickets++
	o.queued++
	t, pos := o.tickets, o.queued
	o.mu.Unlock()
	return t, func() tea.Msg {
		o.mu.Lock()
		for o.served+1 != pos {
			o.cond.Wait()
		}
		o.mu.Unlock()
		apply, value, err := fn()
		o.mu.Lock()
		o.served++
		o.cond.Broadcast()
		o.mu.Unlock()
		return Done{To: from, Apply: apply, Result: Result{Ticket: t, Label: label, Err: err, Value: value, Read: read}}
	}
}

// Pending returns how many queued operations have not finished; the root
// waits for zero before quitting so nothing asked for is dropped.
func (o *Ops) Pending() uint64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.queued - o.served
}

// LastTicket returns the newest ticket handed out (0 before the first
// request). Screens never need it: they keep the ticket a request returns.
// Test harnesses use it to wait until every request has its result.
func (o *Ops) LastTicket() Ticket {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.tickets
}
