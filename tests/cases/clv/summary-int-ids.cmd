clv --summary int-ids.csv
