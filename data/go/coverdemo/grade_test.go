package coverdemo

import "testing"

func TestGrade(t *testing.T) {
	for score, want := range map[int]string{95: "A", 85: "B", 75: "C", 10: "F"} {
		if got, err := Grade(score); err != nil || got != want {
			t.Errorf("Grade(%d) = %q, %v; want %q", score, got, err, want)
		}
	}
	if _, err := Grade(101); err != ErrRange {
		t.Errorf("Grade(101) error = %v", err)
	}
}

func TestReport(t *testing.T) {
	got, err := Report([]int{95, 85, 10})
	if err != nil || got != "A,B,F" {
		t.Fatalf("Report = %q, %v", got, err)
	}
	if h := Histogram(got); h["A"] != 1 || h["F"] != 1 {
		t.Fatalf("Histogram(%q) = %v", got, h)
	}
}
