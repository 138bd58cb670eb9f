package main

import "testing"

// TestRun passes without -race (usually); with -race the detector fails it: "testing.go: race detected during execution of test".
func TestRun(t *testing.T) {
	if got := Run(1000); got <= 0 || got > 2000 {
		t.Fatalf("Run(1000) = %d", got)
	}
}

func TestPeek(t *testing.T) {
	if got := Peek(); got != 0 && got != 1 {
		t.Fatalf("Peek() = %d", got)
	}
}
