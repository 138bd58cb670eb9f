module golab/gcload

go 1.19
