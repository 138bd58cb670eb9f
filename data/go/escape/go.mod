module golab/escape

go 1.19
