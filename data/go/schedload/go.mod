module golab/schedload

go 1.19
