module golab/leakhunt

go 1.19
