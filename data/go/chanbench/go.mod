module golab/chanbench

go 1.19
