module golab/startup

go 1.19
