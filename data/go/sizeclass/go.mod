module golab/sizeclass

go 1.19
