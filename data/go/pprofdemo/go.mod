module golab/pprofdemo

go 1.19
