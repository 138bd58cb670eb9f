module golab/cheaprand

go 1.19
