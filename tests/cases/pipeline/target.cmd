pipeline --target 5000 winrate.csv
