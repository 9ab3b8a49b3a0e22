cac --spend spend.csv --by channel --fiscal-year-start feb leads.csv
