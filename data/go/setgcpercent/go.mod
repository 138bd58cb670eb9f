module golab/setgcpercent

go 1.19
