roi --spend ../cac/spend.csv --by channel --fiscal-year-start 2 --total ../cac/leads.csv
