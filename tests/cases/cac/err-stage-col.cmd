cac --spend spend.csv --stage-col stage leads.csv
