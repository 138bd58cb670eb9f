module golab/preempt

go 1.19
