package main

import "strings"

// closest returns the candidate a mistyped word was most likely meant to be
// ("metrix" -> "matrix", "fromat" -> "format"), or "" when none is near
// enough to be worth suggesting. Near enough: one edit per three letters,
// at least one and at most two, and fewer edits than the word has letters,
// so "x" never becomes "o" and "pdf" never "md"; case does not count
// ("MATRIX" -> "matrix"). Ties go to the
// earlier candidate, so callers list them in the order they document.
func closest(word string, candidates []string) string {
	word = strings.ToLower(word)
	n := len([]rune(word))
	best, bestD := "", min(2, max(1, n/3))+1
	for _, c := range candidates {
		if d := editDistance(word, strings.ToLower(c)); d < bestD && d < n {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// two neighbouring letters that turn a into b (the optimal string alignment
// distance): a swap is the commonest typo, so it costs one edit, not two.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// d[i][j] is the distance between s[:i] and t[:j].
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
