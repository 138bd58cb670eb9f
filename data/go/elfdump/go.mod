module golab/elfdump

go 1.19
