module golab/httpsvc

go 1.19
