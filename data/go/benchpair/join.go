// Package benchpair is the "before/after" pair of golab benchstat's recordings (data/README.md): the same
// benchmarks built twice, once with the old Join (string +=, a new string per piece) and once, with -tags new, with
// the new Join (strings.Builder, grown once). Split is the same in both builds: benchstat should report "~" for it.
package benchpair

import "strings"

// Pieces is the input of both benchmarks: 64 pieces of 16 bytes.
var Pieces = func() []string {
	p := make([]string, 64)
	for i := range p {
		p[i] = strings.Repeat(string(rune('a'+i%26)), 16)
	}
	return p
}()

// Split cuts s into fields; it does not change between the old and the new build.
func Split(s string) []string {
	return strings.Fields(s)
}
