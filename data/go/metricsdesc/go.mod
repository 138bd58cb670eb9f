module golab/metricsdesc

go 1.19
