module golab/tracestats

go 1.19
