cycle-length --annotate annotated.csv
