module golab/welcome-sleep

go 1.19
