lead-convert --stages lead,sql,customer small.csv
