module golab/chantrace

go 1.19
