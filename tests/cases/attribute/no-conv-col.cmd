attribute no-conv-col.csv
