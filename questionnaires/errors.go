package questionnaires

import (
	"fmt"
	"strings"
)

// Problem is one validation failure, located in its file.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is the error a broken catalog yields: every problem found, each
// with file:line, so an author can fix them all in one pass.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Warning is a problem that does not stop a catalog from loading: an older
// catalog format that lacks what the current one requires. It prints as
// file:line like a Problem, so an author can find and fix it.
type Warning = Problem

// maxProblems bounds the report for a thoroughly broken file, for errors and
// warnings alike.
const maxProblems = 50

type collector struct {
	file string
	ps   Problems
	ws   []Warning
}

func (c *collector) add(line int, format string, args ...any) {
	if len(c.ps) < maxProblems {
		c.ps = append(c.ps, Problem{c.file, line, fmt.Sprintf(format, args...)})
	}
}

func (c *collector) warn(line int, format string, args ...any) {
	if len(c.ws) < maxProblems {
		c.ws = append(c.ws, Warning{c.file, line, fmt.Sprintf(format, args...)})
	}
}

// addOrWarn reports a rule of format 2 as an error in a format-2 catalog and
// as a warning in an older one, which keeps loading.
func (c *collector) addOrWarn(format, line int, msg string, args ...any) {
	if format >= 2 {
		c.add(line, msg, args...)
	} else {
		c.warn(line, msg+" (an error from format 2 on)", args...)
	}
}

func (c *collector) err() error {
	if len(c.ps) == 0 {
		return nil
	}
	return c.ps
}
