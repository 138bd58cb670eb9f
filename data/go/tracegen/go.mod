module golab/tracegen

go 1.19
