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

// maxProblems bounds the report for a thoroughly broken file.
const maxProblems = 50

type collector struct {
	file string
	ps   Problems
}

func (c *collector) add(line int, format string, args ...any) {
	if len(c.ps) < maxProblems {
		c.ps = append(c.ps, Problem{c.file, line, fmt.Sprintf(format, args...)})
	}
}

func (c *collector) err() error {
	if len(c.ps) == 0 {
		return nil
	}
	return c.ps
}
