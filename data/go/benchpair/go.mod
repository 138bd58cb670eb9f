module golab/benchpair

go 1.19
