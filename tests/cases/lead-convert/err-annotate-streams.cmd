lead-convert --stages created,mql --annotate annotate-bad-row.csv
