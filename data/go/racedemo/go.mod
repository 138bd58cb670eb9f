module golab/racedemo

go 1.19
