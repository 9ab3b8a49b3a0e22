roi --count-col n --spend ../cac/spend.csv --by channel --total ../cac/counted-leads.csv
