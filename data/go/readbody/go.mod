module golab/readbody

go 1.19
