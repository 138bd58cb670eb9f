//go:build !new

package benchpair

// Join concatenates with +=: every step copies everything so far into a new string.
func Join(pieces []string) string {
	s := ""
	for _, p := range pieces {
		s += p
	}
	return s
}
