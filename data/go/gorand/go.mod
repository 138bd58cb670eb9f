module golab/gorand

go 1.19
