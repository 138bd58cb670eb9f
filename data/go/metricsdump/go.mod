module golab/metricsdump

go 1.19
