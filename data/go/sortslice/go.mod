module golab/sortslice

go 1.19
