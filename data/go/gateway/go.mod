module golab/gateway

go 1.19
