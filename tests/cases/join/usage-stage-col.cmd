lead-convert --stage-col stage --join deals.csv mql.csv
