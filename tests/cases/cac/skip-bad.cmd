cac --spend somebad.csv --skip-bad --by channel leads.csv
