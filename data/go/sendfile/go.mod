module golab/sendfile

go 1.19
