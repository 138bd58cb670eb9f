module golab/ctxtree

go 1.19
