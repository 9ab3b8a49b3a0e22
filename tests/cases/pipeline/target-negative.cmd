pipeline --target -100 winrate.csv
