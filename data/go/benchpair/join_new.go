//go:build new

package benchpair

import "strings"

// Join concatenates with a strings.Builder grown once to the final size: one allocation.
func Join(pieces []string) string {
	n := 0
	for _, p := range pieces {
		n += len(p)
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range pieces {
		b.WriteString(p)
	}
	return b.String()
}
