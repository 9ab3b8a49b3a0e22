pipeline --target 0 winrate.csv
