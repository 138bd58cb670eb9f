module golab/coverdemo

go 1.19
