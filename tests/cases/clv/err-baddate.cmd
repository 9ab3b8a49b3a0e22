clv --summary baddate.csv
