module golab/hello

go 1.19
