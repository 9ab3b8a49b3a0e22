cac --spend spend.csv --period year --fiscal-year-start 2 leads.csv
