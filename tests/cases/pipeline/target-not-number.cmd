pipeline --target 5k winrate.csv
