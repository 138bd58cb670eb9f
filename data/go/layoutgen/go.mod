module golab/layoutgen

go 1.19
