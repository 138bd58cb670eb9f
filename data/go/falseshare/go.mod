module golab/falseshare

go 1.19
