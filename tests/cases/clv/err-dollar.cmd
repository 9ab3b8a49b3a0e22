clv --summary dollar.csv
