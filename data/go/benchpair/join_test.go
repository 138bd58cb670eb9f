package benchpair

import (
	"strings"
	"testing"
)

var sink interface{}

func TestJoin(t *testing.T) {
	if got, want := Join(Pieces), strings.Join(Pieces, ""); got != want {
		t.Fatalf("Join = %q, want %q", got, want)
	}
}

func BenchmarkJoin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = Join(Pieces)
	}
}

var text = strings.Repeat("the quick brown fox ", 32)

func BenchmarkSplit(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = Split(text)
	}
}
