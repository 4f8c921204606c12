package common

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"slate/model"
)

// Styles are named by meaning, not by colour, so every screen says "this is
// a gap of two levels" and the theme decides how that looks. Every state that
// colour conveys is also conveyed by a symbol or an attribute, so the screens
// read the same with NO_COLOR.
type Styles struct {
	Title    lipgloss.Style
	Header   lipgloss.Style // column headings
	Muted    lipgloss.Style // secondary text
	Selected lipgloss.Style // the row or cell under the cursor
	Key      lipgloss.Style // a key name in hints
	Label    lipgloss.Style // field labels

	Status lipgloss.Style
	Error  lipgloss.Style
	OK     lipgloss.Style
	Banner lipgloss.Style // read-only banner

	GapNone     lipgloss.Style
	Gap1        lipgloss.Style
	Gap2        lipgloss.Style
	NotAssessed lipgloss.Style

	BarFull  lipgloss.Style
	BarEmpty lipgloss.Style
	BarGoal  lipgloss.Style

	Panel lipgloss.Style // bordered side panel
	Modal lipgloss.Style // dialogs and editors

	IsDark bool
}

// NewStyles builds the theme for a dark or light background.
func NewStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		fg      = ld(lipgloss.Color("#1f2328"), lipgloss.Color("#e6edf3"))
		muted   = ld(lipgloss.Color("#57606a"), lipgloss.Color("#8b949e"))
		accent  = ld(lipgloss.Color("#0550ae"), lipgloss.Color("#79c0ff"))
		green   = ld(lipgloss.Color("#1a7f37"), lipgloss.Color("#3fb950"))
		amber   = ld(lipgloss.Color("#9a6700"), lipgloss.Color("#d29922"))
		red     = ld(lipgloss.Color("#cf222e"), lipgloss.Color("#f85149"))
		errBg   = ld(lipgloss.Color("#ffebe9"), lipgloss.Color("#490202"))
		border  = ld(lipgloss.Color("#d0d7de"), lipgloss.Color("#30363d"))
		bannerB = ld(lipgloss.Color("#fff8c5"), lipgloss.Color("#3b2e00"))
	)
	s := &Styles{IsDark: isDark}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Selected = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.Key = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Label = lipgloss.NewStyle().Foreground(muted)
	s.Status = lipgloss.NewStyle().Foreground(muted)
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(red).Background(errBg)
	s.OK = lipgloss.NewStyle().Foreground(green)
	s.Banner = lipgloss.NewStyle().Bold(true).Foreground(amber).Background(bannerB)
	s.GapNone = lipgloss.NewStyle().Foreground(green)
	s.Gap1 = lipgloss.NewStyle().Foreground(amber).Bold(true)
	s.Gap2 = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.NotAssessed = lipgloss.NewStyle().Foreground(muted).Faint(true)
	s.BarFull = lipgloss.NewStyle().Foreground(accent)
	s.BarEmpty = lipgloss.NewStyle().Foreground(border)
	s.BarGoal = lipgloss.NewStyle().Foreground(amber).Bold(true)
	s.Panel = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(border).Padding(0, 1)
	s.Modal = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	return s
}

// CellStyle colours a gap-matrix cell by its state, a gap by its size. The
// cell's text (model.FRScore.Text) says the same without colour.
func (s *Styles) CellStyle(fs model.FRScore) lipgloss.Style {
	switch fs.State() {
	case model.StateNoTarget:
		return s.Muted
	case model.StateNotAssessed:
		return s.NotAssessed
	case model.StateAtTarget:
		return s.GapNone
	}
	return s.GapStyle(int(fs.Gap))
}

// GapStyle picks the colour of a gap of the given size (0: none).
func (s *Styles) GapStyle(gap int) lipgloss.Style {
	switch {
	case gap <= 0:
		return s.GapNone
	case gap == 1:
		return s.Gap1
	}
	return s.Gap2
}

// Accent returns the theme's accent colour (for widgets that take a colour).
func (s *Styles) Accent() color.Color { return s.Title.GetForeground() }
