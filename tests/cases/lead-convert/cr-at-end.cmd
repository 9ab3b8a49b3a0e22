lead-convert cr-at-end.csv
