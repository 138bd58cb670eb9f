module golab/tracesummary

go 1.19
