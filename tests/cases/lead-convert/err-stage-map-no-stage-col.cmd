lead-convert --stage-map 'Closed Won=customer' stagecol.csv
