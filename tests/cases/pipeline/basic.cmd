pipeline winrate.csv
