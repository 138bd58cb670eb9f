module golab/zerocopy

go 1.19
