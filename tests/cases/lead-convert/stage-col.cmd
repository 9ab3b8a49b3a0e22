lead-convert --stage-col stage --by channel stagecol.csv
