lead-convert --stage-col stage --stage-map 'Closed Won=won' stagecol.csv
