module golab/defer

go 1.19
