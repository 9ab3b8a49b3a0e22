lead-convert --stage-col stage --window 30 stagecol.csv
