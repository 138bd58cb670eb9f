module golab/welcome-waitgroup

go 1.19
