package ui

import (
	"io"

	tea "charm.land/bubbletea/v2"

	"slate/model"
	"slate/store"
	"slate/ui/common"
	"slate/ui/interview"
	"slate/ui/matrix"
	"slate/ui/overview"
	"slate/ui/reports"
	"slate/ui/roadmap"
	"slate/ui/targets"
)

// Session is an opened assessment ready for the TUI.
type Session struct {
	Store      *store.Store
	Assessment *model.Assessment
	Catalog    *model.Catalog
	Path       string // the full path: status lines and reports name it
	// Session is the current interview session (0: none), a preference
	// the file keeps (store.CurrentSession).
	Session int64
	// Notice replaces the first status line ("New assessment created at
	// /full/path"): how a file Slate just made announces itself.
	Notice string
	// Catalogs finds the catalogs of this run by id and version: the
	// older ones the answers of an upgraded assessment were given under.
	Catalogs func(id, version string) (*model.Catalog, bool)
	// DataVersion is the file's data version read with the load
	// (store.OpenedVersion; 0: unknown). A read-only session's first poll
	// compares with it, so a commit made since the load is followed.
	DataVersion int64
	// Upgrade is a newer built-in catalog to offer when the session opens
	// (nil: none). A read-only session never offers it.
	Upgrade *model.Catalog
}

// NewRoot builds the root model with every screen, for Run and for tests.
func NewRoot(s Session, isDark bool) *App {
	data := common.NewData(s.Catalog, s.Assessment, s.Path)
	data.ReadOnly, data.ReadOnlyReason = s.Store.ReadOnly()
	data.Session = s.Session
	data.Catalogs = s.Catalogs
	ctx := &common.Context{Data: data, Styles: common.NewStyles(isDark), Ops: common.NewOps(s.Store, data.ReadOnly)}
	app := NewApp(ctx, Screens(ctx)...)
	if data.ReadOnly && s.DataVersion != 0 {
		app.dataVersion, app.polledOnce = s.DataVersion, true
	}
	// The interview opens where the last writable session left it, if
	// anything is left to answer there (interview.Model.Resume); the
	// question about an earlier day's session then shows it at once.
	if iv, ok := app.interview(); ok {
		if place, err := s.Store.InterviewPlace(); err == nil {
			iv.Resume(place)
		}
	}
	app.openOnQuestion()
	if s.Notice != "" && !data.ReadOnly {
		app.notice(s.Notice)
	}
	if s.Upgrade != nil {
		app.OfferUpgrade(s.Upgrade)
	}
	return app
}

// Screens lists the screens in tab order (keys 1..n).
func Screens(ctx *common.Context) []common.Screen {
	return []common.Screen{
		overview.New(ctx),
		targets.New(ctx),
		interview.New(ctx),
		matrix.New(ctx),
		roadmap.New(ctx),
		reports.New(ctx),
	}
}

// Run shows the TUI until the user quits, and returns what was and was not
// saved. Every change reported saved has been committed when it returns.
// A writable session then remembers where the interview was left, for the
// next one to open there (a per-file preference, not assessment data).
func Run(s Session, in io.Reader, out io.Writer) (Outcome, error) {
	root := NewRoot(s, true)
	opened := root.interviewPlace()
	p := tea.NewProgram(root, tea.WithInput(in), tea.WithOutput(out))
	m, err := p.Run()
	app, ok := m.(*App)
	if !ok {
		return Outcome{}, err
	}
	if place := app.interviewPlace(); place != "" && place != opened && !app.ctx.Data.ReadOnly {
		// A preference: a file that can no longer be written loses it,
		// and nothing else.
		_ = s.Store.SetInterviewPlace(place)
	}
	return app.Outcome(), err
}

// interview returns the app's interview screen.
func (a *App) interview() (*interview.Model, bool) {
	for _, s := range a.screens {
		if iv, ok := s.(*interview.Model); ok {
			return iv, true
		}
	}
	return nil, false
}

// interviewPlace is where the interview is ("" without one).
func (a *App) interviewPlace() string {
	if iv, ok := a.interview(); ok {
		return iv.Place()
	}
	return ""
}
