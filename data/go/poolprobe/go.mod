module golab/poolprobe

go 1.19
