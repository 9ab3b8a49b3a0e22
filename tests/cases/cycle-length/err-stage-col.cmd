cycle-length --stage-col stage small.csv
