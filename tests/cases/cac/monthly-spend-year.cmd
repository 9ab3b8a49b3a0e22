cac --spend monthly.csv --period year --fiscal-year-start 3 leads.csv
