lead-convert --stage-col stage --stage-map won stagecol.csv
