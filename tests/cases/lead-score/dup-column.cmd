lead-score --rules r-dup.csv --stages lead,customer dupcol.csv
